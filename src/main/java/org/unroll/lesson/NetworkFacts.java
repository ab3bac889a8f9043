package org.unroll.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.GridWalk;
import org.unroll.engine.PaddedBatch;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;
import org.unroll.task.WordBatch;

/**
 * A stacked, possibly bidirectional network run over a padded batch of words, on the engine
 * (StackedBptt through {@link GridWalk}), whose numbers the narration quotes:
 * {@code network cell=rnn layers=2 bidirectional=yes hidden=4 seed=7 words=cat,horse,ox expect
 * loss=12.34 padded_loss=0.000000}. {@code lesson check} runs it and fails unless each expected
 * value, rounded to the digits written, is the engine's. What it can report:
 * <ul>
 * <li>{@code loss}: the total loss, summed over the real steps of every word;</li>
 * <li>{@code padded_loss}: the loss summed over the padded steps (the mask makes it 0);</li>
 * <li>{@code padding_effect}: the largest change of any gradient entry when the inputs at the
 *     padded steps are replaced by other characters (the mask makes it 0);</li>
 * <li>{@code alone_difference}: the largest difference between a word's loss in the batch and the
 *     same word run alone (0: the words of a batch do not see each other);</li>
 * <li>{@code params}: the number of parameters; {@code top_width}: what W_out reads, H per direction;</li>
 * <li>{@code steps}: T, the longest word's length less one.</li>
 * </ul>
 *
 * @param line     its line in the lesson file
 * @param options  cell, activation, layers, bidirectional, hidden, seed, words
 * @param expected the values the narration quotes, as written
 */
public record NetworkFacts(int line, Map<String, String> options, Map<String, String> expected) {
    public static final List<String> OPTIONS = List.of("cell", "layers", "bidirectional", "hidden", "seed", "words");
    public static final List<String> FACTS = List.of("loss", "padded_loss", "padding_effect", "alone_difference", "params",
            "top_width", "steps");

    public NetworkFacts {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        expected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    }

    /** Throws IllegalArgumentException with one line when an option is bad. */
    void validate() {
        cell();
        int layers = whole("layers", 1);
        if (layers < 1 || layers > 4) {
            throw new IllegalArgumentException("layers must be between 1 and 4, got " + layers);
        }
        int hidden = whole("hidden", 4);
        if (hidden < 1 || hidden > 64) {
            throw new IllegalArgumentException("hidden must be between 1 and 64, got " + hidden);
        }
        bidirectional();
        whole("seed", 7);
        words();
        for (String k : expected.keySet()) {
            if (!FACTS.contains(k)) {
                throw new IllegalArgumentException("unknown fact \"" + k + "\" (expected " + String.join(", ", FACTS) + ")");
            }
        }
    }

    private CellType cell() {
        String c = options.getOrDefault("cell", "rnn");
        return switch (c) {
            case "rnn" -> CellType.RNN;
            case "lstm" -> CellType.LSTM;
            case "gru" -> CellType.GRU;
            default -> throw new IllegalArgumentException("cell must be rnn, lstm or gru, got \"" + c + "\"");
        };
    }

    private boolean bidirectional() {
        String b = options.getOrDefault("bidirectional", "no");
        if (!b.equals("yes") && !b.equals("no")) {
            throw new IllegalArgumentException("bidirectional must be yes or no, got \"" + b + "\"");
        }
        return b.equals("yes");
    }

