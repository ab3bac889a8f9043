package org.unroll.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.SequenceBatch;

class WordBatchTest {

    @Test
    void wordsOfDifferentLengthsArePaddedToTheLongest() {
        WordBatch w = WordBatch.parse(" cat, horse\nox ");
        assertEquals(List.of("cat", "horse", "ox"), w.words());
        assertEquals(List.of("a", "c", "e", "h", "o", "r", "s", "t", "x"), w.vocab());
        assertEquals(4, w.batch().steps());
        assertArrayEquals(new int[] {2, 4, 1}, w.batch().lengths());
        assertEquals(List.of("h", "o", "r", "s"), w.tokens(1));
        SequenceBatch seq = w.batch().sequences();
        // horse, step 2 reads o and predicts r
        assertEquals(1.0, seq.inputs().get(1 * 3 + 1, w.vocab().indexOf("o")));
        assertEquals(w.vocab().indexOf("r"), seq.classTarget(1 * 3 + 1));
        // ox has one real step; its later steps are padding with no target and no input
        assertTrue(seq.hasTarget(0 * 3 + 2));
        assertFalse(seq.hasTarget(1 * 3 + 2));
        assertFalse(w.batch().isReal(1, 2));
        for (int j = 0; j < w.vocab().size(); j++) {
            assertEquals(0.0, seq.inputs().get(3 * 3 + 2, j));
        }
    }

    @Test
    void noWordOrAOneCharacterWordIsRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> WordBatch.parse(" , \n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordBatch.parse("cat, a"));
        assertTrue(e.getMessage().contains("\"a\""), e.getMessage());
    }
}
