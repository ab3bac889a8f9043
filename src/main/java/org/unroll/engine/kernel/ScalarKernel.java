package org.unroll.engine.kernel;

/**
 * Plain-Java {@link MatrixKernel}: 4 rows × 4 columns of C held in 16 local accumulators while the depth index runs.
 * Used when the {@code jdk.incubator.vector} module is absent, and for the column tail of {@link VectorKernel}.
 */
final class ScalarKernel implements MatrixKernel {

    private static final int BLOCK = 4;

    @Override
    public int packedWidth() {
        return 0;
    }

    /** B is packed row-major for this kernel, so this is {@link #product} on it, then the bias. */
    @Override
    public void packedProduct(double[] a, int aOffset, int aRowStride, PackedMatrix b, double[] bias,
                              double[] c, int cOffset, int cRowStride, int m, boolean accumulate, double[] scratch) {
        int n = b.cols;
        product(a, aOffset, aRowStride, 1, b.data, 0, n, c, cOffset, cRowStride, m, n, b.rows, accumulate);
        if (bias != null) {
            for (int i = 0; i < m; i++) {
                int row = cOffset + i * cRowStride;
                for (int j = 0; j < n; j++) {
                    // C[i][j] = (A·B)[i][j] + v[j]
                    c[row + j] = c[row + j] + bias[j];
                }
            }
        }
    }

    @Override
    public int packedScratch(int k) {
        return 0;
    }

    @Override
    public void product(double[] a, int aOffset, int aRowStride, int aDepthStride,
                        double[] b, int bOffset, int bRowStride,
                        double[] c, int cOffset, int cRowStride,
                        int m, int n, int k, boolean accumulate) {
        int blockedRows = m - m % BLOCK;
        int blockedColumns = n - n % BLOCK;
        for (int j = 0; j < blockedColumns; j += BLOCK) {
            for (int i = 0; i < blockedRows; i += BLOCK) {
                block4x4(a, aOffset + i * aRowStride, aRowStride, aDepthStride, b, bOffset + j, bRowStride,
                        c, cOffset + i * cRowStride + j, cRowStride, k, accumulate);
            }
            for (int i = blockedRows; i < m; i++) {
                block1x4(a, aOffset + i * aRowStride, aDepthStride, b, bOffset + j, bRowStride,
                        c, cOffset + i * cRowStride + j, k, accumulate);
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = blockedColumns; j < n; j++) {
                element(a, aOffset + i * aRowStride, aDepthStride, b, bOffset + j, bRowStride,
                        c, cOffset + i * cRowStride + j, k, accumulate);
            }
        }
    }

    /** C[0..4)[0..4) (+)= A[0..4)[0..k) · B[0..k)[0..4); offsets point at A[0][0], B[0][0], C[0][0]. */
    private static void block4x4(double[] a, int a0, int aRowStride, int aDepthStride,
                                 double[] b, int b0, int bRowStride,
                                 double[] c, int c0, int cRowStride, int k, boolean accumulate) {
        int c1 = c0 + cRowStride, c2 = c1 + cRowStride, c3 = c2 + cRowStride;
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
        double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0;
        double s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        if (accumulate) {
            s00 = c[c0]; s01 = c[c0 + 1]; s02 = c[c0 + 2]; s03 = c[c0 + 3];
            s10 = c[c1]; s11 = c[c1 + 1]; s12 = c[c1 + 2]; s13 = c[c1 + 3];
            s20 = c[c2]; s21 = c[c2 + 1]; s22 = c[c2 + 2]; s23 = c[c2 + 3];
            s30 = c[c3]; s31 = c[c3 + 1]; s32 = c[c3 + 2]; s33 = c[c3 + 3];
        }
        int ap = a0;
        int bp = b0;
        for (int p = 0; p < k; p++, ap += aDepthStride, bp += bRowStride) {
            // s[r][q] += A[r][p] * B[p][q]
            double b0p = b[bp], b1p = b[bp + 1], b2p = b[bp + 2], b3p = b[bp + 3];
            double a0p = a[ap], a1p = a[ap + aRowStride], a2p = a[ap + 2 * aRowStride], a3p = a[ap + 3 * aRowStride];
            s00 += a0p * b0p; s01 += a0p * b1p; s02 += a0p * b2p; s03 += a0p * b3p;
            s10 += a1p * b0p; s11 += a1p * b1p; s12 += a1p * b2p; s13 += a1p * b3p;
            s20 += a2p * b0p; s21 += a2p * b1p; s22 += a2p * b2p; s23 += a2p * b3p;
            s30 += a3p * b0p; s31 += a3p * b1p; s32 += a3p * b2p; s33 += a3p * b3p;
        }
        c[c0] = s00; c[c0 + 1] = s01; c[c0 + 2] = s02; c[c0 + 3] = s03;
        c[c1] = s10; c[c1 + 1] = s11; c[c1 + 2] = s12; c[c1 + 3] = s13;
        c[c2] = s20; c[c2 + 1] = s21; c[c2 + 2] = s22; c[c2 + 3] = s23;
        c[c3] = s30; c[c3 + 1] = s31; c[c3 + 2] = s32; c[c3 + 3] = s33;
    }

