package org.unroll.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridPoint;
import org.unroll.engine.GridWalk;
import org.unroll.engine.Lane;
import org.unroll.task.GridScenario;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;

/** The values tab at a cell of a grid: what GridWalkPoint offers there, and nothing that does not exist yet. */
class GridCellContentTest {
    private static final GridScenario G = GridScenario.build(Setup.JEEP.withCell(CellType.LSTM).withLayers(2)
            .withBidirectional(true).withHiddenSize(3).withBatch(List.of("jeep", "cat")));
    private static final GridWalk W = new GridWalk(G.model(), G.batch());
    private static final Lane L0R = new Lane(0, Lane.Direction.BACKWARD);

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private static Map<String, InspectorEntry> at(int b, GridCursor c) {
        return GridCellContent.at(W.at(b, W.order(b).indexOf(c))).stream()
                .collect(Collectors.toMap(InspectorEntry::id, Function.identity()));
    }

    @Test
    void stageOneShowsTheGradientFromAboveAndStageTwoAddsTheFuture() {
        Map<String, InspectorEntry> one = at(0, GridCursor.backward(L0R, 1, BackwardStage.OUTPUT_GRADIENT));
        assertTrue(one.containsKey("grid_dhAbove"));
        assertTrue(one.get("grid_dhAbove").fresh());
        assertFalse(one.containsKey("grid_dhFuture"));
        assertFalse(one.containsKey("grid_dh"));
        Map<String, InspectorEntry> two = at(0, GridCursor.backward(L0R, 1, BackwardStage.ADD_FUTURE));
        GridPoint p = W.cell(L0R, 1, 0);
        assertArrayEquals(p.dhFromFuture(), column(two.get("grid_dhFuture")), 0.0);
        assertArrayEquals(p.dh(), column(two.get("grid_dh")), 0.0);
        assertArrayEquals(p.h(), column(two.get("grid_h")), 0.0);
        assertArrayEquals(p.c(), column(two.get("grid_c")), 0.0);
        assertEquals(4, two.keySet().stream().filter(k -> k.startsWith("grid_gate_")).count(), "i, f, g, o");
    }

    @Test
    void beforeItsForwardStepACellShowsNothingAndPaddingReadsZero() {
        assertTrue(at(0, GridCursor.forward(new Lane(0, Lane.Direction.FORWARD), 0)).containsKey("grid_h"));
        assertFalse(at(0, GridCursor.forward(new Lane(0, Lane.Direction.FORWARD), 0)).containsKey("grid_dhAbove"));
        // "cat" reads two characters of the three steps: step 3 is padding
        Map<String, InspectorEntry> pad = at(1, GridCursor.backward(new Lane(1, Lane.Direction.FORWARD), 2,
                BackwardStage.PASS_BACK));
        for (double v : column(pad.get("grid_dh"))) {
            assertEquals(0.0, v);
        }
        assertEquals(0.0, pad.get("grid_L").values()[0][0]);
        assertTrue(pad.get("grid_h").title().contains("padding"));
        double[] losses = at(1, GridCursor.LOSS).get("grid_losses").values()[0];
        assertEquals(3, losses.length);
        assertTrue(losses[0] > 0 && losses[1] > 0);
        assertEquals(0.0, losses[2]);
    }

    private static double[] column(InspectorEntry e) {
        double[][] v = e.values();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i][0];
        }
        return out;
    }
}
