package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unroll.train.StreamData;
import org.unroll.train.TrainSpec;

class BatchShapeTest {
    @Test
    void theRowsAreTheStreamsTheEngineTrainsOn() {
        TrainForm f = TrainForm.defaultsFor(TaskKind.TEXT).withBatch(2).withNumSteps(2);
        f = new TrainForm(f.task(), "abcdefghijk", f.cell(), 4, 2, 2, true, 0, 3, 1, "adam", 0.01, true, 1, 0);
        BatchShape s = BatchShape.of(f);
        assertEquals(2, s.streams());
        assertEquals(5, s.length());
        assertEquals(2, s.numSteps());
        assertTrue(s.stateful());
        assertArrayEquals(new String[] {"a", "b", "c", "d", "e"}, s.labels()[0]);
        assertArrayEquals(new String[] {"f", "g", "h", "i", "j"}, s.labels()[1]);
        // the engine's stream 1 reads 'f' (index 5 of the vocabulary) at step 0: row t·B + b
        TrainSpec spec = f.build().spec();
        StreamData d = (StreamData) spec.data();
        assertEquals(1.0, d.inputs().get(0 * 2 + 1, 5));
        assertEquals(1.0, d.inputs().get(4 * 2 + 0, 4));
    }

    @Test
    void spacesAreVisibleAndStatelessRunsSaySo() {
        TrainForm f = new TrainForm(TaskKind.TEXT, "a b c d e f", org.unroll.engine.CellType.RNN, 4, 1, 3, false, 0, 3,
                1, "adam", 0.01, true, 1, 0);
        BatchShape s = BatchShape.of(f);
        assertFalse(s.stateful());
        assertEquals("␣", s.labels()[0][1]);
        assertEquals(10, s.length());
    }

    @Test
    void freshBatchTasksAreOneWindowPerRow() {
        BatchShape s = BatchShape.of(TrainForm.defaultsFor(TaskKind.ADDING));
        assertEquals(32, s.streams());
        assertEquals(60, s.length());
        assertEquals(60, s.numSteps());
    }
}
