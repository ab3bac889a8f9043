package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unroll.train.OptimizerSpec;
import org.unroll.train.Reduction;
import org.unroll.train.StreamData;
import org.unroll.train.TrainSpec;
import org.unroll.train.TrainingRun;
import org.unroll.train.Update;

/**
 * Training a stacked or bidirectional network against a plain loop written here: every
 * window of every stream through the loop-based {@link ReferenceStacked} (which shares nothing
 * with the engine), the state h_n of every layer and direction passed back in as h_0 when the
 * run is stateful, the gradients reduced, the global norm over every tensor, clip_grad_norm_'s
 * formula and SGD, momentum and Adam written out from PyTorch's documentation. (It lives in the
 * engine's test package because the reference does.)
 */
class StackedTrainingLoopTest {
    private static final double TOL = 1e-9;

    record Case(String name, CellType cell, Activation act, int layers, boolean bidirectional, LossType loss,
                int streams, int length, int numSteps, boolean stateful, int epochs, OptimizerSpec opt, double clip,
                Reduction reduction, boolean emptyWindow) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("lstm 2 layers bidirectional, stateful, adam betas, clipping, empty window", CellType.LSTM,
                        Activation.TANH, 2, true, LossType.CROSS_ENTROPY, 3, 10, 3, true, 2,
                        OptimizerSpec.adam(0.02, 0.8, 0.99, 1e-6), 0.1, Reduction.MEAN, true),
                new Case("gru 3 layers, stateless, momentum, mse, sum, short last window", CellType.GRU,
                        Activation.TANH, 3, false, LossType.MSE, 2, 8, 3, false, 2,
                        OptimizerSpec.momentum(0.02, 0.7), 0, Reduction.SUM, false),
                new Case("rnn relu bidirectional one layer, stateful, sgd, mse, clipping", CellType.RNN,
                        Activation.RELU, 1, true, LossType.MSE, 4, 9, 4, true, 2, OptimizerSpec.sgd(0.05), 0.3,
                        Reduction.MEAN, false),
                new Case("rnn tanh 2 layers, stateful, adam, cross-entropy, empty window", CellType.RNN,
                        Activation.TANH, 2, false, LossType.CROSS_ENTROPY, 3, 11, 4, true, 3, OptimizerSpec.adam(0.03),
                        0, Reduction.MEAN, true),
                new Case("gru 2 layers bidirectional, stateful, momentum, cross-entropy, sum, clipping", CellType.GRU,
                        Activation.TANH, 2, true, LossType.CROSS_ENTROPY, 2, 7, 3, true, 2,
                        OptimizerSpec.momentum(0.01, 0.9), 0.5, Reduction.SUM, false))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRunEqualsAPlainLoop(Case c) {
        Random rng = new Random(c.name().hashCode());
        int in = 3;
        int hid = 4;
        int out = 3;
        int dirs = c.bidirectional() ? 2 : 1;
        StackedModel model = new StackedModel(c.cell(), c.act(), in, hid, out, c.layers(), c.bidirectional(), null,
                StackedParams.uniform(c.cell(), in, hid, out, c.layers(), dirs, rng));
        StreamData data = data(c, rng, in, out);
        TrainSpec spec = new TrainSpec(model, data, c.numSteps(), c.stateful(), c.epochs(), c.opt(), c.clip(),
                c.reduction());
        Plain expected = plainLoop(c, model, data, spec);
        try (TrainingRun run = new TrainingRun(spec, 2)) {
            run.runToEnd();
            List<Update> updates = run.updates();
            assertEquals(expected.losses.size(), updates.size(), "number of updates");
            assertEquals(expected.losses.size(), run.plannedUpdates());
            for (int u = 0; u < updates.size(); u++) {
                close(expected.losses.get(u), updates.get(u).loss(), "loss of update " + u);
                close(expected.norms.get(u), updates.get(u).gradNorm(), "grad norm of update " + u);
                assertEquals(expected.windows.get(u), updates.get(u).window(), "window of update " + u);
                assertEquals(run.parameterNames().size(), updates.get(u).paramNorms().length);
            }
            for (String name : model.params().names()) {
                double[][] e = expected.theta.get(name);
                DMatrixRMaj a = run.network().params().get(name);
                for (int i = 0; i < a.numRows; i++) {
                    for (int j = 0; j < a.numCols; j++) {
                        close(e[i][j], a.get(i, j), name + "[" + i + "][" + j + "]");
                    }
                }
            }
            // h_n, (L·D)·B × H in PyTorch's order l0, l0_reverse, l1, …
            DMatrixRMaj h = run.finalHidden();
            assertEquals(c.layers() * dirs * c.streams(), h.numRows);
            for (int ld = 0; ld < c.layers() * dirs; ld++) {
                for (int b = 0; b < c.streams(); b++) {
                    for (int j = 0; j < hid; j++) {
                        close(expected.h[ld][b][j], h.get(ld * c.streams() + b, j), "h_n[" + ld + "][" + b + "]");
                        if (c.cell().hasCellState()) {
                            close(expected.c[ld][b][j], run.finalCell().get(ld * c.streams() + b, j), "c_n");
                        }
                    }
                }
            }
            if (c.clip() > 0) {
                assertTrue(updates.stream().anyMatch(u -> u.clippedNorm() < u.gradNorm()), "clipping never bit");
            }
            assertNull(run.snapshot(), "the stepping walk is one layer, one direction");
            assertThrows(IllegalStateException.class, run::model);
        }
        // the spec's network is the initial one, untouched by training
        String first = model.params().names().get(0);
        assertTrue(expected.theta.get(first)[0][0] != model.params().get(first).get(0, 0));
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
        Map<String, double[][]> theta;
        double[][][] h;
        double[][][] c;
    }

    /** The textbook loop, one window at a time through the loop-based reference. */
    private static Plain plainLoop(Case cs, StackedModel model, StreamData data, TrainSpec spec) {
        Plain p = new Plain();
        int b = data.streams();
        int hid = model.hiddenSize();
        int in = model.inputSize();
        int out = model.outputSize();
        int dirs = model.directions();
        int lanes = model.layers() * dirs;
        String cell = model.cell() == CellType.RNN ? "rnn_" + model.activation().id() : model.cell().id();
        boolean mse = data.loss() == LossType.MSE;
        p.theta = new LinkedHashMap<>();
        model.params().tensors().forEach((n, m) -> {
            double[][] a = new double[m.numRows][m.numCols];
            for (int i = 0; i < m.numRows; i++) {
                for (int j = 0; j < m.numCols; j++) {
                    a[i][j] = m.get(i, j);
                }
            }
            p.theta.put(n, a);
        });
        Map<String, double[][]> buffer = new LinkedHashMap<>();
        Map<String, double[][]> m1 = new LinkedHashMap<>();
        Map<String, double[][]> m2 = new LinkedHashMap<>();
        int step = 0;
        double[][][] h = new double[lanes][b][hid];
        double[][][] c = new double[lanes][b][hid];
        for (int epoch = 0; epoch < spec.epochs(); epoch++) {
            for (int w = 0; w < spec.windows(); w++) {
                if (!spec.stateful() || w == 0) {
                    h = new double[lanes][b][hid];
                    c = new double[lanes][b][hid];
                }
                int from = spec.windowStart(w);
                int len = spec.windowLength(w);
                double[][][] x = new double[b][len][in];
                int[][] cls = new int[b][len];
                double[][][] vec = new double[b][len][];
                int[] lengths = new int[b];
                int targets = 0;
                for (int s = 0; s < b; s++) {
                    lengths[s] = len;
                    for (int t = 0; t < len; t++) {
                        int r = (from + t) * b + s;
                        for (int i = 0; i < in; i++) {
                            x[s][t][i] = data.inputs().get(r, i);
                        }
                        cls[s][t] = -1;
                        if (data.hasTarget(r)) {
                            targets++;
                            if (mse) {
                                vec[s][t] = new double[out];
                                for (int j = 0; j < out; j++) {
                                    vec[s][t][j] = data.vectorTargets().get(r, j);
                                }
                            } else {
                                cls[s][t] = data.classTarget(r);
                            }
                        }
                    }
                }
                ReferenceStacked ref = new ReferenceStacked(cell, model.layers(), dirs, hid, in, out, mse, p.theta);
                ref.run(x, lengths, mse ? null : cls, mse ? vec : null, h, model.cell().hasCellState() ? c : null);
                // h_0 of the next window is h_n of this one, values only
                h = ref.hn;
                c = ref.cn;
                if (targets == 0) {
                    continue;
                }
                double scale = spec.reduction() == Reduction.MEAN ? 1.0 / targets : 1.0;
                double sq = 0;
                for (double[][] gk : ref.g.values()) {
                    for (double[] row : gk) {
                        for (int i = 0; i < row.length; i++) {
                            row[i] *= scale;
                            sq += row[i] * row[i];
                        }
                    }
                }
                double norm = Math.sqrt(sq);
                p.losses.add(ref.loss * scale);
                p.norms.add(norm);
                p.windows.add(w);
                double coef = spec.clipNorm() > 0 ? Math.min(1.0, spec.clipNorm() / (norm + 1e-6)) : 1.0;
                OptimizerSpec o = spec.optimizer();
                step++;
                for (String name : p.theta.keySet()) {
                    double[][] th = p.theta.get(name);
                    double[][] g = ref.g.get(name);
                    for (int i = 0; i < th.length; i++) {
                        for (int j = 0; j < th[i].length; j++) {
                            double gi = g[i][j] * coef;
                            switch (o.name()) {
                                case "sgd" -> th[i][j] -= o.lr() * gi;
                                case "momentum" -> {
                                    // the buffer starts as the first gradient, then b ← μ b + g
                                    double[][] buf = buffer.computeIfAbsent(name, k -> new double[th.length][th[0].length]);
                                    buf[i][j] = step == 1 ? gi : o.momentum() * buf[i][j] + gi;
                                    th[i][j] -= o.lr() * buf[i][j];
                                }
                                default -> {
                                    double[][] mk = m1.computeIfAbsent(name, k -> new double[th.length][th[0].length]);
                                    double[][] vk = m2.computeIfAbsent(name, k -> new double[th.length][th[0].length]);
                                    mk[i][j] = o.beta1() * mk[i][j] + (1 - o.beta1()) * gi;
                                    vk[i][j] = o.beta2() * vk[i][j] + (1 - o.beta2()) * gi * gi;
                                    double mHat = mk[i][j] / (1 - Math.pow(o.beta1(), step));
                                    double vHat = vk[i][j] / (1 - Math.pow(o.beta2(), step));
                                    th[i][j] -= o.lr() * mHat / (Math.sqrt(vHat) + o.eps());
                                }
                            }
                        }
                    }
                }
            }
        }
        p.h = h;
        p.c = c;
        return p;
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }
}
