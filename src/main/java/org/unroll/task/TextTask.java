package org.unroll.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Any text as a character model (code points, so Chinese works as well): one-hot inputs, the
 * next character as the target. The text is cut into B streams by d2l's sequential
 * partitioning (stream b holds one contiguous stretch, window w of every stream follows on
 * from window w − 1, so a stateful run carries the state along the text), or with
 * {@code --random} into windows at random places, shuffled once, stateless. A text of 200
 * characters or more keeps its last tenth out of training to score the model on.
 */
public final class TextTask implements TrainingTask {
    static final int HOLD_OUT_FROM = 200;
    private final TrainSpec spec;
    private final int[] test;
    private final boolean heldOut;
    private final String first;

    private TextTask(TrainSpec spec, int[] test, boolean heldOut, String first) {
        this.spec = spec;
        this.test = test;
        this.heldOut = heldOut;
        this.first = first;
    }

    public static TextTask of(TaskOptions o) {
        if (o.iterations() != null || o.length() != null) {
            throw new IllegalArgumentException("the text task takes --epochs, not --iterations or --length");
        }
        String text = o.text() == null ? "jeep" : o.text();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the text is empty");
        }
        List<String> chars = new ArrayList<>();
        text.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
        if (chars.size() < 2) {
            throw new IllegalArgumentException("the text needs at least two characters (one input and the next as its target)");
        }
        List<String> vocab = new ArrayList<>();
        int[] all = new int[chars.size()];
        for (int i = 0; i < all.length; i++) {
            int k = vocab.indexOf(chars.get(i));
            if (k < 0) {
                k = vocab.size();
                vocab.add(chars.get(i));
            }
            all[i] = k;
        }
        boolean heldOut = all.length >= HOLD_OUT_FROM;
        int trainLength = heldOut ? all.length - all.length / 10 : all.length;
        int[] train = java.util.Arrays.copyOf(all, trainLength);
        int[] test = heldOut ? java.util.Arrays.copyOfRange(all, trainLength - 1, all.length) : all;
        int v = vocab.size();
        long seed = o.seedOr(0);
        int k = o.numStepsOr(35);
        int b = o.batchOr(Math.max(1, Math.min(32, (train.length - 1) / k)));
        boolean random = o.random();
        if (random && Boolean.TRUE.equals(o.stateful())) {
            throw new IllegalArgumentException("--random windows are stateless; --stateful does not go with it");
        }
        boolean stateful = !random && (o.stateful() == null || o.stateful());
        StreamData data = random ? randomWindows(train, b, k, v, seed) : sequential(train, b, v);
        int numSteps = Math.min(k, data.length());
        Model model = TaskOptions.model(o.cellOr(CellType.RNN), v, o.hiddenOr(32), v, vocab, seed);
        TrainSpec spec = new TrainSpec(model, data, numSteps, stateful, o.epochsOr(100), o.optimizerOr("adam", 0.01),
                o.clipOr(1.0), Reduction.MEAN);
        return new TextTask(spec, test, heldOut, chars.get(0));
    }

    /** d2l's sequential partitioning: B streams of N = ⌊(n − 1)/B⌋ steps, stream b from character b·N. */
    static StreamData sequential(int[] idx, int b, int v) {
        int n = (idx.length - 1) / b;
        if (n < 1) {
            throw new IllegalArgumentException("the text (" + idx.length + " characters) is too short for " + b
                    + " streams; use a smaller --batch");
        }
        DMatrixRMaj x = new DMatrixRMaj(n * b, v);
        int[] y = new int[n * b];
        for (int s = 0; s < b; s++) {
            for (int t = 0; t < n; t++) {
                int at = s * n + t;
                x.data[(t * b + s) * v + idx[at]] = 1.0;
                y[t * b + s] = idx[at + 1];
            }
        }
        return StreamData.classification(b, n, x, y);
    }

    /**
     * d2l's random sampling: windows of k steps from a random offset in [0, k), shuffled, B to
     * an update; stream b's window w is the shuffled window w·B + b.
     */
    static StreamData randomWindows(int[] idx, int b, int k, int v, long seed) {
        Random rng = new Random(seed ^ 0x7E57L);
        int offset = rng.nextInt(k);
        int count = (idx.length - 1 - offset) / k;
        int windows = count / b;
        if (windows < 1) {
            throw new IllegalArgumentException("the text (" + idx.length + " characters) is too short for " + b
                    + " random windows of " + k + " steps; use a smaller --batch or --num-steps");
        }
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(offset + i * k);
        }
        Collections.shuffle(starts, rng);
        int n = windows * k;
        DMatrixRMaj x = new DMatrixRMaj(n * b, v);
        int[] y = new int[n * b];
        for (int w = 0; w < windows; w++) {
            for (int s = 0; s < b; s++) {
                int start = starts.get(w * b + s);
                for (int j = 0; j < k; j++) {
                    int t = w * k + j;
                    x.data[(t * b + s) * v + idx[start + j]] = 1.0;
                    y[t * b + s] = idx[start + j + 1];
                }
            }
        }
        return StreamData.classification(b, n, x, y);
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public TrainSpec spec() {
        return spec;
    }

    /** Cross-entropy per character and perplexity on the held-out tail (or the text itself), and a greedy sample. */
    @Override
    public Map<String, Object> evaluate(Model trained) {
        int v = trained.inputSize();
        int steps = test.length - 1;
        DMatrixRMaj x = new DMatrixRMaj(steps, v);
        int[] y = new int[steps];
        for (int t = 0; t < steps; t++) {
            x.data[t * v + test[t]] = 1.0;
            y[t] = test[t + 1];
        }
        double loss = new Bptt(trained, SequenceBatch.classification(steps, 1, x, y, null, null, null)).forward() / steps;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("test_loss", loss);
        out.put("test_perplexity", Math.exp(loss));
        out.put("test_text", heldOut ? "the last tenth of the text, held out" : "the training text (shorter than "
                + HOLD_OUT_FROM + " characters, nothing held out)");
        out.put("sample", Sampler.generate(trained, first, 40, true, 1.0, 0));
        return out;
    }
}
