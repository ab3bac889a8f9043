package org.unroll.ui.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.charts.GradientFlow;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.GridCursor;
import org.unroll.engine.Lane;
import org.unroll.engine.Phase;
import org.unroll.engine.Walkthrough;
import org.unroll.figures.CompareStripFigure;
import org.unroll.task.Scenario;
import org.unroll.ui.modelpanel.ModelPanelViewModel;
import org.unroll.ui.session.Session;
import org.unroll.ui.stepper.StepperViewModel;

/** Compare mode's view model: sides, the one stepper and how the others follow it, what exists where. */
class CompareViewModelTest {
    private static final int T = 40;

    private static CompareViewModel opened() {
        CompareViewModel c = new CompareViewModel(Runnable::run, Runnable::run);
        c.applyDefault();
        return c;
    }

    private static CompareViewModel opened(List<CompareViewModel.Side> sides) {
        CompareViewModel c = new CompareViewModel(Runnable::run, Runnable::run);
        c.apply(CompareViewModel.defaultSetup(), sides);
        return c;
    }

    @Test
    void theDefaultComparesThreeCellsOnOneTextSeedAndSize() {
        CompareViewModel c = opened();
        assertTrue(c.ready());
        assertEquals(CompareViewModel.CELLS, c.sides());
        List<Walkthrough> walks = c.walks();
        assertEquals(3, walks.size());
        for (Walkthrough w : walks) {
            assertEquals(T, w.steps(), "T = 40");
            assertEquals(CompareViewModel.DEFAULT_HIDDEN, w.model().hiddenSize());
            assertEquals(walks.get(0).model().vocab(), w.model().vocab());
        }
        assertEquals(CellType.RNN, walks.get(0).model().cell());
        assertEquals(CellType.LSTM, walks.get(1).model().cell());
        assertEquals("RNN (tanh)", c.label(0));
        assertEquals("LSTM (b_f +1)", c.label(1));
        assertEquals("GRU", c.label(2));
    }

    @Test
    void theRnnsGradientDiesWhileTheLstmsSurvives() {
        CompareViewModel c = opened();
        double rnn = c.flowOf(0).jacobianNorms()[0];
        double lstm = c.flowOf(1).jacobianNorms()[0];
        double lstmCell = c.flowOf(1).cellJacobianNorms()[0];
        // ‖∂h_T/∂h_0‖ over 40 steps: the plain RNN's is below 1e-8, the LSTM's cell path stays above 1e-3
        assertTrue(rnn < 1e-8, "RNN " + rnn);
        assertTrue(lstmCell > 1e-3, "LSTM cell path " + lstmCell);
        assertTrue(lstm / rnn > 1e5, "LSTM " + lstm + " vs RNN " + rnn);
    }

    @Test
    void theLstmOnlyDiffersInItsForgetBias() {
        CompareViewModel c = opened();
        Scenario plain = Scenario.build(CompareViewModel.defaultSetup().withCell(CellType.LSTM));
        var p = c.walks().get(1).model().params();
        int h = CompareViewModel.DEFAULT_HIDDEN;
        for (int j = 0; j < 4 * h; j++) {
            double expected = plain.model().params().biasIh.data[j] + (j >= h && j < 2 * h ? 1.0 : 0.0);
            assertEquals(expected, p.biasIh.data[j], 1e-15);
        }
        var q = plain.model().params();
        for (String name : new String[] {"weight_ih", "weight_hh", "bias_hh", "weight_out", "bias_out"}) {
            assertArrayEquals(q.get(name).data, p.get(name).data, name);
        }
    }

    @Test
    void aStackedLstmHasItsForgetBiasRaisedInEveryLayerAndDirection() {
        var s = CompareViewModel.setupOf(CompareViewModel.defaultSetup(), new CompareViewModel.Side(CellType.LSTM, 2, true));
        var plain = org.unroll.task.GridScenario.build(s);
        var raised = CompareViewModel.buildGrid(s, 1.0);
        int h = CompareViewModel.DEFAULT_HIDDEN;
        for (int k = 0; k < 2; k++) {
            for (int d = 0; d < 2; d++) {
                double[] a = plain.model().params().layer(k, d).biasIh.data;
                double[] b = raised.model().params().layer(k, d).biasIh.data;
                for (int j = 0; j < 4 * h; j++) {
                    assertEquals(a[j] + (j >= h && j < 2 * h ? 1.0 : 0.0), b[j], 1e-15, "layer " + k + " dir " + d);
                }
            }
        }
    }

