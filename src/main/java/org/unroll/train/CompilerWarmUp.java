package org.unroll.train;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether a trainer's shards still run one after another on the calling thread, while the JIT compiles the training's
 * code. On two cores the compiler then has a core of its own, and the compiled code arrives sooner than a second
 * training thread would gain meanwhile (about 0.3 s of a 3,000-update run of the adding problem). It ends with the
 * first {@value #WINDOW_MILLIS} ms of rounds in which the JIT compiled for less than {@value #QUIET_MILLIS} ms, or
 * after {@value #MAX_ROUNDS} rounds. The shards, and the order their results are added in, are the same either way,
 * and so is every number. Used by one thread at a time (the trainer's caller).
 */
final class CompilerWarmUp {
    static final long WINDOW_MILLIS = 100;
    static final long QUIET_MILLIS = 10;
    static final int MAX_ROUNDS = 400;

    /** Null: no JIT to watch, rounds counted only. */
    private final CompilationMXBean jit;
    private final int maxRounds;
    private int rounds;
    private long windowStart = -1;
    private long windowJit;

    private CompilerWarmUp(CompilationMXBean jit, int maxRounds) {
        this.jit = jit;
        this.maxRounds = maxRounds;
    }

    /** Watches the JVM's compiler (none at all if the JVM cannot time it: then the shards run in parallel at once). */
    static CompilerWarmUp watchingTheJit() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        return timed ? new CompilerWarmUp(jit, MAX_ROUNDS) : new CompilerWarmUp(null, 0);
    }

    /** Exactly {@code rounds} sequential rounds, whatever the JIT does (tests). */
    static CompilerWarmUp forRounds(int rounds) {
        return new CompilerWarmUp(null, rounds);
    }

    /** Whether the next round runs its shards one after another. */
    boolean sequential() {
        return rounds < maxRounds;
    }

    /** Called after each sequential round. */
    void roundDone() {
        rounds++;
        if (jit == null) {
            return;
        }
        long now = System.nanoTime();
        long compiled = jit.getTotalCompilationTime();
        if (windowStart < 0) {
            windowStart = now;
            windowJit = compiled;
        } else if (now - windowStart >= WINDOW_MILLIS * 1_000_000L) {
            if (compiled - windowJit < QUIET_MILLIS) {
                rounds = maxRounds;
            }
            windowStart = now;
            windowJit = compiled;
        }
    }
}
