package org.unroll.train;

import org.unroll.engine.Model;
import org.unroll.engine.StackedModel;

/**
 * A training run as bptt-train/1 writes it down.
 *
 * @param network   the initial network, L layers and D directions (its parameters are copied when a run starts)
 * @param data      B streams of N steps
 * @param numSteps  the truncation window k (N for one window over the whole stream)
 * @param stateful  a window starts from the previous window's final state (detached), else from zeros
 * @param epochs    passes over the data, each starting from zeros
 * @param optimizer the optimizer
 * @param clipNorm  clip_grad_norm_'s max_norm, or 0 for no clipping
 * @param reduction mean or sum over the (stream, step) pairs with a target
 */
public record TrainSpec(StackedModel network, TrainData data, int numSteps, boolean stateful, int epochs,
                        OptimizerSpec optimizer, double clipNorm, Reduction reduction) {
    public TrainSpec {
        if (numSteps < 1) {
            throw new IllegalArgumentException("num_steps must be at least 1, got " + numSteps);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (clipNorm < 0 || Double.isNaN(clipNorm) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("clip_norm must be a positive finite number, got " + clipNorm);
        }
        if (data.inputSize() != network.inputSize()) {
            throw new IllegalArgumentException("the data has " + data.inputSize() + " inputs per step, the model takes "
                    + network.inputSize());
        }
    }

    /** A run of a one-layer, one-direction model (the network shares its tensors). */
    public TrainSpec(Model model, TrainData data, int numSteps, boolean stateful, int epochs,
                     OptimizerSpec optimizer, double clipNorm, Reduction reduction) {
        this(StackedModel.of(model), data, numSteps, stateful, epochs, optimizer, clipNorm, reduction);
    }

    /** The same run of another network (same sizes of input and output). */
    public TrainSpec withNetwork(StackedModel other) {
        return new TrainSpec(other, data, numSteps, stateful, epochs, optimizer, clipNorm, reduction);
    }

    /** Whether the network has one layer and one direction, the model {@link #model()} returns. */
    public boolean isSingle() {
        return network.isSingle();
    }

    /** The one-layer, one-direction model (shares the network's tensors); only when {@link #isSingle()}. */
    public Model model() {
        return network.single();
    }

    /** Windows per epoch: ⌈N / k⌉, the last one shorter when k does not divide N. */
    public int windows() {
        return (data.length() + numSteps - 1) / numSteps;
    }

    /** The first step of window w. */
    public int windowStart(int w) {
        return w * numSteps;
    }

    /** The length of window w. */
    public int windowLength(int w) {
        return Math.min(numSteps, data.length() - w * numSteps);
    }
}
