package org.unroll.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridPoint;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.Lane;
import org.unroll.i18n.Notation;
import org.unroll.task.GridScenario;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;

class GridCursorTitleTest {
    private static final GridScenario G = GridScenario.build(Setup.JEEP.withLayers(2).withBidirectional(true)
            .withBatch(List.of("jeep", "cat")));
    private static final GridWalk W = new GridWalk(G.model(), G.batch());

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private static String title(int b, GridCursor c) {
        return GridCursorTitle.of(W.at(b, W.order(b).indexOf(c)), G);
    }

    @Test
    void stageOneNamesTheGradientFromAboveBesideTheOneFromItsFuture() {
        Lane lane = new Lane(0, Lane.Direction.FORWARD);
        String t = title(0, GridCursor.backward(lane, 1, BackwardStage.OUTPUT_GRADIENT));
        GridPoint p = W.cell(lane, 1, 0);
        assertTrue(t.startsWith("Backward · layer 1 → · step 2 of 3 · stage 1 of 4"), t);
        assertTrue(t.contains("from layer 2"), t);
        assertTrue(t.contains(Notation.number(GridWalkPoint.norm(p.dhFromAbove()))), t);
        assertTrue(t.contains(Notation.number(GridWalkPoint.norm(p.dhFromFuture()))), t);
        String top = title(0, GridCursor.backward(new Lane(1, Lane.Direction.BACKWARD), 0, BackwardStage.OUTPUT_GRADIENT));
        assertTrue(top.contains("layer 2 ←") && top.contains("the output layer"), top);
    }

    @Test
    void forwardStartLossAndPadding() {
        assertTrue(title(0, GridCursor.START).contains("\"jeep\", 2 layer(s), both directions"));
        assertTrue(title(0, GridCursor.forward(new Lane(0, Lane.Direction.FORWARD), 0)).startsWith(
                "Forward · layer 1 → · step 1 of 3: h₁ = tanh("));
        assertEquals("Forward · layer 1 → · step 3 (padding): padding: the state is copied through, its loss and gradient are 0",
                title(1, GridCursor.forward(new Lane(0, Lane.Direction.FORWARD), 2)));
        assertTrue(title(1, GridCursor.LOSS).contains(Notation.number(W.loss())));
    }
}
