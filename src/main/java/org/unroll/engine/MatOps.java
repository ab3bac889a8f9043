package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Element-wise helpers on blocks of rows (the products are in {@link org.unroll.engine.kernel.Gemm}).
 * The tape keeps each quantity of all T steps in one matrix, step t in rows [t·B, (t+1)·B),
 * so one call can serve one step (rows = B) or the whole sequence (rows = T·B). Output
 * argument last; nothing here allocates.
 */
public final class MatOps {
    private MatOps() {
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

    /** out[from + i] = a[from + i] + b[from + i] for i &lt; n. */
    public static void sum(double[] a, double[] b, double[] out, int from, int n) {
        for (int i = from; i < from + n; i++) {
            out[i] = a[i] + b[i];
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

    /** ‖A[aRow .. aRow+rows)‖_F, the Euclidean norm of a block of rows, without overflow ({@link Norms}). */
    public static double blockNorm(DMatrixRMaj a, int aRow, int rows) {
        return Norms.rows(a, aRow, rows);
    }

    private static void requireCols(DMatrixRMaj m, int cols, String name) {
        if (m.numCols != cols) {
            throw new IllegalArgumentException(name + " has " + m.numCols + " columns, expected " + cols);
        }
    }
}
