package org.unroll.task;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Bptt;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.Tape;
import org.unroll.train.Reduction;
import org.unroll.train.StreamData;
import org.unroll.train.TrainSpec;

/**
 * The copy task: K random symbols, a delay of D blank steps whose last one is a "go" mark,
 * then K blank steps at which the network must repeat the symbols in order. Inputs are one-hot
 * over the A symbols, blank and go; the targets are the symbols at the last K steps, no target
 * elsewhere. A fresh sequence for every stream and iteration; scored on 1,000 held-out ones.
 */
public final class CopyTask implements TrainingTask {
    static final int SYMBOLS = 4;
    static final int REMEMBER = 3;
    static final int TEST_SEQUENCES = 1000;
    private final TrainSpec spec;
    private final int delay;
    private final long seed;

    private CopyTask(TrainSpec spec, int delay, long seed) {
        this.spec = spec;
        this.delay = delay;
        this.seed = seed;
    }

    public static CopyTask of(TaskOptions o) {
        if (o.numSteps() != null || o.stateful() != null || o.epochs() != null || o.text() != null || o.random()) {
            throw new IllegalArgumentException("the copy task takes --length (the delay) and --iterations, not --num-steps,"
                    + " --stateful, --epochs, --random or a text");
        }
        int delay = o.lengthOr(10);
        int b = o.batchOr(32);
        int iterations = o.iterationsOr(1000);
        long seed = o.seedOr(0);
        int steps = steps(delay);
        TaskOptions.fits((long) iterations * steps * b, SYMBOLS + 2, "the copy task's data");
        int in = SYMBOLS + 2;
        DMatrixRMaj x = new DMatrixRMaj(iterations * steps * b, in);
        int[] y = new int[iterations * steps * b];
        SplitMix rng = new SplitMix();
        for (int w = 0; w < iterations; w++) {
            for (int s = 0; s < b; s++) {
                rng.seed(seed, w, s);
                fill(rng, delay, w * steps, s, b, x, y);
            }
        }
        StreamData data = StreamData.classification(b, iterations * steps, x, y);
        Model model = TaskOptions.model(o.cellOr(CellType.LSTM), in, o.hiddenOr(32), SYMBOLS, null, seed);
        TrainSpec spec = new TrainSpec(model, data, steps, false, 1, o.optimizerOr("adam", 0.01), o.clipOr(1.0),
                Reduction.MEAN);
        return new CopyTask(spec, delay, seed);
    }

    /** 2K + D steps: the symbols, the delay, the recall. */
    static int steps(int delay) {
        return 2 * REMEMBER + delay;
    }

    /** One sequence into stream s (of b) from step {@code from}. */
    private static void fill(SplitMix rng, int delay, int from, int s, int b, DMatrixRMaj x, int[] y) {
        int in = x.numCols;
        int blank = SYMBOLS;
        int go = SYMBOLS + 1;
        int steps = steps(delay);
        int[] symbols = new int[REMEMBER];
        for (int k = 0; k < REMEMBER; k++) {
            symbols[k] = rng.nextInt(SYMBOLS);
        }
        for (int t = 0; t < steps; t++) {
            int r = (from + t) * b + s;
            int input = t < REMEMBER ? symbols[t] : t == REMEMBER + delay - 1 ? go : blank;
            x.data[r * in + input] = 1.0;
            y[r] = t >= REMEMBER + delay ? symbols[t - REMEMBER - delay] : -1;
        }
    }

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public TrainSpec spec() {
        return spec;
    }

    /** Cross-entropy per recalled symbol and the fraction recalled right, on held-out sequences. */
    @Override
    public Map<String, Object> evaluate(Model trained) {
        int steps = steps(delay);
        int n = TEST_SEQUENCES;
        DMatrixRMaj x = new DMatrixRMaj(steps * n, SYMBOLS + 2);
        int[] y = new int[steps * n];
        SplitMix rng = new SplitMix();
        for (int s = 0; s < n; s++) {
            rng.seed(seed, -1, s);
            fill(rng, delay, 0, s, n, x, y);
        }
        Bptt pass = new Bptt(trained, SequenceBatch.classification(steps, n, x, y, null, null, null));
        double loss = pass.forward();
        Tape tape = pass.tape();
        int right = 0;
        int total = 0;
        for (int r = 0; r < steps * n; r++) {
            if (y[r] < 0) {
                continue;
            }
            int best = 0;
            for (int j = 1; j < SYMBOLS; j++) {
                if (Tape.at(tape.y, r, j) > Tape.at(tape.y, r, best)) {
                    best = j;
                }
            }
            right += best == y[r] ? 1 : 0;
            total++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("test_loss", loss / total);
        out.put("test_accuracy", (double) right / total);
        out.put("chance_accuracy", 1.0 / SYMBOLS);
        return out;
    }
}
