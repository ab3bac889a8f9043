package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Random models and sequences with fixed seeds, the reference dispatcher and the comparisons. */
final class Cases {
    private Cases() {
    }

    /** Which steps carry a target. */
    enum Targets {
        /** every step (many-to-many) */
        ALL,
        /** only the last step (many-to-one) */
        LAST,
        /** a random subset, the last step always included */
        SOME
    }

    /** A model with PyTorch's uniform initialisation, every entry then multiplied by {@code scale}. */
    static Model model(CellType cell, Activation act, int in, int hidden, int out, Random rng, double scale) {
        Params p = Params.uniform(cell.gates(), in, hidden, out, rng);
        for (DMatrixRMaj m : p.all()) {
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] *= scale;
            }
        }
        return new Model(cell, act, in, hidden, out, null, p);
    }

    static Model model(CellType cell, Activation act, int in, int hidden, int out, Random rng) {
        return model(cell, act, in, hidden, out, rng, 1.0);
    }

    private static boolean[] pattern(Targets targets, int steps, int batch, Random rng) {
        boolean[] has = new boolean[steps * batch];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                has[t * batch + b] = switch (targets) {
                    case ALL -> true;
                    case LAST -> t == steps - 1;
                    case SOME -> t == steps - 1 || rng.nextDouble() < 0.5;
                };
            }
        }
        return has;
    }

    private static DMatrixRMaj state(boolean nonZero, int batch, int hidden, Random rng) {
        if (!nonZero) {
            return null;
        }
        DMatrixRMaj m = new DMatrixRMaj(batch, hidden);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * rng.nextDouble() - 1;
        }
        return m;
    }

    /** One-hot inputs over a vocabulary of size V (= the model's input and output size), class targets. */
    static SequenceBatch characters(Model m, int steps, int batch, Targets targets, boolean nonZeroState, Random rng) {
        int v = m.inputSize();
        DMatrixRMaj x = new DMatrixRMaj(steps * batch, v);
        int[] cls = new int[steps * batch];
        boolean[] has = pattern(targets, steps, batch, rng);
        for (int r = 0; r < steps * batch; r++) {
            x.set(r, rng.nextInt(v), 1.0);
            cls[r] = has[r] ? rng.nextInt(m.outputSize()) : -1;
        }
        return SequenceBatch.classification(steps, batch, x, cls,
                state(nonZeroState, batch, m.hiddenSize(), rng),
                m.cell().hasCellState() ? state(nonZeroState, batch, m.hiddenSize(), rng) : null, null);
    }

    /** Dense inputs in [−inputScale, inputScale], vector targets for MSE. */
    static SequenceBatch regression(Model m, int steps, int batch, Targets targets, boolean nonZeroState,
                                    double inputScale, Random rng) {
        DMatrixRMaj x = new DMatrixRMaj(steps * batch, m.inputSize());
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (2 * rng.nextDouble() - 1) * inputScale;
        }
        DMatrixRMaj y = new DMatrixRMaj(steps * batch, m.outputSize());
        boolean[] has = pattern(targets, steps, batch, rng);
        for (int r = 0; r < steps * batch; r++) {
            for (int j = 0; j < m.outputSize(); j++) {
                // rows without a target hold garbage that must be ignored
                y.set(r, j, has[r] ? 2 * rng.nextDouble() - 1 : 1e3 * (rng.nextDouble() + 1));
            }
        }
        return SequenceBatch.regression(steps, batch, x, y, has,
                state(nonZeroState, batch, m.hiddenSize(), rng),
                m.cell().hasCellState() ? state(nonZeroState, batch, m.hiddenSize(), rng) : null, null);
    }

    /** The reference pass of sequence b of the batch. */
    static RefResult reference(Model m, SequenceBatch s, int b) {
        RefParams p = RefParams.of(m.params());
        RefSeq seq = RefSeq.of(s, b, m.hiddenSize());
        return switch (m.cell()) {
            case RNN -> new ReferenceRnn(p, m.activation() == Activation.RELU).run(seq);
            case LSTM -> new ReferenceLstm(p).run(seq);
            case GRU -> new ReferenceGru(p).run(seq);
        };
    }

    /** Forward and backward through the engine; returns the gradients. */
    static Params engineGradients(Bptt bptt) {
        bptt.forward();
        Params g = bptt.model().params().zerosLike();
        bptt.backward(g);
        return g;
    }

    static boolean close(double expected, double actual, double rel, double abs) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return false;
        }
        return Math.abs(expected - actual) <= abs + rel * Math.max(Math.abs(expected), Math.abs(actual));
    }

    /** want and got equal to the bit, element by element (the sizes first). */
    static void assertBits(DMatrixRMaj want, DMatrixRMaj got, String what) {
        assertEquals(want.data.length, got.data.length, what + " size");
        for (int i = 0; i < want.data.length; i++) {
            assertEquals(Double.doubleToLongBits(want.data[i]), Double.doubleToLongBits(got.data[i]), what + " at " + i);
        }
    }

    static void assertClose(double expected, double actual, double rel, double abs, String what) {
        if (!close(expected, actual, rel, abs)) {
            fail(what + ": expected " + expected + " but was " + actual + " (diff "
                    + Math.abs(expected - actual) + ")");
        }
    }

    static void assertClose(double expected, double actual, String what) {
        assertClose(expected, actual, Tolerances.REL, Tolerances.ABS, what);
    }

    static void assertClose(double[] expected, double[] actual, double rel, double abs, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], rel, abs, what + "[" + i + "]");
        }
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        assertClose(expected, actual, Tolerances.REL, Tolerances.ABS, what);
    }

    /** Row (t·B + b) of a per-step matrix, or state block t of h/c, as a vector. */
    static double[] row(DMatrixRMaj m, int row) {
        double[] out = new double[m.numCols];
        System.arraycopy(m.data, row * m.numCols, out, 0, m.numCols);
        return out;
    }

    /** Every parameter tensor of two gradients agree. */
    static void assertParamsClose(Params expected, Params actual, double rel, double abs, String what) {
        for (String name : Params.NAMES) {
            assertClose(expected.get(name).data, actual.get(name).data, rel, abs, what + " " + name);
        }
    }

    static void assertParamsClose(RefParams expected, Params actual, String what) {
        for (String name : Params.NAMES) {
            assertClose(expected.flat(name), actual.get(name).data, what + " " + name);
        }
    }

    /** Sequence b of a batch on its own (B = 1). */
    static SequenceBatch single(SequenceBatch s, int b) {
        int steps = s.steps();
        int batch = s.batch();
        DMatrixRMaj x = new DMatrixRMaj(steps, s.inputSize());
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < s.inputSize(); i++) {
                x.set(t, i, s.inputs().get(t * batch + b, i));
            }
        }
        DMatrixRMaj h0 = s.h0() == null ? null : rowMatrix(s.h0(), b);
        DMatrixRMaj c0 = s.c0() == null ? null : rowMatrix(s.c0(), b);
        if (s.loss() == LossType.CROSS_ENTROPY) {
            int[] cls = new int[steps];
            for (int t = 0; t < steps; t++) {
                cls[t] = s.classTarget(t * batch + b);
            }
            return SequenceBatch.classification(steps, 1, x, cls, h0, c0, null);
        }
        int o = s.vectorTargets().numCols;
        DMatrixRMaj y = new DMatrixRMaj(steps, o);
        boolean[] has = new boolean[steps];
        for (int t = 0; t < steps; t++) {
            has[t] = s.hasTarget(t * batch + b);
            for (int j = 0; j < o; j++) {
                y.set(t, j, s.vectorTargets().get(t * batch + b, j));
            }
        }
        return SequenceBatch.regression(steps, 1, x, y, has, h0, c0, null);
    }

    private static DMatrixRMaj rowMatrix(DMatrixRMaj m, int b) {
        DMatrixRMaj out = new DMatrixRMaj(1, m.numCols);
        for (int j = 0; j < m.numCols; j++) {
            out.set(0, j, m.get(b, j));
        }
        return out;
    }
}
