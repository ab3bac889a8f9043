package org.unroll.engine.kernel;

import java.util.Arrays;
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
 * <p>With 256-bit vectors the plain product takes its rows twelve at a time in 6-row blocks ({@link #rows6Pair}: 12
 * accumulators keep both FMA units busy over a long depth, such as dW_hh over a window), the rest of the 4-row blocks
 * as above. Narrower tails use 1-vector blocks, and the last m mod 4 rows blocks of 2 rows or 1 row × 4 vectors; the last {@code n mod LANES} columns go to {@link ScalarKernel}.
 * Like the other blocks it repeats its accumulator set-up rather than calling a helper that takes or returns vectors
 * (see {@link #edges}).
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
    /** Packed operands of at most this depth take {@link #shallowRows} instead of the register block. */
    private static final int SHALLOW_DEPTH = 4;

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
                int i = 0;
                if (BLOCK_VECTORS == 2) {
                    for (int sixRows = blockedRows - blockedRows % 12; i < sixRows; i += 6) {
                        rows6Pair(a, aChunk + i * aRowStride, aRowStride, aDepthStride, b, bChunk + j, bRowStride,
                                c, cOffset + i * cRowStride + j, cRowStride, depth, add);
                    }
                }
                for (; i < blockedRows; i += ROWS) {
                    if (BLOCK_VECTORS == 4) {
                        rows4Wide(a, aChunk + i * aRowStride, aRowStride, aDepthStride, b, bChunk + j, bRowStride,
                                c, cOffset + i * cRowStride + j, cRowStride, depth, add);
                    } else {
                        rows4Pair(a, aChunk + i * aRowStride, aRowStride, aDepthStride, b, bChunk + j, bRowStride,
                                c, cOffset + i * cRowStride + j, cRowStride, depth, add);
                    }
                }
            }
            edges(a, aChunk, aRowStride, aDepthStride, b, bChunk, bRowStride, c, cOffset, cRowStride,
                    m, blockedRows, wideColumns, vectorColumns, depth, add);
        }
        if (vectorColumns < n) {
            columnTail.product(a, aOffset, aRowStride, aDepthStride, b, bOffset + vectorColumns, bRowStride,
                    c, cOffset + vectorColumns, cRowStride, m, n - vectorColumns, k, accumulate);
        }
    }

    /**
     * The parts of one depth chunk of {@link #product} outside the wide blocks: the columns [wideColumns,
     * vectorColumns) of the 4-row blocks one vector at a time, then the last m mod 4 rows (all of a matrix–vector
     * product, B = 1), 4 vectors at a time whatever the block, since one row needs only 4 accumulators, and 4
     * independent chains of multiply-adds instead of 2; two rows together where two remain (e.g. dW_ih's Cᵀ = xᵀ·dA
     * with I = 2), so B is read once for both.
     *
     * <p>All of it sits in one method on purpose, its loops written out rather than calling small vector helpers:
     * its bytecode is larger than C2's limit for inlining a hot callee (FreqInlineSize, 325 bytes), so it is compiled
     * on its own with every Vector API call intrinsified. Small helpers (a 1-row block of 248 bytes was one) were
     * inlined into {@link #product} in some runs, ran out of its inlining budget and fell back to the API's
     * allocating Java implementation (about 1 MB per training step, seen in JFR under dW_out's product).
     */
    private static void edges(double[] a, int aChunk, int aRowStride, int aDepthStride,
                              double[] b, int bChunk, int bRowStride, double[] c, int cOffset, int cRowStride,
                              int m, int blockedRows, int wideColumns, int vectorColumns, int depth, boolean add) {
        for (int j = wideColumns; j < vectorColumns; j += LANES) {
            for (int i = 0; i < blockedRows; i += ROWS) {
                // C[i..i+4)[j..j+L) (+)= A[i..i+4)[·] · B[·][j..j+L)
                int c0 = cOffset + i * cRowStride + j;
                int c1 = c0 + cRowStride, c2 = c1 + cRowStride, c3 = c2 + cRowStride;
                DoubleVector s0 = start(c, c0, add), s1 = start(c, c1, add);
                DoubleVector s2 = start(c, c2, add), s3 = start(c, c3, add);
                int ap = aChunk + i * aRowStride;
                int bp = bChunk + j;
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
        }
        int i0 = blockedRows;
        int wideEnd = vectorColumns - vectorColumns % (4 * LANES);
        if (m - i0 >= 2) {
            int aRow = aChunk + i0 * aRowStride;
            int cRow = cOffset + i0 * cRowStride;
            for (int j = 0; j < wideEnd; j += 4 * LANES) {
                rows2Wide(a, aRow, aRowStride, aDepthStride, b, bChunk + j, bRowStride, c, cRow + j, cRowStride,
                        depth, add);
            }
            i0 += 2;
            // their last columns one row at a time, below
        }
        for (int i = blockedRows; i < m; i++) {
            int aRow = aChunk + i * aRowStride;
            int cRow = cOffset + i * cRowStride;
            int j = i < i0 ? wideEnd : 0;
            for (; j < wideEnd; j += 4 * LANES) {
                // C[i][j..j+4L) (+)= A[i][·] · B[·][j..j+4L)
                int c0 = cRow + j;
                DoubleVector s0 = start(c, c0, add), s1 = start(c, c0 + LANES, add);
                DoubleVector s2 = start(c, c0 + 2 * LANES, add), s3 = start(c, c0 + 3 * LANES, add);
                int ap = aRow;
                int bp = bChunk + j;
                for (int p = 0; p < depth; p++, ap += aDepthStride, bp += bRowStride) {
                    // s[v] += A[i][p] * B[p][v·L .. (v+1)·L)
                    DoubleVector ar = DoubleVector.broadcast(SPECIES, a[ap]);
                    s0 = ar.fma(DoubleVector.fromArray(SPECIES, b, bp), s0);
                    s1 = ar.fma(DoubleVector.fromArray(SPECIES, b, bp + LANES), s1);
                    s2 = ar.fma(DoubleVector.fromArray(SPECIES, b, bp + 2 * LANES), s2);
                    s3 = ar.fma(DoubleVector.fromArray(SPECIES, b, bp + 3 * LANES), s3);
                }
                s0.intoArray(c, c0); s1.intoArray(c, c0 + LANES); s2.intoArray(c, c0 + 2 * LANES); s3.intoArray(c, c0 + 3 * LANES);
            }
            for (; j < vectorColumns; j += LANES) {
                // C[i][j..j+L) (+)= A[i][·] · B[·][j..j+L)
                DoubleVector s = start(c, cRow + j, add);
                int ap = aRow;
                int bp = bChunk + j;
                for (int p = 0; p < depth; p++, ap += aDepthStride, bp += bRowStride) {
                    s = DoubleVector.broadcast(SPECIES, a[ap]).fma(DoubleVector.fromArray(SPECIES, b, bp), s);
                }
                s.intoArray(c, cRow + j);
            }
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

    /** C[0..2)[0..4L) (+)= A[0..2)[0..depth) · B[0..depth)[0..4L); offsets point at A[0][0], B[0][0], C[0][0]. */
    private static void rows2Wide(double[] a, int a0, int aRowStride, int aDepthStride,
                                  double[] b, int b0, int bRowStride,
                                  double[] c, int c0, int cRowStride, int depth, boolean add) {
        int c1 = c0 + cRowStride;
        DoubleVector s00 = start(c, c0, add), s01 = start(c, c0 + LANES, add);
        DoubleVector s02 = start(c, c0 + 2 * LANES, add), s03 = start(c, c0 + 3 * LANES, add);
        DoubleVector s10 = start(c, c1, add), s11 = start(c, c1 + LANES, add);
        DoubleVector s12 = start(c, c1 + 2 * LANES, add), s13 = start(c, c1 + 3 * LANES, add);
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
        }
        s00.intoArray(c, c0); s01.intoArray(c, c0 + LANES); s02.intoArray(c, c0 + 2 * LANES); s03.intoArray(c, c0 + 3 * LANES);
        s10.intoArray(c, c1); s11.intoArray(c, c1 + LANES); s12.intoArray(c, c1 + 2 * LANES); s13.intoArray(c, c1 + 3 * LANES);
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

    /**
     * C[0..6)[0..2L) (+)= A[0..6)[0..depth) · B[0..depth)[0..2L), for 256-bit vectors: 12 accumulators, 2 rows of B
     * and a broadcast fill 15 of the 16 registers. Each multiply-add waits for the one before it on the same
     * accumulator, so 8 of them (the 4-row block) leave the two FMA units idle part of the time and 12 keep them busy.
     * Every C[i][j] is summed in the same order as in the 4-row block, so the results are the same to the bit.
     */
    private static void rows6Pair(double[] a, int a0, int aRowStride, int aDepthStride,
                                  double[] b, int b0, int bRowStride,
                                  double[] c, int c0, int cRowStride, int depth, boolean add) {
        int c1 = c0 + cRowStride, c2 = c1 + cRowStride, c3 = c2 + cRowStride, c4 = c3 + cRowStride;
        int c5 = c4 + cRowStride;
        DoubleVector s00 = start(c, c0, add), s01 = start(c, c0 + LANES, add);
        DoubleVector s10 = start(c, c1, add), s11 = start(c, c1 + LANES, add);
        DoubleVector s20 = start(c, c2, add), s21 = start(c, c2 + LANES, add);
        DoubleVector s30 = start(c, c3, add), s31 = start(c, c3 + LANES, add);
        DoubleVector s40 = start(c, c4, add), s41 = start(c, c4 + LANES, add);
        DoubleVector s50 = start(c, c5, add), s51 = start(c, c5 + LANES, add);
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
            ar = DoubleVector.broadcast(SPECIES, a[ap + 4 * aRowStride]);
            s40 = ar.fma(b0p, s40); s41 = ar.fma(b1p, s41);
            ar = DoubleVector.broadcast(SPECIES, a[ap + 5 * aRowStride]);
            s50 = ar.fma(b0p, s50); s51 = ar.fma(b1p, s51);
        }
        s00.intoArray(c, c0); s01.intoArray(c, c0 + LANES);
        s10.intoArray(c, c1); s11.intoArray(c, c1 + LANES);
        s20.intoArray(c, c2); s21.intoArray(c, c2 + LANES);
        s30.intoArray(c, c3); s31.intoArray(c, c3 + LANES);
        s40.intoArray(c, c4); s41.intoArray(c, c4 + LANES);
        s50.intoArray(c, c5); s51.intoArray(c, c5 + LANES);
    }

    @Override
    public int packedWidth() {
        return WIDE;
    }

    @Override
    public int packedScratch(int k) {
        return ROWS * k + ROWS * WIDE;
    }

    /**
     * The product on a packed B: every block of 4 rows of A runs against every panel of B through the register block,
     * A read row by row and B panel by panel, both at indices the depth counter times a constant. The last m mod 4
     * rows take the same block on a copy of them with zero rows added, into a 4 × W buffer (both in the scratch);
     * the last n mod W columns take {@link #product} on the pack's row-major tail. The bias, when given, is added to
     * each row as the block is stored.
     */
    @Override
    public void packedProduct(double[] a, int aOffset, int aRowStride, PackedMatrix b, double[] bias,
                              double[] c, int cOffset, int cRowStride, int m, boolean accumulate, double[] scratch) {
        int k = b.rows;
        int panelColumns = b.panelColumns;
        if (k <= SHALLOW_DEPTH) {
            shallowRows(a, aOffset, aRowStride, b.data, panelColumns, k, bias, c, cOffset, cRowStride, m, accumulate);
        } else {
            blockedPanels(a, aOffset, aRowStride, b, bias, c, cOffset, cRowStride, m, accumulate, scratch);
        }
        int tail = b.cols - panelColumns;
        if (tail > 0) {
            product(a, aOffset, aRowStride, 1, b.data, b.tailOffset(), tail, c, cOffset + panelColumns, cRowStride,
                    m, tail, k, accumulate);
            if (bias != null) {
                for (int i = 0; i < m; i++) {
                    int row = cOffset + i * cRowStride + panelColumns;
                    for (int j = 0; j < tail; j++) {
                        // C[i][j] = (A·B)[i][j] + v[j]
                        c[row + j] = c[row + j] + bias[panelColumns + j];
                    }
                }
            }
        }
    }

    /**
     * The panels of {@link #packedProduct} through the register block: every block of 4 rows of A against every panel,
     * then the last m mod 4 rows on a copy of them with zero rows added, into a 4 × W buffer (both in the scratch).
     */
    private static void blockedPanels(double[] a, int aOffset, int aRowStride, PackedMatrix b, double[] bias,
                                      double[] c, int cOffset, int cRowStride, int m, boolean accumulate,
                                      double[] scratch) {
        int k = b.rows;
        int panelColumns = b.panelColumns;
        int blockedRows = m - m % ROWS;
        for (int j = 0, panel = 0; j < panelColumns; j += WIDE, panel += k * WIDE) {
            for (int i = 0; i < blockedRows; i += ROWS) {
                packedBlock(a, aOffset + i * aRowStride, aRowStride, b.data, panel, bias, j,
                        c, cOffset + i * cRowStride + j, cRowStride, k, accumulate);
            }
        }
        int rows = m - blockedRows;
        if (rows > 0 && panelColumns > 0) {
            // the last rows, and zero rows up to 4, row-major in the scratch; C's rows through a 4 × W buffer after them
            int buffer = ROWS * k;
            for (int r = 0; r < ROWS; r++) {
                if (r < rows) {
                    System.arraycopy(a, aOffset + (blockedRows + r) * aRowStride, scratch, r * k, k);
                } else {
                    Arrays.fill(scratch, r * k, (r + 1) * k, 0.0);
                }
            }
            int cRow = cOffset + blockedRows * cRowStride;
            for (int j = 0, panel = 0; j < panelColumns; j += WIDE, panel += k * WIDE) {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(c, cRow + r * cRowStride + j, scratch, buffer + r * WIDE, WIDE);
                }
                packedBlock(scratch, 0, k, b.data, panel, bias, j, scratch, buffer, WIDE, k, accumulate);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(scratch, buffer + r * WIDE, c, cRow + r * cRowStride + j, WIDE);
                }
            }
        }
    }

    /**
     * The panels of {@link #packedProduct} for a shallow B (k ≤ {@value #SHALLOW_DEPTH}, such as W_ih with I = 2): row
     * by row, one vector of C at a time, each C[i][j] summed over p in the same order and with the same fused
     * multiply-adds as the register block, then the bias, so the result is the same to the bit. With so few terms a
     * register block would spend more on setting up and storing its accumulators than on the products.
     */
    private static void shallowRows(double[] a, int aOffset, int aRowStride, double[] bp, int panelColumns, int k,
                                    double[] bias, double[] c, int cOffset, int cRowStride, int m, boolean add) {
        for (int i = 0; i < m; i++) {
            int aRow = aOffset + i * aRowStride;
            int cRow = cOffset + i * cRowStride;
            if (k == 2) {
                DoubleVector a0 = DoubleVector.broadcast(SPECIES, a[aRow]);
                DoubleVector a1 = DoubleVector.broadcast(SPECIES, a[aRow + 1]);
                for (int j0 = 0, panel = 0; j0 < panelColumns; j0 += WIDE, panel += 2 * WIDE) {
                    for (int v = 0; v < WIDE; v += LANES) {
                        DoubleVector s = start(c, cRow + j0 + v, add);
                        s = a0.fma(DoubleVector.fromArray(SPECIES, bp, panel + v), s);
                        s = a1.fma(DoubleVector.fromArray(SPECIES, bp, panel + WIDE + v), s);
                        if (bias != null) {
                            s = s.add(DoubleVector.fromArray(SPECIES, bias, j0 + v));
                        }
                        s.intoArray(c, cRow + j0 + v);
                    }
                }
                continue;
            }
            for (int j0 = 0, panel = 0; j0 < panelColumns; j0 += WIDE, panel += k * WIDE) {
                for (int v = 0; v < WIDE; v += LANES) {
                    // C[i][j..j+L) (+)= Σ_p A[i][p] · B[p][j..j+L) (+ bias[j..j+L)), j = j0 + v
                    DoubleVector s = start(c, cRow + j0 + v, add);
                    for (int p = 0; p < k; p++) {
                        s = DoubleVector.broadcast(SPECIES, a[aRow + p])
                                .fma(DoubleVector.fromArray(SPECIES, bp, panel + p * WIDE + v), s);
                    }
                    if (bias != null) {
                        s = s.add(DoubleVector.fromArray(SPECIES, bias, j0 + v));
                    }
                    s.intoArray(c, cRow + j0 + v);
                }
            }
        }
    }

    /** One 4-row block against one panel: the 4 × 4-vector block with 512-bit vectors, else 4 × 2. */
    private static void packedBlock(double[] a, int a0, int aRowStride, double[] bp, int b0, double[] bias, int j,
                                    double[] c, int c0, int cRowStride, int depth, boolean add) {
        if (BLOCK_VECTORS == 4) {
            packedRows4Wide(a, a0, aRowStride, bp, b0, bias, j, c, c0, cRowStride, depth, add);
        } else {
            packedRows4Pair(a, a0, aRowStride, bp, b0, bias, j, c, c0, cRowStride, depth, add);
        }
    }

    /**
     * C[0..4)[0..2L) (+)= A[0..4)[0..depth) · B[0..depth)[0..2L) (+ bias[j .. j+2L) on every row), A's rows at
     * a[a0 + r·aRowStride + p], B packed as bp[b0 + 2L·p + v]: every index is the loop counter p plus, or times, a
     * constant, so the JIT hoists the bounds checks out of the loop.
     */
    private static void packedRows4Pair(double[] a, int a0, int aRowStride, double[] bp, int b0, double[] bias, int j,
                                        double[] c, int c0, int cRowStride, int depth, boolean add) {
        int a1 = a0 + aRowStride, a2 = a1 + aRowStride, a3 = a2 + aRowStride;
        int c1 = c0 + cRowStride, c2 = c1 + cRowStride, c3 = c2 + cRowStride;
        DoubleVector s00 = start(c, c0, add), s01 = start(c, c0 + LANES, add);
        DoubleVector s10 = start(c, c1, add), s11 = start(c, c1 + LANES, add);
        DoubleVector s20 = start(c, c2, add), s21 = start(c, c2 + LANES, add);
        DoubleVector s30 = start(c, c3, add), s31 = start(c, c3 + LANES, add);
        for (int p = 0; p < depth; p++) {
            // s[r][v] += A[r][p] * B[p][v·L .. (v+1)·L)
            int bq = b0 + p * (2 * LANES);
            DoubleVector b0p = DoubleVector.fromArray(SPECIES, bp, bq);
            DoubleVector b1p = DoubleVector.fromArray(SPECIES, bp, bq + LANES);
            DoubleVector ar = DoubleVector.broadcast(SPECIES, a[a0 + p]);
            s00 = ar.fma(b0p, s00); s01 = ar.fma(b1p, s01);
            ar = DoubleVector.broadcast(SPECIES, a[a1 + p]);
            s10 = ar.fma(b0p, s10); s11 = ar.fma(b1p, s11);
            ar = DoubleVector.broadcast(SPECIES, a[a2 + p]);
            s20 = ar.fma(b0p, s20); s21 = ar.fma(b1p, s21);
            ar = DoubleVector.broadcast(SPECIES, a[a3 + p]);
            s30 = ar.fma(b0p, s30); s31 = ar.fma(b1p, s31);
        }
        if (bias != null) {
            // C = A·B + v, v added to every row
            DoubleVector v0 = DoubleVector.fromArray(SPECIES, bias, j), v1 = DoubleVector.fromArray(SPECIES, bias, j + LANES);
            s00 = s00.add(v0); s01 = s01.add(v1); s10 = s10.add(v0); s11 = s11.add(v1);
            s20 = s20.add(v0); s21 = s21.add(v1); s30 = s30.add(v0); s31 = s31.add(v1);
        }
        s00.intoArray(c, c0); s01.intoArray(c, c0 + LANES);
        s10.intoArray(c, c1); s11.intoArray(c, c1 + LANES);
        s20.intoArray(c, c2); s21.intoArray(c, c2 + LANES);
        s30.intoArray(c, c3); s31.intoArray(c, c3 + LANES);
    }

    /** As {@link #packedRows4Pair} with 4 vectors per row (512-bit registers), B as bp[b0 + 4L·p + v]. */
    private static void packedRows4Wide(double[] a, int a0, int aRowStride, double[] bp, int b0, double[] bias, int j,
                                        double[] c, int c0, int cRowStride, int depth, boolean add) {
        int a1 = a0 + aRowStride, a2 = a1 + aRowStride, a3 = a2 + aRowStride;
        int c1 = c0 + cRowStride, c2 = c1 + cRowStride, c3 = c2 + cRowStride;
        DoubleVector s00 = start(c, c0, add), s01 = start(c, c0 + LANES, add);
        DoubleVector s02 = start(c, c0 + 2 * LANES, add), s03 = start(c, c0 + 3 * LANES, add);
        DoubleVector s10 = start(c, c1, add), s11 = start(c, c1 + LANES, add);
        DoubleVector s12 = start(c, c1 + 2 * LANES, add), s13 = start(c, c1 + 3 * LANES, add);
        DoubleVector s20 = start(c, c2, add), s21 = start(c, c2 + LANES, add);
        DoubleVector s22 = start(c, c2 + 2 * LANES, add), s23 = start(c, c2 + 3 * LANES, add);
        DoubleVector s30 = start(c, c3, add), s31 = start(c, c3 + LANES, add);
        DoubleVector s32 = start(c, c3 + 2 * LANES, add), s33 = start(c, c3 + 3 * LANES, add);
        for (int p = 0; p < depth; p++) {
            // s[r][v] += A[r][p] * B[p][v·L .. (v+1)·L)
            int bq = b0 + p * (4 * LANES);
            DoubleVector b0p = DoubleVector.fromArray(SPECIES, bp, bq);
            DoubleVector b1p = DoubleVector.fromArray(SPECIES, bp, bq + LANES);
            DoubleVector b2p = DoubleVector.fromArray(SPECIES, bp, bq + 2 * LANES);
            DoubleVector b3p = DoubleVector.fromArray(SPECIES, bp, bq + 3 * LANES);
            DoubleVector ar = DoubleVector.broadcast(SPECIES, a[a0 + p]);
            s00 = ar.fma(b0p, s00); s01 = ar.fma(b1p, s01); s02 = ar.fma(b2p, s02); s03 = ar.fma(b3p, s03);
            ar = DoubleVector.broadcast(SPECIES, a[a1 + p]);
            s10 = ar.fma(b0p, s10); s11 = ar.fma(b1p, s11); s12 = ar.fma(b2p, s12); s13 = ar.fma(b3p, s13);
            ar = DoubleVector.broadcast(SPECIES, a[a2 + p]);
            s20 = ar.fma(b0p, s20); s21 = ar.fma(b1p, s21); s22 = ar.fma(b2p, s22); s23 = ar.fma(b3p, s23);
            ar = DoubleVector.broadcast(SPECIES, a[a3 + p]);
            s30 = ar.fma(b0p, s30); s31 = ar.fma(b1p, s31); s32 = ar.fma(b2p, s32); s33 = ar.fma(b3p, s33);
        }
        if (bias != null) {
            // C = A·B + v, v added to every row
            DoubleVector v0 = DoubleVector.fromArray(SPECIES, bias, j), v1 = DoubleVector.fromArray(SPECIES, bias, j + LANES);
            DoubleVector v2 = DoubleVector.fromArray(SPECIES, bias, j + 2 * LANES);
            DoubleVector v3 = DoubleVector.fromArray(SPECIES, bias, j + 3 * LANES);
            s00 = s00.add(v0); s01 = s01.add(v1); s02 = s02.add(v2); s03 = s03.add(v3);
            s10 = s10.add(v0); s11 = s11.add(v1); s12 = s12.add(v2); s13 = s13.add(v3);
            s20 = s20.add(v0); s21 = s21.add(v1); s22 = s22.add(v2); s23 = s23.add(v3);
            s30 = s30.add(v0); s31 = s31.add(v1); s32 = s32.add(v2); s33 = s33.add(v3);
        }
        s00.intoArray(c, c0); s01.intoArray(c, c0 + LANES); s02.intoArray(c, c0 + 2 * LANES); s03.intoArray(c, c0 + 3 * LANES);
        s10.intoArray(c, c1); s11.intoArray(c, c1 + LANES); s12.intoArray(c, c1 + 2 * LANES); s13.intoArray(c, c1 + 3 * LANES);
        s20.intoArray(c, c2); s21.intoArray(c, c2 + LANES); s22.intoArray(c, c2 + 2 * LANES); s23.intoArray(c, c2 + 3 * LANES);
        s30.intoArray(c, c3); s31.intoArray(c, c3 + LANES); s32.intoArray(c, c3 + 2 * LANES); s33.intoArray(c, c3 + 3 * LANES);
    }

    @Override
    public void dotProducts(double[] a, int aOffset, int aRowStride,
                            double[] b, int bOffset, int bRowStride,
                            double[] c, int cOffset, int cRowStride,
                            int m, int n, int k, boolean accumulate) {
        dotRows(a, aOffset, aRowStride, b, bOffset, bRowStride, c, cOffset, cRowStride, m, n, k, accumulate);
    }

    /**
     * {@link #dotProducts}: for each row of A, 4 columns of C at a time (4 dot products sharing the loads of A), then
     * the rest one by one; vectors along p up to the last multiple of the lane count, then scalars. One method with
     * its loops written out, for the reason given at {@link #edges}: y = h·W_outᵀ with O = 1 runs the single dot
     * product at every step of training.
     */
    private static void dotRows(double[] a, int aOffset, int aRowStride, double[] b, int bOffset, int bRowStride,
                                double[] c, int cOffset, int cRowStride, int m, int n, int k, boolean accumulate) {
        int blockedColumns = n - n % ROWS;
        int vectorDepth = k - k % LANES;
        for (int i = 0; i < m; i++) {
            int a0 = aOffset + i * aRowStride;
            int ci = cOffset + i * cRowStride;
            for (int j = 0; j < blockedColumns; j += ROWS) {
                // C[i][j..j+4) (+)= A[i][0..k) · B[j..j+4)[0..k)ᵀ
                int b0 = bOffset + j * bRowStride, b1 = b0 + bRowStride, b2 = b1 + bRowStride, b3 = b2 + bRowStride;
                int c0 = ci + j;
                DoubleVector v0 = DoubleVector.zero(SPECIES), v1 = v0, v2 = v0, v3 = v0;
                for (int p = 0; p < vectorDepth; p += LANES) {
                    // v[q] += A[i][p .. p+L) * B[j+q][p .. p+L)
                    DoubleVector ap = DoubleVector.fromArray(SPECIES, a, a0 + p);
                    v0 = ap.fma(DoubleVector.fromArray(SPECIES, b, b0 + p), v0);
                    v1 = ap.fma(DoubleVector.fromArray(SPECIES, b, b1 + p), v1);
                    v2 = ap.fma(DoubleVector.fromArray(SPECIES, b, b2 + p), v2);
                    v3 = ap.fma(DoubleVector.fromArray(SPECIES, b, b3 + p), v3);
                }
                double s0 = v0.reduceLanes(VectorOperators.ADD), s1 = v1.reduceLanes(VectorOperators.ADD);
                double s2 = v2.reduceLanes(VectorOperators.ADD), s3 = v3.reduceLanes(VectorOperators.ADD);
                for (int p = vectorDepth; p < k; p++) {
                    // s[q] += A[i][p] * B[j+q][p]
                    double ap = a[a0 + p];
                    s0 += ap * b[b0 + p]; s1 += ap * b[b1 + p]; s2 += ap * b[b2 + p]; s3 += ap * b[b3 + p];
                }
                if (accumulate) {
                    s0 += c[c0]; s1 += c[c0 + 1]; s2 += c[c0 + 2]; s3 += c[c0 + 3];
                }
                c[c0] = s0; c[c0 + 1] = s1; c[c0 + 2] = s2; c[c0 + 3] = s3;
            }
            for (int j = blockedColumns; j < n; j++) {
                // C[i][j] (+)= A[i][0..k) · B[j][0..k)
                int b0 = bOffset + j * bRowStride;
                DoubleVector v = DoubleVector.zero(SPECIES);
                for (int p = 0; p < vectorDepth; p += LANES) {
                    v = DoubleVector.fromArray(SPECIES, a, a0 + p).fma(DoubleVector.fromArray(SPECIES, b, b0 + p), v);
                }
                double sum = v.reduceLanes(VectorOperators.ADD);
                for (int p = vectorDepth; p < k; p++) {
                    sum += a[a0 + p] * b[b0 + p];
                }
                c[ci + j] = accumulate ? c[ci + j] + sum : sum;
            }
        }
    }
}
