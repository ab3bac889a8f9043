package org.unroll.ui.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.charts.GradientFlow;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.ui.session.Session;

class CompareSessionTest {

    private static CompareSession opened() {
        CompareSession c = new CompareSession(Runnable::run, Runnable::run);
        c.applyDefault();
        return c;
    }

    @Test
    void theDefaultComparesThreeCellsOnOneTextSeedAndSize() {
        CompareSession c = opened();
        assertTrue(c.ready());
        assertEquals(List.of(CellType.RNN, CellType.LSTM, CellType.GRU), c.cells());
        List<Walkthrough> walks = c.walks();
        assertEquals(3, walks.size());
        for (Walkthrough w : walks) {
            assertEquals(40, w.steps(), "T = 40");
            assertEquals(CompareSession.DEFAULT_HIDDEN, w.model().hiddenSize());
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
        CompareSession c = opened();
        List<GradientFlow> flows = c.flows();
        double rnn = flows.get(0).jacobianNorms()[0];
        double lstm = flows.get(1).jacobianNorms()[0];
        double lstmCell = flows.get(1).cellJacobianNorms()[0];
        // ‖∂h_T/∂h_0‖ over 40 steps: the plain RNN's is below 1e-8, the LSTM's cell path stays above 1e-3
        assertTrue(rnn < 1e-8, "RNN " + rnn);
        assertTrue(lstmCell > 1e-3, "LSTM cell path " + lstmCell);
        assertTrue(lstm / rnn > 1e5, "LSTM " + lstm + " vs RNN " + rnn);
        // the numbers are the engine's, straight from each walk
        assertEquals(c.walks().get(0).flow().jacobianNorms()[0], rnn);
    }

    @Test
    void theLstmOnlyDiffersInItsForgetBias() {
        CompareSession c = opened();
        Scenario plain = Scenario.build(CompareSession.defaultSetup().withCell(CellType.LSTM));
        var p = c.walks().get(1).model().params();
        int h = CompareSession.DEFAULT_HIDDEN;
        for (int j = 0; j < 4 * h; j++) {
            double expected = plain.model().params().biasIh.data[j] + (j >= h && j < 2 * h ? 1.0 : 0.0);
            assertEquals(expected, p.biasIh.data[j], 1e-15);
        }
        // every other tensor is the plain LSTM's, entry by entry
        var q = plain.model().params();
        for (String name : new String[] {"weight_ih", "weight_hh", "bias_hh", "weight_out", "bias_out"}) {
            assertArrayEquals(q.get(name).data, p.get(name).data, name);
        }
        assertEquals(q.weightHh.numRows, p.weightHh.numRows);
        assertEquals(q.weightHh.numCols, p.weightHh.numCols);
    }

    @Test
    void stepsTogether() {
        CompareSession c = opened();
        c.stepForward();
        c.stepForward();
        for (Session s : c.sessions()) {
            assertEquals(Cursor.forward(1), s.getCursor());
        }
        c.moveTo(Cursor.backward(30, BackwardStage.PASS_BACK));
        for (Session s : c.sessions()) {
            assertEquals(Cursor.backward(30, BackwardStage.PASS_BACK), s.getCursor());
        }
        c.jumpEnd();
        assertEquals(Cursor.update(), c.getCursor());
        assertEquals(c.positionsProperty().get() - 1, c.positionProperty().get());
        c.jumpStart();
        assertEquals(Cursor.START, c.sessions().get(2).getCursor());
    }

    @Test
    void aNewComparisonKeepsTheCursor() {
        CompareSession c = opened();
        c.moveTo(Cursor.forward(10));
        c.apply(CompareSession.defaultSetup().withSeed(3), List.of(CellType.RNN, CellType.LSTM));
        assertEquals(2, c.sessions().size());
        for (Session s : c.sessions()) {
            assertEquals(Cursor.forward(10), s.getCursor());
            assertNull(s.getSetup());
        }
        // a shorter text: the step is clamped
        c.apply(CompareSession.defaultSetup().withText("jeep"), List.of(CellType.RNN, CellType.LSTM));
        assertEquals(Cursor.forward(2), c.sessions().get(0).getCursor());
    }

    @Test
    void twoOrThreeDifferentCells() {
        CompareSession c = new CompareSession(Runnable::run, Runnable::run);
        assertThrows(IllegalArgumentException.class, () -> c.apply(CompareSession.defaultSetup(), List.of(CellType.RNN)));
        assertThrows(IllegalArgumentException.class, () -> c.apply(CompareSession.defaultSetup(),
                List.of(CellType.RNN, CellType.RNN)));
    }

    @Test
    void setupsFollowTheModelPanelsRules() {
        CompareSession c = new CompareSession(Runnable::run, Runnable::run);
        List<CellType> two = List.of(CellType.RNN, CellType.LSTM);
        // the panel stops at H = 64; compare mode used to accept up to 256
        var big = assertThrows(IllegalArgumentException.class,
                () -> c.apply(CompareSession.defaultSetup().withHiddenSize(65), two));
        assertEquals(org.unroll.ui.modelpanel.ModelPanelViewModel.problemWith(
                CompareSession.defaultSetup().withHiddenSize(65)), big.getMessage());
        assertTrue(big.getMessage().contains("64"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.apply(CompareSession.defaultSetup().withHiddenSize(256), two));
        assertThrows(IllegalArgumentException.class, () -> c.apply(CompareSession.defaultSetup().withText("j"), two));
        assertNull(c.setup(), "nothing was applied");
        assertNull(org.unroll.ui.modelpanel.ModelPanelViewModel.problemWith(CompareSession.defaultSetup()));
    }
}