    @Test
    void oneStepperStepsEverySide() {
        CompareViewModel c = opened();
        StepperViewModel s = c.getStepper();
        assertNotNull(s);
        assertSame(c.sessions().get(c.lead()), s.session(), "the stepper is the lead side's");
        s.stepForward();
        s.stepForward();
        for (Session x : c.sessions()) {
            assertEquals(Cursor.forward(1), x.getCursor());
        }
        c.sessions().get(c.lead()).moveTo(Cursor.backward(30, BackwardStage.PASS_BACK));
        for (Session x : c.sessions()) {
            assertEquals(Cursor.backward(30, BackwardStage.PASS_BACK), x.getCursor());
        }
        // End goes to the end of the phase, then to the update, as in the main view
        s.jumpEnd();
        assertEquals(Cursor.backward(0, BackwardStage.PASS_BACK), c.sessions().get(2).getCursor());
        s.jumpEnd();
        assertEquals(Cursor.update(), c.sessions().get(1).getCursor());
        s.jumpStart();
        s.jumpStart();
        assertEquals(Cursor.START, c.sessions().get(2).getCursor());
        // the title line is the main view's (CursorTitle) for the lead's point
        s.stepForward();
        assertEquals(org.unroll.ui.stepper.CursorTitle.of(Cursor.forward(0), c.walks().get(c.lead()),
                c.sessions().get(c.lead()).getScenario()), s.titleProperty().get());
    }

    @Test
    void aFollowerThatMovesOnItsOwnIsPutBack() {
        CompareViewModel c = opened();
        c.getStepper().stepForward();
        int other = c.lead() == 0 ? 1 : 0;
        c.sessions().get(other).moveToIndex(17);
        assertEquals(Cursor.forward(0), c.sessions().get(other).getCursor());
    }

    @Test
    void aNewComparisonKeepsThePoint() {
        CompareViewModel c = opened();
        c.sessions().get(c.lead()).moveTo(Cursor.forward(10));
        c.apply(CompareViewModel.defaultSetup().withSeed(3), List.of(CompareViewModel.Side.of(CellType.RNN),
                CompareViewModel.Side.of(CellType.LSTM)));
        assertEquals(2, c.sessions().size());
        for (Session s : c.sessions()) {
            assertEquals(Cursor.forward(10), s.getCursor());
        }
        // one layer against two: the same cell of layer 1
        c.applySides(CompareViewModel.DEPTHS);
        assertEquals(GridCursor.forward(new Lane(0, Lane.Direction.FORWARD), 10),
                c.sessions().get(1).gridCursorProperty().get());
        assertEquals(Cursor.forward(10), c.sessions().get(0).getCursor());
    }

    @Test
    void oneLayerAgainstTwoFollowsByPhaseLayerAndTime() {
        CompareViewModel c = opened(CompareViewModel.DEPTHS);
        assertEquals(1, c.lead(), "the deeper side leads");
        assertEquals("LSTM (b_f +1) · 2 layers", c.label(1));
        // the charts' legends name only what differs
        assertEquals("1 layer", c.chartLabel(0));
        assertEquals("2 layers", c.chartLabel(1));
        Session single = c.sessions().get(0);
        Session deep = c.sessions().get(1);
        StepperViewModel s = c.getStepper();
        assertSame(deep, s.session());
        Lane l1 = new Lane(0, Lane.Direction.FORWARD);
        Lane l2 = new Lane(1, Lane.Direction.FORWARD);
        int lastSingle = -1;
        int points = deep.positionsProperty().get();
        assertEquals(1 + 2 * T + 1 + 2 * 4 * T, points);
        for (int p = 0; p < points; p++) {
            GridCursor g = deep.gridCursorProperty().get();
            Cursor one = single.getCursor();
            // the single side never goes back while the lead goes on
            int index = single.positionProperty().get();
            assertTrue(index >= lastSingle, "at " + g + ": " + one);
            lastSingle = index;
            switch (g.phase()) {
                case START -> assertEquals(Cursor.START, one);
                case LOSS -> assertEquals(Cursor.loss(), one);
                case FORWARD -> assertEquals(g.lane().equals(l1) ? Cursor.forward(g.time()) : Cursor.forward(T - 1), one,
                        "layer 2 forward: the one layer has run all its steps");
                case BACKWARD -> assertEquals(g.lane().equals(l2) ? Cursor.loss() : Cursor.backward(g.time(), g.stage()), one,
                        "layer 2 backward: the one layer waits at the loss; then both walk layer 1 back together");
                default -> throw new AssertionError(g);
            }
            s.stepForward();
        }
        assertEquals(Cursor.backward(0, BackwardStage.PASS_BACK), single.getCursor());
    }

