package org.unroll.ui.formula;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridPoint;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.Lane;
import org.unroll.engine.Phase;
import org.unroll.task.GridScenario;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;

/** The formula tab over a grid: every point has formulas, with the cell's own numbers. */
class GridFormulaContentTest {

    @BeforeAll
    static void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    private static GridScenario scenario(CellType cell, int layers, boolean bi) {
        return GridScenario.build(Setup.JEEP.withCell(cell).withLayers(layers).withBidirectional(bi)
                .withBatch(List.of("jeep", "cat", "ox")));
    }

    private static void assertParses(String latex, String where) {
        assertNull(FormulaRenderer.unbalancedBraces(latex), where + ": " + latex);
        assertDoesNotThrow(() -> new TeXFormula(latex), where + ": " + latex);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void everyPointOfEverySequenceHasFormulasThatParse(CellType cell) {
        for (int layers = 1; layers <= 3; layers++) {
            GridScenario sc = scenario(cell, layers, true);
            GridWalk w = new GridWalk(sc.model(), sc.batch());
            for (int b = 0; b < w.sequences(); b++) {
                for (int i = 0; i < w.order(b).size(); i++) {
                    GridWalkPoint at = w.at(b, i);
                    FormulaContent f = GridFormulaContent.at(at, sc);
                    String where = cell + " L=" + layers + " b=" + b + " " + at.cursor();
                    assertFalse(f.equations().isEmpty(), where);
                    assertFalse(f.caption().isBlank(), where);
                    assertFalse(f.caption().contains("{"), where + ": " + f.caption());
                    for (FormulaContent.Equation e : f.equations()) {
                        assertParses(e.symbolic(), where);
                        if (e.numeric() != null) {
                            assertParses(e.numeric(), where);
                            // every segment the pane renders on its own parses too
                            for (String piece : FormulaViewModel.segments(e.numeric(), true)) {
                                assertParses(piece, where);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Stage 2: dL/dh = from above + from its own future, with this cell's numbers. */
    @Test
    void addingTheFutureShowsTheGradientFromAboveBesideTheOneFromTheFuture() {
        GridScenario sc = scenario(CellType.LSTM, 2, true);
        GridWalk w = new GridWalk(sc.model(), sc.batch());
        for (Lane lane : w.lanes()) {
            for (int t = 0; t < 3; t++) {
                GridCursor c = GridCursor.backward(lane, t, BackwardStage.ADD_FUTURE);
                GridWalkPoint at = w.at(1, w.order(1).indexOf(c));
                GridPoint p = at.cell(lane, t).orElseThrow();
                FormulaContent f = GridFormulaContent.at(at, sc);
                String expected = "dh_t = " + FormulaContent.col(p.dhFromAbove()) + " + "
                        + FormulaContent.col(p.dhFromFuture()) + " = " + FormulaContent.col(p.dh());
                assertEquals(expected, f.equations().get(0).numeric(), lane + " t=" + t);
                assertTrue(f.equations().get(0).symbolic().contains(lane.direction() == Lane.Direction.BACKWARD ? "t-1" : "t+1"),
                        f.equations().get(0).symbolic());
                assertTrue(f.heading().contains("layer " + (lane.layer() + 1)), f.heading());
                assertTrue(f.heading().contains("t = " + (t + 1)), f.heading());
            }
        }
    }

    /** Stage 1 of a lower layer names both directions of the layer above; the top layer names W_out. */
    @Test
    void theGradientFromAboveNamesWhereItComesFrom() {
        GridScenario sc = scenario(CellType.RNN, 2, true);
        GridWalk w = new GridWalk(sc.model(), sc.batch());
        Lane low = new Lane(0, Lane.Direction.BACKWARD);
        FormulaContent lower = GridFormulaContent.at(w.at(0, w.order(0).indexOf(
                GridCursor.backward(low, 1, BackwardStage.OUTPUT_GRADIENT))), sc);
        String sym = lower.equations().get(0).symbolic();
        assertTrue(sym.contains("\\delta^{(2,\\rightarrow)}_t") && sym.contains("\\delta^{(2,\\leftarrow)}_t"), sym);
        assertTrue(lower.equations().get(0).numeric().endsWith(
                FormulaContent.col(w.cell(low, 1, 0).dhFromAbove())), lower.equations().get(0).numeric());
        FormulaContent top = GridFormulaContent.at(w.at(0, w.order(0).indexOf(
                GridCursor.backward(new Lane(1, Lane.Direction.FORWARD), 1, BackwardStage.OUTPUT_GRADIENT))), sc);
        assertTrue(top.equations().get(1).symbolic().contains(FormulaContent.WOUT), top.equations().get(1).symbolic());
    }

    /** A forward cell of the reverse direction reads h_{t+1}, and shows the h the engine wrote. */
    @Test
    void theReverseDirectionReadsItsFuture() {
        GridScenario sc = scenario(CellType.GRU, 1, true);
        GridWalk w = new GridWalk(sc.model(), sc.batch());
        Lane rev = new Lane(0, Lane.Direction.BACKWARD);
        GridWalkPoint at = w.at(0, w.order(0).indexOf(GridCursor.forward(rev, 1)));
        assertEquals(Phase.FORWARD, at.phase());
        FormulaContent f = GridFormulaContent.at(at, sc);
        FormulaContent.Equation last = f.equations().get(f.equations().size() - 1);
        assertTrue(last.symbolic().contains("h^{(1,\\leftarrow)}_{t+1}"), last.symbolic());
        assertTrue(last.numeric().endsWith(FormulaContent.col(w.cell(rev, 1, 0).h())), last.numeric());
    }
}
