package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Jacobian norms ‖∂h_T/∂h_k‖₂ (and ‖∂c_T/∂c_k‖₂) against a central-difference Jacobian of
 * a reference forward restarted at step k, the (γσ_max)^(T−k) bound, and vanishing/exploding
 * when W_hh is scaled.
 */
class GradientFlowTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 700;
        for (BpttReferenceTest.Variant v : BpttReferenceTest.VARIANTS) {
            for (int steps : new int[] {1, 6}) {
                for (int hidden : new int[] {1, 4}) {
                    out.add(Arguments.of(v, steps, hidden, seed++));
                }
            }
        }
        return out.stream();
    }

    /** Runs steps k … T−1 of the reference from (h_k, c_k); returns {h_T, c_T} (c_T null without a cell state). */
    private static double[][] rerun(Model m, RefSeq s, int k, double[] h, double[] c) {
        RefParams p = RefParams.of(m.params());
        double[] hh = h.clone();
        double[] cc = c == null ? null : c.clone();
        for (int t = k; t < s.steps(); t++) {
            switch (m.cell()) {
                case RNN -> hh = new ReferenceRnn(p, m.activation() == Activation.RELU).step(s.x[t], hh);
                case GRU -> hh = new ReferenceGru(p).step(s.x[t], hh);
                case LSTM -> {
                    double[][] next = new ReferenceLstm(p).step(s.x[t], hh, cc);
                    hh = next[0];
                    cc = next[1];
                }
            }
        }
        return new double[][] {hh, cc};
    }

    /**
     * The central-difference Jacobian of h_T (which = 0) or c_T (which = 1) with respect to h_k
     * (wrt = 0, c_k held) or c_k (wrt = 1, h_k held).
     */
    private static double[][] fdJacobian(Model m, RefSeq s, RefResult ref, int k, int which, int wrt) {
        int hs = m.hiddenSize();
        double[] h = k == 0 ? s.h0 : ref.h[k - 1];
        double[] c = m.cell() != CellType.LSTM ? null : k == 0 ? s.c0 : ref.c[k - 1];
        double d = Tolerances.FD_STEP;
        double[][] jac = new double[hs][hs];
        for (int j = 0; j < hs; j++) {
            double[] hp = h.clone();
            double[] hm = h.clone();
            double[] cp = c == null ? null : c.clone();
            double[] cm = c == null ? null : c.clone();
            if (wrt == 0) {
                hp[j] += d;
                hm[j] -= d;
            } else {
                cp[j] += d;
                cm[j] -= d;
            }
            double[] plus = rerun(m, s, k, hp, cp)[which];
            double[] minus = rerun(m, s, k, hm, cm)[which];
            for (int i = 0; i < hs; i++) {
                jac[i][j] = (plus[i] - minus[i]) / (2 * d);
            }
        }
        return jac;
    }

    @ParameterizedTest(name = "{0} T={1} H={2}")
    @MethodSource("cases")
    void jacobianNormsMatchFiniteDifferences(BpttReferenceTest.Variant v, int steps, int hidden, long seed) {
        Random rng = new Random(seed);
        Model m = Cases.model(v.cell(), v.act(), 3, hidden, 3, rng);
        SequenceBatch s = Cases.characters(m, steps, 2, Cases.Targets.SOME, true, rng);
        Bptt bptt = new Bptt(m, s);
        Cases.engineGradients(bptt);
        int b = 1;
        GradientFlow flow = GradientFlow.of(bptt, b);
        RefSeq seq = RefSeq.of(s, b, hidden);
        RefResult ref = Cases.reference(m, s, b);
        boolean lstm = v.cell() == CellType.LSTM;

        assertEquals(steps + 1, flow.jacobianNorms().length);
        assertEquals(1.0, flow.jacobianNorms()[steps], 1e-15, "‖∂h_T/∂h_T‖ = 1");
        if (lstm) {
            assertNotNull(flow.cellJacobianNorms());
            assertEquals(steps + 1, flow.cellJacobianNorms().length);
            assertEquals(1.0, flow.cellJacobianNorms()[steps], 1e-15, "‖∂c_T/∂c_T‖ = 1");
        } else {
            assertNull(flow.cellJacobianNorms());
        }
        for (int k = 0; k < steps; k++) {
            double fd = Spectral.norm(fdJacobian(m, seq, ref, k, 0, 0));
            Cases.assertClose(fd, flow.jacobianNorms()[k], Tolerances.FD_JACOBIAN, 1e-9, "‖∂h_T/∂h_" + k + "‖");
            if (lstm) {
                double fdc = Spectral.norm(fdJacobian(m, seq, ref, k, 1, 1));
                Cases.assertClose(fdc, flow.cellJacobianNorms()[k], Tolerances.FD_JACOBIAN, 1e-9, "‖∂c_T/∂c_" + k + "‖");
            }
        }
        // ‖dL/dh_t‖ of sequence b, σ_max(W_hh) and the bound
        for (int t = 0; t < steps; t++) {
            double n = 0;
            for (double x : ref.dh[t]) {
                n += x * x;
            }
            Cases.assertClose(Math.sqrt(n), flow.dhNorms()[t], "‖dL/dh_" + t + "‖");
        }
        double[][] whh = RefParams.of(m.params()).whh;
        Cases.assertClose(Spectral.norm(whh), flow.sigmaMax(), 1e-10, 1e-14, "σ_max(W_hh)");
        assertEquals(1.0, flow.gamma(), 0.0);
        for (int k = 0; k <= steps; k++) {
            Cases.assertClose(Math.pow(flow.gamma() * flow.sigmaMax(), steps - k), flow.bound()[k], "bound " + k);
        }
    }

    @Test
    void rnnJacobianNormsNeverExceedTheBound() {
        Random rng = new Random(11);
        int checked = 0;
        for (Activation act : Activation.values()) {
            for (double scale : new double[] {0.3, 1, 2, 4}) {
                for (int hidden : new int[] {2, 5}) {
                    Model m = Cases.model(CellType.RNN, act, 3, hidden, 3, rng, scale);
                    SequenceBatch s = Cases.characters(m, 12, 1, Cases.Targets.ALL, true, rng);
                    Bptt bptt = new Bptt(m, s);
                    Cases.engineGradients(bptt);
                    GradientFlow f = GradientFlow.of(bptt, 0);
                    for (int k = 0; k <= 12; k++) {
                        double norm = f.jacobianNorms()[k];
                        double bound = f.bound()[k];
                        assertTrue(norm <= bound + 1e-12, act + " scale " + scale + " k=" + k + ": " + norm + " > " + bound);
                        checked++;
                    }
                }
            }
        }
        assertEquals(2 * 4 * 2 * 13, checked);
    }

    private static GradientFlow flow(Model m, SequenceBatch s) {
        Bptt bptt = new Bptt(m, s);
        Cases.engineGradients(bptt);
        return GradientFlow.of(bptt, 0);
    }

    private static Model scaleRecurrent(Model m, double factor) {
        Params p = m.params().copy();
        for (int i = 0; i < p.weightHh.data.length; i++) {
            p.weightHh.data[i] *= factor;
        }
        return m.withParams(p);
    }

    @Test
    void shrinkingTheRecurrentWeightsMakesEarlyGradientsVanish() {
        Random rng = new Random(12);
        int steps = 20;
        Model base = Cases.model(CellType.RNN, Activation.TANH, 3, 6, 3, rng, 1.5);
        SequenceBatch s = Cases.characters(base, steps, 1, Cases.Targets.ALL, true, rng);
        GradientFlow f = flow(base, s);
        GradientFlow small = flow(scaleRecurrent(base, 0.25), s);
        assertTrue(small.jacobianNorms()[0] < f.jacobianNorms()[0], "early norm shrinks");
        assertTrue(small.jacobianNorms()[0] < 1e-6, "vanished: " + small.jacobianNorms()[0]);
        for (int k = 0; k < steps; k++) {
            assertTrue(small.jacobianNorms()[k] < small.jacobianNorms()[k + 1],
                    "the further back, the smaller: k=" + k);
        }
    }

    @Test
    void growingTheRecurrentWeightsInTheLinearRegimeMakesThemExplode() {
        int hidden = 4;
        int steps = 15;
        Random rng = new Random(13);
        Params p = Params.zeros(1, 2, hidden, 2);
        for (int i = 0; i < hidden; i++) {
            for (int j = 0; j < hidden; j++) {
                p.weightHh.set(i, j, (i == j ? 1.0 : 0.0) + 0.02 * (rng.nextDouble() - 0.5));
            }
            p.biasIh.set(0, i, 0.5);
            for (int j = 0; j < 2; j++) {
                p.weightIh.set(i, j, 0.1 * rng.nextDouble());
            }
        }
        for (int i = 0; i < p.weightOut.data.length; i++) {
            p.weightOut.data[i] = rng.nextDouble() - 0.5;
        }
        Model base = new Model(CellType.RNN, Activation.RELU, 2, hidden, 2, null, p);
        SequenceBatch s = Cases.regression(base, steps, 1, Cases.Targets.ALL, false, 0.01, rng);
        Model up = scaleRecurrent(base, 1.5);
        GradientFlow f = flow(base, s);
        GradientFlow g = flow(up, s);
        // every unit stays active, so ∂h_T/∂h_k is exactly W_hh^(T−k)
        Bptt bptt = new Bptt(up, s);
        bptt.forward();
        for (double z : bptt.tape().gates.data) {
            assertTrue(z > 0, "linear regime");
        }
        DMatrixRMaj w = up.params().weightHh;
        double[][] power = identity(hidden);
        for (int k = steps - 1; k >= 0; k--) {
            power = mult(power, w);
            Cases.assertClose(Spectral.norm(power), g.jacobianNorms()[k], 1e-10, 0, "‖W_hh^(T−k)‖ k=" + k);
            assertTrue(g.jacobianNorms()[k] > g.jacobianNorms()[k + 1], "grows going back: k=" + k);
        }
        assertTrue(g.jacobianNorms()[0] > 100 * f.jacobianNorms()[0], g.jacobianNorms()[0] + " vs " + f.jacobianNorms()[0]);
        assertTrue(g.jacobianNorms()[0] > Math.pow(1.4, steps));
    }

    private static double[][] identity(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        return a;
    }

    private static double[][] mult(double[][] a, DMatrixRMaj b) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    out[i][j] += a[i][k] * b.get(k, j);
                }
            }
        }
        return out;
    }
}
