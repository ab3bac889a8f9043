package org.unroll.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Adam;
import org.unroll.engine.GradientClipping;
import org.unroll.engine.Sgd;
import org.unroll.engine.Bptt;
import org.unroll.engine.CellType;
import org.unroll.engine.LossType;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.Rtrl;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.Cursor;
import org.unroll.engine.Quantity;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Setup;

/**
 * The live values a narration can quote, written {@code {name}} or {@code {name[i]}}, and
 * filled from a {@link Walkthrough} through its query API: the per-step values from the
 * {@link WalkPoint} at its end, the derived ones (contributions, the gradient flow) from its
 * {@link org.unroll.engine.WalkData}; nothing here reads the tape. Steps are numbered as in the formulas: x_1 … x_T, the
 * states h_0 (the initial state) … h_T. {@code {{} and {@code }}} are literal braces.
 * The whole list is in {@code lessons/README.md}.
 */
public final class Placeholders {

    /** Which indices a placeholder takes. */
    enum Index {
        /** no index */
        NONE,
        /** t = 1 … T, a time step */
        STEP,
        /** k = 0 … T, a state (h_0 is the initial one) */
        STATE,
        /** k = 1 … 99, which draw of a sample (the seed of its random numbers) */
        DRAW
    }

    /** The highest draw number a sample placeholder takes. */
    static final int MAX_DRAW = 99;

    /** A value is a String (shown as is) or a Double (shown with four significant digits, usable in checks). */
    private record Def(String name, Index index, CellType needs, BiFunction<Walkthrough, Integer, Object> value) {
    }

    private static final Map<String, Def> DEFS = new LinkedHashMap<>();
    private static final Pattern TOKEN = Pattern.compile("\\{\\{|}}|\\{([^{}]*)}|[{}]");
    private static final Pattern BODY = Pattern.compile("([a-z_0-9]+)(?:\\[(\\d+)])?");
    /** A family named with its temperature in hundredths: {@code sample_t50[k]}, {@code top_p_t200[t]}. */
    private static final Pattern TEMPERED = Pattern.compile("(sample|top_p)_t(\\d{1,4})");

