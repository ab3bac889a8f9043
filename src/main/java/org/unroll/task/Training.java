package org.unroll.task;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.LossType;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.train.OptimizerSpec;
import org.unroll.train.Reduction;
import org.unroll.train.StreamData;
import org.unroll.train.TrainSpec;
import org.unroll.train.TrainingRun;
import org.unroll.train.Update;

/**
 * Training a lesson's model on its own sequence before the walk shows it: the sequence's T
 * steps cut into B streams of ⌊T/B⌋ steps (d2l's sequential partitioning; a remainder is
 * left out), truncated BPTT over windows of {@code numSteps}, the loss summed, and
 * {@code updates} optimizer steps. Deterministic: the same setup gives the same trained
 * weights (one thread, no randomness beyond the setup's seed).
 *
 * @param optimizer sgd, momentum or adam
 * @param lr        the learning rate
 * @param clip      clip_grad_norm_'s max_norm, 0 for none
 * @param updates   how many optimizer steps, 1 … 100,000
 * @param batch     B, the streams the sequence is cut into
 * @param numSteps  the truncation window, 0 for the whole stream
 * @param stateful  a window starts from the previous window's final state (detached), else zeros
 * @param window    the walk shows the last update's window as the training met it (the weights
 *                  before that update, stream 1's steps of that window, its initial state: the
 *                  carried one when stateful) instead of the whole sequence with the trained weights
 */
