package org.unroll.engine.kernel;

/**
 * The element-wise loops of the cells and the driver, over runs of raw arrays: {@link Elementwise}'s primitive,
 * as {@link MatrixKernel} is {@link Gemm}'s. Every element is computed with the same operations in the same order in
 * both implementations (multiplications and additions, no fused multiply-add), so the vector kernel gives the same
 * bits as the scalar one; only σ and tanh differ, in the exponential (the JDK's vector EXP against
 * {@link Math#exp}, both within 1 ulp).
 *
 * <p>A run is {@code n} consecutive elements starting at an offset; {@code out} may be one of the inputs at the same
 * offset (in place), never overlapping it otherwise.
 */
interface ElementKernel {

    /** The operations of {@link #apply}; the comment gives out[i] in terms of the inputs a, b, c, d at i. */
    enum Op {
        /** a + b. */
        SUM,
        /** a · b. */
        PRODUCT,
        /** a · b + c · d. */
        TWO_PRODUCTS,
        /** a + b · c. */
        ADD_PRODUCT,
        /** (1 − a) · b + a · c: the interpolation of the GRU's new state. */
        INTERPOLATE,
        /** a · b · c · (1 − c): a gradient through σ, c = σ(·). */
        SIGMOID_GRADIENT,
        /** a · b · (1 − c · c): a gradient through tanh, c = tanh(·). */
        TANH_GRADIENT,
        /** σ(a). */
        SIGMOID,
        /** tanh(a). */
        TANH
    }

    /**
     * out[oo + i] = op(a[ao + i], b[bo + i], c[co + i], d[dOff + i]) for i &lt; n; inputs the operation does not read
     * may be null. One run: {@link #apply(Op, int, int, double[], int, int, double[], int, int, double[], int, int,
     * double[], int, int, double[], int, int)} with one row.
     */
    default void apply(Op op, double[] a, int ao, double[] b, int bo, double[] c, int co, double[] d, int dOff,
                       double[] out, int oo, int n) {
        apply(op, 1, n, a, ao, 0, b, bo, 0, c, co, 0, d, dOff, 0, out, oo, 0);
    }

    /**
     * The same over {@code rows} runs of {@code n} elements: for r &lt; rows and i &lt; n,
     * out[oo + r·os + i] = op(a[ao + r·as + i], b[bo + r·bs + i], c[co + r·cs + i], d[dOff + r·ds + i]), the rows in
     * order. Each operand has its own row stride, so one call covers a whole batch of one gate block (the gates'
     * stride is 4H or 3H, a state's H), and a stride of 0 reads (or accumulates into) the same run for every row, as
     * a bias does. Within a row, out may be an input at the same offset and stride.
     */
    void apply(Op op, int rows, int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] c, int co,
               int cs, double[] d, int dOff, int ds, double[] out, int oo, int os);

}