    @Test
    void oneDirectionAgainstBoth() {
        CompareViewModel c = opened(List.of(CompareViewModel.Side.of(CellType.GRU),
                new CompareViewModel.Side(CellType.GRU, 1, true)));
        assertEquals(1, c.lead());
        Session single = c.sessions().get(0);
        Session both = c.sessions().get(1);
        Lane reverse = new Lane(0, Lane.Direction.BACKWARD);
        both.moveToIndex(both.getGridWalk().order(0).indexOf(GridCursor.forward(reverse, 5)));
        assertEquals(Cursor.forward(T - 1), single.getCursor(), "the reverse row runs after the forward one");
        both.moveToIndex(both.getGridWalk().order(0).indexOf(
                GridCursor.backward(new Lane(0, Lane.Direction.FORWARD), 12, BackwardStage.ADD_FUTURE)));
        assertEquals(Cursor.backward(12, BackwardStage.ADD_FUTURE), single.getCursor());
        both.moveToIndex(both.getGridWalk().order(0).indexOf(GridCursor.backward(reverse, 12, BackwardStage.ADD_FUTURE)));
        assertEquals(Cursor.backward(0, BackwardStage.PASS_BACK), single.getCursor());
    }

    @Test
    void followMapsNeverGoBackAndStandOnSharedPoints() {
        List<CompareViewModel.Key> one = List.of(CompareViewModel.keyOf(Cursor.START), CompareViewModel.keyOf(Cursor.forward(0)),
                CompareViewModel.keyOf(Cursor.forward(1)), CompareViewModel.keyOf(Cursor.loss()),
                CompareViewModel.keyOf(Cursor.update()));
        // the same order: the identity
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, CompareViewModel.followMap(one, one));
        Lane top = new Lane(1, Lane.Direction.FORWARD);
        List<CompareViewModel.Key> two = List.of(CompareViewModel.keyOf(Cursor.START), CompareViewModel.keyOf(Cursor.forward(0)),
                CompareViewModel.keyOf(Cursor.forward(1)), new CompareViewModel.Key(GridCursor.forward(top, 0), false),
                new CompareViewModel.Key(GridCursor.forward(top, 1), false), CompareViewModel.keyOf(Cursor.loss()));
        // a one-layer follower of a two-layer lead: waits at forward step 2 while layer 2 runs, no update
        assertArrayEquals(new int[] {0, 1, 2, 2, 2, 3}, CompareViewModel.followMap(two, one));
    }

    @Test
    void atStartNothingBackwardExistsAndTheChartsSayWhy() {
        CompareViewModel c = opened(CompareViewModel.DIRECTIONS);
        for (int i = 0; i < c.sessions().size(); i++) {
            CompareStripFigure.Frame f = c.strip(i, 1, 0);
            for (int r = 0; r < f.lanes().size(); r++) {
                for (int t = 0; t < f.steps(); t++) {
                    assertFalse(f.forward()[r][t]);
                    assertEquals(0, f.backward()[r][t]);
                    assertTrue(Double.isNaN(f.timeNorm()[r][t]), "no backward arrow at Start");
                    assertTrue(Double.isNaN(f.depthNorm()[r][t]));
                }
            }
            assertEquals(-1, f.currentTime());
        }
        CompareViewModel.Charts charts = c.charts();
        assertEquals(c.sessions().size(), charts.norms().size());
        for (int first : charts.firstShown()) {
            assertEquals(T + 1, first, "no ‖dL/dh_t‖ drawn before the backward pass");
        }
        assertNotNull(charts.normsReason());
        assertTrue(charts.vanishing().isEmpty(), "the Jacobians exist once the forward pass has run");
        assertNotNull(charts.vanishingReason());
    }

    @Test
    void midBackwardOnlyTheStepsPassedBackHaveArrows() {
        CompareViewModel c = opened(CompareViewModel.DEPTHS);
        Session deep = c.sessions().get(1);
        Lane bottom = new Lane(0, Lane.Direction.FORWARD);
        deep.moveToIndex(deep.getGridWalk().order(0).indexOf(GridCursor.backward(bottom, 30, BackwardStage.PASS_BACK)));
        CompareStripFigure.Frame single = c.strip(0, 1, 0);
        GradientFlow flow = c.flowOf(0);
        for (int t = 0; t < T; t++) {
            if (t >= 30) {
                assertEquals(flow.jacobianNorms()[t], single.timeNorm()[0][t], "‖∂h_T/∂h_t‖ for step " + (t + 1));
            } else {
                assertTrue(Double.isNaN(single.timeNorm()[0][t]), "step " + (t + 1) + " has not passed back yet");
            }
        }
        CompareStripFigure.Frame grid = c.strip(1, 1, 0);
        assertEquals(List.of(new Lane(1, Lane.Direction.FORWARD), bottom), grid.lanes(), "the top layer first");
        for (int t = 0; t < T; t++) {
            assertFalse(Double.isNaN(grid.timeNorm()[0][t]), "layer 2 has passed back every step");
            assertEquals(t >= 30, !Double.isNaN(grid.timeNorm()[1][t]), "layer 1, step " + (t + 1));
            // what layer 1 receives from layer 2 exists once its stage 1 has run
            assertEquals(t >= 30, !Double.isNaN(grid.depthNorm()[1][t]), "from above at step " + (t + 1));
            assertTrue(Double.isNaN(grid.depthNorm()[0][t]), "the top layer's row has no arrow from a layer above");
        }
        assertEquals(1, grid.currentRow());
        assertEquals(30, grid.currentTime());
        CompareViewModel.Charts charts = c.charts();
        assertArrayEquals(new int[] {31, 31}, charts.firstShown());
        assertEquals(2, charts.vanishing().size());
        assertNull(charts.vanishingReason());
        assertEquals(31, charts.currentStep());
    }

    @Test
    void setupsFollowTheModelPanelsRules() {
        CompareViewModel c = new CompareViewModel(Runnable::run, Runnable::run);
        List<CompareViewModel.Side> two = List.of(CompareViewModel.Side.of(CellType.RNN), CompareViewModel.Side.of(CellType.LSTM));
        var big = assertThrows(IllegalArgumentException.class,
                () -> c.apply(CompareViewModel.defaultSetup().withHiddenSize(65), two));
        assertEquals(ModelPanelViewModel.problemWith(CompareViewModel.defaultSetup().withHiddenSize(65)), big.getMessage());
        assertTrue(big.getMessage().contains("64"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.apply(CompareViewModel.defaultSetup().withText("j"), two));
        var deep = assertThrows(IllegalArgumentException.class, () -> c.apply(CompareViewModel.defaultSetup(),
                List.of(CompareViewModel.Side.of(CellType.RNN), new CompareViewModel.Side(CellType.RNN, 5, false))));
        assertEquals(org.unroll.ui.I18n.get("modelpanel.error.layers", "4"), deep.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.apply(CompareViewModel.defaultSetup(),
                List.of(CompareViewModel.Side.of(CellType.RNN))));
        assertThrows(IllegalArgumentException.class, () -> c.apply(CompareViewModel.defaultSetup(),
                List.of(CompareViewModel.Side.of(CellType.GRU), CompareViewModel.Side.of(CellType.GRU))));
        assertNull(c.setup(), "nothing was applied");
        assertNull(CompareViewModel.problemWith(CompareViewModel.defaultSetup(), CompareViewModel.DIRECTIONS));
        assertEquals(Phase.START, Cursor.START.phase());
    }
}
