package org.unroll.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unroll.engine.kernel.ElementKernel.Op;

/**
 * The vector kernel's σ and tanh are built on an exponential of additions, multiplications and bit operations, so
 * that the same run gives the same bits whether the JIT has compiled the Vector API code or not (the JDK's
 * lanewise(EXP) is a native library once compiled and Math.exp before, and they differ in the last bit). Here every
 * lane is checked to the bit against the same steps in scalar Java, and against StrictMath to a few ulp over the
 * whole range, the ends (±708, ±709, ±∞, NaN, −0) included.
 */
class VectorExponentialTest {
    private static final double LOG2_E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double ROUNDER = 6755399441055744.0;

    /** e^x for x already clamped to [−708, 709], step by step as the vector kernel's comment gives it. */
    private static double exp(double xc) {
        double t = xc * LOG2_E + ROUNDER;
        double k = t - ROUNDER;
        double r = xc - k * LN2_HI - k * LN2_LO;
        double[] c = VectorElements.EXP_COEFFICIENTS;
        double r2 = r * r;
        double r4 = r2 * r2;
        double low = Math.fma(r2, Math.fma(r, c[6], c[5]), Math.fma(r, c[4], c[3]));
        double high = Math.fma(r2, Math.fma(r, c[10], c[9]), Math.fma(r, c[8], c[7]));
        double w = Math.fma(r4 * r4, c[11], Math.fma(r4, high, low));
        double p = Math.fma(Math.fma(Math.fma(w, r, c[2]), r, c[1]), r, c[0]);
        long n = Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(ROUNDER);
        return p * Double.longBitsToDouble((n + 1023) << 52);
    }

    private static double sigmoid(double z) {
        double x = -z;
        double e = x > 709.0 ? Double.POSITIVE_INFINITY : exp(Math.min(Math.max(x, -708.0), 709.0));
        return 1.0 / (e + 1.0);
    }

    private static double tanh(double z) {
        double a = Math.abs(z);
        if (a < Elementwise.TAYLOR_BELOW) {
            return Elementwise.tanh(z);
        }
        double e = exp(Math.max(a * -2.0, -708.0));
        double q = (-e + 1.0) / (e + 1.0);
        return z < 0 ? -q : q;
    }

    private static double[] inputs() {
        Random random = new Random(11);
        double[] edges = {0.0, -0.0, 1e-300, -1e-300, 0.0624, 0.0625, -0.0626, 1, -1, 18.5, -18.5, 354, -354,
            354.5, 707.9, -707.9, 708.0, -708.0, 708.1, -708.1, 709.0, -709.0, 709.5, -709.5, 745.2, -745.2, 1e5,
            -1e5, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        double[] z = new double[4096];
        for (int i = 0; i < z.length; i++) {
            z[i] = i < edges.length ? edges[i]
                    : switch (i % 4) {
                        case 0 -> random.nextGaussian() * 3;
                        case 1 -> (random.nextDouble() - 0.5) * 80;
                        case 2 -> (random.nextDouble() - 0.5) * 1600;
                        default -> (random.nextDouble() - 0.5) * 0.2;
                    };
        }
        return z;
    }

    @Test
    void everyLaneIsTheScalarStepsToTheBit() {
        double[] z = inputs();
        for (Op op : new Op[] {Op.SIGMOID, Op.TANH}) {
            double[] out = new double[z.length];
            // a multiple of every lane count, so that no element takes the scalar tail
            new VectorElements().apply(op, z, 0, null, 0, null, 0, null, 0, out, 0, z.length);
            for (int i = 0; i < z.length; i++) {
                double want = op == Op.SIGMOID ? sigmoid(z[i]) : tanh(z[i]);
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(out[i]), op + " z = " + z[i]);
            }
        }
    }

    @Test
    void theExponentialItselfIsWithinOneUlpOfStrictMath() {
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? (random.nextDouble() - 0.5) * 1416 : (random.nextDouble() - 0.5) * 2;
            double want = StrictMath.exp(x);
            assertEquals(want, exp(x), Math.ulp(want), "e^x at x = " + x);
        }
    }

    @Test
    void itStaysWithinAFewUlpOfStrictMath() {
        double[] z = inputs();
        double[] out = new double[z.length];
        new VectorElements().apply(Op.SIGMOID, z, 0, null, 0, null, 0, null, 0, out, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            double want = 1 / (1 + StrictMath.exp(-z[i]));
            if (Double.isNaN(want)) {
                assertEquals(Double.NaN, out[i], "σ of NaN");
                continue;
            }
            // below e^−708 the kernel keeps 1/(1 + e^709) ≈ 1.2e−308 where the true σ underflows: 1e−307 absolute
            assertEquals(want, out[i], 3 * Math.ulp(want) + 1e-307, "σ at z = " + z[i]);
        }
        new VectorElements().apply(Op.TANH, z, 0, null, 0, null, 0, null, 0, out, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            double want = StrictMath.tanh(z[i]);
            if (Double.isNaN(want)) {
                assertEquals(Double.NaN, out[i], "tanh of NaN");
                continue;
            }
            // just above |z| = 1/16, 1 − e^{−2|z|} cancels about three bits (as in Elementwise.tanh on Math.exp)
            assertEquals(want, out[i], 8 * Math.ulp(want), "tanh at z = " + z[i]);
        }
    }
}
