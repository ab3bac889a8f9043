package org.unroll.engine.kernel;

/**
 * A strided matrix product over raw row-major arrays, the single primitive behind every {@link Gemm} method.
 *
 * <p>For {@code 0 <= i < m}, {@code 0 <= j < n}:
 * <pre>
 *   C[i][j] = (accumulate ? C[i][j] : 0) + sum_{p < k} A[i][p] * B[p][j]
 *   A[i][p] = a[aOffset + i * aRowStride + p * aDepthStride]
 *   B[p][j] = b[bOffset + p * bRowStride + j]
 *   C[i][j] = c[cOffset + i * cRowStride + j]
 * </pre>
 * Choosing {@code (aRowStride, aDepthStride) = (lda, 1)} reads A as stored; {@code (1, lda)} reads its transpose.
 * Only {@code c} is modified; it must not overlap {@code a} or {@code b}. Requires {@code k >= 1}.
 *
 * <p>{@link #dotProducts} computes A·Bᵀ directly from B's rows, which is cheaper than transposing B when A has
 * only a few rows.
 */
interface MatrixKernel {

    void product(double[] a, int aOffset, int aRowStride, int aDepthStride,
                 double[] b, int bOffset, int bRowStride,
                 double[] c, int cOffset, int cRowStride,
                 int m, int n, int k, boolean accumulate);

    /**
     * For {@code 0 <= i < m}, {@code 0 <= j < n}:
     * <pre>
     *   C[i][j] = (accumulate ? C[i][j] : 0) + sum_{p < k} A[i][p] * B[j][p]
     *   A[i][p] = a[aOffset + i * aRowStride + p]
     *   B[j][p] = b[bOffset + j * bRowStride + p]
     *   C[i][j] = c[cOffset + i * cRowStride + j]
     * </pre>
     */
    void dotProducts(double[] a, int aOffset, int aRowStride,
                     double[] b, int bOffset, int bRowStride,
                     double[] c, int cOffset, int cRowStride,
                     int m, int n, int k, boolean accumulate);

    /**
     * The panel width W this kernel reads packed operands in ({@link PackedMatrix}), or 0 when it reads them
     * row-major.
     */
    int packedWidth();

    /**
     * C[i][j] = ((accumulate ? C[i][j] : 0) + sum_{p < k} A[i][p] * B[p][j]) + bias[j] for i &lt; m, j &lt; n (no bias
     * term when {@code bias} is null), with
     * A[i][p] = a[aOffset + i * aRowStride + p], B the packed k × n operand (packed for this kernel's width, k ≥ 1), and
     * C[i][j] = c[cOffset + i * cRowStride + j]. Each C[i][j] is summed over p in the same order as {@link #product},
     * so the two give the same bits, and the bias is added as {@link Elementwise#addRowVector} adds it. {@code scratch} holds at least {@link #packedScratch(int)} numbers.
     */
    void packedProduct(double[] a, int aOffset, int aRowStride, PackedMatrix b, double[] bias,
                       double[] c, int cOffset, int cRowStride, int m, boolean accumulate, double[] scratch);

    /** How many numbers {@link #packedProduct}'s scratch needs for depth k. */
    int packedScratch(int k);
}
