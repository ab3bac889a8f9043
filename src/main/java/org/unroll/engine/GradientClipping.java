package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/** torch.nn.utils.clip_grad_norm_: scale all gradients together when their global norm is too large. */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * If ‖g‖₂ (over every parameter together) exceeds {@code maxNorm}, g ← g · maxNorm / (‖g‖₂ + 1e−6).
     * Modifies {@code grads}; returns the norm before clipping.
     */
    public static double clipByGlobalNorm(Params grads, double maxNorm) {
        double norm = grads.globalNorm();
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1) {
            for (DMatrixRMaj g : grads.all()) {
                for (int i = 0; i < g.getNumElements(); i++) {
                    g.data[i] *= coef;
                }
            }
        }
        return norm;
    }
}