    static {
        def("loss", Index.NONE, null, (w, i) -> (Object) (w.loss()));
        def("loss_after", Index.NONE, null, (w, i) -> (Object) (w.lossAfterUpdate()));
        def("loss_after_adam", Index.NONE, null, (w, i) -> (Object) (lossAfterAdam(w)));
        def("loss_after_clip", Index.NONE, null, (w, i) -> (Object) (lossAfterClippedSgd(w, 1.0)));
        def("clip_factor", Index.NONE, null, (w, i) -> (Object) Math.min(1.0, 1.0 / w.gradients().globalNorm()));
        def("lr", Index.NONE, null, (w, i) -> (Object) (w.learningRate()));
        def("steps", Index.NONE, null, (w, i) -> (Object) w.steps());
        def("hidden", Index.NONE, null, (w, i) -> (Object) w.model().hiddenSize());
        def("vocab", Index.NONE, null, (w, i) -> vocab(w.model()));
        def("vocab_size", Index.NONE, null, (w, i) -> (Object) w.model().inputSize());
        def("text", Index.NONE, null, (w, i) -> String.valueOf(w.sequence().text()));
        def("sigma_max", Index.NONE, null, (w, i) -> (Object) (w.flow().sigmaMax()));
        def("gamma", Index.NONE, null, (w, i) -> (Object) (w.flow().gamma()));
        def("grad_norm", Index.NONE, null, (w, i) -> (Object) (w.gradients().globalNorm()));
        def("grad_whh_norm", Index.NONE, null, (w, i) -> (Object) (frobenius(w.gradients().weightHh)));
        def("grad_wih_norm", Index.NONE, null, (w, i) -> (Object) (frobenius(w.gradients().weightIh)));
        def("params", Index.NONE, null, (w, i) -> (Object) w.model().params().size());
        def("params_unshared", Index.NONE, null, (w, i) -> (Object) paramsUnshared(w));
        def("rtrl_diff", Index.NONE, CellType.RNN, (w, i) -> (Object) (rtrlDifference(w)));
        def("step_loss", Index.STEP, null, (w, t) -> (Object) (w.stepLoss(t - 1)));
        def("input", Index.STEP, null, (w, t) -> input(w, t - 1));
        def("target", Index.STEP, null, (w, t) -> target(w, t - 1));
        def("p_target", Index.STEP, null, (w, t) -> (Object) (probOfTarget(w, t - 1)));
        def("predicted", Index.STEP, null, (w, t) -> predicted(w, t - 1));
        def("h", Index.STATE, null, (w, k) -> state(w, k, Quantity.HIDDEN_BEFORE, Quantity.HIDDEN));
        def("c", Index.STATE, CellType.LSTM, (w, k) -> state(w, k, Quantity.CELL_BEFORE, Quantity.CELL));
        def("dh_norm", Index.STEP, null, (w, t) -> (Object) (w.flow().dhNorms()[t - 1]));
        def("dh_local_norm", Index.STEP, null, (w, t) -> (Object) norm(w, Quantity.LOCAL_HIDDEN_GRADIENT, t - 1));
        def("dh_back_norm", Index.STEP, null, (w, t) -> (Object) norm(w, Quantity.HIDDEN_GRADIENT_BACK, t - 1));
        def("dc_norm", Index.STEP, CellType.LSTM, (w, t) -> (Object) norm(w, Quantity.CELL_GRADIENT, t - 1));
        def("jacobian_norm", Index.STATE, null, (w, k) -> (Object) (w.flow().jacobianNorms()[k]));
        def("cell_jacobian_norm", Index.STATE, CellType.LSTM, (w, k) -> (Object) (w.flow().cellJacobianNorms()[k]));
        def("bound", Index.STATE, null, (w, k) -> (Object) (w.flow().bound()[k]));
        def("contrib_whh_norm", Index.STEP, null, (w, t) -> (Object) (frobenius(w.stepContribution(t - 1).weightHh)));
        // the four stages written out, for a model small enough to follow by hand
        def("y", Index.STEP, null, (w, t) -> vector(w, Quantity.OUTPUT, t - 1));
        def("dy", Index.STEP, null, (w, t) -> vector(w, Quantity.OUTPUT_GRADIENT, t - 1));
        def("dh_local", Index.STEP, null, (w, t) -> vector(w, Quantity.LOCAL_HIDDEN_GRADIENT, t - 1));
        def("dh", Index.STEP, null, (w, t) -> vector(w, Quantity.HIDDEN_GRADIENT, t - 1));
        def("delta", Index.STEP, CellType.RNN, (w, t) -> vector(w, Quantity.DELTA, t - 1));
        def("dh_back", Index.STEP, null, (w, t) -> vector(w, Quantity.HIDDEN_GRADIENT_BACK, t - 1));
        def("contrib_whh", Index.STEP, null, (w, t) -> flat(w.stepContribution(t - 1).weightHh));
        def("contrib_wxh", Index.STEP, null, (w, t) -> flat(w.stepContribution(t - 1).weightIh));
        def("contrib_b", Index.STEP, null, (w, t) -> flat(w.stepContribution(t - 1).biasIh));
        def("contrib_wout", Index.STEP, null, (w, t) -> flat(w.stepContribution(t - 1).weightOut));
        def("w_xh", Index.NONE, null, (w, i) -> flat(w.model().params().weightIh));
        def("w_hh", Index.NONE, null, (w, i) -> flat(w.model().params().weightHh));
        def("b", Index.NONE, null, (w, i) -> flat(biasSum(w.model().params())));
        def("w_out", Index.NONE, null, (w, i) -> flat(w.model().params().weightOut));
        def("b_out", Index.NONE, null, (w, i) -> flat(w.model().params().biasOut));
        def("grad_wxh", Index.NONE, null, (w, i) -> flat(w.gradients().weightIh));
        def("grad_whh", Index.NONE, null, (w, i) -> flat(w.gradients().weightHh));
        def("grad_b", Index.NONE, null, (w, i) -> flat(w.gradients().biasIh));
        def("grad_wout", Index.NONE, null, (w, i) -> flat(w.gradients().weightOut));
        def("grad_bout", Index.NONE, null, (w, i) -> flat(w.gradients().biasOut));
        // generation: the first character of the text, then the model's own predictions fed back in
        def("generated", Index.NONE, null, (w, i) -> generated(w, true, 1.0, 0));
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
            String[] names = cell.gateNames();
            for (int g = 0; g < names.length; g++) {
                int block = g;
                def(names[g], Index.STEP, cell, (w, t) -> gate(w, t - 1, block, false));
                def(names[g] + "_mean", Index.STEP, cell, (w, t) -> gate(w, t - 1, block, true));
            }
        }
    }

    private Placeholders() {
    }

    private static void def(String name, Index index, CellType needs, BiFunction<Walkthrough, Integer, Object> value) {
        DEFS.put(name, new Def(name, index, needs, value));
    }

    /** Every placeholder name, in the order the README lists them. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(DEFS.keySet()));
    }

    /**
     * What is wrong with the placeholders of {@code text} under {@code setup}: unknown names,
     * a missing or unexpected index, an index past the sequence, a value the cell does not
     * have. Empty when all is well.
     */
    public static List<String> check(String text, Setup setup) {
        List<String> problems = new ArrayList<>();
        int steps = setup.steps();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String tok = m.group();
            if (tok.equals("{{") || tok.equals("}}")) {
                continue;
            }
            if (m.group(1) == null) {
                problems.add("a lone \"" + tok + "\" (write {{ or }} for a literal brace)");
                continue;
            }
            if (setup.isGrid()) {
                // a step with layers, both directions or a batch: the grid walk's own names
                String problem = GridPlaceholders.check(m.group(1), setup);
                if (problem != null) {
                    problems.add(problem);
                }
                continue;
            }
            String problem = checkOne(m.group(1), setup, steps);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    private static String checkOne(String body, Setup setup, int steps) {
        Matcher b = BODY.matcher(body);
        if (!b.matches()) {
            return "bad placeholder \"{" + body + "}\" (expected {name} or {name[number]})";
        }
        Def d = def(b.group(1));
        if (d == null) {
            String near = Suggest.nearest(b.group(1), DEFS.keySet());
            return "unknown placeholder \"{" + body + "}\"" + (near != null ? " (did you mean {" + near + "}?)" : "")
                    + " (see lessons/README.md for the list)";
        }
        if (d.index == Index.NONE && b.group(2) != null) {
            return "{" + d.name + "} takes no index";
        }
        if (d.index != Index.NONE && b.group(2) == null) {
            return "{" + d.name + "} needs an index, e.g. {" + d.name + "[1]}";
        }
        if (d.needs != null && setup.cell() != d.needs) {
            return "{" + body + "} needs the " + d.needs.id() + " cell (this step uses " + setup.cell().id() + ")";
        }
        if (d.index == Index.DRAW) {
            long i = parseIndex(b.group(2));
            return i < 1 || i > MAX_DRAW ? "{" + body + "}: the draw " + b.group(2) + " is outside 1 … " + MAX_DRAW : null;
        }
        if (d.index != Index.NONE) {
            int lo = d.index == Index.STEP ? 1 : 0;
            long i;
            try {
                i = Long.parseLong(b.group(2));
            } catch (NumberFormatException e) {
                i = Long.MAX_VALUE;
            }
            if (i < lo || i > steps) {
                return "{" + body + "}: index " + b.group(2) + " is outside " + lo + " … " + steps
                        + " (" + sequenceName(setup) + " has " + steps + " step" + (steps == 1 ? "" : "s") + ")";
            }
        }
        return null;
    }

    /** "the text \"jeep\"" or "the sequence 1, 2, 3": what a step count is of, for messages. */
    static String sequenceName(Setup setup) {
        return setup.numbers() != null ? "the sequence " + setup.numbers().label() : "the text \"" + setup.text() + "\"";
    }

    /**
     * {@code text} with every placeholder replaced by its value in {@code w}; a placeholder
     * that cannot be filled becomes {@code {name?}} rather than failing.
     */
    public static String fill(String text, Walkthrough w) {
        return replace(text, name -> {
            String v;
            try {
                v = value(name, w);
            } catch (RuntimeException e) {
                v = null;
            }
            return v != null ? v : "{" + name + "?}";
        });
    }

    /** {@code text} with every placeholder shown as "…": while no walk is ready. */
    public static String blank(String text) {
        return replace(text, name -> "…");
    }

    /** {@code text} with {{ and }} unescaped and every placeholder {name} replaced by {@code value(name)}. */
    static String replace(String text, java.util.function.UnaryOperator<String> value) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            last = m.end();
            String tok = m.group();
            if (tok.equals("{{")) {
                out.append('{');
            } else if (tok.equals("}}")) {
                out.append('}');
            } else {
                out.append(m.group(1) == null ? tok : value.apply(m.group(1)));
            }
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /** The value of one placeholder body ("loss", "h[2]") in {@code w} as shown, or null when it has none. */
    static String value(String body, Walkthrough w) {
        Object v = raw(body, w);
        return v == null ? null : v instanceof Double d ? num(d) : v.toString();
    }

    /**
     * The value of one placeholder body as a number, for checks and answers: null when it has
     * none or is not a single number (a vector of several entries, a character).
     */
    public static Double number(String body, Walkthrough w) {
        try {
            return raw(body, w) instanceof Number n ? n.doubleValue() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object raw(String body, Walkthrough w) {
        Matcher b = BODY.matcher(body);
        if (!b.matches()) {
            return null;
        }
        Def d = def(b.group(1));
        if (d == null || (d.needs != null && w.model().cell() != d.needs)) {
            return null;
        }
        if ((d.index == Index.NONE) != (b.group(2) == null)) {
            return null;
        }
        int i = 0;
        if (d.index == Index.DRAW) {
            long k = parseIndex(b.group(2));
            if (k < 1 || k > MAX_DRAW) {
                return null;
            }
            i = (int) k;
        } else if (d.index != Index.NONE) {
            i = Integer.parseInt(b.group(2));
            int lo = d.index == Index.STEP ? 1 : 0;
            if (i < lo || i > w.steps()) {
                return null;
            }
        }
        return d.value.apply(w, i);
    }

    /** The placeholder called {@code name}: one of the list, or one of a family that names its temperature. */
    private static Def def(String name) {
        Def d = DEFS.get(name);
        if (d != null) {
            return d;
        }
        Matcher m = TEMPERED.matcher(name);
        if (!m.matches() || Integer.parseInt(m.group(2)) == 0) {
            return null;
        }
        double temperature = Integer.parseInt(m.group(2)) / 100.0;
        return m.group(1).equals("sample")
                ? new Def(name, Index.DRAW, null, (w, k) -> generated(w, false, temperature, k))
                : new Def(name, Index.STEP, null, (w, t) -> (Object) topProbability(w, t - 1, temperature));
    }

    private static long parseIndex(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * What the model writes from the first character of the text, T characters more, each
     * prediction fed back in as the next input: the most likely one (greedy), or one drawn from
     * softmax(y / temperature) with the random numbers of seed {@code draw}.
     */
    private static Object generated(Walkthrough w, boolean greedy, double temperature, long draw) {
        String text = w.sequence().text();
        if (text == null || text.isEmpty() || w.model().vocab() == null) {
            return null;
        }
        String prime = new String(Character.toChars(text.codePointAt(0)));
        return org.unroll.task.Sampler.generate(w.model(), prime, w.steps(), greedy, temperature, draw);
    }

    /** The largest probability of softmax(y_t / temperature): how sure the model is of its first choice. */
    private static double topProbability(Walkthrough w, int t, double temperature) {
        if (w.sequence().loss() == LossType.MSE) {
            return Double.NaN;
        }
        double[] y = end(w).valueAtEnd(Quantity.OUTPUT, t);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            max = Math.max(max, v / temperature);
        }
        double sum = 0;
        for (double v : y) {
            sum += Math.exp(v / temperature - max);
        }
        return 1.0 / sum;
    }

    /** The walk read once it is complete: every value of every step exists there. */
    private static WalkPoint end(Walkthrough w) {
        return w.at(Cursor.update());
    }

    /** Step t's value of {@code q} (sequence 0), shown as a vector. */
    private static Object vector(Walkthrough w, Quantity q, int t) {
        return vector(end(w).valueAtEnd(q, t));
    }

    /** ‖step t's value of q‖₂. */
    private static double norm(Walkthrough w, Quantity q, int t) {
        double s = 0;
        for (double v : end(w).valueAtEnd(q, t)) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** State k (h_0 the initial one): what step 1 starts from, else what step k ends with. */
    private static Object state(Walkthrough w, int k, Quantity initial, Quantity after) {
        return k == 0 ? vector(w, initial, 0) : vector(w, after, k - 1);
    }

    /** A number with four significant digits; scientific notation when very small or large. */
    public static String num(double v) {
        return org.unroll.i18n.Notation.number(v);
    }

    /** A vector; one entry (a one-unit model) is a plain number, as on paper. */
    private static Object vector(double[] v) {
        return vector(v, 0, v.length);
    }

    /** Entries from … from + n − 1 of {@code v}, as {@link #vector(double[])}. */
    private static Object vector(double[] v, int from, int n) {
        if (n == 1) {
            return v[from];
        }
        StringBuilder sb = new StringBuilder("[");
        int shown = Math.min(n, 8);
        for (int j = 0; j < shown; j++) {
            if (j > 0) {
                sb.append(", ");
            }
            sb.append(num(v[from + j]));
        }
        if (shown < n) {
            sb.append(", …");
        }
        return sb.append(']').toString();
    }

    /** Every entry of a matrix, row by row. */
    private static Object flat(DMatrixRMaj m) {
        return vector(java.util.Arrays.copyOf(m.data, m.getNumElements()));
    }

    /** b = b_ih + b_hh, the one bias of the formulas. */
    private static DMatrixRMaj biasSum(Params p) {
        DMatrixRMaj b = p.biasIh.copy();
        for (int i = 0; i < b.data.length; i++) {
            b.data[i] += p.biasHh.data[i];
        }
        return b;
    }

    private static Object gate(Walkthrough w, int t, int block, boolean mean) {
        int hs = w.model().hiddenSize();
        double[] gates = end(w).valueAtEnd(Quantity.GATES, t);
        if (!mean) {
            return vector(gates, block * hs, hs);
        }
        double s = 0;
        for (int j = 0; j < hs; j++) {
            s += gates[block * hs + j];
        }
        return s / hs;
    }

    private static double frobenius(DMatrixRMaj m) {
        return org.unroll.engine.Norms.frobenius(m);
    }

    private static String vocab(Model model) {
        List<String> v = model.vocab();
        return v == null ? "" : String.join(", ", v.stream().map(org.unroll.i18n.Notation::visible).toList());
    }

    private static String label(Walkthrough w, int index) {
        List<String> v = w.model().vocab();
        return v != null && index >= 0 && index < v.size() ? org.unroll.i18n.Notation.visible(v.get(index)) : "#" + index;
    }

    /** x_t: the character of a one-hot input, the number of a numeric one. */
    private static Object input(Walkthrough w, int t) {
        double[] x = end(w).valueAtEnd(Quantity.INPUT, t);
        if (w.model().vocab() == null && x.length == 1) {
            return x[0];
        }
        return label(w, argmax(x));
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }

    private static Object target(Walkthrough w, int t) {
        SequenceBatch seq = w.sequence();
        if (seq.loss() != LossType.CROSS_ENTROPY) {
            return seq.vectorTargets().get(t, 0);
        }
        return seq.hasTarget(t) ? label(w, seq.classTarget(t)) : "—";
    }

    private static double probOfTarget(Walkthrough w, int t) {
        WalkPoint end = end(w);
        java.util.OptionalInt target = end.classTarget(t);
        if (!end.has(Quantity.PROBABILITIES) || target.isEmpty()) {
            return Double.NaN;
        }
        return end.valueAtEnd(Quantity.PROBABILITIES, t)[target.getAsInt()];
    }

    private static Object predicted(Walkthrough w, int t) {
        double[] y = end(w).valueAtEnd(Quantity.OUTPUT, t);
        if (w.sequence().loss() == LossType.MSE) {
            return vector(y);
        }
        return label(w, argmax(y));
    }

    private static int paramsUnshared(Walkthrough w) {
        Params p = w.model().params();
        int recurrent = p.weightIh.getNumElements() + p.weightHh.getNumElements()
                + p.biasIh.getNumElements() + p.biasHh.getNumElements();
        int out = p.weightOut.getNumElements() + p.biasOut.getNumElements();
        return (recurrent + out) * w.steps();
    }

    /** The loss after one SGD step whose gradient is first clipped to global norm {@code c}. */
    private static double lossAfterClippedSgd(Walkthrough w, double c) {
        Params next = w.model().params().copy();
        Params g = w.gradients().copy();
        GradientClipping.clipByGlobalNorm(g, c);
        new Sgd(w.learningRate()).step(next, g);
        return new Bptt(w.model().withParams(next), w.sequence()).forward();
    }

    private static double lossAfterAdam(Walkthrough w) {
        Params next = w.model().params().copy();
        new Adam(w.learningRate()).step(next, w.gradients().copy());
        return new Bptt(w.model().withParams(next), w.sequence()).forward();
    }

    private static double rtrlDifference(Walkthrough w) {
        Params r = Rtrl.run(w.model(), w.sequence()).grads();
        Params b = w.gradients();
        double max = 0;
        for (int k = 0; k < r.all().size(); k++) {
            DMatrixRMaj x = r.all().get(k);
            DMatrixRMaj y = b.all().get(k);
            for (int i = 0; i < x.getNumElements(); i++) {
                max = Math.max(max, Math.abs(x.data[i] - y.data[i]));
            }
        }
        return max;
    }
}
