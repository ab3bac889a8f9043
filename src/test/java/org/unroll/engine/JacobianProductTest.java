package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Jacobian norms of {@link GradientFlow#of} against a plain reference: the dense product
 * P_{k−1} = P_k J_{k−1} normalised by its Frobenius norm after each step (its logarithm kept
 * aside), and an exact decomposition (cyclic Jacobi) of each block. Compared as logarithms,
 * so the exploding case, whose norms pass the largest double, is checked too.
 */
class JacobianProductTest {

    /** log ‖P_k[block]‖₂ for k = 0 … T; block 0 is h, 1 is c. */
    private static double[] referenceLogNorms(Bptt bptt, int b, int block) {
        Tape tape = bptt.tape();
        int hs = tape.hiddenSize;
        int s = bptt.stateSize();
        double[] out = new double[tape.steps + 1];
        DMatrixRMaj p = CommonOps_DDRM.identity(s);
        DMatrixRMaj j = new DMatrixRMaj(s, s);
        DMatrixRMaj next = new DMatrixRMaj(s, s);
        double log = 0;
        for (int k = tape.steps; k >= 0; k--) {
            if (k < tape.steps) {
                bptt.stateJacobian(k, b, j);
                CommonOps_DDRM.mult(p, j, next);
                double f = org.ejml.dense.row.NormOps_DDRM.normF(next);
                if (f == 0) {
                    java.util.Arrays.fill(out, 0, k + 1, Double.NEGATIVE_INFINITY);
                    return out;
                }
                CommonOps_DDRM.scale(1 / f, next, p);
                log += Math.log(f);
            }
            double[][] a = new double[hs][hs];
            for (int r = 0; r < hs; r++) {
                for (int c = 0; c < hs; c++) {
                    a[r][c] = p.get(block * hs + r, block * hs + c);
                }
            }
            double n = Spectral.norm(a);
            out[k] = n == 0 ? Double.NEGATIVE_INFINITY : log + Math.log(n);
        }
        return out;
    }

    private static Bptt run(CellType cell, Activation act, int hidden, int steps, double sigma, long seed) {
        Random rng = new Random(seed);
        Model m = Cases.model(cell, act, 5, hidden, 5, rng);
        if (sigma > 0) {
            DMatrixRMaj w = m.params().weightHh;
            CommonOps_DDRM.scale(sigma / SpectralNorm.of(w), w);
        }
        SequenceBatch s = Cases.characters(m, steps, 2, Cases.Targets.ALL, true, rng);
        Bptt bptt = new Bptt(m, s);
        Cases.engineGradients(bptt);
        return bptt;
    }

    private static void assertMatches(double[] referenceLog, double[] norms, String what) {
        double largestLog = Math.log(Double.MAX_VALUE);
        for (int k = 0; k < norms.length; k++) {
            double n = norms[k];
            assertFalse(Double.isNaN(n), what + " k=" + k + " is NaN");
            assertTrue(n >= 0, what + " k=" + k + " = " + n);
            if (n == Double.POSITIVE_INFINITY) {
                assertTrue(referenceLog[k] > largestLog - 1e-9, what + " k=" + k + " is ∞ but log ‖·‖ = " + referenceLog[k]);
            } else if (n < Double.MIN_NORMAL) {
                // subnormal or 0: as close as doubles that small can be
                double expected = Math.exp(referenceLog[k]);
                assertEquals(expected, n, Math.max(2 * Double.MIN_VALUE, 1e-9 * expected), what + " k=" + k);
            } else {
                assertEquals(referenceLog[k], Math.log(n), 1e-9 * Math.max(1, Math.abs(referenceLog[k])), what + " k=" + k);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void matchesTheDenseProductAndAnExactDecomposition(CellType cell) {
        Bptt bptt = run(cell, Activation.TANH, 6, 60, 1.5, 31);
        GradientFlow flow = GradientFlow.of(bptt, 1);
        assertMatches(referenceLogNorms(bptt, 1, 0), flow.jacobianNorms(), cell + " h");
        if (cell == CellType.LSTM) {
            assertMatches(referenceLogNorms(bptt, 1, 1), flow.cellJacobianNorms(), cell + " c");
        }
    }

    @Test
    void theExplodingReluRnnGetsEveryNorm() {
        // the README's example: ReLU, σ_max(W_hh) = 12, 300 steps
        Bptt bptt = run(CellType.RNN, Activation.RELU, 8, 300, 12, 32);
        GradientFlow flow = GradientFlow.of(bptt, 0);
        double[] ref = referenceLogNorms(bptt, 0, 0);
        assertMatches(ref, flow.jacobianNorms(), "ReLU σ=12");
        assertTrue(flow.jacobianNorms()[0] > 1e200, "‖∂h_T/∂h_0‖ = " + flow.jacobianNorms()[0]);
        assertEquals(12.0, flow.sigmaMax(), 1e-9);
        for (double d : flow.dhNorms()) {
            assertFalse(Double.isNaN(d));
        }
    }

    @Test
    void aNormBeyondTheLargestDoubleIsInfinity() {
        // W_hh = 12·I with ReLU and a tiny positive bias from h_0 = 0, so that h_t ≈ 12^t · 1e-300
        // stays finite while ∂h_T/∂h_k = 12^(T−k) I passes the largest double for T − k ≥ 286
        int hs = 3;
        int steps = 300;
        Random rng = new Random(34);
        Model base = Cases.model(CellType.RNN, Activation.RELU, 2, hs, 2, rng);
        Params p = base.params();
        p.weightHh.zero();
        for (int i = 0; i < hs; i++) {
            p.weightHh.set(i, i, 12.0);
        }
        java.util.Arrays.fill(p.biasIh.data, 1e-300);
        p.biasHh.zero();
        p.weightIh.zero();
        SequenceBatch s = Cases.characters(base, steps, 1, Cases.Targets.ALL, false, rng);
        Bptt bptt = new Bptt(base, s);
        Cases.engineGradients(bptt);
        assertTrue(Double.isFinite(bptt.loss()), "the forward stays finite: " + bptt.loss());
        double[] norms = GradientFlow.of(bptt, 0).jacobianNorms();
        for (int k = 0; k <= steps; k++) {
            double expected = Math.pow(12, steps - k);
            if (Double.isInfinite(expected)) {
                assertEquals(Double.POSITIVE_INFINITY, norms[k], "k=" + k);
            } else {
                assertEquals(expected, norms[k], 1e-12 * expected, "k=" + k);
            }
        }
        assertTrue(Double.isInfinite(norms[0]) && Double.isFinite(norms[20]));
    }

    @Test
    void aVanishingRnnKeepsItsTinyNorms() {
        Bptt bptt = run(CellType.RNN, Activation.TANH, 6, 400, 0.2, 33);
        GradientFlow flow = GradientFlow.of(bptt, 0);
        assertMatches(referenceLogNorms(bptt, 0, 0), flow.jacobianNorms(), "σ=0.2");
        assertTrue(flow.jacobianNorms()[200] < 1e-150, "‖∂h_T/∂h_200‖ = " + flow.jacobianNorms()[200]);
    }
}
