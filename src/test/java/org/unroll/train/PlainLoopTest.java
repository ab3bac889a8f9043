package org.unroll.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.LossType;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.ReferencePass;

/**
 * The run against a plain training loop written here, one update at a time: each stream's
 * window through the textbook reference cells, the gradients summed and reduced, the global
 * norm, clip_grad_norm_'s formula, and SGD, momentum and Adam written out from PyTorch's
 * documentation. Every update's loss and norm, the final parameters and the final state agree.
 */
class PlainLoopTest {
    private static final double TOL = 1e-9;

    record Case(String name, CellType cell, Activation act, LossType loss, int streams, int length, int numSteps,
                boolean stateful, int epochs, OptimizerSpec opt, double clip, Reduction reduction,
                boolean emptyWindow, int threads) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("rnn tanh, stateless, short last window, sgd, 2 epochs", CellType.RNN, Activation.TANH,
                        LossType.CROSS_ENTROPY, 3, 7, 3, false, 2, OptimizerSpec.sgd(0.3), 0, Reduction.MEAN, false, 2),
                new Case("rnn relu, stateful, momentum 0.8, clipping bites, mse, sum", CellType.RNN, Activation.RELU,
                        LossType.MSE, 4, 9, 4, true, 2, OptimizerSpec.momentum(0.05, 0.8), 0.5, Reduction.SUM, false, 2),
                new Case("lstm, stateful, adam with other betas and eps, clipping, a window without targets, 3 epochs",
                        CellType.LSTM, Activation.TANH, LossType.CROSS_ENTROPY, 3, 10, 3, true, 3,
                        OptimizerSpec.adam(0.02, 0.8, 0.99, 1e-6), 0.1, Reduction.MEAN, true, 2),
                new Case("gru, stateful, adam, mse, mean, short last window, a window without targets", CellType.GRU,
                        Activation.TANH, LossType.MSE, 2, 8, 3, true, 2, OptimizerSpec.adam(0.05), 0, Reduction.MEAN, true, 1),
                new Case("gru, stateless, momentum, cross-entropy, sum, clipping", CellType.GRU, Activation.TANH,
                        LossType.CROSS_ENTROPY, 5, 6, 2, false, 2, OptimizerSpec.momentum(0.02, 0.5), 0.3, Reduction.SUM,
                        false, 2),
                new Case("lstm, one window over the whole stream, sgd, mse", CellType.LSTM, Activation.TANH, LossType.MSE,
                        1, 5, 5, false, 4, OptimizerSpec.sgd(0.1), 0, Reduction.MEAN, false, 1),
                new Case("lstm, stateful, sum, momentum, one stream per thread", CellType.LSTM, Activation.TANH,
                        LossType.MSE, 2, 11, 4, true, 2, OptimizerSpec.momentum(0.01, 0.9), 2.0, Reduction.SUM, false, 2),
                new Case("rnn tanh, stateful, adam, clipping, cross-entropy", CellType.RNN, Activation.TANH,
                        LossType.CROSS_ENTROPY, 4, 12, 5, true, 2, OptimizerSpec.adam(0.03, 0.5, 0.9, 1e-4), 0.2,
                        Reduction.MEAN, true, 2))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRunEqualsAPlainLoop(Case c) {
        Random rng = new Random(c.name().hashCode());
        int in = 3;
        int hid = 4;
        int out = 3;
        Model model = new Model(c.cell(), c.act(), in, hid, out, null,
                Params.uniform(c.cell().gates(), in, hid, out, rng));
        StreamData data = data(c, rng, in, out);
        TrainSpec spec = new TrainSpec(model, data, c.numSteps(), c.stateful(), c.epochs(), c.opt(), c.clip(), c.reduction());

        Plain expected = plainLoop(spec);
        try (TrainingRun run = new TrainingRun(spec, c.threads())) {
            run.runToEnd();
            List<Update> updates = run.updates();
            assertEquals(expected.losses.size(), updates.size(), "number of updates");
            assertEquals(expected.losses.size(), run.plannedUpdates());
            for (int u = 0; u < updates.size(); u++) {
                close(expected.losses.get(u), updates.get(u).loss(), "loss of update " + u);
                close(expected.norms.get(u), updates.get(u).gradNorm(), "grad norm of update " + u);
                assertEquals(expected.windows.get(u), updates.get(u).window(), "window of update " + u);
                double clipped = c.clip() > 0 && expected.norms.get(u) > c.clip()
                        ? expected.norms.get(u) * c.clip() / (expected.norms.get(u) + 1e-6) : expected.norms.get(u);
                close(clipped, updates.get(u).clippedNorm(), "clipped norm of update " + u);
            }
            for (int k = 0; k < Params.NAMES.size(); k++) {
                DMatrixRMaj actual = run.model().params().tensor(k);
                for (int i = 0; i < actual.getNumElements(); i++) {
                    close(expected.theta.tensor(k).data[i], actual.data[i], Params.NAMES.get(k) + "[" + i + "]");
                }
            }
            for (int i = 0; i < expected.h.length; i++) {
                close(expected.h[i], run.finalHidden().data[i], "h[" + i + "]");
            }
            if (c.cell().hasCellState()) {
                for (int i = 0; i < expected.c.length; i++) {
                    close(expected.c[i], run.finalCell().data[i], "c[" + i + "]");
                }
            }
            if (c.clip() > 0) {
                assertTrue(updates.stream().anyMatch(u -> u.clippedNorm() < u.gradNorm()), "clipping never bit");
            }
        }
        // the spec's model is the initial one, untouched by training
        assertNotEquals(expected.theta.weightHh.data[0], model.params().weightHh.data[0]);
    }

    /** Random inputs and targets; some steps without a target; optionally a whole window without any. */
    private static StreamData data(Case c, Random rng, int in, int out) {
        int b = c.streams();
        int n = c.length();
        DMatrixRMaj x = new DMatrixRMaj(n * b, in);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        boolean[] has = new boolean[n * b];
        for (int r = 0; r < has.length; r++) {
            int t = r / b;
            boolean emptyWindow = c.emptyWindow() && t / c.numSteps() == 1;
            has[r] = !emptyWindow && rng.nextInt(5) != 0;
        }
        if (c.loss() == LossType.CROSS_ENTROPY) {
            int[] y = new int[n * b];
            for (int r = 0; r < y.length; r++) {
                y[r] = has[r] ? rng.nextInt(out) : -1;
            }
            return StreamData.classification(b, n, x, y);
        }
        DMatrixRMaj y = new DMatrixRMaj(n * b, out);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = rng.nextGaussian();
        }
        return StreamData.regression(b, n, x, y, has);
    }

    private static final class Plain {
        final List<Double> losses = new ArrayList<>();
        final List<Double> norms = new ArrayList<>();
        final List<Integer> windows = new ArrayList<>();
        Params theta;
        double[] h;
        double[] c;
    }

    /** The textbook loop. */
    private static Plain plainLoop(TrainSpec spec) {
        Plain p = new Plain();
        Model model = spec.model();
        StreamData data = (StreamData) spec.data();
        int b = data.streams();
        int hid = model.hiddenSize();
        int in = model.inputSize();
        int out = model.outputSize();
        boolean lstm = model.cell().hasCellState();
        p.theta = model.params().copy();
        double[][] buffer = null;
        double[][] m = new double[6][];
        double[][] v = new double[6][];
        int step = 0;
        double[][] h = new double[b][hid];
        double[][] c = new double[b][hid];
        for (int epoch = 0; epoch < spec.epochs(); epoch++) {
            for (int w = 0; w < spec.windows(); w++) {
                if (!spec.stateful() || w == 0) {
                    h = new double[b][hid];
                    c = new double[b][hid];
                }
                int from = spec.windowStart(w);
                int len = spec.windowLength(w);
                double loss = 0;
                double[][] g = new double[6][];
                for (int k = 0; k < 6; k++) {
                    g[k] = new double[p.theta.tensor(k).getNumElements()];
                }
                int targets = 0;
                Model now = model.withParams(p.theta);
                double[][] nextH = new double[b][];
                double[][] nextC = new double[b][];
                for (int s = 0; s < b; s++) {
                    double[][] x = new double[len][in];
                    int[] cls = new int[len];
                    double[][] vec = new double[len][];
                    for (int t = 0; t < len; t++) {
                        int r = (from + t) * b + s;
                        for (int i = 0; i < in; i++) {
                            x[t][i] = data.inputs().get(r, i);
                        }
                        if (data.hasTarget(r)) {
                            targets++;
                            if (data.loss() == LossType.CROSS_ENTROPY) {
                                cls[t] = data.classTarget(r);
                            } else {
                                vec[t] = new double[out];
                                for (int j = 0; j < out; j++) {
                                    vec[t][j] = data.vectorTargets().get(r, j);
                                }
                            }
                        } else {
                            cls[t] = -1;
                        }
                    }
                    ReferencePass.Result res = ReferencePass.run(now, x, h[s], lstm ? c[s] : null,
                            data.loss() == LossType.CROSS_ENTROPY ? cls : null, vec);
                    loss += res.loss();
                    for (int k = 0; k < 6; k++) {
                        for (int i = 0; i < g[k].length; i++) {
                            g[k][i] += res.grads()[k][i];
                        }
                    }
                    nextH[s] = res.h();
                    nextC[s] = res.c();
                }
                h = nextH;
                c = lstm ? nextC : c;
                if (targets == 0) {
                    continue;
                }
                double scale = spec.reduction() == Reduction.MEAN ? 1.0 / targets : 1.0;
                double sq = 0;
                for (double[] gk : g) {
                    for (int i = 0; i < gk.length; i++) {
                        gk[i] *= scale;
                        sq += gk[i] * gk[i];
                    }
                }
                double norm = Math.sqrt(sq);
                p.losses.add(loss * scale);
                p.norms.add(norm);
                p.windows.add(w);
                if (spec.clipNorm() > 0) {
                    double coef = Math.min(1.0, spec.clipNorm() / (norm + 1e-6));
                    for (double[] gk : g) {
                        for (int i = 0; i < gk.length; i++) {
                            gk[i] *= coef;
                        }
                    }
                }
                OptimizerSpec o = spec.optimizer();
                step++;
                for (int k = 0; k < 6; k++) {
                    double[] th = p.theta.tensor(k).data;
                    switch (o.name()) {
                        case "sgd" -> {
                            for (int i = 0; i < th.length; i++) {
                                th[i] -= o.lr() * g[k][i];
                            }
                        }
                        case "momentum" -> {
                            if (buffer == null) {
                                buffer = new double[6][];
                            }
                            if (buffer[k] == null) {
                                buffer[k] = g[k].clone();
                            } else {
                                for (int i = 0; i < th.length; i++) {
                                    buffer[k][i] = o.momentum() * buffer[k][i] + g[k][i];
                                }
                            }
                            for (int i = 0; i < th.length; i++) {
                                th[i] -= o.lr() * buffer[k][i];
                            }
                        }
                        default -> {
                            if (m[k] == null) {
                                m[k] = new double[th.length];
                                v[k] = new double[th.length];
                            }
                            for (int i = 0; i < th.length; i++) {
                                m[k][i] = o.beta1() * m[k][i] + (1 - o.beta1()) * g[k][i];
                                v[k][i] = o.beta2() * v[k][i] + (1 - o.beta2()) * g[k][i] * g[k][i];
                                double mHat = m[k][i] / (1 - Math.pow(o.beta1(), step));
                                double vHat = v[k][i] / (1 - Math.pow(o.beta2(), step));
                                th[i] -= o.lr() * mHat / (Math.sqrt(vHat) + o.eps());
                            }
                        }
                    }
                }
            }
        }
        p.h = flat(h);
        p.c = lstm ? flat(c) : null;
        return p;
    }

    private static double[] flat(double[][] a) {
        double[] out = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, i * a[i].length, a[i].length);
        }
        return out;
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }
}
