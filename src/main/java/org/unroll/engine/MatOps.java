package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.kernel.Elementwise;

/**
 * Element-wise helpers on blocks of rows (the products are in {@link org.unroll.engine.kernel.Gemm}, the loops in
 * {@link Elementwise}).
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
        Elementwise.addRowVector(v.data, c.data, cRow * n, rows, n);
    }

    /** out[from + i] = a[from + i] + b[from + i] for i &lt; n. */
    public static void sum(double[] a, double[] b, double[] out, int from, int n) {
        Elementwise.sum(a, from, b, from, out, from, n);
    }

    /** v += Σ_r A[aRow + r]: the column sums of a block of rows (a bias gradient). */
    public static void addColumnSums(DMatrixRMaj a, int aRow, int rows, DMatrixRMaj v) {
        int n = a.numCols;
        requireCols(v, n, "v");
        Elementwise.addColumnSums(a.data, aRow * n, rows, n, v.data);
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
