package org.unroll.train;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.PaddedBatch;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.StackedBptt;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;

/**
 * A stacked (L layers), possibly bidirectional (D directions) RNN, LSTM or GRU with its output
 * layer, run over each window by the engine's {@link StackedBptt} as
 * {@code nn.LSTM(..., num_layers=L, bidirectional=..., batch_first=True)} runs it: every
 * stream of the window is a full-length sequence, the reverse direction starts at the window's
 * last step, and the initial state h_0 ((L·D)·B × H, PyTorch's order l0, l0_reverse, l1, …) is
 * zeros or the previous window's h_n passed back in as values (detached), for every layer and
 * direction alike. One thread; a pass builds its tapes for its window.
 */
final class StackedNetwork implements Network {
    private final StackedModel model;
    private final TrainData data;
    private final StackedParams grads;
    /** h_0 and c_0 of the next pass, (L·D)·B × H. */
    private final DMatrixRMaj h0;
    private final DMatrixRMaj c0;
    private StackedBptt last;

    /** The network is trained in place: its parameters are the ones the optimizer changes. */
    StackedNetwork(StackedModel model, TrainData data) {
        this.model = model;
        this.data = data;
        this.grads = model.params().zerosLike();
        int rows = model.layers() * model.directions() * data.streams();
        this.h0 = new DMatrixRMaj(rows, model.hiddenSize());
        this.c0 = model.cell().hasCellState() ? new DMatrixRMaj(rows, model.hiddenSize()) : null;
    }

    @Override
    public StackedParams parameters() {
        return model.params();
    }

    @Override
    public boolean hasCellState() {
        return c0 != null;
    }

    @Override
    public void resetState() {
        h0.zero();
        if (c0 != null) {
            c0.zero();
        }
    }

    @Override
    public void carryState() {
        if (last == null) {
            resetState();
            return;
        }
        // h_0 ← h_n of the last window, values only
        h0.setTo(last.finalHidden());
        if (c0 != null) {
            c0.setTo(last.finalCells());
        }
    }

    @Override
    public void initialState(DMatrixRMaj h, DMatrixRMaj c) {
        h.setTo(h0);
        if (c != null && c0 != null) {
            c.setTo(c0);
        }
    }

    @Override
    public void finalState(DMatrixRMaj h, DMatrixRMaj c) {
        if (last == null) {
            h.zero();
            if (c != null) {
                c.zero();
            }
            return;
        }
        h.setTo(last.finalHidden());
        if (c != null && c0 != null) {
            c.setTo(last.finalCells());
        }
    }

    @Override
    public double forwardBackward(int from, int len) {
        SequenceBatch window = data.copyOfWindow(from, len, 0, data.streams(), null, null);
        int[] lengths = new int[data.streams()];
        Arrays.fill(lengths, len);
        // the pass reads copies of h_0 and c_0, so carrying the state later cannot change its tape
        StackedBptt pass = new StackedBptt(model, new PaddedBatch(window, lengths, h0.copy(),
                c0 == null ? null : c0.copy()));
        double loss = pass.forward();
        pass.backward(grads);
        last = pass;
        return loss;
    }

    @Override
    public StackedParams gradients() {
        return grads;
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
