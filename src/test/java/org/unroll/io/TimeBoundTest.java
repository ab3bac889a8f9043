package org.unroll.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.lifecycle.TryExecutionResult;
import org.junit.jupiter.api.Test;

/** The fuzz tests' time bound: a try that hangs fails, one that finishes passes through. */
class TimeBoundTest {
    @Test
    void aHangingTryIsFalsified() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        TryExecutionResult r = TimeBound.within(Duration.ofMillis(200), params -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return TryExecutionResult.satisfied();
        }, List.of("x"));
        assertTrue(r.isFalsified());
        assertTrue(r.throwable().orElseThrow().getMessage().contains("a hang"), r.throwable().toString());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the hung try's thread is interrupted");
    }

    @Test
    void aQuickTryKeepsItsResult() {
        assertTrue(TimeBound.within(Duration.ofSeconds(5), p -> TryExecutionResult.satisfied(), List.of()).isSatisfied());
        TryExecutionResult failed = TimeBound.within(Duration.ofSeconds(5),
                p -> TryExecutionResult.falsified(new AssertionError("bad")), List.of());
        assertTrue(failed.isFalsified());
    }

    @Test
    void anExceptionEscapingTheTryIsAFailure() {
        TryExecutionResult r = TimeBound.within(Duration.ofSeconds(5), p -> {
            throw new IllegalStateException("boom");
        }, List.of());
        assertTrue(r.isFalsified());
        assertTrue(r.throwable().orElseThrow() instanceof IllegalStateException);
    }
}
