package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Matrix products on blocks of rows. The tape keeps each quantity of all T steps in one
 * matrix, step t in rows [t·B, (t+1)·B), so one call can serve one step (rows = B) or the
 * whole sequence (rows = T·B). Output argument last; nothing here allocates.
 */
public final class MatOps {
    private MatOps() {
    }

    /** C[cRow + r] = A[aRow + r] · Bᵀ for r in [0, rows). A is ? × k, B is n × k, C is ? × n. */
    public static void multTransB(DMatrixRMaj a, int aRow, int rows, DMatrixRMaj b, DMatrixRMaj c, int cRow) {
        int k = a.numCols;
        int n = b.numRows;
        requireCols(b, k, "B");
        requireCols(c, n, "C");
        java.util.Arrays.fill(c.data, cRow * n, (cRow + rows) * n, 0.0);
        multAddTransB(a, aRow, rows, b, c, cRow);
    }

    /** C[cRow + r] += A[aRow + r] · Bᵀ for r in [0, rows). */
    public static void multAddTransB(DMatrixRMaj a, int aRow, int rows, DMatrixRMaj b, DMatrixRMaj c, int cRow) {
        int k = a.numCols;
        int n = b.numRows;
        requireCols(b, k, "B");
        requireCols(c, n, "C");
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        for (int r = 0; r < rows; r++) {
            int ai = (aRow + r) * k;
            int ci = (cRow + r) * n;
            for (int j = 0; j < n; j++) {
                int bj = j * k;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += ad[ai + p] * bd[bj + p];
                }
                cd[ci + j] += s;
            }
        }
    }

    /** C[cRow + r] += A[aRow + r] · B for r in [0, rows). A is ? × k, B is k × n, C is ? × n. */
    public static void multAdd(DMatrixRMaj a, int aRow, int rows, DMatrixRMaj b, DMatrixRMaj c, int cRow) {
        int k = a.numCols;
        int n = b.numCols;
        if (b.numRows != k) {
            throw new IllegalArgumentException("B has " + b.numRows + " rows, expected " + k);
        }
        requireCols(c, n, "C");
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        for (int r = 0; r < rows; r++) {
            int ai = (aRow + r) * k;
            int ci = (cRow + r) * n;
            for (int p = 0; p < k; p++) {
                double av = ad[ai + p];
                if (av == 0) {
                    continue;
                }
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    cd[ci + j] += av * bd[bp + j];
                }
            }
        }
    }

    /** C += A[aRow .. aRow+rows)ᵀ · B[bRow .. bRow+rows). A is ? × m, B is ? × n, C is m × n. */
    public static void multAddTransA(DMatrixRMaj a, int aRow, int rows, DMatrixRMaj b, int bRow, DMatrixRMaj c) {
        int m = a.numCols;
        int n = b.numCols;
        if (c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException("C is " + c.numRows + "x" + c.numCols + ", expected " + m + "x" + n);
        }
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        for (int r = 0; r < rows; r++) {
            int ai = (aRow + r) * m;
            int bi = (bRow + r) * n;
            for (int i = 0; i < m; i++) {
                double av = ad[ai + i];
                if (av == 0) {
                    continue;
                }
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    cd[ci + j] += av * bd[bi + j];
                }
            }
        }
    }

    /** C[cRow + r] += v for r in [0, rows); v is 1 × n. */
    public static void addRowVector(DMatrixRMaj v, DMatrixRMaj c, int cRow, int rows) {
        int n = c.numCols;
        requireCols(v, n, "v");
        for (int r = 0; r < rows; r++) {
            int ci = (cRow + r) * n;
            for (int j = 0; j < n; j++) {
                c.data[ci + j] += v.data[j];
            }
        }
    }

    /** v += Σ_r A[aRow + r]: the column sums of a block of rows (a bias gradient). */
    public static void addColumnSums(DMatrixRMaj a, int aRow, int rows, DMatrixRMaj v) {
        int n = a.numCols;
        requireCols(v, n, "v");
        for (int r = 0; r < rows; r++) {
            int ai = (aRow + r) * n;
            for (int j = 0; j < n; j++) {
                v.data[j] += a.data[ai + j];
            }
        }
    }

    /** ‖A[aRow .. aRow+rows)‖_F, the Euclidean norm of a block of rows. */
    public static double blockNorm(DMatrixRMaj a, int aRow, int rows) {
        double s = 0;
        int from = aRow * a.numCols;
        int to = (aRow + rows) * a.numCols;
        for (int i = from; i < to; i++) {
            s += a.data[i] * a.data[i];
        }
        return Math.sqrt(s);
    }

    private static void requireCols(DMatrixRMaj m, int cols, String name) {
        if (m.numCols != cols) {
            throw new IllegalArgumentException(name + " has " + m.numCols + " columns, expected " + cols);
        }
    }
}
