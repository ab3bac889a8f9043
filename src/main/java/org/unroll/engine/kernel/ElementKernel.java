package org.unroll.engine.kernel;

/**
 * The element-wise loops of the cells and the driver, over runs of raw arrays: {@link Elementwise}'s primitive,
 * as {@link MatrixKernel} is {@link Gemm}'s. Every element is computed with the same operations in the same order in
 * both implementations (multiplications and additions, no fused multiply-add), so the vector kernel gives the same
 * bits as the scalar one; only σ and tanh differ, in the exponential (the vector kernel's own, against
 * {@link Math#exp}, within a few ulp; each gives the same bits in every run).
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

    /**
     * The LSTM's element-wise backward step for {@code rows} sequences of {@code hs} units in one pass, with the
     * operations, and their order, of the runs it stands for (so the same bits as {@code TANH_GRADIENT}, {@code SUM}
     * and four gradient runs in turn), at a step before the last:
     * <pre>
     *   dc = dh ⊙ o ⊙ (1 − tanh²(c_t)) + dc_next
     *   di = dc ⊙ g ⊙ i ⊙ (1 − i),   df = dc ⊙ c_{t−1} ⊙ f ⊙ (1 − f),
     *   dg = dc ⊙ i ⊙ (1 − g²),      do = dh ⊙ tanh(c_t) ⊙ o ⊙ (1 − o)
     * </pre>
     * Row r of a state (dh, tanh(c_t), c_{t−1}, dc_next, dc) starts at its offset + r·hs; row r of the gates
     * (i, f, g, o side by side) and of dA at its offset + r·4hs.
     */
    void lstmGradients(int rows, int hs, double[] dh, int dhOff, double[] tanhC, int tOff, double[] cPrev, int pOff,
                       double[] dcNext, int nOff, double[] gates, int gOff, double[] dc, int dcOff, double[] dA, int aOff);

    /** One unit of {@link #lstmGradients}: dc at dc[dci], the four gate gradients at dA[ai + k·hs], k = 0 … 3. */
    static void lstmGradient(int hs, double[] dh, int dhi, double[] tanhC, int ti, double[] cPrev, int pi,
                             double[] dcNext, int ni, double[] gates, int gi, double[] dc, int dci, double[] dA, int ai) {
        double i = gates[gi];
        double f = gates[gi + hs];
        double g = gates[gi + 2 * hs];
        double o = gates[gi + 3 * hs];
        double h = dh[dhi];
        double tc = tanhC[ti];
        double d = h * o * (1 - tc * tc);
        d = d + dcNext[ni];
        dc[dci] = d;
        dA[ai] = d * g * i * (1 - i);
        dA[ai + hs] = d * cPrev[pi] * f * (1 - f);
        dA[ai + 2 * hs] = d * i * (1 - g * g);
        dA[ai + 3 * hs] = h * tc * o * (1 - o);
    }
}
