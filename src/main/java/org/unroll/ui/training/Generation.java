package org.unroll.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Cursor;
import org.unroll.engine.Model;
import org.unroll.engine.Quantity;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Sampler;

/**
 * Generation from a character model, step by step, in the two ways the articles contrast:
 * free running, where each prediction is fed back in as the next input (after the prime), and
 * teacher forcing, where the true text is fed in whatever the model predicted. Free running
 * draws the same characters as {@link Sampler#generate} for the same seed; teacher forcing shows
 * how often the prediction was right when the input was.
 */
public final class Generation {
    /**
     * One step: the character fed in, the one predicted (greedy or drawn), its probability, and
     * under teacher forcing the true next character (else null).
     */
    public record Step(String input, String predicted, double probability, String truth, boolean fedBack) {
        /** Whether the prediction equals the truth (teacher forcing only). */
        public boolean right() {
            return predicted.equals(truth);
        }
    }

    private final Model model;
    private final int v;
    /** h and c after the last step fed in: null (zeros) before the first. */
    private DMatrixRMaj h;
    private DMatrixRMaj c;

    private Generation(Model model) {
        this.model = model;
        this.v = model.inputSize();
    }

    /**
     * One step from the state reached so far: a walk of one step (input {@code in}, no target) from
     * h and c, whose point at its end gives y_1, h_1 and c_1; the state moves on to them. The walk owns
     * every number read here, as it does for the stepping view.
     */
    private double[] step(int in) {
        DMatrixRMaj x = new DMatrixRMaj(1, v);
        x.data[in] = 1.0;
        SequenceBatch one = SequenceBatch.classification(1, 1, x, new int[] {-1}, h, c, null);
        WalkPoint end = new Walkthrough(model, one, 0.0).at(Cursor.update());
        h = row(end.valueAtEnd(Quantity.HIDDEN, 0));
        c = end.has(Quantity.CELL) ? row(end.valueAtEnd(Quantity.CELL, 0)) : null;
        return end.valueAtEnd(Quantity.OUTPUT, 0);
    }

    private static DMatrixRMaj row(double[] values) {
        return new DMatrixRMaj(1, values.length, true, values);
    }

    /**
     * The prime fed in, then {@code length} characters each fed back in: one step per character
     * fed in, the last prediction included. Greedy takes the likeliest; otherwise a draw from
     * softmax(y / temperature) with {@code seed}, as {@link Sampler#generate} draws.
     */
    public static List<Step> freeRunning(Model model, String prime, int length, boolean greedy, double temperature,
                                         long seed) {
        List<Integer> p = Sampler.indices(model, prime);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("the prime is empty: it needs at least one character");
        }
        if (!greedy && !(temperature > 0)) {
            throw new IllegalArgumentException("the temperature must be above 0");
        }
        Generation g = new Generation(model);
        Random rng = new Random(seed);
        List<Step> out = new ArrayList<>();
        int next = -1;
        for (int i = 0; i < p.size() + length - 1; i++) {
            boolean fed = i >= p.size();
            int in = fed ? next : p.get(i);
            double[] y = g.step(in);
            double[] prob = softmax(y, greedy ? 1.0 : temperature);
            if (i >= p.size() - 1) {
                next = greedy ? argmax(y) : draw(y, temperature, rng);
                out.add(new Step(model.vocab().get(in), model.vocab().get(next), prob[next], null, fed));
            } else {
                int best = argmax(y);
                out.add(new Step(model.vocab().get(in), model.vocab().get(best), prob[best], null, false));
            }
        }
        return out;
    }

    /** The text fed in character by character: at each step the likeliest next character against the true one. */
    public static List<Step> teacherForced(Model model, String text) {
        List<Integer> t = Sampler.indices(model, text);
        if (t.size() < 2) {
            throw new IllegalArgumentException("teacher forcing needs a text of at least two characters");
        }
        // the text is known in advance: one walk over it gives every step's y, as the stepping view shows it
        WalkPoint end = new Walkthrough(model, asSequence(model, text), 0.0).at(Cursor.update());
        List<Step> out = new ArrayList<>();
        for (int i = 0; i + 1 < t.size(); i++) {
            double[] y = end.valueAtEnd(Quantity.OUTPUT, i);
            double[] prob = softmax(y, 1.0);
            int best = argmax(y);
            out.add(new Step(model.vocab().get(t.get(i)), model.vocab().get(best), prob[best],
                    model.vocab().get(t.get(i + 1)), false));
        }
        return out;
    }

    /** The prime followed by the generated characters. */
    public static String text(String prime, List<Step> free) {
        StringBuilder s = new StringBuilder(prime);
        List<Integer> primeLength = new ArrayList<>();
        prime.codePoints().forEach(primeLength::add);
        for (int i = primeLength.size() - 1; i < free.size(); i++) {
            s.append(free.get(i).predicted());
        }
        return s.toString();
    }

    private static int argmax(double[] y) {
        int best = 0;
        for (int j = 1; j < y.length; j++) {
            if (y[j] > y[best]) {
                best = j;
            }
        }
        return best;
    }

    /** softmax(y / T). */
    private static double[] softmax(double[] y, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            max = Math.max(max, v / temperature);
        }
        double[] p = new double[y.length];
        double sum = 0;
        for (int j = 0; j < y.length; j++) {
            p[j] = Math.exp(y[j] / temperature - max);
            sum += p[j];
        }
        for (int j = 0; j < y.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    /** The draw of {@link Sampler#draw}, so generation here equals `unroll sample` number for number. */
    private static int draw(double[] y, double temperature, Random rng) {
        return Sampler.draw(y, y.length, temperature, rng);
    }

    /**
     * {@code text} as a sequence for the stepping view, in the model's vocabulary: each character
     * is an input and the next one its target (so a generated text shows its own predictions fed in).
     */
    public static SequenceBatch asSequence(Model model, String text) {
        List<Integer> t = Sampler.indices(model, text);
        if (t.size() < 2) {
            throw new IllegalArgumentException("a sequence needs at least two characters");
        }
        int v = model.inputSize();
        int steps = t.size() - 1;
        DMatrixRMaj in = new DMatrixRMaj(steps, v);
        int[] targets = new int[steps];
        for (int i = 0; i < steps; i++) {
            in.data[i * v + t.get(i)] = 1.0;
            targets[i] = t.get(i + 1);
        }
        return SequenceBatch.classification(steps, 1, in, targets, null, null, text);
    }
}
