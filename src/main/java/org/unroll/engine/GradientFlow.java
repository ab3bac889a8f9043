package org.unroll.engine;

import java.util.concurrent.CompletableFuture;
import org.ejml.data.DMatrixRMaj;

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

    /**
     * Reads the flow of sequence b from a pass whose backward is complete. Interrupting the calling
     * thread stops it within one step's product (both halves of an LSTM's) with a
     * {@link java.util.concurrent.CancellationException}.
     */
    public static GradientFlow of(Bptt bptt, int b) {
        Thread caller = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.BooleanSupplier stop = () -> stopped.get() || caller.isInterrupted();
        Tape tape = bptt.tape();
        int steps = tape.steps;
        int hs = tape.hiddenSize;
        double[] dh = new double[steps];
        for (int t = 0; t < steps; t++) {
            dh[t] = Norms.rows(tape.dh, tape.row(t) + b, 1);
        }
        boolean lstm = bptt.stateSize() == 2 * hs;
        double[] hNorms;
        double[] cNorms = null;
        if (lstm) {
            // the h rows here, the c rows on another thread: they do not depend on each other
            CompletableFuture<double[]> cells = CompletableFuture.supplyAsync(
                    () -> new JacobianProduct(bptt, b, hs).norms(stop));
            try {
                hNorms = new JacobianProduct(bptt, b, 0).norms(stop);
            } catch (RuntimeException | Error ex) {
                stopped.set(true); // the c rows stop too
                throw ex;
            }
            try {
                cNorms = cells.join();
            } catch (java.util.concurrent.CompletionException ex) {
                if (ex.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw ex;
            }
        } else {
            hNorms = new JacobianProduct(bptt, b, 0).norms(stop);
        }
        double sigma = SpectralNorm.of(bptt.model().params().weightHh);
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

    /** ‖A‖₂, the largest singular value (the input is not modified); see {@link SpectralNorm}. */
    public static double spectralNorm(DMatrixRMaj a) {
        return SpectralNorm.of(a);
    }
}
