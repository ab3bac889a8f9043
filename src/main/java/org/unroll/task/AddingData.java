package org.unroll.task;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.LossType;
import org.unroll.engine.SequenceBatch;
import org.unroll.train.TrainData;

/**
 * The adding problem as B streams of iterations × T steps, cut into windows of T: window w of
 * stream b is a fresh sequence, drawn from (seed, w, b). Windows are generated when they are
 * trained on, into batches made once per shard, so a run of any length holds one batch in memory.
 */
final class AddingData implements TrainData {
    private final int streams;
    private final int steps;
    private final int iterations;
    private final long seed;
    private final SplitMix rng = new SplitMix();
    private final Map<Integer, SequenceBatch> reused = new HashMap<>();

    AddingData(int streams, int steps, int iterations, long seed) {
        this.streams = streams;
        this.steps = steps;
        this.iterations = iterations;
        this.seed = seed;
    }

    int steps() {
        return steps;
    }

    @Override
    public int streams() {
        return streams;
    }

    @Override
    public int length() {
        return iterations * steps;
    }

    @Override
    public int inputSize() {
        return 2;
    }

    @Override
    public LossType loss() {
        return LossType.MSE;
    }

    @Override
    public boolean refillsInPlace() {
        return true;
    }

    /** Only the last step of each sequence has a target. */
    @Override
    public int targetCount(int from, int len) {
        int n = 0;
        for (int t = from; t < from + len; t++) {
            if (t % steps == steps - 1) {
                n += streams;
            }
        }
        return n;
    }

    @Override
    public SequenceBatch window(int from, int len, int first, int count, DMatrixRMaj h0, DMatrixRMaj c0) {
        checkWindow(from, len);
        SequenceBatch b = reused.get(first);
        if (b == null || b.batch() != count || b.h0() != h0 || b.c0() != c0) {
            b = empty(count, h0, c0);
            reused.put(first, b);
        }
        fill(from / steps, first, count, b.inputs(), b.vectorTargets());
        return b;
    }

    @Override
    public SequenceBatch copyOfWindow(int from, int len, int first, int count, DMatrixRMaj h0, DMatrixRMaj c0) {
        checkWindow(from, len);
        SequenceBatch b = empty(count, h0, c0);
        fill(from / steps, first, count, b.inputs(), b.vectorTargets());
        return b;
    }

    /** Sequences [first, first + count) of window w (any long, e.g. negative for held-out data) as one batch from zeros. */
    SequenceBatch sequences(long window, int first, int count) {
        SequenceBatch b = empty(count, null, null);
        fill(window, first, count, b.inputs(), b.vectorTargets());
        return b;
    }

    private void checkWindow(int from, int len) {
        if (from % steps != 0 || len != steps) {
            throw new IllegalArgumentException("the adding problem's windows are whole sequences of " + steps + " steps");
        }
    }

    private SequenceBatch empty(int count, DMatrixRMaj h0, DMatrixRMaj c0) {
        boolean[] has = new boolean[steps * count];
        for (int s = 0; s < count; s++) {
            has[(steps - 1) * count + s] = true;
        }
        return SequenceBatch.regression(steps, count, new DMatrixRMaj(steps * count, 2), new DMatrixRMaj(steps * count, 1),
                has, h0, c0, null);
    }

    /**
     * Sequences of streams [first, first + count) for window w: values uniform in [0, 1), a
     * marker at a ∈ [0, T/2) and one at b ∈ [T/2, T), the target v_a + v_b at the last step.
     */
    private void fill(long window, int first, int count, DMatrixRMaj x, DMatrixRMaj y) {
        int half = steps / 2;
        for (int k = 0; k < count; k++) {
            rng.seed(seed, window, first + k);
            for (int t = 0; t < steps; t++) {
                int r = (t * count + k) * 2;
                x.data[r] = rng.nextDouble();
                x.data[r + 1] = 0.0;
            }
            int a = rng.nextInt(half);
            int b = half + rng.nextInt(steps - half);
            x.data[(a * count + k) * 2 + 1] = 1.0;
            x.data[(b * count + k) * 2 + 1] = 1.0;
            y.data[(steps - 1) * count + k] = x.data[(a * count + k) * 2] + x.data[(b * count + k) * 2];
        }
    }
}