    /** C[0][0..4) (+)= A[0][0..k) · B[0..k)[0..4); offsets point at A[0][0], B[0][0], C[0][0]. */
    private static void block1x4(double[] a, int a0, int aDepthStride, double[] b, int b0, int bRowStride,
                                 double[] c, int c0, int k, boolean accumulate) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (accumulate) {
            s0 = c[c0]; s1 = c[c0 + 1]; s2 = c[c0 + 2]; s3 = c[c0 + 3];
        }
        int ap = a0;
        int bp = b0;
        for (int p = 0; p < k; p++, ap += aDepthStride, bp += bRowStride) {
            // s[q] += A[0][p] * B[p][q]
            double ap0 = a[ap];
            s0 += ap0 * b[bp]; s1 += ap0 * b[bp + 1]; s2 += ap0 * b[bp + 2]; s3 += ap0 * b[bp + 3];
        }
        c[c0] = s0; c[c0 + 1] = s1; c[c0 + 2] = s2; c[c0 + 3] = s3;
    }

    /** C[0][0] (+)= A[0][0..k) · B[0..k)[0]; offsets point at A[0][0], B[0][0], C[0][0]. */
    private static void element(double[] a, int a0, int aDepthStride, double[] b, int b0, int bRowStride,
                                double[] c, int c0, int k, boolean accumulate) {
        double s = accumulate ? c[c0] : 0;
        int ap = a0;
        int bp = b0;
        for (int p = 0; p < k; p++, ap += aDepthStride, bp += bRowStride) {
            // s += A[0][p] * B[p][0]
            s += a[ap] * b[bp];
        }
        c[c0] = s;
    }

    @Override
    public void dotProducts(double[] a, int aOffset, int aRowStride,
                            double[] b, int bOffset, int bRowStride,
                            double[] c, int cOffset, int cRowStride,
                            int m, int n, int k, boolean accumulate) {
        int blockedColumns = n - n % BLOCK;
        for (int i = 0; i < m; i++) {
            int ai = aOffset + i * aRowStride;
            int ci = cOffset + i * cRowStride;
            for (int j = 0; j < blockedColumns; j += BLOCK) {
                dots1x4(a, ai, b, bOffset + j * bRowStride, bRowStride, c, ci + j, k, accumulate);
            }
            for (int j = blockedColumns; j < n; j++) {
                element(a, ai, 1, b, bOffset + j * bRowStride, 1, c, ci + j, k, accumulate);
            }
        }
    }

    /** C[0][0..4) (+)= A[0][0..k) · B[0..4)[0..k)ᵀ; offsets point at A[0][0], B[0][0], C[0][0]. */
    private static void dots1x4(double[] a, int a0, double[] b, int b0, int bRowStride,
                                double[] c, int c0, int k, boolean accumulate) {
        int b1 = b0 + bRowStride, b2 = b1 + bRowStride, b3 = b2 + bRowStride;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (accumulate) {
            s0 = c[c0]; s1 = c[c0 + 1]; s2 = c[c0 + 2]; s3 = c[c0 + 3];
        }
        for (int p = 0; p < k; p++) {
            // s[q] += A[0][p] * B[q][p]
            double ap = a[a0 + p];
            s0 += ap * b[b0 + p]; s1 += ap * b[b1 + p]; s2 += ap * b[b2 + p]; s3 += ap * b[b3 + p];
        }
        c[c0] = s0; c[c0 + 1] = s1; c[c0 + 2] = s2; c[c0 + 3] = s3;
    }
}
