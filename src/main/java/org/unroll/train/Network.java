package org.unroll.train;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.StackedParams;

/**
 * What a training run needs of a network unrolled over one window of B streams: a pass from a
 * given initial state, its gradients and its final state. A run talks only to this, so a
 * stacked or bidirectional network can take the place of the one-layer {@link ShallowNetwork}.
 * States are exchanged as values: a pass that starts from a carried state is cut from the
 * graph of the pass that produced it (PyTorch's {@code detach()}).
 */
public interface Network extends AutoCloseable {
    /** The parameters the optimizer changes in place, under the network's own names. */
    StackedParams parameters();

    /** The next pass starts from zeros. */
    void resetState();

    /** The next pass starts from the final state of the last pass (values only: detached). */
    void carryState();

    /**
     * The initial state of the next pass into {@code h} (and {@code c} when the cell has one),
     * (L·D)·B × H each, row (l·D + d)·B + b as PyTorch's h_0 (B × H for one layer, one direction).
     */
    void initialState(DMatrixRMaj h, DMatrixRMaj c);

    /** The final state of the last pass into {@code h} (and {@code c}), shaped as {@link #initialState}. */
    void finalState(DMatrixRMaj h, DMatrixRMaj c);

    /** Forward over steps [from, from + len) of the data and full BPTT inside them; returns the summed loss. */
    double forwardBackward(int from, int len);

    /** dL/dθ of the last pass, summed over the window (the loss not yet reduced). */
    StackedParams gradients();

    /** Whether the state has a cell part c (LSTM). */
    boolean hasCellState();

    @Override
    void close();
}
