package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The total order of the points of one training step, and what the walkthrough says exists at each. */
class CursorTest {

    /** START, forward 0 … T−1, LOSS, backward (T−1, 1 … 4) … (0, 1 … 4), UPDATE: written out. */
    private static List<Cursor> expectedOrder(int steps) {
        List<Cursor> out = new ArrayList<>();
        out.add(Cursor.START);
        for (int t = 0; t < steps; t++) {
            out.add(Cursor.forward(t));
        }
        out.add(Cursor.loss());
        for (int t = steps - 1; t >= 0; t--) {
            for (BackwardStage s : BackwardStage.values()) {
                out.add(Cursor.backward(t, s));
            }
        }
        out.add(Cursor.update());
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void indexAndAtRoundTripInOrder(int steps) {
        List<Cursor> order = expectedOrder(steps);
        assertEquals(order.size(), Cursor.positions(steps));
        assertEquals(5 * steps + 3, Cursor.positions(steps));
        for (int i = 0; i < order.size(); i++) {
            Cursor c = order.get(i);
            assertEquals(i, c.index(steps), c.toString());
            assertEquals(c, Cursor.at(i, steps));
            assertEquals(c, Cursor.at(c.index(steps), steps));
            for (int j = 0; j < order.size(); j++) {
                assertEquals(i >= j, c.hasReached(order.get(j), steps), c + " reached " + order.get(j));
            }
        }
        // clamped outside the range
        assertEquals(Cursor.START, Cursor.at(-3, steps));
        assertEquals(Cursor.update(), Cursor.at(order.size() + 7, steps));
    }

    @Test
    void stagesAreNumberedOneToFour() {
        BackwardStage[] s = BackwardStage.values();
        assertEquals(4, s.length);
        assertEquals(List.of(BackwardStage.OUTPUT_GRADIENT, BackwardStage.ADD_FUTURE,
                BackwardStage.PARAMETER_GRADIENTS, BackwardStage.PASS_BACK), List.of(s));
        for (int i = 0; i < 4; i++) {
            assertEquals(i + 1, s[i].number());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void phasesStartAndEnd(int steps) {
        for (Cursor c : expectedOrder(steps)) {
            Cursor start = c.startOfPhase(steps);
            Cursor end = c.endOfPhase(steps);
            assertEquals(c.phase(), start.phase());
            assertEquals(c.phase(), end.phase());
            switch (c.phase()) {
                case FORWARD -> {
                    assertEquals(Cursor.forward(0), start);
                    assertEquals(Cursor.forward(steps - 1), end);
                }
                case BACKWARD -> {
                    assertEquals(Cursor.backward(steps - 1, BackwardStage.OUTPUT_GRADIENT), start);
                    assertEquals(Cursor.backward(0, BackwardStage.PASS_BACK), end);
                }
                default -> {
                    assertEquals(c, start);
                    assertEquals(c, end);
                }
            }
            // the phase's points are exactly those between its start and its end
            assertTrue(start.index(steps) <= c.index(steps) && c.index(steps) <= end.index(steps));
            if (start.index(steps) > 0) {
                assertTrue(Cursor.at(start.index(steps) - 1, steps).phase().ordinal() < c.phase().ordinal());
            }
            if (end.index(steps) < Cursor.positions(steps) - 1) {
                assertTrue(Cursor.at(end.index(steps) + 1, steps).phase().ordinal() > c.phase().ordinal());
            }
        }
    }

    @Test
    void aPointOfTheWalkSaysWhatHasRun() {
        Random rng = new Random(3);
        Model m = Cases.model(CellType.RNN, Activation.TANH, 3, 2, 3, rng);
        int steps = 5;
        Walkthrough w = new Walkthrough(m, Cases.characters(m, steps, 1, Cases.Targets.ALL, false, rng), 0.1);
        assertEquals(steps, w.steps());
        WalkPoint at = w.at(Cursor.START);
        assertEquals(Cursor.START, at.cursor());
        assertFalse(at.forwardDone(0));
        assertFalse(at.lossDone());
        assertFalse(at.backwardDone(steps - 1, BackwardStage.OUTPUT_GRADIENT));
        assertFalse(at.updateDone());

        at = w.at(Cursor.forward(2));
        assertEquals(Cursor.forward(2), at.cursor());
        for (int t = 0; t < steps; t++) {
            assertEquals(t <= 2, at.forwardDone(t), "forward " + t);
        }
        assertFalse(at.lossDone());

        at = w.at(Cursor.loss());
        assertTrue(at.forwardDone(steps - 1));
        assertTrue(at.lossDone());
        assertFalse(at.backwardDone(steps - 1, BackwardStage.OUTPUT_GRADIENT));

        at = w.at(Cursor.backward(3, BackwardStage.ADD_FUTURE));
        assertTrue(at.lossDone());
        for (BackwardStage s : BackwardStage.values()) {
            assertTrue(at.backwardDone(4, s), "step 4 " + s);
            assertEquals(s.ordinal() <= 1, at.backwardDone(3, s), "step 3 " + s);
            assertFalse(at.backwardDone(2, s), "step 2 " + s);
        }
        assertFalse(at.updateDone());

        at = w.at(Cursor.backward(0, BackwardStage.PASS_BACK));
        assertTrue(at.backwardDone(0, BackwardStage.PASS_BACK));
        assertFalse(at.updateDone());

        at = w.at(Cursor.update());
        assertTrue(at.updateDone());
        assertTrue(at.forwardDone(0) && at.lossDone() && at.backwardDone(0, BackwardStage.PASS_BACK));

        // reading another point never recomputes: the gradients are the same object with the same values
        Params g = w.gradients();
        double[] before = g.weightHh.data.clone();
        at = w.at(Cursor.START);
        assertFalse(at.forwardDone(0));
        assertEquals(g, w.gradients());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, w.gradients().weightHh.data, 0.0);
    }
}
