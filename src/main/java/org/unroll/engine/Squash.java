package org.unroll.engine;

import org.unroll.engine.kernel.Gemm;

/**
 * The squashing functions of the cells, written on {@link Math#exp} (a JIT intrinsic) because
 * {@link Math#tanh} costs about five times as much and dominates the LSTM's time otherwise.
 * Both are within a few ulps of the exact value over the whole real line.
 *
 * <p>The range forms apply them to runs of an array; with {@code jdk.incubator.vector} in the boot layer they run
 * on {@link VectorSquash} (the same formulas on the JDK's vector exponential), otherwise element by element.
 */
public final class Squash {
    private static final double SMALL = 0.0625;
    private static final boolean VECTOR = Gemm.usesVectorApi();

    private Squash() {
    }

    /** σ(z) = 1 / (1 + e^−z). */
    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /**
     * tanh(z) = (1 − e^{−2|z|}) / (1 + e^{−2|z|}) · sign(z), and its odd Taylor polynomial
     * z − z³/3 + 2z⁵/15 − 17z⁷/315 + 62z⁹/2835 − 1382z¹¹/155925 for |z| < 1/16, where the
     * subtraction would lose digits (the next term is below 1e−17 relative there).
     */
    public static double tanh(double z) {
        double a = Math.abs(z);
        if (a < SMALL) {
            double z2 = z * z;
            return z * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315
                    + z2 * (62.0 / 2835 + z2 * (-1382.0 / 155925))))));
        }
        if (Double.isNaN(z)) {
            return z;
        }
        double e = Math.exp(-2 * a);
        double t = (1 - e) / (1 + e);
        return z < 0 ? -t : t;
    }

    /** dst[to + i] = σ(src[from + i]) for i &lt; n; dst may be src, at the same offset. */
    public static void sigmoid(double[] src, int from, double[] dst, int to, int n) {
        if (VECTOR) {
            VectorSquash.sigmoid(src, from, dst, to, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            dst[to + i] = sigmoid(src[from + i]);
        }
    }

    /** dst[to + i] = tanh(src[from + i]) for i &lt; n; dst may be src, at the same offset. */
    public static void tanh(double[] src, int from, double[] dst, int to, int n) {
        if (VECTOR) {
            VectorSquash.tanh(src, from, dst, to, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            dst[to + i] = tanh(src[from + i]);
        }
    }
}
