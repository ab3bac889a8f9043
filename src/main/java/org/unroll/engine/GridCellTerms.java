package org.unroll.engine;

/**
 * The terms of one grid cell's equations that {@link GridPoint} does not carry: what the
 * formula pane substitutes into h_t = cell(W_xh x_t + W_hh h_{t−1} + b) and into the four
 * backward stages of a (layer, direction, time) cell for one sequence, read from its
 * direction's tape. Vectors are copies; a gradient is null where it does not exist yet (see
 * {@link GridWalkPoint#terms(Lane, int)}).
 *
 * @param x           the input the cell reads: the one-hot input for layer 0, else the layer
 *                    below's output at t (its directions side by side)
 * @param zIh         W_xh x_t + b_ih (G·H)
 * @param zHh         W_hh h_{t−1} + b_hh (G·H)
 * @param cPrev       the LSTM cell state the cell reads (c_{t−1} in the direction's order), else null
 * @param tanhC       tanh(c_t), LSTM only, else null
 * @param dy          dL/dy_t of the output layer, for the top layer only, else null
 * @param dcNext      dL/dc from the direction's next step (LSTM only, else null)
 * @param dA          dL/d(W_xh x_t + b_ih) (G·H), stage 3
 * @param dR          dL/d(W_hh h_{t−1} + b_hh) (G·H), stage 3; equals dA for RNN and LSTM
 * @param contribution this cell's share of its direction's four recurrent gradients
 *                    (dW_ih = dAᵀ x, dW_hh = dRᵀ h_{t−1}, db_ih = dA, db_hh = dR), stage 3
 * @param dhBack      dL/dh_{t−1} in the direction's order, what the cell passes to its past, stage 4
 * @param dcBack      the same for c (LSTM only, else null), stage 4
 * @param dxBelow     dL/dx_t = W_xhᵀ dA, what the cell passes down to the layer below, stage 4
 */
public record GridCellTerms(double[] x, double[] zIh, double[] zHh, double[] cPrev, double[] tanhC, double[] dy, double[] dcNext,
                            double[] dA, double[] dR, Params contribution, double[] dhBack, double[] dcBack,
                            double[] dxBelow) {

    /** The same terms with only the forward ones and the gradients of the stages that have run. */
    GridCellTerms upTo(boolean above, boolean future, boolean params, boolean back) {
        return new GridCellTerms(x, zIh, zHh, cPrev, tanhC, above ? dy : null, future ? dcNext : null, params ? dA : null,
                params ? dR : null, params ? contribution : null, back ? dhBack : null, back ? dcBack : null,
                back ? dxBelow : null);
    }
}
