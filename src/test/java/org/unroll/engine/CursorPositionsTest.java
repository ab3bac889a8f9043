package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CursorPositionsTest {

    @Test
    void everyPointHasItsOwnIndexAndTheOrderIsComplete() {
        for (int steps = 1; steps <= 5; steps++) {
            int n = Cursor.positions(steps);
            assertEquals(5 * steps + 3, n, "START, T forward, LOSS, 4T backward, UPDATE");
            for (int i = 0; i < n; i++) {
                Cursor c = Cursor.at(i, steps);
                assertEquals(i, c.index(steps), c.toString());
            }
            assertEquals(Cursor.update(), Cursor.at(n - 1, steps));
            assertEquals(Cursor.backward(0, BackwardStage.PASS_BACK), Cursor.at(n - 2, steps));
        }
    }
}
