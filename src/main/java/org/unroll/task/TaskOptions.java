package org.unroll.task;

import java.util.Random;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.train.OptimizerSpec;

/**
 * The command line's choices for a built-in task; null where the task's default applies.
 * Every check throws IllegalArgumentException with one line naming the option.
 */
public record TaskOptions(String cell, Integer hidden, Integer batch, Integer numSteps, Boolean stateful,
                          boolean random, Integer epochs, Integer iterations, String optimizer, Double lr,
                          Double clip, Long seed, Integer length, String text) {

    /** No choices: every default. */
    public static TaskOptions defaults() {
        return new TaskOptions(null, null, null, null, null, false, null, null, null, null, null, null, null, null);
    }

    CellType cellOr(CellType fallback) {
        if (cell == null) {
            return fallback;
        }
        return switch (cell) {
            case "rnn" -> CellType.RNN;
            case "lstm" -> CellType.LSTM;
            case "gru" -> CellType.GRU;
            default -> throw new IllegalArgumentException("--cell must be rnn, lstm or gru, got '" + cell + "'");
        };
    }

    static int positive(String option, Integer value, int fallback, int max) {
        int v = value == null ? fallback : value;
        if (v < 1 || v > max) {
            throw new IllegalArgumentException(option + " must be between 1 and " + max + ", got " + v);
        }
        return v;
    }

    int hiddenOr(int fallback) {
        return positive("--hidden", hidden, fallback, 4096);
    }

    int batchOr(int fallback) {
        return positive("--batch", batch, fallback, 100_000);
    }

    int epochsOr(int fallback) {
        return positive("--epochs", epochs, fallback, 1_000_000);
    }

    int iterationsOr(int fallback) {
        return positive("--iterations", iterations, fallback, 10_000_000);
    }

    int lengthOr(int fallback) {
        return positive("--length", length, fallback, 1_000_000);
    }

    int numStepsOr(int fallback) {
        return positive("--num-steps", numSteps, fallback, 1_000_000);
    }

    long seedOr(long fallback) {
        return seed == null ? fallback : seed;
    }

    /** clip_grad_norm_'s threshold, 0 for none. */
    double clipOr(double fallback) {
        double c = clip == null ? fallback : clip;
        if (c < 0 || !Double.isFinite(c)) {
            throw new IllegalArgumentException("--clip must be a positive finite number (or 0 for no clipping), got " + c);
        }
        return c;
    }

    OptimizerSpec optimizerOr(String name, double rate) {
        String n = optimizer == null ? name : optimizer;
        double r = lr == null ? rate : lr;
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("--lr must be a positive finite number, got " + r);
        }
        return switch (n) {
            case "sgd" -> OptimizerSpec.sgd(r);
            case "momentum" -> OptimizerSpec.momentum(r, 0.9);
            case "adam" -> OptimizerSpec.adam(r);
            default -> throw new IllegalArgumentException("--optimizer must be sgd, momentum or adam, got '" + n + "'");
        };
    }

    /** A model with PyTorch's default initialisation, seeded. */
    static Model model(CellType cell, int in, int hidden, int out, java.util.List<String> vocab, long seed) {
        Params p = Params.uniform(cell.gates(), in, hidden, out, new Random(seed));
        return new Model(cell, Activation.TANH, in, hidden, out, vocab, p);
    }

    /** Refuses data too large for memory: rows × width doubles. */
    static void fits(long rows, long width, String what) {
        if (rows * width > 60_000_000L) {
            throw new IllegalArgumentException(what + " would need " + rows * width + " numbers in memory (more than 6e7);"
                    + " use fewer iterations, streams or steps");
        }
    }
}
