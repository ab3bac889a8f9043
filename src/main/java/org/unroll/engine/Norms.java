package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Euclidean norms that overflow only when the norm itself does: the one place in Unroll where
 * a vector or Frobenius norm is taken. A plain Σ x² overflows once an entry passes about
 * 1.3e154 although the norm may be far below the largest double; here every entry is divided
 * by the largest magnitude first, as LAPACK's dnrm2 and {@link Math#hypot} do.
 *
 * <p>Any NaN entry gives NaN; otherwise an infinite entry gives +∞.
 */
public final class Norms {
    private Norms() {
    }

    /** ‖a[from .. to)‖₂. */
    public static double euclidean(double[] a, int from, int to) {
        double largest = 0;
        boolean infinite = false;
        for (int i = from; i < to; i++) {
            double v = Math.abs(a[i]);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            if (v == Double.POSITIVE_INFINITY) {
                infinite = true;
            } else if (v > largest) {
                largest = v;
            }
        }
        if (infinite) {
            return Double.POSITIVE_INFINITY;
        }
        if (largest == 0) {
            return 0;
        }
        // ‖a‖ = m · √(Σ (a_i / m)²) with m = max |a_i|, so every square is at most 1
        double inv = 1.0 / largest;
        if (Double.isInfinite(inv)) {
            // m is subnormal: scale by a power of two instead, exactly
            return Math.scalb(euclidean(scaled(a, from, to, 0x1p600), 0, to - from), -600);
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            double v = a[i] * inv;
            s += v * v;
        }
        return largest * Math.sqrt(s);
    }

    private static double[] scaled(double[] a, int from, int to, double factor) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = a[i] * factor;
        }
        return out;
    }

    /** ‖v‖₂ of a whole array. */
    public static double euclidean(double[] v) {
        return euclidean(v, 0, v.length);
    }

    /** ‖A‖_F, every entry of the matrix. */
    public static double frobenius(DMatrixRMaj a) {
        return euclidean(a.data, 0, a.getNumElements());
    }

    /** ‖A[aRow .. aRow + rows)‖_F, a block of whole rows. */
    public static double rows(DMatrixRMaj a, int aRow, int rows) {
        return euclidean(a.data, aRow * a.numCols, (aRow + rows) * a.numCols);
    }

    /** The Euclidean norm of several matrices taken together, as one long vector. */
    public static double combined(Iterable<DMatrixRMaj> parts) {
        // ‖(a, b, …)‖ = hypot-style combination of the parts' norms, each already scaled
        double largest = 0;
        java.util.List<Double> norms = new java.util.ArrayList<>();
        for (DMatrixRMaj m : parts) {
            double n = frobenius(m);
            if (Double.isNaN(n)) {
                return Double.NaN;
            }
            norms.add(n);
            largest = Math.max(largest, n);
        }
        if (largest == 0 || Double.isInfinite(largest)) {
            return largest;
        }
        double s = 0;
        for (double n : norms) {
            double r = n / largest;
            s += r * r;
        }
        return largest * Math.sqrt(s);
    }
}
