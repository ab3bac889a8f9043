package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stepping walk over the grid: its order, what exists where, padding, and its numbers. */
class GridWalkTest {

    private static GridWalk walk(StackedBpttReferenceTest.Case c) {
        return new GridWalk(c.model(), c.batch());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 13, 17, 22, 30, 41, 47, 58, 71, 86, 95})
    void everyCellIsVisitedOnceForwardAndOncePerStageBackward(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        GridWalk w = walk(c);
        int cells = w.lanes().size() * w.steps();
        for (int b = 0; b < w.sequences(); b++) {
            List<GridCursor> pts = w.order(b).points();
            assertEquals(2 + cells * (1 + BackwardStage.values().length), pts.size());
            assertEquals(GridCursor.START, pts.get(0));
            assertEquals(GridCursor.LOSS, pts.get(1 + cells));
            assertEquals(pts.size(), new HashSet<>(pts).size(), "a point twice");
            for (Lane lane : w.lanes()) {
                for (int t = 0; t < w.steps(); t++) {
                    assertTrue(pts.contains(GridCursor.forward(lane, t)));
                    for (BackwardStage s : BackwardStage.values()) {
                        assertTrue(pts.contains(GridCursor.backward(lane, t, s)));
                    }
                }
            }
        }
    }

    /** Each point comes after every point it reads: the layer below (forward), the layer above (backward), its own past or future. */
    @ParameterizedTest
    @ValueSource(ints = {0, 3, 13, 17, 22, 30, 41, 47, 58, 71, 86, 95})
    void theOrderIsValid(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        GridWalk w = walk(c);
        int steps = w.steps();
        for (int b = 0; b < w.sequences(); b++) {
            GridOrder o = w.order(b);
            int len = w.batch().length(b);
            for (Lane lane : w.lanes()) {
                for (int s = 0; s < steps; s++) {
                    int t = GridOrder.time(lane, s, len);
                    int fwd = o.indexOf(GridCursor.forward(lane, t));
                    if (s > 0) {
                        assertTrue(o.indexOf(GridCursor.forward(lane, GridOrder.time(lane, s - 1, len))) < fwd);
                    }
                    int first = o.indexOf(GridCursor.backward(lane, t, BackwardStage.OUTPUT_GRADIENT));
                    assertTrue(o.indexOf(GridCursor.LOSS) < first);
                    if (s < steps - 1) {
                        int futureDone = o.indexOf(GridCursor.backward(lane, GridOrder.time(lane, s + 1, len),
                                BackwardStage.PASS_BACK));
                        assertTrue(futureDone < o.indexOf(GridCursor.backward(lane, t, BackwardStage.ADD_FUTURE)));
                    }
                    for (Lane other : w.lanes()) {
                        for (int u = 0; u < steps; u++) {
                            if (other.layer() == lane.layer() - 1) {
                                assertTrue(o.indexOf(GridCursor.forward(other, u)) < fwd, "forward reads the layer below");
                            }
                            if (other.layer() == lane.layer() + 1) {
                                assertTrue(o.indexOf(GridCursor.backward(other, u, BackwardStage.PASS_BACK)) < first,
                                        "backward reads the layer above");
                            }
                        }
                    }
                    for (BackwardStage st : BackwardStage.values()) {
                        assertEquals(first + st.ordinal(), o.indexOf(GridCursor.backward(lane, t, st)));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 19, 29, 35, 46, 59, 63, 77, 90})
    void whatExistsFollowsTheCursor(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        GridWalk w = walk(c);
        int b = w.sequences() - 1;
        GridOrder o = w.order(b);
        Lane lane = w.lanes().get(w.lanes().size() - 1);
        int t = GridOrder.time(lane, 0, w.batch().length(b));
        int fwd = o.indexOf(GridCursor.forward(lane, t));
        assertTrue(w.at(b, fwd - 1).cell(lane, t).isEmpty(), "no state before its forward step");
        GridPoint after = w.at(b, fwd).cell(lane, t).orElseThrow();
        assertNotNull(after.h());
        assertNull(after.dh());
        assertNull(after.dhFromAbove());
        assertTrue(w.at(b, fwd).stepLoss(t).isEmpty(), "no loss before LOSS");
        int above = o.indexOf(GridCursor.backward(lane, t, BackwardStage.OUTPUT_GRADIENT));
        GridPoint s1 = w.at(b, above).cell(lane, t).orElseThrow();
        assertNotNull(s1.dhFromAbove());
        assertNull(s1.dhFromFuture());
        assertNull(s1.dh());
        GridPoint s2 = w.at(b, above + 1).cell(lane, t).orElseThrow();
        assertNotNull(s2.dhFromFuture());
        assertNotNull(s2.dh());
        for (int j = 0; j < s2.dh().length; j++) {
            assertEquals(s2.dhFromAbove()[j] + s2.dhFromFuture()[j], s2.dh()[j], 1e-12, "dh = from above + from future");
        }
        assertEquals(w.order(b).size() - 1, w.at(b, 1 << 20).index(), "clamped");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 13, 17, 22, 30, 41, 47, 58, 71, 86, 95})
    void theNumbersAreTheStackedEngineAndTheLoopReference(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        GridWalk w = walk(c);
        StackedBptt pass = new StackedBptt(c.model(), c.batch());
        double loss = pass.forward();
        StackedParams g = c.model().params().zerosLike();
        pass.backward(g);
        assertEquals(loss, w.loss(), 0.0);
        c.ref().run(c.x(), c.len(), c.cls(), c.vec(), c.h0(), c.c0());
        assertEquals(c.ref().loss, w.loss(), 1e-9);
        for (String n : g.names()) {
            assertArrayEquals(g.get(n).data, w.gradients().get(n).data, 0.0, n);
        }
        int hs = c.model().hiddenSize();
        int top = c.model().layers() - 1;
        for (int b = 0; b < w.sequences(); b++) {
            GridWalkPoint end = w.at(b, w.order(b).size() - 1);
            for (int t = 0; t < w.steps(); t++) {
                assertEquals(c.ref().stepLoss[b][t], end.stepLoss(t).orElseThrow(), 1e-9);
                for (Lane lane : w.lanes()) {
                    GridPoint want = pass.gridPoint(lane, t, b);
                    GridPoint got = end.cell(lane, t).orElseThrow();
                    assertArrayEquals(want.h(), got.h(), 0.0);
                    assertArrayEquals(want.dh(), got.dh(), 0.0);
                    assertArrayEquals(want.dhFromAbove(), got.dhFromAbove(), 0.0);
                    assertArrayEquals(want.dhFromFuture(), got.dhFromFuture(), 0.0);
                    if (lane.layer() == top && t < c.len()[b]) {
                        int off = lane.direction() == Lane.Direction.BACKWARD ? hs : 0;
                        for (int j = 0; j < hs; j++) {
                            assertEquals(c.ref().top[b][t][off + j], got.h()[j], 1e-9, "top h vs the loop reference");
                        }
                    }
                }
            }
        }
    }

    @Test
    void paddedStepsOfTheMaskedFixtureShowZeroLossAndZeroGradient() throws Exception {
        java.nio.file.Path dir = org.unroll.testing.Fixtures.dir().resolve("deep");
        StackedModel m = org.unroll.io.StackedModelFile.read(dir.resolve("words_bigru_masked.model.json")).model();
        PaddedBatch batch = org.unroll.io.PaddedSequenceFile.read(dir.resolve("words_bigru_masked.seq.json"), m).batch();
        GridWalk w = new GridWalk(m, batch);
        int padded = 0;
        for (int b = 0; b < w.sequences(); b++) {
            GridWalkPoint end = w.at(b, w.order(b).size() - 1);
            for (int t = 0; t < w.steps(); t++) {
                boolean real = t < batch.length(b);
                assertEquals(real, end.real(t));
                for (Lane lane : w.lanes()) {
                    GridPoint p = end.cell(lane, t).orElseThrow();
                    assertEquals(real, p.real());
                    if (!real) {
                        padded++;
                        assertEquals(0.0, end.stepLoss(t).orElseThrow(), 0.0);
                        assertEquals(0.0, GridWalkPoint.norm(p.dh()), 0.0);
                        assertEquals(0.0, GridWalkPoint.norm(p.dhFromAbove()), 0.0);
                    } else if (t == 0 && lane.layer() == 0) {
                        assertTrue(GridWalkPoint.norm(p.dh()) > 0, "a real step has a gradient");
                    }
                }
            }
        }
        assertTrue(padded > 0, "the fixture has padding");
    }
}
