package org.unroll.task;

/**
 * SplitMix64 (Steele, Lea and Flood), a small generator that can be re-seeded without
 * allocating: generated data derives each sequence's numbers from (seed, window, stream), so
 * they do not depend on how the batch is split over threads.
 */
final class SplitMix {
    private long state;

    /** Starts the stream of (a, b, c). */
    void seed(long a, long b, long c) {
        state = mix(mix(mix(a) ^ b) ^ c);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1), 53 bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, n). */
    int nextInt(int n) {
        return (int) Math.floorMod(nextLong() >>> 1, (long) n);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
