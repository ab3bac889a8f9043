package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** SGD, momentum, Adam and clipping with PyTorch's semantics, against numbers worked out by hand. */
class OptimizerTest {

    /** A one-unit RNN: six scalar parameters, every one 1.0. */
    private static Params ones() {
        Params p = Params.zeros(1, 1, 1, 1);
        for (DMatrixRMaj m : p.all()) {
            m.data[0] = 1.0;
        }
        return p;
    }

    /** Gradients g_k for the six scalars. */
    private static Params grads(double... g) {
        Params p = Params.zeros(1, 1, 1, 1);
        for (int k = 0; k < 6; k++) {
            p.all().get(k).data[0] = g[k];
        }
        return p;
    }

    private static double[] values(Params p) {
        double[] out = new double[6];
        for (int k = 0; k < 6; k++) {
            out[k] = p.all().get(k).data[0];
        }
        return out;
    }

    private static void assertValues(double[] expected, Params actual, double tol) {
        double[] a = values(actual);
        for (int k = 0; k < 6; k++) {
            assertEquals(expected[k], a[k], tol, Params.NAMES.get(k));
        }
    }

    @Test
    void sgd() {
        Params p = ones();
        new Sgd(0.1).step(p, grads(0.5, -0.25, 0, 2, -4, 1e-3));
        // θ − 0.1 g
        assertValues(new double[] {0.95, 1.025, 1.0, 0.8, 1.4, 0.9999}, p, 1e-15);
        // a larger matrix, every entry
        Params q = Params.zeros(3, 2, 2, 2);
        Params g = q.zerosLike();
        for (int k = 0; k < 6; k++) {
            for (int i = 0; i < q.all().get(k).data.length; i++) {
                q.all().get(k).data[i] = k + 0.1 * i;
                g.all().get(k).data[i] = i - k;
            }
        }
        new Sgd(0.5).step(q, g);
        for (int k = 0; k < 6; k++) {
            for (int i = 0; i < q.all().get(k).data.length; i++) {
                assertEquals(k + 0.1 * i - 0.5 * (i - k), q.all().get(k).data[i], 1e-15);
            }
        }
    }

    @Test
    void momentumStartsWithTheGradientThenAccumulates() {
        Params p = ones();
        Momentum opt = new Momentum(0.1, 0.9);
        Params g = grads(0.5, -0.25, 0, 2, -4, 1e-3);
        opt.step(p, g);
        // step 1: b = g, θ = 1 − 0.1 g (no (1 − μ) damping, no zero start)
        assertValues(new double[] {0.95, 1.025, 1.0, 0.8, 1.4, 0.9999}, p, 1e-15);
        // the same Params object reused for the next gradient: the buffer must be a copy
        g.setTo(grads(-0.25, 0.5, 1, 0, 0, 1e-3));
        opt.step(p, g);
        // step 2: b = 0.9 b + g: {0.2, 0.275, 1, 1.8, −3.6, 1.9e−3}; θ −= 0.1 b
        assertValues(new double[] {0.93, 0.9975, 0.9, 0.62, 1.76, 0.99971}, p, 1e-14);
        opt.step(p, grads(0, 0, 0, 0, 0, 0));
        // step 3 with g = 0: b = 0.9 b: {0.18, 0.2475, 0.9, 1.62, −3.24, 1.71e−3}
        assertValues(new double[] {0.912, 0.97275, 0.81, 0.458, 2.084, 0.999539}, p, 1e-14);
    }

    @Test
    void adamFirstStepIsLrTimesTheSignOfTheGradient() {
        Params p = ones();
        double[] g = {0.5, -0.25, 0, 2, -4, 1e-3};
        new Adam(0.1).step(p, grads(g));
        for (int k = 0; k < 6; k++) {
            // m̂ = g, v̂ = g²: θ − lr · g / (|g| + ε)
            double expected = 1.0 - 0.1 * g[k] / (Math.abs(g[k]) + 1e-8);
            assertEquals(expected, values(p)[k], 1e-14, Params.NAMES.get(k));
            assertEquals(1.0 - 0.1 * Math.signum(g[k]), values(p)[k], 1e-6);
        }
        // by hand: 1 − 0.1 · 0.5 / (0.5 + 1e−8) = 0.900000002
        assertEquals(0.900000002, values(p)[0], 1e-15);
    }

    @Test
    void adamSecondStepByHand() {
        Params p = ones();
        Adam opt = new Adam(0.1);
        opt.step(p, grads(0.5, 0.5, 0.5, 0.5, 0.5, 0.5));
        opt.step(p, grads(-0.25, -0.25, -0.25, -0.25, -0.25, -0.25));
        // m₁ = 0.05, v₁ = 0.00025; m₂ = 0.9·0.05 + 0.1·(−0.25) = 0.02, v₂ = 0.999·0.00025 + 0.001·0.0625 = 0.00031225
        // m̂₂ = 0.02 / (1 − 0.81) = 0.10526315789…, √v̂₂ = √(0.00031225 / 0.001999) = 0.39522538…
        // θ₂ = 0.900000002 − 0.1 · 0.10526315789 / (0.39522538 + 1e−8) = 0.8733662987078…
        for (double v : values(p)) {
            assertEquals(0.8733662987078463, v, 1e-13);
        }
        // other β and ε, by the formula
        Params q = ones();
        Adam other = new Adam(0.01, 0.5, 0.9, 1e-3);
        other.step(q, grads(2, 2, 2, 2, 2, 2));
        other.step(q, grads(1, 1, 1, 1, 1, 1));
        double m2 = 0.5 * (0.5 * 2) + 0.5 * 1;
        double v2 = 0.9 * (0.1 * 4) + 0.1 * 1;
        double t1 = 1 - 0.01 * 2 / (2 + 1e-3);
        double t2 = t1 - 0.01 / (1 - 0.25) * m2 / (Math.sqrt(v2) / Math.sqrt(1 - 0.81) + 1e-3);
        for (double v : values(q)) {
            assertEquals(t2, v, 1e-15);
        }
    }

    @Test
    void clippingScalesTheGlobalNormAboveTheMaximum() {
        // entries 3 and 4 in different tensors: the global norm is 5
        Params g = grads(3, 0, 0, 0, 4, 0);
        double norm = GradientClipping.clipByGlobalNorm(g, 1.0);
        assertEquals(5.0, norm, 0.0);
        double coef = 1.0 / (5.0 + 1e-6);
        assertValues(new double[] {3 * coef, 0, 0, 0, 4 * coef, 0}, g, 1e-16);
        assertEquals(1.0 * 5.0 / (5.0 + 1e-6), g.globalNorm(), 1e-15);
        // at exactly the maximum PyTorch still multiplies by max / (norm + 1e−6)
        Params h = grads(3, 0, 0, 0, 4, 0);
        assertEquals(5.0, GradientClipping.clipByGlobalNorm(h, 5.0), 0.0);
        assertEquals(3 * 5.0 / (5.0 + 1e-6), values(h)[0], 1e-16);
    }

    @Test
    void clippingLeavesSmallGradientsAlone() {
        Params g = grads(3, 0, -1, 0, 4, 1);
        double norm = GradientClipping.clipByGlobalNorm(g, 10.0);
        assertEquals(Math.sqrt(27), norm, 1e-15);
        assertValues(new double[] {3, 0, -1, 0, 4, 1}, g, 0.0);
        Params zero = grads(0, 0, 0, 0, 0, 0);
        assertEquals(0.0, GradientClipping.clipByGlobalNorm(zero, 1.0), 0.0);
        assertValues(new double[6], zero, 0.0);
    }
}
