package org.unroll.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Bptt;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.train.Reduction;
import org.unroll.train.TrainSpec;

/**
 * The adding problem: T steps of (value, marker) with values uniform in [0, 1) and exactly two
 * markers, one in each half of the sequence; the target, at the last step only, is the sum of
 * the two marked values. A fresh batch every iteration; the score is the MSE on 2,000 held-out
 * sequences, where always predicting the mean (1) scores 1/6 ≈ 0.167.
 */
public final class AddingTask implements TrainingTask {
    /** Held-out sequences for the test MSE. */
    public static final int TEST_SEQUENCES = 2000;
    /** The window index the held-out sequences are drawn at (never a training window). */
    private static final long TEST_WINDOW = -1;

    private final TrainSpec spec;
    private final AddingData data;

    private AddingTask(TrainSpec spec, AddingData data) {
        this.spec = spec;
        this.data = data;
    }

    public static AddingTask of(TaskOptions o) {
        if (o.numSteps() != null || o.stateful() != null || o.epochs() != null || o.text() != null || o.random()) {
            throw new IllegalArgumentException("the adding task takes --length (T) and --iterations, not --num-steps,"
                    + " --stateful, --epochs, --random or a text");
        }
        int steps = o.lengthOr(60);
        if (steps < 2) {
            throw new IllegalArgumentException("--length must be at least 2 for the adding problem (one marker in each half)");
        }
        int b = o.batchOr(32);
        int iterations = o.iterationsOr(3000);
        long seed = o.seedOr(0);
        TaskOptions.fits((long) steps * b, 2L, "the adding problem's batch");
        Model model = TaskOptions.model(o.cellOr(CellType.LSTM), 2, o.hiddenOr(32), 1, null, seed);
        AddingData data = new AddingData(b, steps, iterations, seed);
        TrainSpec spec = new TrainSpec(model, data, steps, false, 1, o.optimizerOr("adam", 3e-3), o.clipOr(1.0),
                Reduction.MEAN);
        return new AddingTask(spec, data);
    }

    @Override
    public String name() {
        return "adding";
    }

    @Override
    public TrainSpec spec() {
        return spec;
    }

    /**
     * The test MSE on the held-out sequences and the mean-prediction baseline on the same ones. The held-out batches are
     * made here, one after the other (the generator has one random stream), in chunks as small as a training shard, so
     * that a pass's tape stays in cache; each core's worker runs its share of the chunks' forward passes on one tape
     * of its own. The losses are added in chunk order, so the sum is the same whichever worker ran which chunk.
     */
    @Override
    public Map<String, Object> evaluate(Model trained) {
        int chunk = 16;
        int chunks = (TEST_SEQUENCES + chunk - 1) / chunk;
        SequenceBatch[] tests = new SequenceBatch[chunks];
        double base = 0;
        int last = data.steps() - 1;
        for (int i = 0; i < chunks; i++) {
            int first = i * chunk;
            int n = Math.min(chunk, TEST_SEQUENCES - first);
            tests[i] = data.sequences(TEST_WINDOW, first, n);
            DMatrixRMaj y = tests[i].vectorTargets();
            for (int s = 0; s < n; s++) {
                double d = y.data[last * n + s] - 1.0;
                base += d * d;
            }
        }
        double[] losses = new double[chunks];
        int workers = Math.min(chunks, Runtime.getRuntime().availableProcessors());
        IntStream.range(0, workers).parallel().forEach(w -> {
            Bptt pass = null;
            for (int i = w; i < chunks; i += workers) {
                if (pass == null || tests[i].batch() != pass.tape().batch) {
                    pass = Bptt.forTraining(trained, tests[i]);
                } else {
                    pass.setSequence(tests[i]);
                }
                losses[i] = pass.forward();
            }
        });
        double sum = 0;
        for (double loss : losses) {
            sum += loss;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("test_mse", sum / TEST_SEQUENCES);
        out.put("mean_baseline_mse", base / TEST_SEQUENCES);
        out.put("sequence_length", data.steps());
        return out;
    }
}
