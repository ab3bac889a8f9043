package org.unroll.engine.kernel;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The shape-checked products of {@link Gemm} on one given {@link MatrixKernel}, so that tests can run each kernel.
 * Row ranges address rows {@code [row0, row0 + rows)} of a matrix directly in its data array.
 */
final class Multiplier {

    /** Per-thread buffer holding Bᵀ for the A·Bᵀ products; it only grows, so steady state allocates nothing. */
    private static final ThreadLocal<double[]> TRANSPOSE_BUFFER = ThreadLocal.withInitial(() -> new double[0]);

    private static final int TRANSPOSE_ROWS = 8;

    /** From this many rows of A on, A·Bᵀ transposes B and runs the blocked product; below, it takes dot products. */
    private static final int TRANSPOSE_MIN_ROWS = 4;

    /**
     * Outputs narrower than this many columns (the output layer's O, the input's I) leave the vector kernel only a
     * scalar tail; those products are turned around so that the long dimension runs along the vectors.
     */
    private static final int NARROW_COLUMNS = 8;

    /** Per-thread buffer holding Cᵀ for the narrow Aᵀ·B products; it only grows. */
    private static final ThreadLocal<double[]> NARROW_BUFFER = ThreadLocal.withInitial(() -> new double[0]);

    /** Per-thread scratch of the packed products (A's rows depth-major); it only grows. */
    private static final ThreadLocal<double[]> PACK_SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

    private final MatrixKernel kernel;

    Multiplier(MatrixKernel kernel) {
        this.kernel = kernel;
    }

    /** C[cRow0 + r] (+)= A[aRow0 + r] · Bᵀ for r &lt; rows. */
    void timesTransposed(DMatrixRMaj a, int aRow0, int rows, DMatrixRMaj b, DMatrixRMaj c, int cRow0,
                         boolean accumulate) {
        requireDistinct(a, b, c);
        requireRows("A", a, aRow0, rows);
        requireRows("C", c, cRow0, rows);
        requireEqual("A.numCols", a.numCols, "B.numCols", b.numCols);
        requireEqual("C.numCols", c.numCols, "B.numRows", b.numRows);
        int n = b.numRows;
        int k = b.numCols;
        if ((rows < TRANSPOSE_MIN_ROWS || n < NARROW_COLUMNS) && k > 0) {
            kernel.dotProducts(a.data, aRow0 * k, k, b.data, 0, k, c.data, cRow0 * n, n, rows, n, k, accumulate);
        } else {
            double[] bt = transpose(b);
            run(a.data, aRow0 * k, k, 1, bt, 0, n, c.data, cRow0 * n, n, rows, n, k, accumulate);
        }
    }

    /** C[cRow0 + r] (+)= A[aRow0 + r] · B for r &lt; rows. */
    void times(DMatrixRMaj a, int aRow0, int rows, DMatrixRMaj b, DMatrixRMaj c, int cRow0, boolean accumulate) {
        requireDistinct(a, b, c);
        requireRows("A", a, aRow0, rows);
        requireRows("C", c, cRow0, rows);
        requireEqual("A.numCols", a.numCols, "B.numRows", b.numRows);
        requireEqual("C.numCols", c.numCols, "B.numCols", b.numCols);
        int n = b.numCols;
        int k = b.numRows;
        if (n < NARROW_COLUMNS && k > 0 && rows > 0) {
            // a narrow B (e.g. W_outᵀ, H × O): dot products of A's rows with B's columns, read from Bᵀ
            double[] bt = transpose(b.data, k, n);
            kernel.dotProducts(a.data, aRow0 * k, k, bt, 0, k, c.data, cRow0 * n, n, rows, n, k, accumulate);
            return;
        }
        run(a.data, aRow0 * k, k, 1, b.data, 0, n, c.data, cRow0 * n, n, rows, n, k, accumulate);
    }

    /** An empty pack of a k × n operand in this kernel's layout. */
    PackedMatrix packed(int k, int n) {
        return new PackedMatrix(k, n, kernel.packedWidth());
    }

    /** Packs B (k × n) into {@code into}, or Bᵀ when {@code transposed} (B is then n × k). */
    void pack(DMatrixRMaj b, boolean transposed, PackedMatrix into) {
        requireMine(into);
        int k = transposed ? b.numCols : b.numRows;
        int n = transposed ? b.numRows : b.numCols;
        if (into.rows != k || into.cols != n) {
            throw new IllegalArgumentException("a " + k + " × " + n + " operand does not fit a pack of "
                    + into.rows + " × " + into.cols);
        }
        if (transposed) {
            into.fill(b.data, 1, b.numCols);
        } else {
            into.fill(b.data, b.numCols, 1);
        }
    }

