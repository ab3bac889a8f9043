package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.unroll.engine.kernel.Gemm;

/**
 * One layer in one direction of a stacked network, over a padded batch: an unchanged
 * {@link Cell} on its own {@link Tape}, with the masking and the time order around it.
 *
 * <p>The tape runs in the direction's own time s = 0 … T − 1. For the forward direction step
 * s is time s; for the reverse direction step s of sequence b is time len_b − 1 − s, so the
 * reverse direction starts at each sequence's own last real step. In both, the padded steps
 * s ≥ len_b come last; around the cell they copy the state through unchanged (h_{s+1} = h_s,
 * c_{s+1} = c_s), output nothing, and pass gradient straight back.
 */
final class DirectionPass {
    private final Cell cell;
    private final Params p;
    private final Tape tape;
    private final int[] lengths;
    private final boolean reverse;
    private final int hs;
    private final DMatrixRMaj weightIhT;
    private final DMatrixRMaj weightHhT;
    /** dL/d(this direction's input), in the tape's time order: T·B × in. */
    private final DMatrixRMaj dx;

    DirectionPass(Model layer, int steps, int[] lengths, boolean reverse) {
        this.cell = Cell.of(layer);
        this.p = layer.params();
        this.lengths = lengths;
        this.reverse = reverse;
        this.hs = layer.hiddenSize();
        this.tape = new Tape(layer.cell(), steps, lengths.length, layer.inputSize(), hs, 0, false);
        this.weightIhT = new DMatrixRMaj(p.weightIh.numCols, p.weightIh.numRows);
        this.weightHhT = new DMatrixRMaj(p.weightHh.numCols, p.weightHh.numRows);
        this.dx = new DMatrixRMaj(steps * lengths.length, layer.inputSize());
    }

    Tape tape() {
        return tape;
    }

    Params params() {
        return p;
    }

    Cell cell() {
        return cell;
    }

    boolean reverse() {
        return reverse;
    }

    /** The original time of this direction's step s for sequence b (padded steps keep their place). */
    int time(int s, int b) {
        return reverse && s < lengths[b] ? lengths[b] - 1 - s : s;
    }

    boolean isReal(int s, int b) {
        return s < lengths[b];
    }

    /**
     * The forward pass from {@code input} (T·B × in, row t·B + b, original time) and the
     * initial state rows [stateRow, stateRow + B) of h0 / c0 (null: zeros). Writes this
     * direction's h into columns [col, col + H) of {@code output} at real steps, 0 at padded ones.
     */
    void forward(DMatrixRMaj input, DMatrixRMaj h0, DMatrixRMaj c0, int stateRow, DMatrixRMaj output, int col) {
        int batch = tape.batch;
        int steps = tape.steps;
        int in = tape.inputSize;
        CommonOps_DDRM.transpose(p.weightIh, weightIhT);
        CommonOps_DDRM.transpose(p.weightHh, weightHhT);
        // x_s: the input in this direction's time order; padded steps read zeros
        for (int s = 0; s < steps; s++) {
            for (int b = 0; b < batch; b++) {
                int dst = (s * batch + b) * in;
                if (isReal(s, b)) {
                    System.arraycopy(input.data, (time(s, b) * batch + b) * in, tape.x.data, dst, in);
                } else {
                    java.util.Arrays.fill(tape.x.data, dst, dst + in, 0.0);
                }
            }
        }
        initialState(h0, stateRow, tape.h);
        if (tape.c != null) {
            initialState(c0, stateRow, tape.c);
        }
        // W_ih x_s + b_ih for every step at once
        Gemm.mult(tape.x, 0, steps * batch, weightIhT, tape.zIh, 0);
        MatOps.addRowVector(p.biasIh, tape.zIh, 0, steps * batch);
        for (int s = 0; s < steps; s++) {
            // W_hh h_{s−1} + b_hh, then the cell
            Gemm.mult(tape.h, tape.stateRow(s), batch, weightHhT, tape.zHh, tape.row(s));
            MatOps.addRowVector(p.biasHh, tape.zHh, tape.row(s), batch);
            cell.forward(tape, s);
            for (int b = 0; b < batch; b++) {
                int next = (tape.stateRow(s + 1) + b) * hs;
                if (!isReal(s, b)) {
                    // padding: h_{s+1} = h_s (and c_{s+1} = c_s), whatever the cell computed
                    int prev = (tape.stateRow(s) + b) * hs;
                    System.arraycopy(tape.h.data, prev, tape.h.data, next, hs);
                    if (tape.c != null) {
                        System.arraycopy(tape.c.data, prev, tape.c.data, next, hs);
                    }
                }
                int out = (time(s, b) * batch + b) * output.numCols + col;
                if (isReal(s, b)) {
                    System.arraycopy(tape.h.data, next, output.data, out, hs);
                } else {
                    java.util.Arrays.fill(output.data, out, out + hs, 0.0);
                }
            }
        }
    }

