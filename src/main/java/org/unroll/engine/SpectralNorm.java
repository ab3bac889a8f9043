package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * ‖B‖₂, the largest singular value, of a block of a row-major matrix, by power iteration on
 * BᵀB: v ← Bᵀ(B v) / ‖Bᵀ(B v)‖, σ ≈ ‖B v‖. It cannot fail: the block is divided by its largest
 * magnitude first (so no product overflows), NaN entries give NaN, infinite entries +∞, and
 * a block whose iteration does not settle is decomposed exactly instead.
 *
 * <p>One instance keeps the last right singular vector and starts the next block from it
 * (a warm start): consecutive blocks of a Jacobian product have nearly the same direction,
 * so a few iterations suffice. An instance belongs to one thread.
 */
public final class SpectralNorm {
    /** The iteration stops when σ changes by less than this, relative. */
    private static final double TOLERANCE = 1e-13;
    private static final int MAX_ITERATIONS = 400;

    private final int rows;
    private final int cols;
    private final double[] v;
    private final double[] w;
    private final double[] u;
    private boolean warm;

    /** For blocks of {@code rows × cols}. */
    public SpectralNorm(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.v = new double[cols];
        this.w = new double[rows];
        this.u = new double[cols];
    }

    /**
     * ‖A‖₂ of a whole matrix to the last digits (the input is not modified): EJML's SVD of A
     * scaled by a power of two, or the power iteration where the decomposition fails.
     */
    public static double of(DMatrixRMaj a) {
        SpectralNorm iteration = new SpectralNorm(a.numRows, a.numCols);
        double largest = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            double x = Math.abs(a.data[i]);
            if (!(x < Double.POSITIVE_INFINITY)) {
                return Double.isNaN(x) ? Double.NaN : Double.POSITIVE_INFINITY;
            }
            largest = Math.max(largest, x);
        }
        if (largest == 0) {
            return 0;
        }
        int e = Math.getExponent(largest);
        double exact = iteration.exact(a.data, 0, a.numCols, Math.scalb(1.0, -e));
        return exact > 0 ? Math.scalb(exact, e) : iteration.block(a.data, 0, a.numCols);
    }

    /**
     * ‖B‖₂ of the rows × cols block of {@code a} that starts at {@code offset}, rows
     * {@code stride} apart.
     */
    public double block(double[] a, int offset, int stride) {
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double x = Math.abs(a[offset + i * stride + j]);
                if (Double.isNaN(x)) {
                    return Double.NaN;
                }
                largest = Math.max(largest, x);
            }
        }
        if (largest == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (largest == 0) {
            return 0;
        }
        // B = 2^e · S with max |S_ij| in [1, 2): powers of two scale exactly
        int e = Math.getExponent(largest);
        double scale = Math.scalb(1.0, -e);
        if (!warm) {
            for (int j = 0; j < cols; j++) {
                v[j] = 1.0 + 0.1 * Math.sin(j + 1.0);
            }
            normalise(v);
            warm = true;
        }
        double sigma = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            // w = S v,  σ ≈ ‖w‖ for a unit v
            for (int i = 0; i < rows; i++) {
                double s = 0;
                int r = offset + i * stride;
                for (int j = 0; j < cols; j++) {
                    s += a[r + j] * v[j];
                }
                w[i] = s * scale;
            }
            double next = Norms.euclidean(w);
            // v ← Sᵀ w / ‖Sᵀ w‖
            java.util.Arrays.fill(u, 0.0);
            for (int i = 0; i < rows; i++) {
                double wi = w[i] * scale;
                int r = offset + i * stride;
                for (int j = 0; j < cols; j++) {
                    u[j] += a[r + j] * wi;
                }
            }
            if (normalise(u) == 0) {
                // v fell into the null space (a rank-deficient warm start): restart from a spread vector
                for (int j = 0; j < cols; j++) {
                    v[j] = 1.0 + 0.1 * Math.sin(7.0 * j + 3.0);
                }
                normalise(v);
                continue;
            }
            System.arraycopy(u, 0, v, 0, cols);
            boolean settled = Math.abs(next - sigma) <= TOLERANCE * next;
            sigma = next;
            if (settled && it >= 2) {
                return Math.scalb(sigma, e);
            }
        }
        return Math.scalb(Math.max(sigma, exact(a, offset, stride, scale)), e);
    }

    /** σ_max of the scaled block by EJML's SVD, for the rare block the iteration does not settle on. */
    private double exact(double[] a, int offset, int stride, double scale) {
        DMatrixRMaj s = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                s.data[i * cols + j] = a[offset + i * stride + j] * scale;
            }
        }
        try {
            double sigma = NormOps_DDRM.inducedP2(s);
            return Double.isFinite(sigma) ? sigma : 0;
        } catch (RuntimeException decompositionFailed) {
            return 0;
        }
    }

    /** x ← x / ‖x‖; returns ‖x‖ (0 leaves x as it is). */
    private static double normalise(double[] x) {
        double n = Norms.euclidean(x);
        if (n > 0 && Double.isFinite(n)) {
            double inv = 1.0 / n;
            for (int j = 0; j < x.length; j++) {
                x[j] *= inv;
            }
        }
        return n;
    }
}