public record Training(String optimizer, double lr, double clip, int updates, int batch, int numSteps,
                       boolean stateful, boolean window) {
    public static final int MAX_UPDATES = 100_000;

    /** The walk shows the whole sequence with the trained weights. */
    public Training(String optimizer, double lr, double clip, int updates, int batch, int numSteps, boolean stateful) {
        this(optimizer, lr, clip, updates, batch, numSteps, stateful, false);
    }

    public Training {
        OptimizerSpec check = spec(optimizer, lr);
        if (check == null || !(clip >= 0) || !Double.isFinite(clip)) {
            throw new IllegalArgumentException("clip must be 0 (none) or a positive number, got " + clip);
        }
        if (updates < 1 || updates > MAX_UPDATES) {
            throw new IllegalArgumentException("updates must be between 1 and " + MAX_UPDATES + ", got " + updates);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        if (numSteps < 0) {
            throw new IllegalArgumentException("num_steps must be at least 1 (or 0 for the whole stream), got " + numSteps);
        }
    }

    private static OptimizerSpec spec(String name, double lr) {
        return switch (name) {
            case OptimizerSpec.SGD -> OptimizerSpec.sgd(lr);
            case OptimizerSpec.MOMENTUM -> OptimizerSpec.momentum(lr, 0.9);
            case OptimizerSpec.ADAM -> OptimizerSpec.adam(lr);
            default -> throw new IllegalArgumentException("unknown optimizer \"" + name + "\" (expected sgd, momentum or adam)");
        };
    }

    /** The run this training makes of {@code model} on {@code seq} (its first sequence). */
    public TrainSpec spec(Model model, SequenceBatch seq) {
        int t = seq.steps();
        int len = t / batch;
        if (len < 1) {
            throw new IllegalArgumentException("batch " + batch + " cuts the " + t + " steps into streams of no step");
        }
        int in = seq.inputSize();
        int b0 = seq.batch();
        DMatrixRMaj x = new DMatrixRMaj(batch * len, in);
        boolean mse = seq.loss() == LossType.MSE;
        int out = mse ? seq.vectorTargets().numCols : 0;
        DMatrixRMaj y = mse ? new DMatrixRMaj(batch * len, out) : null;
        int[] classes = mse ? null : new int[batch * len];
        boolean[] has = new boolean[batch * len];
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < len; s++) {
                int src = (b * len + s) * b0;
                int dst = s * batch + b;
                for (int j = 0; j < in; j++) {
                    x.set(dst, j, seq.inputs().get(src, j));
                }
                if (mse) {
                    has[dst] = seq.hasTarget(src);
                    for (int j = 0; j < out; j++) {
                        y.set(dst, j, seq.vectorTargets().get(src, j));
                    }
                } else {
                    classes[dst] = seq.hasTarget(src) ? seq.classTarget(src) : -1;
                }
            }
        }
        StreamData data = mse ? StreamData.regression(batch, len, x, y, has) : StreamData.classification(batch, len, x, classes);
        int k = numSteps == 0 ? len : Math.min(numSteps, len);
        TrainSpec once = new TrainSpec(model, data, k, stateful, 1, spec(optimizer, lr), clip, Reduction.SUM);
        int perEpoch;
        try (TrainingRun probe = new TrainingRun(once, 1)) {
            perEpoch = probe.plannedUpdates();
        }
        if (perEpoch == 0) {
            throw new IllegalArgumentException("the sequence has no target to train on");
        }
        int epochs = (updates + perEpoch - 1) / perEpoch;
        return new TrainSpec(model, data, k, stateful, epochs, spec(optimizer, lr), clip, Reduction.SUM);
    }

    /**
     * T of the walk this training shows for a sequence of {@code steps} steps: the whole of it,
     * or with {@link #window()} the length of the last update's window.
     */
    public int shownSteps(int steps) {
        if (!window) {
            return steps;
        }
        int len = steps / batch;
        if (len < 1) {
            return steps;
        }
        int k = numSteps == 0 ? len : Math.min(numSteps, len);
        int windows = (len + k - 1) / k;
        int w = (updates - 1) % windows;
        return Math.min(k, len - w * k);
    }

    /** Trains a copy of {@code model} on {@code seq}; the model given is not changed. */
    public Result train(Model model, SequenceBatch seq) {
        return train(model, seq, p -> { });
    }

    /**
     * As {@link #train(Model, SequenceBatch)}, telling {@code progress} after every update how far
     * it is. The listener stops the training by throwing (a
     * {@link java.util.concurrent.CancellationException} when the result is no longer wanted):
     * the exception leaves this method at once, after the update in hand.
     */
    public Result train(Model model, SequenceBatch seq, java.util.function.Consumer<Progress> progress) {
        try (TrainingRun run = new TrainingRun(spec(model, seq), 1)) {
            Update first = null;
            Update last = null;
            Update u;
            while (run.updates().size() < updates && (u = run.step()) != null) {
                if (u.diverged()) {
                    throw new IllegalArgumentException("training diverged at update " + (u.index() + 1)
                            + ": the loss or gradient is not finite (lower the rate or clip)");
                }
                if (first == null) {
                    first = u;
                }
                last = u;
                progress.accept(new Progress(run.updates().size(), updates, u.loss()));
            }
            return new Result(run.model().withParams(run.model().params().copy()), first, last, run.snapshot());
        }
    }

    /**
     * How far a training is: {@code done} of {@code total} updates, and the loss of the last one
     * (its window's, before its step).
     */
    public record Progress(int done, int total, double loss) {
        /** done / total, 0 … 1. */
        public double fraction() {
            return total == 0 ? 0 : (double) done / total;
        }
    }

    /**
     * A trained model, with its first and last update.
     *
     * @param model  the trained model
     * @param first  the first update (its loss is the untrained model's on that window)
     * @param last   the last update (its loss is before that update's step)
     * @param window the last update's window as the training met it (weights before it, initial state), or null
     */
    public record Result(Model model, Update first, Update last, org.unroll.train.Snapshot window) {
    }

    /** As the lesson format writes it. */
    public String describe() {
        return String.format(Locale.ROOT, "optimizer=%s lr=%s clip=%s updates=%d batch=%d num_steps=%d stateful=%s",
                optimizer, lr, clip, updates, batch, numSteps, stateful) + (window ? " show=window" : "");
    }
}
