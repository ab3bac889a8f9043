package org.unroll.train;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Params;

/**
 * What a training run needs of a network unrolled over one window of B streams: a pass from a
 * given initial state, its gradients and its final state. A run talks only to this, so a
 * stacked or bidirectional network can take the place of the one-layer {@link ShallowNetwork}.
 * States are exchanged as values: a pass that starts from a carried state is cut from the
 * graph of the pass that produced it (PyTorch's {@code detach()}).
 */
public interface Network extends AutoCloseable {
    /** The parameters the optimizer changes in place. */
    Params parameters();

    /** The next pass starts from zeros. */
    void resetState();

    /** The next pass starts from the final state of the last pass (values only: detached). */
    void carryState();

    /** The initial state of the next pass into {@code h} (and {@code c} when the cell has one), B × H each. */
    void initialState(DMatrixRMaj h, DMatrixRMaj c);

    /** The final state of the last pass into {@code h} (and {@code c}), B × H each. */
    void finalState(DMatrixRMaj h, DMatrixRMaj c);

    /** Forward over steps [from, from + len) of the data and full BPTT inside them; returns the summed loss. */
    double forwardBackward(int from, int len);

    /** dL/dθ of the last pass, summed over the window (the loss not yet reduced). */
    Params gradients();

    /** Whether the state has a cell part c (LSTM). */
    boolean hasCellState();

    @Override
    void close();
}
