package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * How gradient travels back through time in one pass, for one sequence b of the batch:
 * ‖dL/dh_t‖ per step, the spectral norms ‖∂h_T/∂h_k‖₂ (and for LSTM ‖∂c_T/∂c_k‖₂) for
 * k = 0 … T, σ_max(W_hh), and the bound (γ·σ_max)^(T−k) that a plain RNN's Jacobian
 * product cannot exceed.
 *
 * @param dhNorms           T entries: ‖dL/dh_t‖ for t = 1 … T
 * @param jacobianNorms     T + 1 entries: ‖∂h_T/∂h_k‖₂ for k = 0 … T (c_k held fixed for LSTM)
 * @param cellJacobianNorms T + 1 entries ‖∂c_T/∂c_k‖₂ (h_k held fixed), or null when there is no cell state
 * @param sigmaMax          σ_max(W_hh), the largest singular value of the stacked recurrent weights
 * @param gamma             γ, the bound of the activation's derivative
 * @param bound             T + 1 entries: (γ·σ_max)^(T−k)
 */
public record GradientFlow(double[] dhNorms, double[] jacobianNorms, double[] cellJacobianNorms,
                           double sigmaMax, double gamma, double[] bound) {

    /** Reads the flow of sequence b from a pass whose backward is complete. */
    public static GradientFlow of(Bptt bptt, int b) {
        Tape tape = bptt.tape();
        int steps = tape.steps;
        int hs = tape.hiddenSize;
        double[] dh = new double[steps];
        for (int t = 0; t < steps; t++) {
            dh[t] = MatOps.blockNorm(tape.dh, tape.row(t) + b, 1);
        }
        int s = bptt.stateSize();
        boolean lstm = s == 2 * hs;
        double[] hNorms = new double[steps + 1];
        double[] cNorms = lstm ? new double[steps + 1] : null;
        // P_k = ∂s_T/∂s_k = J_{T−1} · … · J_k, built from k = T (the identity) down to 0
        DMatrixRMaj product = CommonOps_DDRM.identity(s);
        DMatrixRMaj jacobian = new DMatrixRMaj(s, s);
        DMatrixRMaj next = new DMatrixRMaj(s, s);
        DMatrixRMaj block = new DMatrixRMaj(hs, hs);
        for (int k = steps; k >= 0; k--) {
            if (k < steps) {
                bptt.stateJacobian(k, b, jacobian);
                CommonOps_DDRM.mult(product, jacobian, next);
                product.setTo(next);
            }
            CommonOps_DDRM.extract(product, 0, hs, 0, hs, block, 0, 0);
            hNorms[k] = spectralNorm(block);
            if (lstm) {
                CommonOps_DDRM.extract(product, hs, 2 * hs, hs, 2 * hs, block, 0, 0);
                cNorms[k] = spectralNorm(block);
            }
        }
        double sigma = spectralNorm(bptt.model().params().weightHh);
        double gamma = bptt.model().activation().derivativeBound();
        return new GradientFlow(dh, hNorms, cNorms, sigma, gamma, bound(gamma * sigma, steps));
    }

    /** (γσ)^(T−k) for k = 0 … T. */
    static double[] bound(double rate, int steps) {
        double[] out = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            out[k] = Math.pow(rate, steps - k);
        }
        return out;
    }

    /** ‖A‖₂, the largest singular value (the input is not modified). */
    public static double spectralNorm(DMatrixRMaj a) {
        for (int i = 0; i < a.getNumElements(); i++) {
            if (!Double.isFinite(a.data[i])) {
                return Double.isNaN(a.data[i]) ? Double.NaN : Double.POSITIVE_INFINITY;
            }
        }
        return NormOps_DDRM.inducedP2(a.copy());
    }
}
