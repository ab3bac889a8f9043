package org.unroll.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Bptt;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.train.Reduction;
import org.unroll.train.StreamData;
import org.unroll.train.TrainSpec;

/**
 * The next value of a sine wave: stream b is sin(2π t / P + φ_b) with a random phase, the
 * target at step t the value at t + 1. Stateful by default, so the state runs along each
 * stream across windows. Scored on a stream with a phase not trained on.
 */
public final class SineTask implements TrainingTask {
    static final double PERIOD = 25;
    private final TrainSpec spec;
    private final int length;
    private final long seed;

    private SineTask(TrainSpec spec, int length, long seed) {
        this.spec = spec;
        this.length = length;
        this.seed = seed;
    }

    public static SineTask of(TaskOptions o) {
        if (o.iterations() != null || o.text() != null || o.random()) {
            throw new IllegalArgumentException("the sine task takes --length and --epochs, not --iterations, --random or a text");
        }
        int b = o.batchOr(8);
        int n = o.lengthOr(200);
        long seed = o.seedOr(0);
        TaskOptions.fits((long) n * b, 2, "the sine streams");
        Random rng = new Random(seed ^ 0x51E5L);
        DMatrixRMaj x = new DMatrixRMaj(n * b, 1);
        DMatrixRMaj y = new DMatrixRMaj(n * b, 1);
        for (int s = 0; s < b; s++) {
            fillStream(rng.nextDouble() * 2 * Math.PI, n, s, b, x, y);
        }
        boolean[] has = new boolean[n * b];
        java.util.Arrays.fill(has, true);
        StreamData data = StreamData.regression(b, n, x, y, has);
        Model model = TaskOptions.model(o.cellOr(CellType.LSTM), 1, o.hiddenOr(16), 1, null, seed);
        boolean stateful = o.stateful() == null || o.stateful();
        TrainSpec spec = new TrainSpec(model, data, Math.min(o.numStepsOr(20), n), stateful, o.epochsOr(50),
                o.optimizerOr("adam", 0.01), o.clipOr(1.0), Reduction.MEAN);
        return new SineTask(spec, n, seed);
    }

    /** Stream s of b: x_t = sin(2π t / P + φ), target x_{t+1}. */
    private static void fillStream(double phase, int n, int s, int b, DMatrixRMaj x, DMatrixRMaj y) {
        for (int t = 0; t < n; t++) {
            x.data[t * b + s] = Math.sin(2 * Math.PI * t / PERIOD + phase);
            y.data[t * b + s] = Math.sin(2 * Math.PI * (t + 1) / PERIOD + phase);
        }
    }

    @Override
    public String name() {
        return "sine";
    }

    @Override
    public TrainSpec spec() {
        return spec;
    }

    /** The MSE per step on a held-out phase, one pass from zeros over the whole length. */
    @Override
    public Map<String, Object> evaluate(Model trained) {
        double phase = new Random(seed ^ 0x7E57L).nextDouble() * 2 * Math.PI;
        DMatrixRMaj x = new DMatrixRMaj(length, 1);
        DMatrixRMaj y = new DMatrixRMaj(length, 1);
        fillStream(phase, length, 0, 1, x, y);
        boolean[] has = new boolean[length];
        java.util.Arrays.fill(has, true);
        double loss = new Bptt(trained, SequenceBatch.regression(length, 1, x, y, has, null, null, null)).forward();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("test_mse", loss / length);
        return out;
    }
}