    private void initialState(DMatrixRMaj src, int stateRow, DMatrixRMaj dst) {
        int n = tape.batch * hs;
        if (src == null) {
            java.util.Arrays.fill(dst.data, 0, n, 0.0);
        } else {
            System.arraycopy(src.data, stateRow * hs, dst.data, 0, n);
        }
    }

    /**
     * The backward pass. {@code dOutput} columns [col, col + H) hold dL/dh from above (the
     * output layer or the next layer) in original time. Adds this direction's gradients to
     * {@code grads} (its four recurrent tensors) and dL/d(input) to {@code dInput} (original
     * time), when not null.
     */
    void backward(DMatrixRMaj dOutput, int col, Params grads, DMatrixRMaj dInput) {
        int batch = tape.batch;
        int steps = tape.steps;
        // the gradient from above, in this direction's time order; none at padded steps
        for (int s = 0; s < steps; s++) {
            for (int b = 0; b < batch; b++) {
                int dst = (s * batch + b) * hs;
                if (isReal(s, b)) {
                    System.arraycopy(dOutput.data, (time(s, b) * batch + b) * dOutput.numCols + col,
                            tape.dhLocal.data, dst, hs);
                } else {
                    java.util.Arrays.fill(tape.dhLocal.data, dst, dst + hs, 0.0);
                }
            }
        }
        for (int s = steps - 1; s >= 0; s--) {
            backwardStep(s);
        }
        int rows = steps * batch;
        // dW_ih += Σ_s dA_sᵀ x_s,  dW_hh += Σ_s dR_sᵀ h_{s−1},  db_ih += Σ_s dA_s,  db_hh += Σ_s dR_s
        Gemm.multAddTransA(tape.dA, 0, rows, tape.x, 0, grads.weightIh);
        Gemm.multAddTransA(tape.dR, 0, rows, tape.h, 0, grads.weightHh);
        MatOps.addColumnSums(tape.dA, 0, rows, grads.biasIh);
        MatOps.addColumnSums(tape.dR, 0, rows, grads.biasHh);
        if (dInput != null) {
            // dL/dx_s = dA_s · W_ih, put back in original time
            Gemm.mult(tape.dA, 0, rows, p.weightIh, dx, 0);
            int in = tape.inputSize;
            for (int s = 0; s < steps; s++) {
                for (int b = 0; b < batch; b++) {
                    if (!isReal(s, b)) {
                        continue;
                    }
                    int src = (s * batch + b) * in;
                    int dst = (time(s, b) * batch + b) * in;
                    for (int j = 0; j < in; j++) {
                        dInput.data[dst + j] += dx.data[src + j];
                    }
                }
            }
        }
    }

    /** The four stages of step s, with padding passing gradient straight through. */
    private void backwardStep(int s) {
        int batch = tape.batch;
        int n = batch * hs;
        int from = tape.row(s) * hs;
        boolean last = s == tape.steps - 1;
        int next = last ? 0 : tape.row(s + 1) * hs;
        // dh_s = dL/dh_s from above + dh_next
        for (int i = 0; i < n; i++) {
            tape.dh.data[from + i] = tape.dhLocal.data[from + i] + (last ? 0.0 : tape.dhBack.data[next + i]);
        }
        cell.addFutureCellGradient(tape, s);
        if (tape.dc != null) {
            for (int b = 0; b < batch; b++) {
                if (!isReal(s, b)) {
                    // a padded step's h does not read its c: dc_s = dc_next only
                    int r = from + b * hs;
                    for (int j = 0; j < hs; j++) {
                        tape.dc.data[r + j] = last ? 0.0 : tape.dcBack.data[next + b * hs + j];
                    }
                }
            }
        }
        cell.gateGradients(tape, s);
        int g = tape.gateRows;
        for (int b = 0; b < batch; b++) {
            if (!isReal(s, b)) {
                int r = (tape.row(s) + b) * g;
                java.util.Arrays.fill(tape.dA.data, r, r + g, 0.0);
                java.util.Arrays.fill(tape.dR.data, r, r + g, 0.0);
            }
        }
        // dh_{s−1} = dR_s · W_hh (plus the cell's direct paths)
        Gemm.mult(tape.dR, tape.row(s), batch, p.weightHh, tape.dhBack, tape.row(s));
        cell.passBackDirect(tape, s);
        for (int b = 0; b < batch; b++) {
            if (!isReal(s, b)) {
                // padding is the identity: the gradient reaches h_s (and c_s) unchanged
                int r = from + b * hs;
                System.arraycopy(tape.dh.data, r, tape.dhBack.data, r, hs);
                if (tape.dc != null) {
                    System.arraycopy(tape.dc.data, r, tape.dcBack.data, r, hs);
                }
            }
        }
    }

    /** dL/dh_0 of this direction (B × H). */
    DMatrixRMaj dh0() {
        return Tape.block(tape.dhBack, 0, tape.batch);
    }

