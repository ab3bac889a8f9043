package org.unroll.ui.training;

import java.util.List;
import org.unroll.engine.Norms;

/**
 * What the optimizer did in one update, tensor by tensor: the gradient it was given (reduced and
 * clipped), its running averages after the update, and the step Δθ it added to the parameters.
 * For Adam m and v are the first and second moments; for momentum m is the velocity buffer and v
 * is null; for SGD both are null (Δθ = −lr · g).
 *
 * @param optimizer "sgd", "momentum" or "adam"
 * @param t         1-based number of the optimizer's step (Adam's bias correction uses it)
 * @param tensors   one entry per parameter, in the network's name order
 */
public record OptimizerStep(String optimizer, int t, List<Tensor> tensors) {

    /**
     * One parameter's share of the step; every array is the tensor's entries in row-major order.
     *
     * @param name PyTorch's name of the tensor (weight_ih, weight_hh_l1, ...)
     */
    public record Tensor(String name, int rows, int cols, double[] g, double[] m, double[] v, double[] step) {
        /** ‖g‖₂. */
        public double gradNorm() {
            return Norms.euclidean(g);
        }

        /** ‖m‖₂, or NaN when the optimizer keeps none. */
        public double firstMomentNorm() {
            return m == null ? Double.NaN : Norms.euclidean(m);
        }

        /** ‖v‖₂, or NaN when the optimizer keeps none. */
        public double secondMomentNorm() {
            return v == null ? Double.NaN : Norms.euclidean(v);
        }

        /** ‖Δθ‖₂. */
        public double stepNorm() {
            return Norms.euclidean(step);
        }

        /** The entry whose step is largest in size (the first of equals). */
        public int largest() {
            int best = 0;
            for (int i = 1; i < step.length; i++) {
                if (Math.abs(step[i]) > Math.abs(step[best])) {
                    best = i;
                }
            }
            return best;
        }
    }

    /** The tensor called {@code name}, or null. */
    public Tensor tensor(String name) {
        for (Tensor x : tensors) {
            if (x.name().equals(name)) {
                return x;
            }
        }
        return null;
    }

    /** ‖Δθ‖₂ over every parameter. */
    public double stepNorm() {
        double s = 0;
        for (Tensor x : tensors) {
            double n = x.stepNorm();
            s += n * n;
        }
        return Math.sqrt(s);
    }
}
