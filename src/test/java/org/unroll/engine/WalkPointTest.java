package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The query API: what exists at a cursor, the named values, and the 1-based numbers a person reads. */
class WalkPointTest {

    private static Walkthrough walk(CellType cell, Window window) {
        Random rng = new Random(9);
        Model m = Cases.model(cell, Activation.TANH, 3, 4, 3, rng);
        return new Walkthrough(m, Cases.characters(m, 5, 1, Cases.Targets.ALL, true, rng), 0.1, window);
    }

    @Test
    void valuesExistFromThePointThatComputesThem() {
        Walkthrough w = walk(CellType.LSTM, Window.WHOLE);
        Tape tape = w.tape();
        WalkPoint start = w.at(Cursor.START);
        assertTrue(start.value(Quantity.INPUT, 3).isPresent());
        assertTrue(start.value(Quantity.HIDDEN_BEFORE, 0).isPresent());
        assertFalse(start.value(Quantity.HIDDEN_BEFORE, 1).isPresent());
        assertFalse(start.value(Quantity.HIDDEN, 0).isPresent());

        WalkPoint f2 = w.at(Cursor.forward(2));
        assertArrayEquals(Cases.row(tape.h, 3), f2.value(Quantity.HIDDEN, 2).orElseThrow(), 0.0);
        assertArrayEquals(Cases.row(tape.c, 3), f2.value(Quantity.CELL, 2).orElseThrow(), 0.0);
        assertFalse(f2.value(Quantity.HIDDEN, 3).isPresent());
        assertArrayEquals(Cases.row(tape.h, 3), f2.value(Quantity.HIDDEN_BEFORE, 3).orElseThrow(), 0.0);

        WalkPoint b3 = w.at(Cursor.backward(3, BackwardStage.ADD_FUTURE));
        assertArrayEquals(Cases.row(tape.dhBack, 4), b3.value(Quantity.HIDDEN_GRADIENT_NEXT, 3).orElseThrow(), 0.0);
        assertArrayEquals(Cases.row(tape.dh, 3), b3.value(Quantity.HIDDEN_GRADIENT, 3).orElseThrow(), 0.0);
        assertFalse(b3.value(Quantity.DELTA, 3).isPresent());
        assertFalse(b3.stepContribution(3).isPresent());
        assertArrayEquals(new double[4], w.at(Cursor.backward(4, BackwardStage.ADD_FUTURE))
                .value(Quantity.HIDDEN_GRADIENT_NEXT, 4).orElseThrow(), 0.0);

        WalkPoint b3s3 = w.at(Cursor.backward(3, BackwardStage.PARAMETER_GRADIENTS));
        assertArrayEquals(Cases.row(tape.dA, 3), b3s3.value(Quantity.DELTA, 3).orElseThrow(), 0.0);
        assertSame(w.stepContribution(3), b3s3.stepContribution(3).orElseThrow());
        assertSame(w.runningSum(3), b3s3.accumulated());
        assertSame(w.runningSum(4), b3.accumulated());
        assertSame(w.gradients(), w.at(Cursor.update()).accumulated());
        assertEquals(0.0, w.at(Cursor.loss()).accumulated().globalNorm(), 0.0);
    }

    @Test
    void valuesACellDoesNotHaveNeverExist() {
        Walkthrough w = walk(CellType.GRU, Window.WHOLE);
        WalkPoint end = w.at(Cursor.update());
        assertFalse(end.value(Quantity.CELL, 0).isPresent());
        assertFalse(end.exists(Quantity.CELL_GRADIENT_BACK, 0));
        assertTrue(end.exists(Quantity.DELTA_RECURRENT, 0));
        assertThrows(IllegalArgumentException.class,
                () -> end.value(new Lane(1, Lane.Direction.FORWARD), Quantity.HIDDEN, 0, 0));
    }

    @Test
    void stepsAreNumberedFromOneInTheWholeSequence() {
        Walkthrough whole = walk(CellType.RNN, Window.WHOLE);
        assertEquals(3, whole.at(Cursor.forward(2)).displayStep());
        assertEquals(5, whole.at(Cursor.backward(4, BackwardStage.PASS_BACK)).displayStep());
        assertEquals(-1, whole.at(Cursor.loss()).displayStep());
        assertEquals(-1, whole.at(Cursor.START).step());

        Walkthrough window = walk(CellType.RNN, new Window(20, true));
        assertEquals(23, window.at(Cursor.forward(2)).displayStep());
        assertEquals(2, window.window().engineStep(23));
        assertEquals(20, window.window().displayState(0));
        assertThrows(IllegalArgumentException.class, () -> new Window(-1, false));
    }

    @Test
    void aCursorBeyondTheWalkIsClamped() {
        Walkthrough w = walk(CellType.RNN, Window.WHOLE);
        assertEquals(Cursor.forward(4), w.at(Cursor.forward(9)).cursor());
    }
}