    /** dL/dc_0 of this direction (B × H), LSTM only, else null. */
    DMatrixRMaj dc0() {
        return tape.dcBack == null ? null : Tape.block(tape.dcBack, 0, tape.batch);
    }

    /** h after the last real step of every sequence (B × H): PyTorch's h_n for this direction. */
    DMatrixRMaj finalHidden() {
        return Tape.block(tape.h, tape.stateRow(tape.steps), tape.batch);
    }

    /** c after the last real step (B × H), LSTM only, else null. */
    DMatrixRMaj finalCell() {
        return tape.c == null ? null : Tape.block(tape.c, tape.stateRow(tape.steps), tape.batch);
    }

    /**
     * The Jacobian ∂s_{s+1}/∂s_s of this direction's step s for sequence b: the cell's at a
     * real step, the identity at a padded one.
     */
    void stateJacobian(int s, int b, DMatrixRMaj out) {
        if (isReal(s, b)) {
            cell.stateJacobian(tape, p, s, b, out);
        } else {
            CommonOps_DDRM.setIdentity(out);
        }
    }

    /**
     * The contribution of original time t (every sequence) to this direction's four recurrent
     * gradients, added to {@code out}: the gradient with respect to an untied copy of the
     * parameters used only at time t. Padded steps contribute nothing.
     */
    void addTimeGradients(int t, Params out) {
        int batch = tape.batch;
        for (int b = 0; b < batch; b++) {
            if (!isReal(t, b)) {
                continue;
            }
            // time t of sequence b is this direction's step s = time(t, b) (the map is its own inverse)
            int row = tape.row(time(t, b)) + b;
            int stateRow = tape.stateRow(time(t, b)) + b;
            Gemm.multAddTransA(tape.dA, row, 1, tape.x, row, out.weightIh);
            Gemm.multAddTransA(tape.dR, row, 1, tape.h, stateRow, out.weightHh);
            MatOps.addColumnSums(tape.dA, row, 1, out.biasIh);
            MatOps.addColumnSums(tape.dR, row, 1, out.biasHh);
        }
    }

    /** The values at time t of sequence b, once forward (and, for the gradients, backward) has run. */
    GridPoint point(int layer, int direction, int t, int b) {
        int s = time(t, b);
        int row = tape.row(s) + b;
        boolean last = s == tape.steps - 1;
        double[] fromFuture = last ? new double[hs] : slice(tape.dhBack, tape.row(s + 1) + b, hs);
        return new GridPoint(layer, direction, t, s, isReal(s, b),
                slice(tape.h, tape.stateRow(s) + b, hs), slice(tape.h, tape.stateRow(s + 1) + b, hs),
                tape.c == null ? null : slice(tape.c, tape.stateRow(s + 1) + b, hs),
                slice(tape.gates, row, tape.gateRows), slice(tape.dhLocal, row, hs), fromFuture,
                slice(tape.dh, row, hs), tape.dc == null ? null : slice(tape.dc, row, hs));
    }

    /**
     * The terms of the cell at time t of sequence b that {@link #point} leaves out (dy is the
     * output layer's and is filled in by {@link StackedBptt}); the gradients are those of the
     * last backward pass.
     */
    GridCellTerms terms(int t, int b) {
        int s = time(t, b);
        int row = tape.row(s) + b;
        boolean last = s == tape.steps - 1;
        Params share = p.zerosLike();
        if (isReal(s, b)) {
            // dW_ih = dA_sᵀ x_s, dW_hh = dR_sᵀ h_{s−1}, db_ih = dA_s, db_hh = dR_s of this one cell
            Gemm.multAddTransA(tape.dA, row, 1, tape.x, row, share.weightIh);
            Gemm.multAddTransA(tape.dR, row, 1, tape.h, tape.stateRow(s) + b, share.weightHh);
            MatOps.addColumnSums(tape.dA, row, 1, share.biasIh);
            MatOps.addColumnSums(tape.dR, row, 1, share.biasHh);
        }
        double[] dcNext = tape.dcBack == null ? null : last ? new double[hs] : slice(tape.dcBack, tape.row(s + 1) + b, hs);
        return new GridCellTerms(slice(tape.x, row, tape.inputSize), slice(tape.zIh, row, tape.gateRows),
                slice(tape.zHh, row, tape.gateRows),
                tape.c == null ? null : slice(tape.c, tape.stateRow(s) + b, hs), tape.tanhC == null ? null : slice(tape.tanhC, row, hs), null,
                dcNext, slice(tape.dA, row, tape.gateRows), slice(tape.dR, row, tape.gateRows), share,
                slice(tape.dhBack, row, hs), tape.dcBack == null ? null : slice(tape.dcBack, row, hs),
                slice(dx, row, tape.inputSize));
    }

    private static double[] slice(DMatrixRMaj m, int row, int cols) {
        double[] out = new double[cols];
        System.arraycopy(m.data, row * m.numCols, out, 0, cols);
        return out;
    }
}
