package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stacked, bidirectional, masked engine against {@link ReferenceStacked}, a second
 * implementation in plain loops, on many random networks and batches: every layer count
 * from 1 to 3, both directions, every cell, padding, missing targets, given h0 / c0, both
 * losses, and padded inputs full of large numbers that must not matter.
 */
class StackedBpttReferenceTest {
    private static final String[] CELLS = {"rnn_tanh", "rnn_relu", "lstm", "gru"};

    static IntStream seeds() {
        return IntStream.range(0, 96);
    }

    /** One random case, built for both implementations from the same numbers. */
    record Case(StackedModel model, PaddedBatch batch, ReferenceStacked ref, double[][][] x, int[] len,
                int[][] cls, double[][][] vec, double[][][] h0, double[][][] c0) {
    }

    static Case randomCase(long seed) {
        Random rng = new Random(seed);
        String cellName = CELLS[(int) (seed % 4)];
        int layers = 1 + (int) ((seed / 4) % 3);
        int dirs = 1 + (int) ((seed / 12) % 2);
        int hs = 1 + rng.nextInt(4);
        int in = 1 + rng.nextInt(4);
        int out = 2 + rng.nextInt(3);
        int nb = 1 + rng.nextInt(4);
        int steps = 1 + rng.nextInt(6);
        boolean mse = (seed / 24) % 2 == 1;
        boolean states = (seed / 48) % 2 == 1;
        CellType cell = cellName.equals("lstm") ? CellType.LSTM : cellName.equals("gru") ? CellType.GRU : CellType.RNN;
        Activation act = cellName.equals("rnn_relu") ? Activation.RELU : Activation.TANH;
        StackedParams params = StackedParams.zeros(cell, in, hs, out, layers, dirs);
        Map<String, double[][]> refParams = new LinkedHashMap<>();
        for (String n : params.names()) {
            DMatrixRMaj m = params.get(n);
            double[][] r = new double[m.numRows][m.numCols];
            for (int i = 0; i < m.numRows; i++) {
                for (int j = 0; j < m.numCols; j++) {
                    double v = (2 * rng.nextDouble() - 1) * 0.9;
                    r[i][j] = v;
                    m.set(i, j, v);
                }
            }
            refParams.put(n, r);
        }
        int[] len = new int[nb];
        for (int b = 0; b < nb; b++) {
            len[b] = 1 + rng.nextInt(steps);
        }
        len[rng.nextInt(nb)] = steps;
        double[][][] x = new double[nb][steps][in];
        DMatrixRMaj inputs = new DMatrixRMaj(steps * nb, in);
        int[][] cls = new int[nb][steps];
        double[][][] vec = new double[nb][steps][];
        int[] flatCls = new int[steps * nb];
        DMatrixRMaj flatVec = new DMatrixRMaj(steps * nb, out);
        boolean[] has = new boolean[steps * nb];
        for (int b = 0; b < nb; b++) {
            for (int t = 0; t < steps; t++) {
                int r = t * nb + b;
                boolean real = t < len[b];
                for (int i = 0; i < in; i++) {
                    // padded inputs are large on purpose: the engine must not read them
                    x[b][t][i] = real ? 2 * rng.nextDouble() - 1 : 1e3 * rng.nextDouble();
                    inputs.set(r, i, x[b][t][i]);
                }
                boolean target = rng.nextDouble() < 0.8;
                cls[b][t] = target ? rng.nextInt(out) : -1;
                flatCls[r] = cls[b][t];
                if (target) {
                    vec[b][t] = new double[out];
                    for (int o = 0; o < out; o++) {
                        vec[b][t][o] = 2 * rng.nextDouble() - 1;
                        flatVec.set(r, o, vec[b][t][o]);
                    }
                }
                has[r] = target;
                if (!real) {
                    // what a reference that only reads real steps sees
                    cls[b][t] = -1;
                    vec[b][t] = null;
                }
            }
        }
        double[][][] h0 = states ? randomStates(rng, layers * dirs, nb, hs) : null;
        double[][][] c0 = states && cell == CellType.LSTM ? randomStates(rng, layers * dirs, nb, hs) : null;
        SequenceBatch seq = mse
                ? SequenceBatch.regression(steps, nb, inputs, flatVec, has, null, null, null)
                : SequenceBatch.classification(steps, nb, inputs, flatCls, null, null, null);
        PaddedBatch batch = new PaddedBatch(seq, len, stack(h0, hs), stack(c0, hs));
        StackedModel model = new StackedModel(cell, act, in, hs, out, layers, dirs == 2, null, params);
        ReferenceStacked ref = new ReferenceStacked(cellName, layers, dirs, hs, in, out, mse, refParams);
        return new Case(model, batch, ref, x, len, mse ? null : cls, mse ? vec : null, h0, c0);
    }

    private static double[][][] randomStates(Random rng, int ld, int nb, int hs) {
        double[][][] s = new double[ld][nb][hs];
        for (double[][] a : s) {
            for (double[] r : a) {
                for (int j = 0; j < hs; j++) {
                    r[j] = 2 * rng.nextDouble() - 1;
                }
            }
        }
        return s;
    }

