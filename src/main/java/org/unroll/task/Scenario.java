package org.unroll.task;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.unroll.engine.GradientFlow;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;

/**
 * A model and the one sequence it is shown on, with the characters of each step when it is
 * a character model (else null).
 *
 * @param model    the model
 * @param sequence a batch of one sequence
 * @param text     the text as characters, or null for a sequence opened from a file without one
 */
public record Scenario(Model model, SequenceBatch sequence, CharText text) {

    /**
     * Builds the character model and sequence that a {@link Setup} describes; with a
     * {@link Training}, the model is the one training made of the seed's (deterministically).
     */
    public static Scenario build(Setup s) {
        return build(s, p -> { });
    }

    /**
     * As {@link #build(Setup)}, telling {@code progress} how the setup's training goes, update by
     * update (nothing when it has none); the listener may stop it by throwing, see
     * {@link Training#train(Model, SequenceBatch, java.util.function.Consumer)}.
     */
    public static Scenario build(Setup s, java.util.function.Consumer<Training.Progress> progress) {
        Scenario untrained = untrained(s);
        if (s.training() == null) {
            return untrained;
        }
        Training.Result r = s.training().train(untrained.model(), untrained.sequence(), progress);
        if (s.training().window()) {
            // the last update's window as the training met it: its weights before the update, its
            // own steps, its initial state (carried in when stateful); labels come from the vocabulary
            org.unroll.train.Snapshot last = r.window();
            return new Scenario(last.model(), last.sequence(0), null);
        }
        return new Scenario(r.model(), untrained.sequence(), untrained.text());
    }

    /** The scenario without its training: the model as the seed (or fixed weights) gives it. */
    public static Scenario untrained(Setup s) {
        if (s.numbers() != null) {
            return numeric(s, s.numbers());
        }
        CharText text = CharText.of(s.text());
        int v = text.vocab().size();
        Random rng = new Random(s.seed());
        Params p = Params.uniform(s.cell().gates(), v, s.hiddenSize(), v, rng);
        if (s.spectralNorm() > 0) {
            scaleToSpectralNorm(p.weightHh, s.spectralNorm());
        }
        Model model = new Model(s.cell(), s.activation(), v, s.hiddenSize(), v, text.vocab(), p);
        DMatrixRMaj h0 = null;
        DMatrixRMaj c0 = null;
        if (s.initialState() == InitialState.RANDOM) {
            Random state = new Random(s.seed() ^ 0x5DEECE66DL);
            h0 = randomState(s.hiddenSize(), state);
            c0 = s.cell().hasCellState() ? randomState(s.hiddenSize(), state) : null;
        }
        SequenceBatch seq = SequenceBatch.classification(text.steps(), 1, text.oneHotInputs(),
                text.targets(), h0, c0, s.text());
        return new Scenario(model, seq, text);
    }

    /**
     * The regression task: one number in and out per step, MSE. Fixed weights give a one-unit
     * RNN (b goes to bias_ih, bias_hh stays 0); otherwise the seed draws them.
     */
    private static Scenario numeric(Setup s, Numbers n) {
        String problem = n.problem(s);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        int steps = n.steps();
        Params p;
        if (n.weights() != null) {
            Numbers.Weights w = n.weights();
            p = Params.zeros(1, 1, 1, 1);
            p.weightIh.set(0, 0, w.wxh());
            p.weightHh.set(0, 0, w.whh());
            p.biasIh.set(0, 0, w.b());
            p.weightOut.set(0, 0, w.wout());
            p.biasOut.set(0, 0, w.bout());
        } else {
            p = Params.uniform(s.cell().gates(), 1, s.hiddenSize(), 1, new Random(s.seed()));
            if (s.spectralNorm() > 0) {
                scaleToSpectralNorm(p.weightHh, s.spectralNorm());
            }
        }
        Model model = new Model(s.cell(), s.activation(), 1, s.hiddenSize(), 1, null, p);
        DMatrixRMaj x = new DMatrixRMaj(steps, 1);
        DMatrixRMaj y = new DMatrixRMaj(steps, 1);
        boolean[] has = new boolean[steps];
        for (int t = 0; t < steps; t++) {
            x.set(t, 0, n.inputs().get(t));
            y.set(t, 0, n.targets().get(t));
            has[t] = true;
        }
        DMatrixRMaj h0 = null;
        DMatrixRMaj c0 = null;
        if (s.initialState() == InitialState.RANDOM) {
            Random state = new Random(s.seed() ^ 0x5DEECE66DL);
            h0 = randomState(s.hiddenSize(), state);
            c0 = s.cell().hasCellState() ? randomState(s.hiddenSize(), state) : null;
        }
        SequenceBatch seq = SequenceBatch.regression(steps, 1, x, y, has, h0, c0, n.label());
        return new Scenario(model, seq, null);
    }

    /**
     * The same network with W_hh scaled so that σ_max(W_hh) = {@code sigma} (W_hh ← W_hh · σ / σ_max);
     * the sequence and text kept. The weights here are not changed: the scaled ones are a copy.
     */
    public Scenario withSpectralNorm(double sigma) {
        org.unroll.engine.Params p = model.params().copy();
        scaleToSpectralNorm(p.weightHh, sigma);
        return new Scenario(model.withParams(p), sequence, text);
    }

