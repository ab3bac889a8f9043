package org.unroll.engine.kernel;

import org.unroll.engine.kernel.ElementKernel.Op;

/**
 * The element-wise arithmetic of the cells and the driver over runs of arrays, beside {@link Gemm}'s products: the
 * cells call these and keep no loop of their own for the vectorisable parts. With {@code jdk.incubator.vector} in the
 * boot layer they run on the Vector API, else in plain Java; both give the same bits except for σ and tanh, whose
 * exponentials may differ by one ulp.
 *
 * <p>A run is {@code n} consecutive elements from an offset; the output comes last and may be one of the inputs at
 * the same offset. The {@code ...Rows} forms do the same over {@code rows} runs in one call, each operand with its own
 * row stride (the offset of row r is offset + r·stride), so a cell treats one gate block of the whole batch at once
 * instead of calling once per sequence. Nothing here allocates.
 */
public final class Elementwise {
    /** Below this |z|, tanh takes its Taylor polynomial (the subtraction 1 − e^{−2|z|} would lose digits). */
    static final double TAYLOR_BELOW = 0.0625;

    private static final ElementKernel KERNEL = Kernels.elements();

    private Elementwise() {
    }

    /** σ(z) = 1 / (1 + e^−z), on {@link Math#exp} (a JIT intrinsic). */
    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /**
     * tanh(z) = (1 − e^{−2|z|}) / (1 + e^{−2|z|}) · sign(z), and its odd Taylor polynomial
     * z − z³/3 + 2z⁵/15 − 17z⁷/315 + 62z⁹/2835 − 1382z¹¹/155925 for |z| &lt; 1/16, where the
     * subtraction would lose digits (the next term is below 1e−17 relative there). {@link Math#tanh} costs about
     * five times as much.
     */
    public static double tanh(double z) {
        double a = Math.abs(z);
        if (a < TAYLOR_BELOW) {
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

    /** out[oo + i] = σ(z[zo + i]) for i &lt; n. */
    public static void sigmoid(double[] z, int zo, double[] out, int oo, int n) {
        KERNEL.apply(Op.SIGMOID, z, zo, null, 0, null, 0, null, 0, out, oo, n);
    }

    /** out[oo + i] = tanh(z[zo + i]) for i &lt; n. */
    public static void tanh(double[] z, int zo, double[] out, int oo, int n) {
        KERNEL.apply(Op.TANH, z, zo, null, 0, null, 0, null, 0, out, oo, n);
    }

    /** out = a + b over n elements. */
    public static void sum(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        KERNEL.apply(Op.SUM, a, ao, b, bo, null, 0, null, 0, out, oo, n);
    }

    /** out = a ⊙ b over n elements. */
    public static void product(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        KERNEL.apply(Op.PRODUCT, a, ao, b, bo, null, 0, null, 0, out, oo, n);
    }

    /** out = a ⊙ b + c ⊙ d over n elements. */
    public static void twoProducts(double[] a, int ao, double[] b, int bo, double[] c, int co, double[] d, int dOff,
                                   double[] out, int oo, int n) {
        KERNEL.apply(Op.TWO_PRODUCTS, a, ao, b, bo, c, co, d, dOff, out, oo, n);
    }

    /** out = a + b ⊙ c over n elements. */
    public static void addProduct(double[] a, int ao, double[] b, int bo, double[] c, int co,
                                  double[] out, int oo, int n) {
        KERNEL.apply(Op.ADD_PRODUCT, a, ao, b, bo, c, co, null, 0, out, oo, n);
    }

    /** out = (1 − w) ⊙ b + w ⊙ c over n elements. */
    public static void interpolate(double[] w, int wo, double[] b, int bo, double[] c, int co,
                                   double[] out, int oo, int n) {
        KERNEL.apply(Op.INTERPOLATE, w, wo, b, bo, c, co, null, 0, out, oo, n);
    }

    /** out = a ⊙ b ⊙ s ⊙ (1 − s) over n elements: a · b carried back through σ, where s = σ(·). */
    public static void sigmoidGradient(double[] a, int ao, double[] b, int bo, double[] s, int so,
                                       double[] out, int oo, int n) {
        KERNEL.apply(Op.SIGMOID_GRADIENT, a, ao, b, bo, s, so, null, 0, out, oo, n);
    }

    /** out = a ⊙ b ⊙ (1 − t²) over n elements: a · b carried back through tanh, where t = tanh(·). */
    public static void tanhGradient(double[] a, int ao, double[] b, int bo, double[] t, int to,
                                    double[] out, int oo, int n) {
        KERNEL.apply(Op.TANH_GRADIENT, a, ao, b, bo, t, to, null, 0, out, oo, n);
    }

    /** c[cOffset + r·n + j] += v[j] for r &lt; rows, j &lt; n: a bias added to every row of a block. */
    public static void addRowVector(double[] v, double[] c, int cOffset, int rows, int n) {
        KERNEL.apply(Op.SUM, rows, n, c, cOffset, n, v, 0, 0, null, 0, 0, null, 0, 0, c, cOffset, n);
    }

    /** v[j] += Σ_{r &lt; rows} a[aOffset + r·n + j], the rows added in order: the column sums of a block. */
    public static void addColumnSums(double[] a, int aOffset, int rows, int n, double[] v) {
        KERNEL.apply(Op.SUM, rows, n, v, 0, 0, a, aOffset, n, null, 0, 0, null, 0, 0, v, 0, 0);
    }

    /** out[oo + r·os + i] = σ(z[zo + r·zs + i]) for r &lt; rows, i &lt; n. */
    public static void sigmoidRows(int rows, int n, double[] z, int zo, int zs, double[] out, int oo, int os) {
        KERNEL.apply(Op.SIGMOID, rows, n, z, zo, zs, null, 0, 0, null, 0, 0, null, 0, 0, out, oo, os);
    }

    /** out[oo + r·os + i] = tanh(z[zo + r·zs + i]) for r &lt; rows, i &lt; n. */
    public static void tanhRows(int rows, int n, double[] z, int zo, int zs, double[] out, int oo, int os) {
        KERNEL.apply(Op.TANH, rows, n, z, zo, zs, null, 0, 0, null, 0, 0, null, 0, 0, out, oo, os);
    }

    /** out = a + b over n elements of each of the rows. */
    public static void sumRows(int rows, int n, double[] a, int ao, int as, double[] b, int bo, int bs,
                               double[] out, int oo, int os) {
        KERNEL.apply(Op.SUM, rows, n, a, ao, as, b, bo, bs, null, 0, 0, null, 0, 0, out, oo, os);
    }

    /** out = a ⊙ b over n elements of each of the rows. */
    public static void productRows(int rows, int n, double[] a, int ao, int as, double[] b, int bo, int bs,
                                   double[] out, int oo, int os) {
        KERNEL.apply(Op.PRODUCT, rows, n, a, ao, as, b, bo, bs, null, 0, 0, null, 0, 0, out, oo, os);
    }

    /** out = a ⊙ b + c ⊙ d over n elements of each of the rows. */
    public static void twoProductsRows(int rows, int n, double[] a, int ao, int as, double[] b, int bo, int bs,
                                       double[] c, int co, int cs, double[] d, int dOff, int ds,
                                       double[] out, int oo, int os) {
        KERNEL.apply(Op.TWO_PRODUCTS, rows, n, a, ao, as, b, bo, bs, c, co, cs, d, dOff, ds, out, oo, os);
    }

    /** out = a + b ⊙ c over n elements of each of the rows. */
    public static void addProductRows(int rows, int n, double[] a, int ao, int as, double[] b, int bo, int bs,
                                      double[] c, int co, int cs, double[] out, int oo, int os) {
        KERNEL.apply(Op.ADD_PRODUCT, rows, n, a, ao, as, b, bo, bs, c, co, cs, null, 0, 0, out, oo, os);
    }

    /** out = (1 − w) ⊙ b + w ⊙ c over n elements of each of the rows. */
    public static void interpolateRows(int rows, int n, double[] w, int wo, int ws, double[] b, int bo, int bs,
                                       double[] c, int co, int cs, double[] out, int oo, int os) {
        KERNEL.apply(Op.INTERPOLATE, rows, n, w, wo, ws, b, bo, bs, c, co, cs, null, 0, 0, out, oo, os);
    }

    /** out = a ⊙ b ⊙ s ⊙ (1 − s) over n elements of each of the rows, s = σ(·). */
    public static void sigmoidGradientRows(int rows, int n, double[] a, int ao, int as, double[] b, int bo, int bs,
                                           double[] s, int so, int ss, double[] out, int oo, int os) {
        KERNEL.apply(Op.SIGMOID_GRADIENT, rows, n, a, ao, as, b, bo, bs, s, so, ss, null, 0, 0, out, oo, os);
    }

    /** out = a ⊙ b ⊙ (1 − t²) over n elements of each of the rows, t = tanh(·). */
    public static void tanhGradientRows(int rows, int n, double[] a, int ao, int as, double[] b, int bo, int bs,
                                        double[] t, int to, int ts, double[] out, int oo, int os) {
        KERNEL.apply(Op.TANH_GRADIENT, rows, n, a, ao, as, b, bo, bs, t, to, ts, null, 0, 0, out, oo, os);
    }

    /**
     * The LSTM's element-wise backward step at a step before the last, over {@code rows} sequences of {@code hs}
     * units: dc = dh ⊙ o ⊙ (1 − tanh²c) + dc_next, then dA's four blocks (di, df, dg, do) from dc and dh, in one
     * pass, with the same bits as {@link #tanhGradientRows}, {@link #sum} and four gradient runs in turn. States
     * have row stride hs, the gates (i, f, g, o) and dA 4hs; see {@link ElementKernel#lstmGradients}.
     */
    public static void lstmGradientsRows(int rows, int hs, double[] dh, int dhOff, double[] tanhC, int tOff,
                                         double[] cPrev, int pOff, double[] dcNext, int nOff, double[] gates, int gOff,
                                         double[] dc, int dcOff, double[] dA, int aOff) {
        KERNEL.lstmGradients(rows, hs, dh, dhOff, tanhC, tOff, cPrev, pOff, dcNext, nOff, gates, gOff, dc, dcOff, dA,
                aOff);
    }
}
