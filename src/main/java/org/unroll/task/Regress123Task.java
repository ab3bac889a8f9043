package org.unroll.task;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Bptt;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.train.Reduction;
import org.unroll.train.StreamData;
import org.unroll.train.TrainSpec;

/**
 * The articles' regression: the sequence 1, 2, 3 from h0 = 0, each step predicting the next
 * number (2, 3, 4), squared error summed over the steps, one window per epoch.
 */
public final class Regress123Task implements TrainingTask {
    private static final double[] INPUTS = {1, 2, 3};
    private static final double[] TARGETS = {2, 3, 4};
    private final TrainSpec spec;

    private Regress123Task(TrainSpec spec) {
        this.spec = spec;
    }

    public static Regress123Task of(TaskOptions o) {
        if (o.batch() != null || o.numSteps() != null || o.stateful() != null || o.iterations() != null
                || o.length() != null || o.text() != null || o.random()) {
            throw new IllegalArgumentException("regress123 is one fixed sequence: it takes --cell, --hidden, --epochs,"
                    + " --optimizer, --lr, --clip and --seed");
        }
        DMatrixRMaj x = new DMatrixRMaj(3, 1, true, INPUTS);
        DMatrixRMaj y = new DMatrixRMaj(3, 1, true, TARGETS);
        StreamData data = StreamData.regression(1, 3, x, y, new boolean[] {true, true, true});
        Model model = TaskOptions.model(o.cellOr(CellType.RNN), 1, o.hiddenOr(4), 1, null, o.seedOr(0));
        return new Regress123Task(new TrainSpec(model, data, 3, false, o.epochsOr(300), o.optimizerOr("adam", 0.05),
                o.clipOr(0), Reduction.SUM));
    }

    @Override
    public String name() {
        return "regress123";
    }

    @Override
    public TrainSpec spec() {
        return spec;
    }

    /** The mean squared error per step on 1, 2, 3 → 2, 3, 4, and the three predictions. */
    @Override
    public Map<String, Object> evaluate(Model trained) {
        DMatrixRMaj x = new DMatrixRMaj(3, 1, true, INPUTS);
        DMatrixRMaj y = new DMatrixRMaj(3, 1, true, TARGETS);
        Bptt pass = new Bptt(trained, SequenceBatch.regression(3, 1, x, y, new boolean[] {true, true, true}, null, null, null));
        double loss = pass.forward();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("test_mse", loss / 3);
        double[] p = pass.tape().y.data;
        out.put("predictions", String.format(java.util.Locale.ROOT, "%.4f %.4f %.4f", p[0], p[1], p[2]));
        return out;
    }
}
