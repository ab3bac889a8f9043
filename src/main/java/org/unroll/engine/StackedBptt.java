package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.unroll.engine.kernel.Gemm;

/**
 * One forward and one full backward pass of a stacked, possibly bidirectional network over
 * a padded batch, as PyTorch computes it. The forward pass runs layer by layer: every
 * direction of layer k reads layer k − 1's output (the directions' states side by side,
 * width H·D; the input itself for k = 0), and the output layer reads the top layer's output
 * at every step: y_t = W_out [h→_t; h←_t] + b_out. Padded steps have no output (0) and no
 * loss. The backward pass runs from the top layer down: the gradient of a layer's output
 * reaches its directions, each goes back through its own time, and what reaches their
 * inputs is the gradient of the layer below's output.
 */
public final class StackedBptt {
    private final StackedModel model;
    private final PaddedBatch batch;
    private final SequenceBatch seq;
    /** passes[k][d]: layer k, direction d. */
    private final DirectionPass[][] passes;
    /** outputs[k]: layer k's output, T·B × H·D, row t·B + b. */
    private final DMatrixRMaj[] outputs;
    /** dOutputs[k]: dL/d(layer k's output), T·B × H·D. */
    private final DMatrixRMaj[] dOutputs;
    /** y_t: T·B × O (0 at padded steps). */
    private final DMatrixRMaj y;
    /** dL/dy_t: T·B × O. */
    private final DMatrixRMaj dy;
    /** L_t of each sequence: T·B (0 at padded steps and where there is no target). */
    private final double[] stepLoss;
    private final DMatrixRMaj weightOutT;

    public StackedBptt(StackedModel model, PaddedBatch batch) {
        this.model = model;
        this.batch = batch;
        this.seq = batch.sequences();
        if (seq.inputSize() != model.inputSize()) {
            throw new IllegalArgumentException("inputs have width " + seq.inputSize() + ", the model reads "
                    + model.inputSize());
        }
        int steps = batch.steps();
        int b = batch.batch();
        int l = model.layers();
        int d = model.directions();
        int hs = model.hiddenSize();
        checkState(batch.h0(), l * d * b, hs, "h0");
        checkState(batch.c0(), l * d * b, hs, "c0");
        passes = new DirectionPass[l][d];
        outputs = new DMatrixRMaj[l];
        dOutputs = new DMatrixRMaj[l];
        int[] lengths = batch.lengths();
        for (int k = 0; k < l; k++) {
            for (int dir = 0; dir < d; dir++) {
                passes[k][dir] = new DirectionPass(model.layerModel(k, dir), steps, lengths, dir == 1);
            }
            outputs[k] = new DMatrixRMaj(steps * b, hs * d);
            dOutputs[k] = new DMatrixRMaj(steps * b, hs * d);
        }
        y = new DMatrixRMaj(steps * b, model.outputSize());
        dy = new DMatrixRMaj(steps * b, model.outputSize());
        stepLoss = new double[steps * b];
        weightOutT = new DMatrixRMaj(model.hiddenSize() * d, model.outputSize());
    }

    private static void checkState(DMatrixRMaj m, int rows, int cols, String name) {
        if (m != null && (m.numRows != rows || m.numCols != cols)) {
            throw new IllegalArgumentException(name + " is " + m.numRows + "x" + m.numCols + ", expected "
                    + rows + "x" + cols);
        }
    }

    public StackedModel model() {
        return model;
    }

    public PaddedBatch batch() {
        return batch;
    }