    /** [L·D][B][H] as (L·D)·B × H. */
    static DMatrixRMaj stack(double[][][] s, int hs) {
        if (s == null) {
            return null;
        }
        DMatrixRMaj m = new DMatrixRMaj(s.length * s[0].length, hs);
        for (int k = 0; k < s.length; k++) {
            for (int b = 0; b < s[0].length; b++) {
                for (int j = 0; j < hs; j++) {
                    m.set(k * s[0].length + b, j, s[k][b][j]);
                }
            }
        }
        return m;
    }

    private static void close(double expected, double actual, String what) {
        double err = Math.abs(expected - actual);
        assertTrue(err <= 1e-10 || err <= 1e-9 * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equalsTheLoopReference(int seed) {
        Case c = randomCase(seed);
        c.ref().run(c.x(), c.len(), c.cls(), c.vec(), c.h0(), c.c0());
        StackedBptt pass = new StackedBptt(c.model(), c.batch());
        double loss = pass.forward();
        StackedParams grads = c.model().params().zerosLike();
        pass.backward(grads);
        ReferenceStacked ref = c.ref();
        int nb = c.batch().batch();
        int steps = c.batch().steps();
        int hs = c.model().hiddenSize();
        int dirs = c.model().directions();
        close(ref.loss, loss, "loss");
        for (int b = 0; b < nb; b++) {
            for (int t = 0; t < steps; t++) {
                int r = t * nb + b;
                close(ref.stepLoss[b][t], pass.stepLoss(t, b), "step loss " + b + "," + t);
                for (int o = 0; o < c.model().outputSize(); o++) {
                    close(ref.y[b][t][o], pass.outputs().get(r, o), "y " + b + "," + t);
                }
                DMatrixRMaj topOut = pass.layerOutput(c.model().layers() - 1);
                for (int j = 0; j < hs * dirs; j++) {
                    close(ref.top[b][t][j], topOut.get(r, j), "top output " + b + "," + t);
                }
            }
        }
        for (String n : grads.names()) {
            DMatrixRMaj m = grads.get(n);
            for (int i = 0; i < m.numRows; i++) {
                for (int j = 0; j < m.numCols; j++) {
                    close(ref.g.get(n)[i][j], m.get(i, j), "d" + n + "[" + i + "][" + j + "]");
                }
            }
        }
        int ld = c.model().layers() * dirs;
        DMatrixRMaj hn = pass.finalHidden();
        DMatrixRMaj dh0 = pass.dh0();
        for (int k = 0; k < ld; k++) {
            for (int b = 0; b < nb; b++) {
                for (int j = 0; j < hs; j++) {
                    close(ref.hn[k][b][j], hn.get(k * nb + b, j), "h_n " + k + "," + b);
                    close(ref.dh0[k][b][j], dh0.get(k * nb + b, j), "dh0 " + k + "," + b);
                    if (c.model().cell() == CellType.LSTM) {
                        close(ref.cn[k][b][j], pass.finalCells().get(k * nb + b, j), "c_n " + k + "," + b);
                        close(ref.dc0[k][b][j], pass.dc0().get(k * nb + b, j), "dc0 " + k + "," + b);
                    }
                }
            }
        }
    }

    @Test
    void coversWhatItClaims() {
        // the 96 seeds reach every cell × layers × directions × loss × given-state combination
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int s = 0; s < 96; s++) {
            Case c = randomCase(s);
            seen.add(c.model().cell() + "/" + c.model().activation() + "/" + c.model().layers() + "/"
                    + c.model().directions() + "/" + c.batch().sequences().loss() + "/" + (c.batch().h0() != null));
        }
        assertEquals(4 * 3 * 2 * 2 * 2, seen.size());
    }

    @Test
    void oneLayerOneDirectionEqualsTheSingleLayerEngine() {
        for (long seed = 0; seed < 24; seed++) {
            Random rng = new Random(seed);
            CellType cell = CellType.values()[(int) (seed % 3)];
            int hs = 1 + rng.nextInt(4);
            int in = 1 + rng.nextInt(3);
            int out = 2 + rng.nextInt(3);
            int steps = 1 + rng.nextInt(7);
            int nb = 1 + rng.nextInt(3);
            Model model = new Model(cell, Activation.TANH, in, hs, out, null,
                    Params.uniform(cell.gates(), in, hs, out, rng));
            DMatrixRMaj x = new DMatrixRMaj(steps * nb, in);
            int[] targets = new int[steps * nb];
            for (int r = 0; r < steps * nb; r++) {
                for (int i = 0; i < in; i++) {
                    x.set(r, i, rng.nextGaussian());
                }
                targets[r] = rng.nextInt(out + 1) - 1;
            }
            DMatrixRMaj h0 = new DMatrixRMaj(nb, hs);
            h0.data[0] = 0.3;
            SequenceBatch seq = SequenceBatch.classification(steps, nb, x, targets, h0, null, null);
            Bptt single = new Bptt(model, seq);
            double expected = single.forward();
            Params g = model.params().zerosLike();
            single.backward(g);
            StackedModel net = StackedModel.of(model);
            StackedBptt stacked = new StackedBptt(net, PaddedBatch.full(seq));
            close(expected, stacked.forward(), "loss");
            StackedParams sg = net.params().zerosLike();
            stacked.backward(sg);
            for (String n : Params.NAMES) {
                for (int i = 0; i < g.get(n).getNumElements(); i++) {
                    close(g.get(n).data[i], sg.get(n).data[i], n);
                }
            }
            for (int i = 0; i < nb * hs; i++) {
                close(single.dh0().data[i], stacked.dh0().data[i], "dh0");
            }
        }
    }
}