    /**
     * The same network and steps from another initial state: zeros, or h_0 (and c_0) drawn from
     * {@code seed} as {@link #untrained(Setup)} draws them.
     */
    public Scenario withInitialState(InitialState state, long seed) {
        DMatrixRMaj h0 = null;
        DMatrixRMaj c0 = null;
        if (state == InitialState.RANDOM) {
            Random rng = new Random(seed ^ 0x5DEECE66DL);
            h0 = randomState(model.hiddenSize(), rng);
            c0 = model.cell().hasCellState() ? randomState(model.hiddenSize(), rng) : null;
        }
        SequenceBatch s = sequence;
        SequenceBatch next = s.loss() == org.unroll.engine.LossType.MSE
                ? SequenceBatch.regression(s.steps(), s.batch(), s.inputs(), s.vectorTargets(), hasTargets(s), h0, c0, s.text())
                : SequenceBatch.classification(s.steps(), s.batch(), s.inputs(), classTargets(s), h0, c0, s.text());
        return new Scenario(model, next, text);
    }

    /**
     * The same network on another text, each character one-hot over the model's own vocabulary
     * (a model opened from files keeps its weights); the initial state kept.
     *
     * @throws IllegalArgumentException when the model has no vocabulary of characters or a
     *                                  character of {@code t} is not in it (the message names it)
     */
    public Scenario withText(String t) {
        List<String> vocab = model.vocab();
        if (vocab == null || vocab.size() != model.inputSize() || vocab.size() != model.outputSize()) {
            throw new IllegalArgumentException("the opened model reads numbers, not characters");
        }
        CharText chars = CharText.of(t);
        int steps = chars.steps();
        DMatrixRMaj x = new DMatrixRMaj(steps, vocab.size());
        int[] y = new int[steps];
        for (int k = 0; k <= steps; k++) {
            String c = k < steps ? chars.input(k) : chars.target(steps - 1);
            int i = vocab.indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException("“" + c + "” is not in the opened model's vocabulary ("
                        + String.join(" ", vocab) + ")");
            }
            if (k < steps) {
                x.set(k, i, 1.0);
            }
            if (k > 0) {
                y[k - 1] = i;
            }
        }
        SequenceBatch next = SequenceBatch.classification(steps, 1, x, y, sequence.h0(), sequence.c0(), t);
        return new Scenario(model, next, null);
    }

    /**
     * The text of the sequence as a person reads it: the text it was made from, else its
     * characters read through the model's vocabulary; null for a numeric sequence.
     */
    public String shownText() {
        if (text != null) {
            return text.text();
        }
        if (sequence.text() != null) {
            return sequence.text();
        }
        if (model.vocab() == null || sequence.loss() != org.unroll.engine.LossType.CROSS_ENTROPY) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < sequence.steps(); t++) {
            String c = inputLabel(t);
            if (!model.vocab().contains(c)) {
                return null;
            }
            b.append(c);
        }
        String last = targetLabel(sequence.steps() - 1);
        return last == null || !model.vocab().contains(last) ? b.toString() : b.append(last).toString();
    }

    private static boolean[] hasTargets(SequenceBatch s) {
        boolean[] has = new boolean[s.steps() * s.batch()];
        for (int i = 0; i < has.length; i++) {
            has[i] = s.hasTarget(i);
        }
        return has;
    }

    private static int[] classTargets(SequenceBatch s) {
        int[] y = new int[s.steps() * s.batch()];
        for (int i = 0; i < y.length; i++) {
            y[i] = s.hasTarget(i) ? s.classTarget(i) : -1;
        }
        return y;
    }

    /** W ← W · target / σ_max(W). */
    static void scaleToSpectralNorm(DMatrixRMaj w, double target) {
        double sigma = GradientFlow.spectralNorm(w);
        if (sigma > 0) {
            CommonOps_DDRM.scale(target / sigma, w);
        }
    }

    private static DMatrixRMaj randomState(int hidden, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(1, hidden);
        for (int i = 0; i < hidden; i++) {
            m.data[i] = rng.nextDouble() - 0.5;
        }
        return m;
    }

    /** The label of input step t: its character, or "x_t" without a text. */
    public String inputLabel(int t) {
        if (text != null) {
            return text.input(t);
        }
        List<String> vocab = model.vocab();
        if (vocab == null && sequence.inputSize() == 1) {
            return Numbers.plain(sequence.inputs().get(t, 0));
        }
        return vocab == null ? "x" + (t + 1) : oneHotLabel(sequence.inputs(), t, vocab);
    }

    /** The label of target step t: its character, or null when the step has no target. */
    public String targetLabel(int t) {
        if (!sequence.hasTarget(t)) {
            return null;
        }
        if (text != null) {
            return text.target(t);
        }
        List<String> vocab = model.vocab();
        if (vocab != null && sequence.classTarget(t) >= 0 && vocab.size() == model.outputSize()) {
            return vocab.get(sequence.classTarget(t));
        }
        if (sequence.loss() == org.unroll.engine.LossType.MSE && model.outputSize() == 1) {
            return Numbers.plain(sequence.vectorTargets().get(t, 0));
        }
        return "y" + (t + 1);
    }

    private static String oneHotLabel(DMatrixRMaj x, int t, List<String> vocab) {
        int n = x.numCols;
        int hot = -1;
        for (int j = 0; j < n; j++) {
            double v = x.data[t * n + j];
            if (v == 1.0 && hot < 0) {
                hot = j;
            } else if (v != 0.0) {
                return "x" + (t + 1);
            }
        }
        return hot >= 0 && vocab.size() == n ? vocab.get(hot) : "x" + (t + 1);
    }
}