    private int whole(String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got \"" + v + "\"");
        }
    }

    private WordBatch words() {
        String w = options.get("words");
        if (w == null) {
            throw new IllegalArgumentException("words=… is missing (the words of the batch, separated by commas)");
        }
        return WordBatch.of(List.of(w.split(",")));
    }

    private StackedModel model(WordBatch words) {
        int v = words.vocab().size();
        boolean bi = bidirectional();
        int layers = whole("layers", 1);
        int hidden = whole("hidden", 4);
        StackedParams p = StackedParams.uniform(cell(), v, hidden, v, layers, bi ? 2 : 1,
                new Random(whole("seed", 7)));
        return new StackedModel(cell(), Activation.TANH, v, hidden, v, layers, bi, words.vocab(), p);
    }

    /** Every fact of the list, computed on the engine. */
    Map<String, Double> facts() {
        WordBatch words = words();
        StackedModel model = model(words);
        PaddedBatch batch = words.batch();
        GridWalk walk = new GridWalk(model, batch);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", walk.loss());
        double padded = 0;
        for (int b = 0; b < walk.sequences(); b++) {
            for (int t = batch.length(b); t < walk.steps(); t++) {
                padded += walk.stepLoss(t, b);
            }
        }
        out.put("padded_loss", padded);
        out.put("padding_effect", paddingEffect(model, batch, walk));
        out.put("alone_difference", aloneDifference(model, words, walk));
        int params = 0;
        for (DMatrixRMaj m : model.params().tensors().values()) {
            params += m.getNumElements();
        }
        out.put("params", (double) params);
        out.put("top_width", (double) model.hiddenSize() * (bidirectional() ? 2 : 1));
        out.put("steps", (double) walk.steps());
        return out;
    }

    /** The same batch with a different character at every padded step: how far any gradient moves. */
    private static double paddingEffect(StackedModel model, PaddedBatch batch, GridWalk walk) {
        SequenceBatch s = batch.sequences();
        DMatrixRMaj x = s.inputs().copy();
        int nb = s.batch();
        int v = x.numCols;
        for (int b = 0; b < nb; b++) {
            for (int t = batch.length(b); t < s.steps(); t++) {
                int row = t * nb + b;
                for (int j = 0; j < v; j++) {
                    x.set(row, j, j == (t + b) % v ? 1.0 : 0.0);
                }
            }
        }
        int[] targets = new int[s.steps() * nb];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = s.hasTarget(i) ? s.classTarget(i) : -1;
        }
        SequenceBatch other = SequenceBatch.classification(s.steps(), nb, x, targets, null, null, s.text());
        GridWalk changed = new GridWalk(model, new PaddedBatch(other, batch.lengths(), null, null));
        double max = Math.abs(changed.loss() - walk.loss());
        for (Map.Entry<String, DMatrixRMaj> e : walk.gradients().tensors().entrySet()) {
            DMatrixRMaj a = e.getValue();
            DMatrixRMaj b = changed.gradients().get(e.getKey());
            for (int i = 0; i < a.data.length; i++) {
                max = Math.max(max, Math.abs(a.data[i] - b.data[i]));
            }
        }
        return max;
    }

    /** Each word run alone (its own batch of one, over the same vocabulary): its loss against its share in the batch. */
    private static double aloneDifference(StackedModel model, WordBatch words, GridWalk walk) {
        double max = 0;
        int nb = words.words().size();
        List<String> vocab = words.vocab();
        for (int b = 0; b < nb; b++) {
            List<String> cs = new ArrayList<>();
            words.words().get(b).codePoints().forEach(c -> cs.add(new String(Character.toChars(c))));
            int len = cs.size() - 1;
            DMatrixRMaj x = new DMatrixRMaj(len, vocab.size());
            int[] targets = new int[len];
            for (int t = 0; t < len; t++) {
                x.set(t, vocab.indexOf(cs.get(t)), 1.0);
                targets[t] = vocab.indexOf(cs.get(t + 1));
            }
            SequenceBatch one = SequenceBatch.classification(len, 1, x, targets, null, null, words.words().get(b));
            double alone = new GridWalk(model, new PaddedBatch(one, new int[] {len}, null, null)).loss();
            double inBatch = 0;
            for (int t = 0; t < len; t++) {
                inBatch += walk.stepLoss(t, b);
            }
            max = Math.max(max, Math.abs(alone - inBatch));
        }
        return max;
    }

    /** Runs the network and compares: one line for each expected value that does not hold. */
    public List<String> problems() {
        Map<String, Double> facts;
        try {
            facts = facts();
        } catch (IllegalArgumentException e) {
            return List.of("the network cannot run: " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            double got = facts.get(e.getKey());
            double written = Double.parseDouble(e.getValue());
            double unit = Math.pow(10, -decimals(e.getValue()));
            if (!(Math.abs(got - written) <= 0.5 * unit)) {
                out.add(e.getKey() + " is " + String.format(Locale.ROOT, "%.6g", got) + " on the engine, not " + e.getValue());
            }
        }
        return out;
    }

    static int decimals(String number) {
        String s = number.toLowerCase(Locale.ROOT);
        if (s.contains("e")) {
            return 6;
        }
        int dot = s.indexOf('.');
        return dot < 0 ? 0 : s.length() - dot - 1;
    }
}
