package org.unroll.train;

/**
 * What one update did.
 *
 * @param index        0-based number of the update in the run
 * @param epoch        0-based epoch
 * @param window       0-based window in the epoch
 * @param loss         the window's loss, reduced
 * @param gradNorm     ‖∇θ‖₂ over every parameter, before clipping
 * @param clippedNorm  the same after clipping (equal to gradNorm when clipping did not bite)
 * @param paramNorms   each parameter's gradient norm before clipping, in the network's name order (Params#NAMES for one layer and one direction, see TrainingRun#parameterNames)
 */
public record Update(int index, int epoch, int window, double loss, double gradNorm, double clippedNorm,
                     double[] paramNorms) {
    /** Whether the loss or the gradient is NaN or infinite. */
    public boolean diverged() {
        return !Double.isFinite(loss) || !Double.isFinite(gradNorm);
    }
}