    /** Runs the forward pass and returns the total loss, summed over steps and sequences. */
    public double forward() {
        int steps = batch.steps();
        int nb = batch.batch();
        int hs = model.hiddenSize();
        DMatrixRMaj input = seq.inputs();
        for (int k = 0; k < model.layers(); k++) {
            for (int dir = 0; dir < model.directions(); dir++) {
                int stateRow = (k * model.directions() + dir) * nb;
                passes[k][dir].forward(input, batch.h0(), batch.c0(), stateRow, outputs[k], dir * hs);
            }
            input = outputs[k];
        }
        // y_t = W_out h_t + b_out at real steps
        CommonOps_DDRM.transpose(model.params().weightOut(), weightOutT);
        DMatrixRMaj top = outputs[model.layers() - 1];
        Gemm.mult(top, 0, steps * nb, weightOutT, y, 0);
        MatOps.addRowVector(model.params().biasOut(), y, 0, steps * nb);
        int o = model.outputSize();
        double total = 0;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < nb; b++) {
                int r = t * nb + b;
                if (!batch.isReal(t, b)) {
                    java.util.Arrays.fill(y.data, r * o, (r + 1) * o, 0.0);
                    stepLoss[r] = 0;
                } else {
                    stepLoss[r] = seq.hasTarget(r) ? rowLoss(r) : 0.0;
                }
                total += stepLoss[r];
            }
        }
        return total;
    }

    /** The loss of row r: −log softmax(y)[target] or Σ_i (y_i − target_i)². */
    private double rowLoss(int r) {
        int o = model.outputSize();
        int base = r * o;
        if (seq.loss() == LossType.CROSS_ENTROPY) {
            return logSumExp(base) - y.data[base + seq.classTarget(r)];
        }
        double s = 0;
        for (int j = 0; j < o; j++) {
            double diff = y.data[base + j] - seq.vectorTargets().data[base + j];
            s += diff * diff;
        }
        return s;
    }

    /** log Σ_j e^{y_j} of one row, shifted by its largest entry. */
    private double logSumExp(int base) {
        int o = model.outputSize();
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < o; j++) {
            max = Math.max(max, y.data[base + j]);
        }
        double sum = 0;
        for (int j = 0; j < o; j++) {
            sum += Math.exp(y.data[base + j] - max);
        }
        return max + Math.log(sum);
    }

    /** Runs the backward pass (after {@link #forward()}) and writes every gradient into {@code grads}. */
    public void backward(StackedParams grads) {
        int steps = batch.steps();
        int nb = batch.batch();
        int o = model.outputSize();
        int hs = model.hiddenSize();
        grads.zero();
        // dy = softmax(y) − onehot(target), or 2 (y − target); 0 without a target or at padding
        for (int r = 0; r < steps * nb; r++) {
            int base = r * o;
            boolean has = batch.isReal(r / nb, r % nb) && seq.hasTarget(r);
            if (!has) {
                java.util.Arrays.fill(dy.data, base, base + o, 0.0);
            } else if (seq.loss() == LossType.CROSS_ENTROPY) {
                double lse = logSumExp(base);
                for (int j = 0; j < o; j++) {
                    dy.data[base + j] = Math.exp(y.data[base + j] - lse) - (j == seq.classTarget(r) ? 1.0 : 0.0);
                }
            } else {
                for (int j = 0; j < o; j++) {
                    dy.data[base + j] = 2.0 * (y.data[base + j] - seq.vectorTargets().data[base + j]);
                }
            }
        }
        int top = model.layers() - 1;
        // dW_out = Σ_t dy_tᵀ h_t,  db_out = Σ_t dy_t,  dL/dh_t (top) = dy_t · W_out
        Gemm.multAddTransA(dy, 0, steps * nb, outputs[top], 0, grads.weightOut());
        MatOps.addColumnSums(dy, 0, steps * nb, grads.biasOut());
        Gemm.mult(dy, 0, steps * nb, model.params().weightOut(), dOutputs[top], 0);
        for (int k = top; k >= 0; k--) {
            DMatrixRMaj dInput = k > 0 ? dOutputs[k - 1] : null;
            if (dInput != null) {
                dInput.zero();
            }
            for (int dir = 0; dir < model.directions(); dir++) {
                passes[k][dir].backward(dOutputs[k], dir * hs, grads.layer(k, dir), dInput);
            }
        }
    }

    /** The total loss of the last forward pass. */
    public double loss() {
        double s = 0;
        for (double l : stepLoss) {
            s += l;
        }
        return s;
    }

    /** L_t of sequence b. */
    public double stepLoss(int t, int b) {
        return stepLoss[t * batch.batch() + b];
    }

    /** y: T·B × O, row t·B + b (0 at padded steps). */
    public DMatrixRMaj outputs() {
        return y;
    }

    /** The output of layer k: T·B × H·D, the directions side by side (0 at padded steps). */
    public DMatrixRMaj layerOutput(int k) {
        return outputs[k];
    }

    /** dL/d(the output of layer k): T·B × H·D, what reaches layer k from above. */
    public DMatrixRMaj layerOutputGradient(int k) {
        return dOutputs[k];
    }

    /** h_n: (L·D)·B × H, row (k·D + d)·B + b, the state after each sequence's last real step. */
    public DMatrixRMaj finalHidden() {
        return stack(false, false);
    }

    /** c_n, LSTM only, else null. */
    public DMatrixRMaj finalCells() {
        return model.cell().hasCellState() ? stack(true, false) : null;
    }

    /** dL/dh_0: (L·D)·B × H in h0's order. */
    public DMatrixRMaj dh0() {
        return stack(false, true);
    }

    /** dL/dc_0, LSTM only, else null. */
    public DMatrixRMaj dc0() {
        return model.cell().hasCellState() ? stack(true, true) : null;
    }

    private DMatrixRMaj stack(boolean cell, boolean initialGradient) {
        int nb = batch.batch();
        int hs = model.hiddenSize();
        DMatrixRMaj out = new DMatrixRMaj(model.layers() * model.directions() * nb, hs);
        for (int k = 0; k < model.layers(); k++) {
            for (int dir = 0; dir < model.directions(); dir++) {
                DirectionPass p = passes[k][dir];
                DMatrixRMaj m = initialGradient ? (cell ? p.dc0() : p.dh0()) : (cell ? p.finalCell() : p.finalHidden());
                System.arraycopy(m.data, 0, out.data, (k * model.directions() + dir) * nb * hs, nb * hs);
            }
        }
        return out;
    }

    /**
     * The values of the grid cell (layer k, direction d, time t) for sequence b; the
     * gradients are those of the last backward pass.
     */
    public GridPoint gridPoint(int k, int d, int t, int b) {
        return passes[k][d].point(k, d, t, b);
    }

    /** {@link #gridPoint(int, int, int, int)} on the walk's name for a layer and direction. */
    public GridPoint gridPoint(Lane lane, int t, int b) {
        return gridPoint(lane.layer(), lane.direction() == Lane.Direction.BACKWARD ? 1 : 0, t, b);
    }

    /**
     * The terms of the grid cell's equations beyond {@link #gridPoint(Lane, int, int)}: its
     * input, pre-activations, deltas, its share of the gradients and what it passes back and
     * down; for the top layer also dL/dy_t of the output layer.
     */
    public GridCellTerms cellTerms(Lane lane, int t, int b) {
        int d = lane.direction() == Lane.Direction.BACKWARD ? 1 : 0;
        GridCellTerms c = passes[lane.layer()][d].terms(t, b);
        if (lane.layer() != model.layers() - 1) {
            return c;
        }
        int o = model.outputSize();
        double[] dyT = new double[o];
        System.arraycopy(dy.data, (t * batch.batch() + b) * o, dyT, 0, o);
        return new GridCellTerms(c.x(), c.zIh(), c.zHh(), c.cPrev(), c.tanhC(), dyT, c.dcNext(), c.dA(), c.dR(),
                c.contribution(), c.dhBack(), c.dcBack(), c.dxBelow());
    }

    /** Every lane of this network, in PyTorch's order l0, l0_reverse, l1, … */
    public java.util.List<Lane> lanes() {
        java.util.List<Lane> out = new java.util.ArrayList<>();
        for (int k = 0; k < model.layers(); k++) {
            out.add(new Lane(k, Lane.Direction.FORWARD));
            if (model.bidirectional()) {
                out.add(new Lane(k, Lane.Direction.BACKWARD));
            }
        }
        return java.util.List.copyOf(out);
    }

    /**
     * The contribution of time t to every parameter gradient: for each layer and direction
     * the gradient with respect to an untied copy of its recurrent parameters used only at
     * time t, and dy_tᵀ h_t, dy_t for the output layer. Summed over t it gives the gradient.
     */
    public StackedParams stepGradients(int t) {
        StackedParams out = model.params().zerosLike();
        int nb = batch.batch();
        for (int k = 0; k < model.layers(); k++) {
            for (int dir = 0; dir < model.directions(); dir++) {
                passes[k][dir].addTimeGradients(t, out.layer(k, dir));
            }
        }
        int top = model.layers() - 1;
        Gemm.multAddTransA(dy, t * nb, nb, outputs[top], t * nb, out.weightOut());
        MatOps.addColumnSums(dy, t * nb, nb, out.biasOut());
        return out;
    }

    /** Layer k, direction d. */
    DirectionPass pass(int k, int d) {
        return passes[k][d];
    }
}
