package org.unroll.ui.training;

import org.unroll.engine.CellType;
import org.unroll.task.TaskOptions;
import org.unroll.task.TrainingTask;

/**
 * The training panel's choices, as a value: a run is built from it, and the same form builds
 * the same run again (every task is seeded), which is how an earlier update is replayed.
 * Options the task does not take are left out of the {@link TaskOptions}.
 *
 * @param clip      whether the gradient is clipped
 * @param threshold clip_grad_norm_'s max_norm when clipping
 * @param layers    stacked layers, num_layers (1 to {@link #MAX_LAYERS})
 */
public record TrainForm(TaskKind task, String text, CellType cell, int hidden, int batch, int numSteps,
                        boolean stateful, int length, int epochs, int iterations, String optimizer, double lr,
                        boolean clip, double threshold, long seed, int layers) {
    /** The most layers the panel offers. */
    public static final int MAX_LAYERS = 4;

    /** A form of one layer. */
    public TrainForm(TaskKind task, String text, CellType cell, int hidden, int batch, int numSteps,
                     boolean stateful, int length, int epochs, int iterations, String optimizer, double lr,
                     boolean clip, double threshold, long seed) {
        this(task, text, cell, hidden, batch, numSteps, stateful, length, epochs, iterations, optimizer, lr, clip,
                threshold, seed, 1);
    }

    /** jeep on an RNN with 8 hidden units, Adam 0.01, clipped at 1. */
    public static TrainForm defaults() {
        return new TrainForm(TaskKind.JEEP, "", CellType.RNN, 8, 1, 3, true, 60, 100, 1000, "adam", 0.01, true, 1.0, 0);
    }

    /** The form a task opens with: its usual cell, sizes and learning rate. */
    public static TrainForm defaultsFor(TaskKind k) {
        TrainForm d = defaults();
        return switch (k) {
            case JEEP -> d;
            case TEXT -> new TrainForm(k, "the quick brown fox jumps over the lazy dog. ", CellType.LSTM, 32, 4, 10,
                    true, 60, 200, 1000, "adam", 0.01, true, 1.0, 0);
            case REGRESS123 -> new TrainForm(k, "", CellType.RNN, 4, 1, 3, false, 3, 300, 1000, "adam", 0.05, false,
                    1.0, 0);
            case ADDING -> new TrainForm(k, "", CellType.LSTM, 32, 32, 60, false, 60, 1, 3000, "adam", 3e-3, true, 1.0,
                    0);
            case COPY -> new TrainForm(k, "", CellType.LSTM, 32, 32, 20, false, 10, 1, 1000, "adam", 0.01, true, 1.0, 0);
            case SINE -> new TrainForm(k, "", CellType.LSTM, 16, 8, 20, true, 200, 50, 1000, "adam", 0.01, true, 1.0, 0);
        };
    }

    /** The text the run learns (jeep for the jeep task), or null for the other tasks. */
    public String runText() {
        return task == TaskKind.JEEP ? "jeep" : task == TaskKind.TEXT ? text : null;
    }

    /** The command line's options for this form: only those the task takes. */
    public TaskOptions options() {
        boolean w = task.takesWindows();
        return new TaskOptions(cell.name().toLowerCase(java.util.Locale.ROOT), hidden,
                task.takesBatch() ? batch : null,
                w ? numSteps : null,
                w ? stateful : null,
                false,
                task.takesEpochs() ? epochs : null,
                task.takesIterations() ? iterations : null,
                optimizer, lr, clip ? threshold : 0.0, seed,
                task.takesLength() ? length : null,
                runText());
    }

    /**
     * The task, built (and checked: a bad choice throws IllegalArgumentException with one line);
     * with more than one layer, its network stacked as {@code unroll train --layers} stacks it.
     */
    public TrainingTask build() {
        if (!(threshold > 0) && clip) {
            throw new IllegalArgumentException("the clipping threshold must be a positive number");
        }
        if (layers < 1 || layers > MAX_LAYERS) {
            throw new IllegalArgumentException("layers must be between 1 and " + MAX_LAYERS + ", got " + layers);
        }
        TrainingTask t = TrainingTask.create(task.cliName(), options());
        return layers == 1 ? t : TrainingTask.stacked(t, layers, false, seed);
    }

    public TrainForm withLayers(int l) {
        return new TrainForm(task, text, cell, hidden, batch, numSteps, stateful, length, epochs, iterations, optimizer,
                lr, clip, threshold, seed, l);
    }

    public TrainForm withTask(TaskKind k) {
        return new TrainForm(k, text, cell, hidden, batch, numSteps, stateful, length, epochs, iterations, optimizer,
                lr, clip, threshold, seed, layers);
    }

    public TrainForm withCell(CellType c) {
        return new TrainForm(task, text, c, hidden, batch, numSteps, stateful, length, epochs, iterations, optimizer,
                lr, clip, threshold, seed, layers);
    }

    public TrainForm withBatch(int b) {
        return new TrainForm(task, text, cell, hidden, b, numSteps, stateful, length, epochs, iterations, optimizer,
                lr, clip, threshold, seed, layers);
    }

    public TrainForm withNumSteps(int k) {
        return new TrainForm(task, text, cell, hidden, batch, k, stateful, length, epochs, iterations, optimizer,
                lr, clip, threshold, seed, layers);
    }

    public TrainForm withStateful(boolean s) {
        return new TrainForm(task, text, cell, hidden, batch, numSteps, s, length, epochs, iterations, optimizer,
                lr, clip, threshold, seed, layers);
    }

    public TrainForm withEpochs(int e) {
        return new TrainForm(task, text, cell, hidden, batch, numSteps, stateful, length, e, iterations, optimizer,
                lr, clip, threshold, seed, layers);
    }

    public TrainForm withIterations(int n) {
        return new TrainForm(task, text, cell, hidden, batch, numSteps, stateful, length, epochs, n, optimizer,
                lr, clip, threshold, seed, layers);
    }

    public TrainForm withHidden(int h) {
        return new TrainForm(task, text, cell, h, batch, numSteps, stateful, length, epochs, iterations, optimizer,
                lr, clip, threshold, seed, layers);
    }

    public TrainForm withLength(int t) {
        return new TrainForm(task, text, cell, hidden, batch, numSteps, stateful, t, epochs, iterations, optimizer,
                lr, clip, threshold, seed, layers);
    }
}
