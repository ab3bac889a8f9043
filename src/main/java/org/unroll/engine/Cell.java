package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The part of one time step that differs between RNN, LSTM and GRU. The driver
 * ({@link Bptt}) computes what all cells share (W_ih x + b_ih, W_hh h + b_hh, the output
 * layer, dh = dh_local + dh_next, dh_{t−1} = dR · W_hh); a cell turns pre-activations into
 * the new state and, right beside it, gradients of the state into gradients of the
 * pre-activations. Step t (0-based) reads state block t and writes state block t + 1.
 */
interface Cell {

    static Cell of(Model model) {
        return switch (model.cell()) {
            case RNN -> new RnnCell(model.activation());
            case LSTM -> new LstmCell();
            case GRU -> new GruCell();
        };
    }

    /** Forward step t for all B sequences: gates and h_{t+1} (and c_{t+1}) from zIh, zHh. */
    void forward(Tape tape, int t);

    /** Stage 2 for the cell state: dc_t = dc_next + dh_t ⊙ ∂h_t/∂c_t. Only LSTM has one. */
    default void addFutureCellGradient(Tape tape, int t) {
    }

    /** Stage 3: dA = dL/d(W_ih x + b_ih) and dR = dL/d(W_hh h + b_hh) from dh_t (and dc_t). */
    void gateGradients(Tape tape, int t);

    /**
     * Stage 2's cell part and stage 3 at once, as a full backward pass runs them: the same numbers as
     * {@link #addFutureCellGradient} and then {@link #gateGradients}.
     */
    default void cellGradients(Tape tape, int t) {
        addFutureCellGradient(tape, t);
        gateGradients(tape, t);
    }

    /** Stage 4 beyond dR · W_hh: paths from h_{t−1} (GRU) or c_{t−1} (LSTM) that skip W_hh. */
    default void passBackDirect(Tape tape, int t) {
    }

    /** The size S of the state (h, or h and c stacked). */
    default int stateSize(int hiddenSize) {
        return hiddenSize;
    }

    /**
     * The Jacobian ∂s_{t+1}/∂s_t (S × S) of step t for sequence b, from the tape's values.
     * For LSTM the state is (h; c), so the blocks are ∂h/∂h, ∂h/∂c, ∂c/∂h, ∂c/∂c.
     */
    void stateJacobian(Tape tape, Params p, int t, int b, DMatrixRMaj out);
}