    /**
     * C[cRow0 + r] (+)= A[aRow0 + r] · B for r &lt; rows, B packed, then + v on each of those rows when {@code bias}
     * (1 × n) is not null.
     */
    void times(DMatrixRMaj a, int aRow0, int rows, PackedMatrix b, DMatrixRMaj bias, DMatrixRMaj c, int cRow0,
               boolean accumulate) {
        requireMine(b);
        if (c == a || c == bias) {
            throw new IllegalArgumentException("C must be a different matrix from A and the bias");
        }
        requireRows("A", a, aRow0, rows);
        requireRows("C", c, cRow0, rows);
        requireEqual("A.numCols", a.numCols, "B.numRows", b.rows);
        requireEqual("C.numCols", c.numCols, "B.numCols", b.cols);
        if (bias != null) {
            requireEqual("bias.numCols", bias.numCols, "B.numCols", b.cols);
        }
        int n = b.cols;
        int k = b.rows;
        if (rows == 0 || n == 0) {
            return;
        }
        double[] v = bias == null ? null : bias.data;
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c.data, cRow0 * n, (cRow0 + rows) * n, 0.0);
            }
            addBias(v, c.data, cRow0 * n, rows, n);
            return;
        }
        if (n < NARROW_COLUMNS && b.panelColumns == 0) {
            // narrow and no panel (W > n): the pack is B row-major, and this is the plain product's dot products
            double[] bt = transpose(b.data, k, n);
            kernel.dotProducts(a.data, aRow0 * k, k, bt, 0, k, c.data, cRow0 * n, n, rows, n, k, accumulate);
            addBias(v, c.data, cRow0 * n, rows, n);
            return;
        }
        double[] scratch = PACK_SCRATCH.get();
        int need = kernel.packedScratch(k);
        if (scratch.length < need) {
            scratch = new double[need];
            PACK_SCRATCH.set(scratch);
        }
        kernel.packedProduct(a.data, aRow0 * k, k, b, v, c.data, cRow0 * n, n, rows, accumulate, scratch);
    }

    /** c[offset + r·n + j] = c[…] + v[j], as {@link Elementwise#addRowVector} adds a bias; nothing when v is null. */
    private static void addBias(double[] v, double[] c, int offset, int rows, int n) {
        if (v != null) {
            Elementwise.addRowVector(v, c, offset, rows, n);
        }
    }

    private void requireMine(PackedMatrix b) {
        if (b.width != kernel.packedWidth()) {
            throw new IllegalArgumentException("the operand was packed for another kernel");
        }
    }

    /** C += A[aRow0 .. aRow0+rows)ᵀ · B[bRow0 .. bRow0+rows). */
    void transposedTimesAdd(DMatrixRMaj a, int aRow0, int rows, DMatrixRMaj b, int bRow0, DMatrixRMaj c) {
        requireDistinct(a, b, c);
        requireRows("A", a, aRow0, rows);
        requireRows("B", b, bRow0, rows);
        requireEqual("C.numRows", c.numRows, "A.numCols", a.numCols);
        requireEqual("C.numCols", c.numCols, "B.numCols", b.numCols);
        int m = a.numCols;
        int n = b.numCols;
        if (n < NARROW_COLUMNS && m > n && rows > 0) {
            narrowTransposedTimesAdd(a.data, aRow0 * m, m, b.data, bRow0 * n, n, c.data, rows);
            return;
        }
        run(a.data, aRow0 * m, 1, m, b.data, bRow0 * n, n, c.data, 0, n, m, n, rows, true);
    }

    /**
     * C (m × n, n narrow) += Aᵀ·B as Cᵀ = Bᵀ·A: the kernel then runs along A's m columns in vectors
     * (e.g. dW_ih += dAᵀ·x with n = I = 2) instead of taking m·n strided scalar dot products.
     */
    private void narrowTransposedTimesAdd(double[] a, int aOffset, int m, double[] b, int bOffset, int n,
                                          double[] c, int rows) {
        double[] ct = NARROW_BUFFER.get();
        if (ct.length < n * m) {
            ct = new double[n * m];
            NARROW_BUFFER.set(ct);
        }
        // Cᵀ[j][i] = Σ_r B[r][j] · A[r][i]
        kernel.product(b, bOffset, 1, n, a, aOffset, m, ct, 0, m, n, m, rows, false);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                // C[i][j] += Cᵀ[j][i]
                c[i * n + j] += ct[j * m + i];
            }
        }
    }

    private void run(double[] a, int aOffset, int aRowStride, int aDepthStride,
                     double[] b, int bOffset, int bRowStride,
                     double[] c, int cOffset, int cRowStride,
                     int m, int n, int k, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c, cOffset, cOffset + m * cRowStride, 0.0);
            }
            return;
        }
        kernel.product(a, aOffset, aRowStride, aDepthStride, b, bOffset, bRowStride,
                c, cOffset, cRowStride, m, n, k, accumulate);
    }

    /**
     * Bᵀ (k × n, row-major) for B (n × k), written into this thread's buffer. Rows of B are taken
     * {@value #TRANSPOSE_ROWS} at a time so that each write fills one contiguous run of Bᵀ.
     */
    private static double[] transpose(DMatrixRMaj b) {
        return transpose(b.data, b.numRows, b.numCols);
    }

    /** The transpose (k × n) of the n × k row-major matrix in {@code src}, in this thread's buffer. */
    private static double[] transpose(double[] src, int n, int k) {
        double[] bt = TRANSPOSE_BUFFER.get();
        if (bt.length < n * k) {
            bt = new double[n * k];
            TRANSPOSE_BUFFER.set(bt);
        }
        for (int j0 = 0; j0 < n; j0 += TRANSPOSE_ROWS) {
            int j1 = Math.min(n, j0 + TRANSPOSE_ROWS);
            for (int p = 0; p < k; p++) {
                int row = p * n;
                for (int j = j0; j < j1; j++) {
                    // Bᵀ[p][j] = B[j][p]
                    bt[row + j] = src[j * k + p];
                }
            }
        }
        return bt;
    }

    private static void requireDistinct(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (c == a || c == b) {
            throw new IllegalArgumentException("C must be a different matrix from A and B");
        }
    }

    private static void requireRows(String name, DMatrixRMaj matrix, int row0, int rows) {
        if (row0 < 0 || rows < 0 || row0 + rows > matrix.numRows) {
            throw new IllegalArgumentException(name + " has " + matrix.numRows + " rows; rows ["
                    + row0 + ", " + (row0 + rows) + ") are out of range");
        }
    }

    private static void requireEqual(String leftName, int left, String rightName, int right) {
        if (left != right) {
            throw new IllegalArgumentException(leftName + " = " + left + " must equal " + rightName + " = " + right);
        }
    }
}
