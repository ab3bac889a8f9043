package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The named per-step values of a walk, each with the point from which it exists. Engine step t
 * (0-based) reads h_{t−1} (state block t) and writes h_t (state block t + 1); the names here
 * follow the derivation, the displayed indices come from {@link Window}.
 */
public enum Quantity {
    /** x_t */
    INPUT,
    /** h_{t−1}, the state step t starts from (h_0 for the first step). */
    HIDDEN_BEFORE,
    /** c_{t−1} (LSTM only). */
    CELL_BEFORE,
    /** W_xh x_t + b_ih */
    INPUT_PROJECTION,
    /** W_hh h_{t−1} + b_hh */
    RECURRENT_PROJECTION,
    /** The activated gates side by side (RNN: h_t; LSTM: i, f, g, o; GRU: r, z, n). */
    GATES,
    /** h_t */
    HIDDEN,
    /** c_t (LSTM only). */
    CELL,
    /** tanh(c_t) (LSTM only). */
    TANH_CELL,
    /** y_t = W_out h_t + b_out */
    OUTPUT,
    /** softmax(y_t) (cross-entropy only). */
    PROBABILITIES,
    /** dL/dy_t, stage 1. */
    OUTPUT_GRADIENT,
    /** dL_t/dh_t = dy_t W_out, the output's own share, stage 1. */
    LOCAL_HIDDEN_GRADIENT,
    /** dh_next: what step t + 1 passed back (zero after the last step). */
    HIDDEN_GRADIENT_NEXT,
    /** dc_next (LSTM only). */
    CELL_GRADIENT_NEXT,
    /** dh_t = dL_t/dh_t + dh_next, stage 2. */
    HIDDEN_GRADIENT,
    /** dc_t (LSTM only), stage 2. */
    CELL_GRADIENT,
    /** δ_t, the gradient of the input-side pre-activations, stage 3. */
    DELTA,
    /** δ_t of the recurrent-side pre-activations (the same as δ_t except for GRU), stage 3. */
    DELTA_RECURRENT,
    /** dh_{t−1}, what step t passes back, stage 4. */
    HIDDEN_GRADIENT_BACK,
    /** dc_{t−1} (LSTM only), stage 4. */
    CELL_GRADIENT_BACK;

    /** The first point at which this value of step t exists (the step's own point that computes it). */
    public Cursor from(int t, int steps) {
        return switch (this) {
            case INPUT -> Cursor.START;
            case HIDDEN_BEFORE, CELL_BEFORE -> t == 0 ? Cursor.START : Cursor.forward(t - 1);
            case INPUT_PROJECTION, RECURRENT_PROJECTION, GATES, HIDDEN, CELL, TANH_CELL, OUTPUT, PROBABILITIES ->
                    Cursor.forward(t);
            case OUTPUT_GRADIENT, LOCAL_HIDDEN_GRADIENT -> Cursor.backward(t, BackwardStage.OUTPUT_GRADIENT);
            case HIDDEN_GRADIENT_NEXT, CELL_GRADIENT_NEXT -> t == steps - 1
                    ? Cursor.backward(t, BackwardStage.OUTPUT_GRADIENT) : Cursor.backward(t + 1, BackwardStage.PASS_BACK);
            case HIDDEN_GRADIENT, CELL_GRADIENT -> Cursor.backward(t, BackwardStage.ADD_FUTURE);
            case DELTA, DELTA_RECURRENT -> Cursor.backward(t, BackwardStage.PARAMETER_GRADIENTS);
            case HIDDEN_GRADIENT_BACK, CELL_GRADIENT_BACK -> Cursor.backward(t, BackwardStage.PASS_BACK);
        };
    }

    /** Whether a tape of this cell and loss holds the value at all. */
    public boolean existsFor(Tape tape) {
        return switch (this) {
            case CELL_BEFORE, CELL, TANH_CELL, CELL_GRADIENT_NEXT, CELL_GRADIENT, CELL_GRADIENT_BACK -> tape.c != null;
            case PROBABILITIES -> tape.probs != null;
            default -> true;
        };
    }

    /** Sequence b's row of the value at step t, as a new array (zero for dh_next after the last step). */
    double[] read(Tape tape, int t, int b) {
        return switch (this) {
            case INPUT -> row(tape.x, tape.row(t) + b);
            case HIDDEN_BEFORE -> row(tape.h, tape.stateRow(t) + b);
            case CELL_BEFORE -> row(tape.c, tape.stateRow(t) + b);
            case INPUT_PROJECTION -> row(tape.zIh, tape.row(t) + b);
            case RECURRENT_PROJECTION -> row(tape.zHh, tape.row(t) + b);
            case GATES -> row(tape.gates, tape.row(t) + b);
            case HIDDEN -> row(tape.h, tape.stateRow(t + 1) + b);
            case CELL -> row(tape.c, tape.stateRow(t + 1) + b);
            case TANH_CELL -> row(tape.tanhC, tape.row(t) + b);
            case OUTPUT -> row(tape.y, tape.row(t) + b);
            case PROBABILITIES -> row(tape.probs, tape.row(t) + b);
            case OUTPUT_GRADIENT -> row(tape.dy, tape.row(t) + b);
            case LOCAL_HIDDEN_GRADIENT -> row(tape.dhLocal, tape.row(t) + b);
            case HIDDEN_GRADIENT_NEXT -> t == tape.steps - 1 ? new double[tape.hiddenSize] : row(tape.dhBack, tape.row(t + 1) + b);
            case CELL_GRADIENT_NEXT -> t == tape.steps - 1 ? new double[tape.hiddenSize] : row(tape.dcBack, tape.row(t + 1) + b);
            case HIDDEN_GRADIENT -> row(tape.dh, tape.row(t) + b);
            case CELL_GRADIENT -> row(tape.dc, tape.row(t) + b);
            case DELTA -> row(tape.dA, tape.row(t) + b);
            case DELTA_RECURRENT -> row(tape.dR, tape.row(t) + b);
            case HIDDEN_GRADIENT_BACK -> row(tape.dhBack, tape.row(t) + b);
            case CELL_GRADIENT_BACK -> row(tape.dcBack, tape.row(t) + b);
        };
    }

    private static double[] row(DMatrixRMaj m, int r) {
        double[] out = new double[m.numCols];
        System.arraycopy(m.data, r * m.numCols, out, 0, m.numCols);
        return out;
    }
}
