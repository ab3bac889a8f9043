package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.unroll.engine.kernel.Gemm;

/**
 * One block of rows of P_k = ∂s_T/∂s_k = J_{T−1} · … · J_k for one sequence, accumulated
 * backward from P_T = I by P_{k−1} = P_k J_{k−1}, and the spectral norm of its diagonal block
 * at every k. The rows of P evolve independently (row i of P_{k−1} is row i of P_k times
 * J_{k−1}), so the h rows and the c rows of an LSTM are two separate products, run on two
 * threads, each with its own buffers.
 *
 * <p>The rows are kept as 2^e · Q with max |Q_ij| near 1 (powers of two scale exactly), so a
 * product far beyond the range of a double keeps its digits; a norm is +∞ only when the
 * norm itself is beyond 1.8e308, and 0 only when it is below the smallest double.
 */
final class JacobianProduct {
    /** J_k = ∂s_{k+1}/∂s_k of one sequence, written into an S × S matrix. */
    @FunctionalInterface
    interface Steps {
        void jacobian(int k, DMatrixRMaj out);
    }

    private final Steps jacobians;
    private final int steps;
    private final int from;
    private final int hs;
    private final int s;

    /** The H rows of P starting at state row {@code from} (0 for h, H for an LSTM's c). */
    JacobianProduct(Bptt bptt, int b, int from) {
        this((k, out) -> bptt.stateJacobian(k, b, out), bptt.tape().steps, bptt.tape().hiddenSize,
                bptt.stateSize(), from);
    }

    /**
     * The same over {@code steps} Jacobians of any source (one layer and direction of a
     * stacked network: k in that direction's own order), states of size {@code stateSize}.
     */
    JacobianProduct(Steps jacobians, int steps, int hiddenSize, int stateSize, int from) {
        this.jacobians = jacobians;
        this.steps = steps;
        this.from = from;
        this.hs = hiddenSize;
        this.s = stateSize;
    }

    /** ‖P_k[rows, the same columns]‖₂ for k = 0 … T. */
    double[] norms() {
        return norms(() -> false);
    }

    /**
     * As {@link #norms()}, asking {@code stop} before each step's product: when it answers true the
     * product ends with a {@link java.util.concurrent.CancellationException} (a newer walk is shown).
     */
    double[] norms(java.util.function.BooleanSupplier stop) {
        double[] out = new double[steps + 1];
        // Q = rows [from, from + H) of the identity
        DMatrixRMaj q = new DMatrixRMaj(hs, s);
        for (int i = 0; i < hs; i++) {
            q.data[i * s + from + i] = 1.0;
        }
        long e = 0;
        DMatrixRMaj jacobian = new DMatrixRMaj(s, s);
        DMatrixRMaj next = new DMatrixRMaj(hs, s);
        boolean split = s == 2 * hs;
        DMatrixRMaj hColumns = split ? new DMatrixRMaj(s, hs) : null;
        DMatrixRMaj hProduct = split ? new DMatrixRMaj(hs, hs) : null;
        SpectralNorm norm = new SpectralNorm(hs, hs);
        for (int k = steps; k >= 0; k--) {
            if (stop.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("Jacobian norms stopped at step " + k);
            }
            if (k < steps) {
                jacobians.jacobian(k, jacobian);
                e += rescale(jacobian);
                if (split && diagonalStateColumns(jacobian)) {
                    timesDiagonalStateColumns(q, jacobian, hColumns, hProduct, next);
                } else {
                    Gemm.mult(q, jacobian, next);
                }
                DMatrixRMaj swap = q;
                q = next;
                next = swap;
                e += rescale(q);
            }
            out[k] = times2(norm.block(q.data, from, s), e);
        }
        return out;
    }

    /** True when J's c columns are diagonal in each half: J[r, H + c] = 0 unless c = r mod H (every LSTM). */
    private boolean diagonalStateColumns(DMatrixRMaj j) {
        for (int r = 0; r < s; r++) {
            int row = r * s;
            int diagonal = hs + r % hs;
            for (int c = hs; c < s; c++) {
                if (c != diagonal && j.data[row + c] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * out = Q·J for an LSTM's J = [[∂h/∂h, diag(a)], [∂c/∂h, diag(f)]]: only the h columns are
     * dense, so out = [Q·J[:, h], Q_h diag(a) + Q_c diag(f)], half the work of a dense product.
     */
    private void timesDiagonalStateColumns(DMatrixRMaj q, DMatrixRMaj j, DMatrixRMaj hColumns, DMatrixRMaj product,
                                           DMatrixRMaj out) {
        for (int r = 0; r < s; r++) {
            System.arraycopy(j.data, r * s, hColumns.data, r * hs, hs);
        }
        // the h columns: Q · J[:, 0..H)
        Gemm.mult(q, hColumns, product);
        for (int i = 0; i < q.numRows; i++) {
            System.arraycopy(product.data, i * hs, out.data, i * s, hs);
        }
        // the c columns: (Q J)[i, H + r] = Q[i, r] a_r + Q[i, H + r] f_r
        for (int i = 0; i < q.numRows; i++) {
            int row = i * s;
            for (int r = 0; r < hs; r++) {
                double a = j.data[r * s + hs + r];
                double f = j.data[(hs + r) * s + hs + r];
                out.data[row + hs + r] = q.data[row + r] * a + q.data[row + hs + r] * f;
            }
        }
    }

    /**
     * Divides m by the power of two at or below its largest magnitude and returns that
     * exponent (0 for a zero or non-finite matrix, which is left as it is).
     */
    private static int rescale(DMatrixRMaj m) {
        double largest = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            largest = Math.max(largest, Math.abs(m.data[i]));
        }
        if (largest == 0 || !Double.isFinite(largest)) {
            return 0;
        }
        int e = Math.getExponent(largest);
        if (e != 0) {
            CommonOps_DDRM.scale(Math.scalb(1.0, -e), m);
        }
        return e;
    }

    /** x · 2^e: +∞ or 0 where that leaves the range of a double. */
    private static double times2(double x, long e) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        return Math.scalb(x, (int) Math.max(-4000, Math.min(4000, e)));
    }
}
