package org.unroll.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Bptt;
import org.unroll.engine.Model;
import org.unroll.engine.PaddedBatch;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.StackedBptt;
import org.unroll.engine.StackedModel;
import org.unroll.engine.Tape;

/**
 * Test-time generation from a character model: the state is warmed up on the prime, then
 * each prediction is fed back in as the next input. Greedy takes the most likely character;
 * otherwise a character is drawn from softmax(y / temperature).
 */
public final class Sampler {
    private Sampler() {
    }

    /** The characters of {@code text} (code points), each checked against the model's vocabulary. */
    public static List<Integer> indices(Model model, String text) {
        return indices(model.vocab(), model.inputSize(), model.outputSize(), text);
    }

    private static List<Integer> indices(List<String> vocab, int inputSize, int outputSize, String text) {
        if (vocab == null || vocab.size() != inputSize || vocab.size() != outputSize) {
            throw new IllegalArgumentException("the model is not a character model (it needs a vocab of input_size = output_size)");
        }
        List<Integer> out = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        for (int cp : cps) {
            String ch = new String(Character.toChars(cp));
            int i = vocab.indexOf(ch);
            if (i < 0) {
                throw new IllegalArgumentException("the character '" + ch + "' is not in the model's vocabulary ("
                        + String.join("", vocab) + ")");
            }
            out.add(i);
        }
        return out;
    }

    /**
     * The prime followed by {@code length} generated characters.
     *
     * @param temperature the softmax temperature (&gt; 0), ignored when greedy
     */
    public static String generate(Model model, String prime, int length, boolean greedy, double temperature, long seed) {
        List<Integer> p = indices(model, prime);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("the prime is empty: it needs at least one character");
        }
        int v = model.inputSize();
        int hid = model.hiddenSize();
        DMatrixRMaj h = new DMatrixRMaj(1, hid);
        DMatrixRMaj c = model.cell().hasCellState() ? new DMatrixRMaj(1, hid) : null;
        DMatrixRMaj x = new DMatrixRMaj(1, v);
        SequenceBatch one = SequenceBatch.classification(1, 1, x, new int[] {-1}, h, c, null);
        Bptt pass = new Bptt(model, one);
        Random rng = new Random(seed);
        StringBuilder out = new StringBuilder(prime);
        int next = -1;
        int total = p.size() + length;
        // every prime character is fed in; each prediction after the last one is fed back in
        for (int i = 0; i < total - 1; i++) {
            int in = i < p.size() ? p.get(i) : next;
            java.util.Arrays.fill(x.data, 0.0);
            x.data[in] = 1.0;
            pass.setSequence(one);
            pass.forward();
            Tape tape = pass.tape();
            System.arraycopy(tape.h.data, hid, h.data, 0, hid);
            if (c != null) {
                System.arraycopy(tape.c.data, hid, c.data, 0, hid);
            }
            if (i >= p.size() - 1) {
                next = greedy ? argmax(tape.y.data, v) : draw(tape.y.data, v, temperature, rng);
                out.append(model.vocab().get(next));
            }
        }
        return out.toString();
    }

    /**
     * The same for a network of L layers in one direction: each character runs one step of
     * every layer, from the h_n (and c_n) of every layer after the character before. A
     * one-layer network is sampled exactly as {@link #generate(Model, String, int, boolean, double, long)}.
     */
    public static String generate(StackedModel model, String prime, int length, boolean greedy, double temperature,
                                  long seed) {
        if (model.isSingle()) {
            return generate(model.single(), prime, length, greedy, temperature, seed);
        }
        if (model.bidirectional()) {
            throw new IllegalArgumentException("a bidirectional model also reads each sequence from its end, so it"
                    + " cannot generate one character after another; sampling needs a model of one direction");
        }
        List<Integer> p = indices(model.vocab(), model.inputSize(), model.outputSize(), prime);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("the prime is empty: it needs at least one character");
        }
        int v = model.inputSize();
        DMatrixRMaj h = new DMatrixRMaj(model.layers(), model.hiddenSize());
        DMatrixRMaj c = model.cell().hasCellState() ? new DMatrixRMaj(model.layers(), model.hiddenSize()) : null;
        Random rng = new Random(seed);
        StringBuilder out = new StringBuilder(prime);
        int next = -1;
        int total = p.size() + length;
        for (int i = 0; i < total - 1; i++) {
            int in = i < p.size() ? p.get(i) : next;
            DMatrixRMaj x = new DMatrixRMaj(1, v);
            x.data[in] = 1.0;
            SequenceBatch one = SequenceBatch.classification(1, 1, x, new int[] {-1}, null, null, null);
            // one step of every layer from the last step's h_n, c_n
            StackedBptt pass = new StackedBptt(model, new PaddedBatch(one, new int[] {1}, h, c));
            pass.forward();
            h = pass.finalHidden();
            c = pass.finalCells();
            if (i >= p.size() - 1) {
                double[] y = pass.outputs().data;
                next = greedy ? argmax(y, v) : draw(y, v, temperature, rng);
                out.append(model.vocab().get(next));
            }
        }
        return out.toString();
    }

    private static int argmax(double[] y, int v) {
        int best = 0;
        for (int j = 1; j < v; j++) {
            if (y[j] > y[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * A draw from softmax(y / T) over the first v logits: u uniform in [0, Σ w), walked down
     * w = exp(y/T − max). The one sampling rule of the CLI, the lessons and the training window.
     */
    public static int draw(double[] y, int v, double temperature, Random rng) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v; j++) {
            max = Math.max(max, y[j] / temperature);
        }
        double[] p = new double[v];
        double sum = 0;
        for (int j = 0; j < v; j++) {
            p[j] = Math.exp(y[j] / temperature - max);
            sum += p[j];
        }
        double u = rng.nextDouble() * sum;
        for (int j = 0; j < v; j++) {
            u -= p[j];
            if (u < 0) {
                return j;
            }
        }
        return v - 1;
    }
}
