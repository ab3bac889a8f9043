package org.unroll.engine.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatrixKernel} on the JDK Vector API: a block of 4 rows × V vectors of C stays in registers while the depth
 * index runs, each step being V loads of a row of B, 4 broadcasts of A and 4·V fused multiply-adds.
 *
 * <p>V follows the register file that the preferred vector size implies, not a hard-coded width: with 512-bit
 * vectors (AVX-512: 32 vector registers) V = 4, so 16 accumulators + 4 loads + 1 broadcast fit; with narrower
 * vectors (AVX2: 16 registers of 256 bits) V = 2, since 16 accumulators alone would fill the register file and
 * C2 then spills them to the stack inside the inner loop (measured on an AVX2 machine: the 4 × 2 block 1.3–1.9×
 * faster than 4 × 4 at the engine's sizes, docs/kernel_notes.md).
 *
 * <p>Narrower tails use 1-vector blocks, and the last m mod 4 rows 1-row blocks of 4 vectors; the last {@code n mod LANES} columns go to {@link ScalarKernel}.
 * The depth is processed in chunks of {@value #DEPTH_CHUNK} so that the panels of A and B being reused stay in cache.
 * Load this class only when {@code jdk.incubator.vector} is in the boot layer (see {@link Kernels}).
 */
final class VectorKernel implements MatrixKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Vectors per row of the register block: 4 when the vector registers are 512 bits wide, else 2. */
    static final int BLOCK_VECTORS = SPECIES.vectorBitSize() >= 512 ? 4 : 2;
    private static final int WIDE = BLOCK_VECTORS * LANES;
    private static final int ROWS = 4;
    private static final int DEPTH_CHUNK = 256;

    private final ScalarKernel columnTail = new ScalarKernel();

    @Override
    public void product(double[] a, int aOffset, int aRowStride, int aDepthStride,
                        double[] b, int bOffset, int bRowStride,
                        double[] c, int cOffset, int cRowStride,
                        int m, int n, int k, boolean accumulate) {
        int blockedRows = m - m % ROWS;
        int wideColumns = n - n % WIDE;
        int vectorColumns = n - n % LANES;
        for (int p0 = 0; p0 < k; p0 += DEPTH_CHUNK) {
            int depth = Math.min(DEPTH_CHUNK, k - p0);
            boolean add = accumulate || p0 > 0;
            int aChunk = aOffset + p0 * aDepthStride;
            int bChunk = bOffset + p0 * bRowStride;
            for (int j = 0; j < wideColumns; j += WIDE) {
                for (int i = 0; i < blockedRows; i += ROWS) {
                    if (BLOCK_VECTORS == 4) {
                        rows4Wide(a, aChunk + i * aRowStride, aRowStride, aDepthStride, b, bChunk + j, bRowStride,
                                c, cOffset + i * cRowStride + j, cRowStride, depth, add);
                    } else {
                        rows4Pair(a, aChunk + i * aRowStride, aRowStride, aDepthStride, b, bChunk + j, bRowStride,
                                c, cOffset + i * cRowStride + j, cRowStride, depth, add);
                    }
                }
            }
            for (int j = wideColumns; j < vectorColumns; j += LANES) {
                for (int i = 0; i < blockedRows; i += ROWS) {
                    rows4Narrow(a, aChunk + i * aRowStride, aRowStride, aDepthStride, b, bChunk + j, bRowStride,
                            c, cOffset + i * cRowStride + j, cRowStride, depth, add);
                }
            }
            // the last m mod 4 rows (all of a matrix–vector product, B = 1): 4 vectors at a time whatever the block,
            // since one row needs only 4 accumulators, and 4 independent chains of multiply-adds instead of 2
            for (int i = blockedRows; i < m; i++) {
                int aRow = aChunk + i * aRowStride;
                int cRow = cOffset + i * cRowStride;
                int j = 0;
                for (; j + 4 * LANES <= vectorColumns; j += 4 * LANES) {
                    row1Wide(a, aRow, aDepthStride, b, bChunk + j, bRowStride, c, cRow + j, depth, add);
                }
                for (; j < vectorColumns; j += LANES) {
                    row1Narrow(a, aRow, aDepthStride, b, bChunk + j, bRowStride, c, cRow + j, depth, add);
                }
            }
        }
        if (vectorColumns < n) {
            columnTail.product(a, aOffset, aRowStride, aDepthStride, b, bOffset + vectorColumns, bRowStride,
                    c, cOffset + vectorColumns, cRowStride, m, n - vectorColumns, k, accumulate);
        }
    }

    private static DoubleVector start(double[] c, int offset, boolean add) {
        return add ? DoubleVector.fromArray(SPECIES, c, offset) : DoubleVector.zero(SPECIES);
    }

    /** C[0..4)[0..4L) (+)= A[0..4)[0..depth) · B[0..depth)[0..4L); offsets point at A[0][0], B[0][0], C[0][0]. */
    private static void rows4Wide(double[] a, int a0, int aRowStride, int aDepthStride,
                                  double[] b, int b0, int bRowStride,
                                  double[] c, int c0, int cRowStride, int depth, boolean add) {
        int c1 = c0 + cRowStride, c2 = c1 + cRowStride, c3 = c2 + cRowStride;
        DoubleVector s00 = start(c, c0, add), s01 = start(c, c0 + LANES, add);
        DoubleVector s02 = start(c, c0 + 2 * LANES, add), s03 = start(c, c0 + 3 * LANES, add);
        DoubleVector s10 = start(c, c1, add), s11 = start(c, c1 + LANES, add);
        DoubleVector s12 = start(c, c1 + 2 * LANES, add), s13 = start(c, c1 + 3 * LANES, add);
        DoubleVector s20 = start(c, c2, add), s21 = start(c, c2 + LANES, add);
        DoubleVector s22 = start(c, c2 + 2 * LANES, add), s23 = start(c, c2 + 3 * LANES, add);
        DoubleVector s30 = start(c, c3, add), s31 = start(c, c3 + LANES, add);
        DoubleVector s32 = start(c, c3 + 2 * LANES, add), s33 = start(c, c3 + 3 * LANES, add);
        int ap = a0;
        int bp = b0;
        for (int p = 0; p < depth; p++, ap += aDepthStride, bp += bRowStride) {
            // s[r][v] += A[r][p] * B[p][v·L .. (v+1)·L)
            DoubleVector b0p = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1p = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector b2p = DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES);
            DoubleVector b3p = DoubleVector.fromArray(SPECIES, b, bp + 3 * LANES);
            DoubleVector ar = DoubleVector.broadcast(SPECIES, a[ap]);
            s00 = ar.fma(b0p, s00); s01 = ar.fma(b1p, s01); s02 = ar.fma(b2p, s02); s03 = ar.fma(b3p, s03);
            ar = DoubleVector.broadcast(SPECIES, a[ap + aRowStride]);
            s10 = ar.fma(b0p, s10); s11 = ar.fma(b1p, s11); s12 = ar.fma(b2p, s12); s13 = ar.fma(b3p, s13);
            ar = DoubleVector.broadcast(SPECIES, a[ap + 2 * aRowStride]);
            s20 = ar.fma(b0p, s20); s21 = ar.fma(b1p, s21); s22 = ar.fma(b2p, s22); s23 = ar.fma(b3p, s23);
            ar = DoubleVector.broadcast(SPECIES, a[ap + 3 * aRowStride]);
            s30 = ar.fma(b0p, s30); s31 = ar.fma(b1p, s31); s32 = ar.fma(b2p, s32); s33 = ar.fma(b3p, s33);
        }
        s00.intoArray(c, c0); s01.intoArray(c, c0 + LANES); s02.intoArray(c, c0 + 2 * LANES); s03.intoArray(c, c0 + 3 * LANES);
        s10.intoArray(c, c1); s11.intoArray(c, c1 + LANES); s12.intoArray(c, c1 + 2 * LANES); s13.intoArray(c, c1 + 3 * LANES);
        s20.intoArray(c, c2); s21.intoArray(c, c2 + LANES); s22.intoArray(c, c2 + 2 * LANES); s23.intoArray(c, c2 + 3 * LANES);
        s30.intoArray(c, c3); s31.intoArray(c, c3 + LANES); s32.intoArray(c, c3 + 2 * LANES); s33.intoArray(c, c3 + 3 * LANES);
    }

    /** C[0][0..4L) (+)= A[0][0..depth) · B[0..depth)[0..4L); offsets point at A[0][0], B[0][0], C[0][0]. */
    private static void row1Wide(double[] a, int a0, int aDepthStride, double[] b, int b0, int bRowStride,
                                 double[] c, int c0, int depth, boolean add) {
        DoubleVector s0 = start(c, c0, add), s1 = start(c, c0 + LANES, add);
        DoubleVector s2 = start(c, c0 + 2 * LANES, add), s3 = start(c, c0 + 3 * LANES, add);
        int ap = a0;
        int bp = b0;
        for (int p = 0; p < depth; p++, ap += aDepthStride, bp += bRowStride) {
            // s[v] += A[0][p] * B[p][v·L .. (v+1)·L)
            DoubleVector ar = DoubleVector.broadcast(SPECIES, a[ap]);
            s0 = ar.fma(DoubleVector.fromArray(SPECIES, b, bp), s0);
            s1 = ar.fma(DoubleVector.fromArray(SPECIES, b, bp + LANES), s1);
            s2 = ar.fma(DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES), s2);
            s3 = ar.fma(DoubleVector.fromArray(SPECIES, b, bp + 3 * LANES), s3);
        }
        s0.intoArray(c, c0); s1.intoArray(c, c0 + LANES); s2.intoArray(c, c0 + 2 * LANES); s3.intoArray(c, c0 + 3 * LANES);
    }

    /** C[0..4)[0..2L) (+)= A[0..4)[0..depth) · B[0..depth)[0..2L); offsets point at A[0][0], B[0][0], C[0][0]. */
    private static void rows4Pair(double[] a, int a0, int aRowStride, int aDepthStride,
                                  double[] b, int b0, int bRowStride,
                                  double[] c, int c0, int cRowStride, int depth, boolean add) {
        int c1 = c0 + cRowStride, c2 = c1 + cRowStride, c3 = c2 + cRowStride;
        DoubleVector s00 = start(c, c0, add), s01 = start(c, c0 + LANES, add);
        DoubleVector s10 = start(c, c1, add), s11 = start(c, c1 + LANES, add);
        DoubleVector s20 = start(c, c2, add), s21 = start(c, c2 + LANES, add);
        DoubleVector s30 = start(c, c3, add), s31 = start(c, c3 + LANES, add);
        int ap = a0;
        int bp = b0;
        for (int p = 0; p < depth; p++, ap += aDepthStride, bp += bRowStride) {
            // s[r][v] += A[r][p] * B[p][v·L .. (v+1)·L)
            DoubleVector b0p = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1p = DoubleVector.fromArray(SPECIES, b, bp + LANES);
            DoubleVector ar = DoubleVector.broadcast(SPECIES, a[ap]);
            s00 = ar.fma(b0p, s00); s01 = ar.fma(b1p, s01);
            ar = DoubleVector.broadcast(SPECIES, a[ap + aRowStride]);
            s10 = ar.fma(b0p, s10); s11 = ar.fma(b1p, s11);
            ar = DoubleVector.broadcast(SPECIES, a[ap + 2 * aRowStride]);
            s20 = ar.fma(b0p, s20); s21 = ar.fma(b1p, s21);
            ar = DoubleVector.broadcast(SPECIES, a[ap + 3 * aRowStride]);
            s30 = ar.fma(b0p, s30); s31 = ar.fma(b1p, s31);
        }
        s00.intoArray(c, c0); s01.intoArray(c, c0 + LANES);
        s10.intoArray(c, c1); s11.intoArray(c, c1 + LANES);
        s20.intoArray(c, c2); s21.intoArray(c, c2 + LANES);
        s30.intoArray(c, c3); s31.intoArray(c, c3 + LANES);
    }

    /** C[0..4)[0..L) (+)= A[0..4)[0..depth) · B[0..depth)[0..L); offsets point at A[0][0], B[0][0], C[0][0]. */
    private static void rows4Narrow(double[] a, int a0, int aRowStride, int aDepthStride,
                                    double[] b, int b0, int bRowStride,
                                    double[] c, int c0, int cRowStride, int depth, boolean add) {
        int c1 = c0 + cRowStride, c2 = c1 + cRowStride, c3 = c2 + cRowStride;
        DoubleVector s0 = start(c, c0, add), s1 = start(c, c1, add), s2 = start(c, c2, add), s3 = start(c, c3, add);
        int ap = a0;
        int bp = b0;
        for (int p = 0; p < depth; p++, ap += aDepthStride, bp += bRowStride) {
            // s[r] += A[r][p] * B[p][0..L)
            DoubleVector bv = DoubleVector.fromArray(SPECIES, b, bp);
            s0 = DoubleVector.broadcast(SPECIES, a[ap]).fma(bv, s0);
            s1 = DoubleVector.broadcast(SPECIES, a[ap + aRowStride]).fma(bv, s1);
            s2 = DoubleVector.broadcast(SPECIES, a[ap + 2 * aRowStride]).fma(bv, s2);
            s3 = DoubleVector.broadcast(SPECIES, a[ap + 3 * aRowStride]).fma(bv, s3);
        }
        s0.intoArray(c, c0); s1.intoArray(c, c1); s2.intoArray(c, c2); s3.intoArray(c, c3);
    }

    /** C[0][0..L) (+)= A[0][0..depth) · B[0..depth)[0..L); offsets point at A[0][0], B[0][0], C[0][0]. */
    private static void row1Narrow(double[] a, int a0, int aDepthStride, double[] b, int b0, int bRowStride,
                                   double[] c, int c0, int depth, boolean add) {
        DoubleVector s = start(c, c0, add);
        int ap = a0;
        int bp = b0;
        for (int p = 0; p < depth; p++, ap += aDepthStride, bp += bRowStride) {
            // s += A[0][p] * B[p][0..L)
            s = DoubleVector.broadcast(SPECIES, a[ap]).fma(DoubleVector.fromArray(SPECIES, b, bp), s);
        }
        s.intoArray(c, c0);
    }

    @Override
    public void dotProducts(double[] a, int aOffset, int aRowStride,
                            double[] b, int bOffset, int bRowStride,
                            double[] c, int cOffset, int cRowStride,
                            int m, int n, int k, boolean accumulate) {
        int blockedColumns = n - n % ROWS;
        int vectorDepth = k - k % LANES;
        for (int i = 0; i < m; i++) {
            int ai = aOffset + i * aRowStride;
            int ci = cOffset + i * cRowStride;
            for (int j = 0; j < blockedColumns; j += ROWS) {
                dots1x4(a, ai, b, bOffset + j * bRowStride, bRowStride, c, ci + j, k, vectorDepth, accumulate);
            }
            for (int j = blockedColumns; j < n; j++) {
                dot(a, ai, b, bOffset + j * bRowStride, c, ci + j, k, vectorDepth, accumulate);
            }
        }
    }

    /** C[0][0..4) (+)= A[0][0..k) · B[0..4)[0..k)ᵀ, vectors along p up to vectorDepth, then scalars. */
    private static void dots1x4(double[] a, int a0, double[] b, int b0, int bRowStride,
                                double[] c, int c0, int k, int vectorDepth, boolean accumulate) {
        int b1 = b0 + bRowStride, b2 = b1 + bRowStride, b3 = b2 + bRowStride;
        DoubleVector v0 = DoubleVector.zero(SPECIES), v1 = v0, v2 = v0, v3 = v0;
        for (int p = 0; p < vectorDepth; p += LANES) {
            // v[q] += A[0][p .. p+L) * B[q][p .. p+L)
            DoubleVector ap = DoubleVector.fromArray(SPECIES, a, a0 + p);
            v0 = ap.fma(DoubleVector.fromArray(SPECIES, b, b0 + p), v0);
            v1 = ap.fma(DoubleVector.fromArray(SPECIES, b, b1 + p), v1);
            v2 = ap.fma(DoubleVector.fromArray(SPECIES, b, b2 + p), v2);
            v3 = ap.fma(DoubleVector.fromArray(SPECIES, b, b3 + p), v3);
        }
        double s0 = v0.reduceLanes(VectorOperators.ADD), s1 = v1.reduceLanes(VectorOperators.ADD);
        double s2 = v2.reduceLanes(VectorOperators.ADD), s3 = v3.reduceLanes(VectorOperators.ADD);
        for (int p = vectorDepth; p < k; p++) {
            // s[q] += A[0][p] * B[q][p]
            double ap = a[a0 + p];
            s0 += ap * b[b0 + p]; s1 += ap * b[b1 + p]; s2 += ap * b[b2 + p]; s3 += ap * b[b3 + p];
        }
        if (accumulate) {
            s0 += c[c0]; s1 += c[c0 + 1]; s2 += c[c0 + 2]; s3 += c[c0 + 3];
        }
        c[c0] = s0; c[c0 + 1] = s1; c[c0 + 2] = s2; c[c0 + 3] = s3;
    }

    /** C[0][0] (+)= A[0][0..k) · B[0][0..k), vectors along p up to vectorDepth, then scalars. */
    private static void dot(double[] a, int a0, double[] b, int b0, double[] c, int c0,
                            int k, int vectorDepth, boolean accumulate) {
        DoubleVector v = DoubleVector.zero(SPECIES);
        for (int p = 0; p < vectorDepth; p += LANES) {
            // v += A[0][p .. p+L) * B[0][p .. p+L)
            v = DoubleVector.fromArray(SPECIES, a, a0 + p).fma(DoubleVector.fromArray(SPECIES, b, b0 + p), v);
        }
        double s = v.reduceLanes(VectorOperators.ADD);
        for (int p = vectorDepth; p < k; p++) {
            // s += A[0][p] * B[0][p]
            s += a[a0 + p] * b[b0 + p];
        }
        c[c0] = accumulate ? c[c0] + s : s;
    }
}
