package org.unroll.task;

import java.util.List;

/**
 * A regression task on numbers, as the articles work it by hand: one number in and one
 * number out at each step, the squared error (MSE) as each step's loss. With
 * {@link Weights} the model has one hidden unit whose weights a student can follow on paper;
 * without, the weights come from the seed as for a character task.
 *
 * @param inputs  x_1 … x_T
 * @param targets the target of each step, as many as inputs (an empty list until set)
 * @param weights fixed weights of a one-unit RNN, or null for weights from the seed
 */
public record Numbers(List<Double> inputs, List<Double> targets, Weights weights) {

    /**
     * The five numbers of a one-unit RNN: h_t = act(w_xh·x_t + w_hh·h_(t−1) + b),
     * y_t = w_out·h_t + b_out.
     */
    public record Weights(double wxh, double whh, double b, double wout, double bout) {
    }

    public Numbers {
        inputs = List.copyOf(inputs);
        targets = List.copyOf(targets);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a sequence needs at least one number");
        }
    }

    public Numbers withTargets(List<Double> t) {
        return new Numbers(inputs, t, weights);
    }

    public Numbers withWeights(Weights w) {
        return new Numbers(inputs, targets, w);
    }

    /** T. */
    public int steps() {
        return inputs.size();
    }

    /** What keeps this task from running under {@code setup}, or null when it can run. */
    public String problem(Setup setup) {
        if (targets.size() != inputs.size()) {
            return "the sequence has " + inputs.size() + " number" + (inputs.size() == 1 ? "" : "s") + " but "
                    + targets.size() + " target" + (targets.size() == 1 ? "" : "s") + " (\"targets\" gives one per step)";
        }
        if (weights != null && (setup.hiddenSize() != 1 || setup.cell() != org.unroll.engine.CellType.RNN)) {
            return "\"weights\" sets a one-unit RNN: it needs \"cell rnn\" and \"hidden 1\"";
        }
        return null;
    }

    /** "1, 2, 3": the sequence as a person reads it. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        for (double v : inputs) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(plain(v));
        }
        return sb.toString();
    }

    /** 2 rather than 2.0, 0.5 as 0.5. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
