package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateBatcherTest {
    private static final long MS = 1_000_000L;

    @Test
    void drainsAtMostTwentyTimesASecondAndLosesNothing() {
        UpdateBatcher<Integer> b = new UpdateBatcher<>(UpdateBatcher.DEFAULT_PERIOD_NANOS);
        List<Integer> seen = new ArrayList<>();
        int batches = 0;
        int next = 0;
        // one second of 60 Hz frames with 1,000 updates a second coming in
        for (long frame = 0; frame < 60; frame++) {
            long now = 1_000 * MS + frame * 1_000 * MS / 60;
            for (int i = 0; i < 17; i++) {
                b.offer(next++);
            }
            List<Integer> got = b.drainIfDue(now);
            if (!got.isEmpty()) {
                batches++;
                seen.addAll(got);
            }
        }
        seen.addAll(b.drainNow(2_000 * MS));
        assertTrue(batches <= 21 && batches >= 15, "batches in one second: " + batches);
        assertEquals(next, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void theFirstBatchGoesAtOnceAndNothingIsDueWhileEmpty() {
        UpdateBatcher<String> b = new UpdateBatcher<>(50 * MS);
        assertTrue(b.drainIfDue(0).isEmpty());
        b.offer("a");
        assertEquals(List.of("a"), b.drainIfDue(5 * MS));
        b.offer("b");
        assertTrue(b.drainIfDue(30 * MS).isEmpty());
        assertEquals(List.of("b"), b.drainIfDue(56 * MS));
    }
}
