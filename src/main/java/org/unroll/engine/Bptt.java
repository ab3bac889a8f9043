package org.unroll.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.unroll.engine.kernel.Elementwise;
import org.unroll.engine.kernel.Gemm;
import org.unroll.engine.kernel.PackedMatrix;

/**
 * Forward through time and back, one step (and one stage) at a time, on a {@link Tape}.
 * Steps are 0-based: step t reads x_t and the state block t, and writes state block t + 1.
 * The same code runs the teaching pass (B = 1) and training (B sequences at once).
 */
public final class Bptt {
    private final Model model;
    private final Params p;
    private final Cell cell;
    private final Tape tape;
    private SequenceBatch seq;
    /** W_ihᵀ, W_hhᵀ and W_outᵀ, refreshed when a pass starts, so each product runs row by row. */
    private final DMatrixRMaj weightIhT;
    private final DMatrixRMaj weightHhT;
    private final DMatrixRMaj weightOutT;
    /**
     * From this batch size on, the per-step products with W_ih and W_hh read them packed ({@link PackedMatrix}): W_ihᵀ
     * and W_hhᵀ packed when a pass starts, W_hh when a full backward pass starts, the biases added as each block of
     * the product is stored. The same numbers to the bit, fewer instructions per multiply-add and one pass less over
     * the pre-activations; below it (the walk's B = 1) the packing would not pay and the plain products run.
     */
    private static final int PACK_MIN_BATCH = 4;
    private final boolean packs;
    private final PackedMatrix weightIhTPacked;
    private final PackedMatrix weightHhTPacked;
    private final PackedMatrix weightHhPacked;
    /** The bias column sums of {@link #backward}'s gradient (RNN and LSTM), so that a backward pass allocates nothing. */
    private final DMatrixRMaj biasSums;

    /** Allocates the tape for this model and the shape of this sequence batch. */
    public Bptt(Model model, SequenceBatch seq) {
        this(model, seq, true);
    }

    /**
     * A pass for training, whose tape is read only for the loss, the gradients and the final state: an LSTM's keeps
     * only what a later step reads (see {@link Tape#keepsEveryStep}), so that a pass writes half as much memory. Every
     * number it computes is the same.
     */
    public static Bptt forTraining(Model model, SequenceBatch seq) {
        return new Bptt(model, seq, model.cell() != CellType.LSTM);
    }

    private Bptt(Model model, SequenceBatch seq, boolean keepsEveryStep) {
        this.model = model;
        this.p = model.params();
        this.cell = Cell.of(model);
        this.tape = new Tape(model.cell(), seq.steps(), seq.batch(), model.inputSize(),
                model.hiddenSize(), model.outputSize(), seq.loss() == LossType.CROSS_ENTROPY, keepsEveryStep);
        this.weightIhT = new DMatrixRMaj(p.weightIh.numCols, p.weightIh.numRows);
        this.weightHhT = new DMatrixRMaj(p.weightHh.numCols, p.weightHh.numRows);
        this.weightOutT = new DMatrixRMaj(p.weightOut.numCols, p.weightOut.numRows);
        this.packs = seq.batch() >= PACK_MIN_BATCH;
        this.weightIhTPacked = packs ? Gemm.packed(p.weightIh.numCols, p.weightIh.numRows) : null;
        this.weightHhTPacked = packs ? Gemm.packed(p.weightHh.numCols, p.weightHh.numRows) : null;
        this.weightHhPacked = packs ? Gemm.packed(p.weightHh.numRows, p.weightHh.numCols) : null;
        this.biasSums = new DMatrixRMaj(1, tape.gateRows);
        setSequence(seq);
    }

    /** Uses another batch of the same shape (T, B, loss) with the tape already allocated. */
    public void setSequence(SequenceBatch next) {
        if (next.steps() != tape.steps || next.batch() != tape.batch || next.inputSize() != model.inputSize()
                || (next.loss() == LossType.CROSS_ENTROPY) != (tape.probs != null)) {
            throw new IllegalArgumentException("the sequence batch does not fit this tape");
        }
        this.seq = next;
        System.arraycopy(next.inputs().data, 0, tape.x.data, 0, tape.x.getNumElements());
        int n = tape.batch * tape.hiddenSize;
        copyOrZero(next.h0(), tape.h.data, n);
        if (tape.c != null) {
            copyOrZero(next.c0(), tape.c.data, n);
        }
    }

    private static void copyOrZero(DMatrixRMaj src, double[] dst, int n) {
        if (src == null) {
            java.util.Arrays.fill(dst, 0, n, 0.0);
        } else {
            System.arraycopy(src.data, 0, dst, 0, n);
        }
    }

    public Model model() {
        return model;
    }

    public SequenceBatch sequence() {
        return seq;
    }

    public Tape tape() {
        return tape;
    }

    /**
     * Runs every forward step and returns the total loss. Without packing (the walk's B = 1) the input projections
     * of all steps are one product, W_ih x_t + b_ih for every t at once, since they do not depend on h; with packing
     * each step takes its own, with the bias, just before its cell reads it (I is small, so that product only writes
     * T·B × G·H numbers, and writing them while they are still in cache is what it costs), and so does every step of a
     * tape that keeps one step of them. The outputs y_t of all steps are one product after the recurrence.
     */
    public double forward() {
        refreshTransposes();
        boolean allAtOnce = !packs && tape.keepsEveryStep;
        if (allAtOnce) {
            int rows = tape.steps * tape.batch;
            Gemm.mult(tape.x, 0, rows, weightIhT, tape.zIh, 0);
            MatOps.addRowVector(p.biasIh, tape.zIh, 0, rows);
        }
        for (int t = 0; t < tape.steps; t++) {
            if (!allAtOnce) {
                inputProjection(t);
            }
            recurrentCell(t);
        }
        // y_t = W_out h_t + b_out of every step as one product (no step of the recurrence reads it), then the losses
        int rows = tape.steps * tape.batch;
        Gemm.mult(tape.h, tape.stateRow(1), rows, weightOutT, tape.y, 0);
        MatOps.addRowVector(p.biasOut, tape.y, 0, rows);
        for (int t = 0; t < tape.steps; t++) {
            tape.stepLoss[t] = stepLoss(t);
        }
        return loss();
    }

    /**
     * Runs every backward step from T − 1 down to 0, each one's stages in the order of {@link BackwardStage} (a cell's
     * part of stages 2 and 3 at once, {@link Cell#cellGradients}), then sums the parameter gradients into {@code grads}.
     */
    public void backward(Params grads) {
        if (packs) {
            Gemm.pack(p.weightHh, weightHhPacked);
        }
        for (int t = tape.steps - 1; t >= 0; t--) {
            outputGradient(t);
            addFutureHidden(t);
            cell.cellGradients(tape, t);
            passBack(t, packs);
        }
        grads.zero();
        accumulateGradients(0, tape.steps, grads, biasSums);
    }

    /**
     * Forward step t: pre-activations, the cell, the output y_t and the loss at step t. Step 0
     * starts a pass: it reads the parameters' current values.
     */
    public void forwardStep(int t) {
        if (t == 0) {
            refreshTransposes();
        }
        inputProjection(t);
        recurrentStep(t);
    }

    /** W_ih x_t + b_ih for step t. */
    private void inputProjection(int t) {
        int row = tape.row(t);
        int z = tape.projectionRow(t);
        if (packs) {
            Gemm.multAddBias(tape.x, row, tape.batch, weightIhTPacked, p.biasIh, tape.zIh, z);
        } else {
            Gemm.mult(tape.x, row, tape.batch, weightIhT, tape.zIh, z);
            MatOps.addRowVector(p.biasIh, tape.zIh, z, tape.batch);
        }
    }

    /** Step t after its input projection: W_hh h_{t−1} + b_hh, the cell, y_t and L_t. */
    private void recurrentStep(int t) {
        recurrentCell(t);
        // y_t = W_out h_t + b_out
        Gemm.mult(tape.h, tape.stateRow(t + 1), tape.batch, weightOutT, tape.y, tape.row(t));
        MatOps.addRowVector(p.biasOut, tape.y, tape.row(t), tape.batch);
        tape.stepLoss[t] = stepLoss(t);
    }

    /** W_hh h_{t−1} + b_hh and the cell of step t, after its input projection. */
    private void recurrentCell(int t) {
        int b = tape.batch;
        int z = tape.projectionRow(t);
        // W_hh h_{t−1} + b_hh
        if (packs) {
            Gemm.multAddBias(tape.h, tape.stateRow(t), b, weightHhTPacked, p.biasHh, tape.zHh, z);
        } else {
            Gemm.mult(tape.h, tape.stateRow(t), b, weightHhT, tape.zHh, z);
            MatOps.addRowVector(p.biasHh, tape.zHh, z, b);
        }
        cell.forward(tape, t);
    }

    /** L_t, from y_t. */
    private double stepLoss(int t) {
        return seq.loss() == LossType.CROSS_ENTROPY ? crossEntropy(t) : squaredError(t);
    }

    private void refreshTransposes() {
        CommonOps_DDRM.transpose(p.weightIh, weightIhT);
        CommonOps_DDRM.transpose(p.weightHh, weightHhT);
        if (packs) {
            Gemm.packTransposed(p.weightIh, weightIhTPacked);
            Gemm.packTransposed(p.weightHh, weightHhTPacked);
        }
        CommonOps_DDRM.transpose(p.weightOut, weightOutT);
    }

    /** softmax(y_t) into probs; returns Σ_b −log softmax(y_t)[target]. */
    private double crossEntropy(int t) {
        int o = tape.outputSize;
        double loss = 0;
        for (int r = tape.row(t); r < tape.row(t) + tape.batch; r++) {
            int base = r * o;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < o; j++) {
                max = Math.max(max, tape.y.data[base + j]);
            }
            // softmax(y) = e^{y − max} / Σ_j e^{y_j − max}, one exponential per logit
            double sum = 0;
            for (int j = 0; j < o; j++) {
                double e = Math.exp(tape.y.data[base + j] - max);
                tape.probs.data[base + j] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < o; j++) {
                tape.probs.data[base + j] *= inv;
            }
            // −log softmax(y)[target] = log Σ_j e^{y_j − max} − (y_target − max): both terms in the
            // frame shifted by the largest logit, so max + log Σ never rounds the small term away
            if (seq.hasTarget(r)) {
                loss += Math.log(sum) - (tape.y.data[base + seq.classTarget(r)] - max);
            }
        }
        return loss;
    }

    /** Σ_b Σ_i (y_t,i − target_t,i)². */
    private double squaredError(int t) {
        int o = tape.outputSize;
        double loss = 0;
        double[] target = seq.vectorTargets().data;
        for (int r = tape.row(t); r < tape.row(t) + tape.batch; r++) {
            if (!seq.hasTarget(r)) {
                continue;
            }
            for (int j = r * o; j < (r + 1) * o; j++) {
                double d = tape.y.data[j] - target[j];
                loss += d * d;
            }
        }
        return loss;
    }

    /** The total loss, Σ_t L_t. */
    public double loss() {
        double s = 0;
        for (double l : tape.stepLoss) {
            s += l;
        }
        return s;
    }

    /** One stage of backward step t. Stages of step t need step t + 1 to be complete. */
    public void backwardStage(int t, BackwardStage stage) {
        switch (stage) {
            case OUTPUT_GRADIENT -> outputGradient(t);
            case ADD_FUTURE -> addFuture(t);
            case PARAMETER_GRADIENTS -> cell.gateGradients(tape, t);
            case PASS_BACK -> passBack(t, false);
        }
    }

    /** Stage 1: dy_t, and dL_t/dh_t = dy_t · W_out. */
    private void outputGradient(int t) {
        int o = tape.outputSize;
        boolean ce = seq.loss() == LossType.CROSS_ENTROPY;
        double[] target = ce ? null : seq.vectorTargets().data;
        boolean any = false;
        for (int r = tape.row(t); r < tape.row(t) + tape.batch; r++) {
            any |= seq.hasTarget(r);
            int base = r * o;
            for (int j = 0; j < o; j++) {
                double d;
                if (!seq.hasTarget(r)) {
                    d = 0.0;
                } else if (ce) {
                    // dy = softmax(y) − onehot(target)
                    d = tape.probs.data[base + j] - (j == seq.classTarget(r) ? 1.0 : 0.0);
                } else {
                    // dy = 2 (y − target)
                    d = 2.0 * (tape.y.data[base + j] - target[base + j]);
                }
                tape.dy.data[base + j] = d;
            }
        }
        // dL_t/dh_t = dy_t · W_out, which is +0 throughout where no sequence has a target at step t (a sum of
        // products 0 · w starts from +0, and +0 + (−0) = +0): no product then
        int local = tape.gradientRow(t);
        int from = local * tape.hiddenSize;
        if (any) {
            Gemm.mult(tape.dy, tape.row(t), tape.batch, p.weightOut, tape.dhLocal, local);
        } else {
            Arrays.fill(tape.dhLocal.data, from, from + tape.batch * tape.hiddenSize, 0.0);
        }
    }

    /** Stage 2: dh_t = dL_t/dh_t + dh_next (and, for LSTM, dc_t = dc_next + dh_t ⊙ o ⊙ tanh'(c_t)). */
    private void addFuture(int t) {
        addFutureHidden(t);
        cell.addFutureCellGradient(tape, t);
    }

    /** Stage 2 for h: dh_t = dL_t/dh_t + dh_next. */
    private void addFutureHidden(int t) {
        int n = tape.batch * tape.hiddenSize;
        int from = tape.gradientRow(t) * tape.hiddenSize;
        boolean last = t == tape.steps - 1;
        int next = last ? 0 : tape.gradientRow(t + 1) * tape.hiddenSize;
        if (last) {
            System.arraycopy(tape.dhLocal.data, from, tape.dh.data, from, n);
        } else {
            Elementwise.sum(tape.dhLocal.data, from, tape.dhBack.data, next, tape.dh.data, from, n);
        }
    }

    /**
     * Stage 4: dh_{t−1} = dR_t · W_hh (plus the cell's direct paths), on the W_hh packed by {@link #backward} when
     * {@code packed} (a stage run on its own reads W_hh as it is now).
     */
    private void passBack(int t, boolean packed) {
        int row = tape.row(t);
        int back = tape.gradientRow(t);
        if (packed) {
            Gemm.mult(tape.dR, row, tape.batch, weightHhPacked, tape.dhBack, back);
        } else {
            Gemm.mult(tape.dR, row, tape.batch, p.weightHh, tape.dhBack, back);
        }
        cell.passBackDirect(tape, t);
    }

    /**
     * out += the contributions of steps [from, to) to every parameter gradient: the outer
     * products dW_ih += dAᵀ x, dW_hh += dRᵀ h_{t−1}, dW_out += dyᵀ h_t and the bias sums.
     * With (0, T) it gives the whole gradient; with (t, t + 1) step t's own contribution;
     * with (t, T) the running sum after backward step t. Reads the tape only and writes only
     * {@code out}, so several threads may call it at once on a finished pass.
     */
    public void accumulateGradients(int from, int to, Params out) {
        // RNN and LSTM take the bias sums into a buffer of this call's own (a shared one gave wrong sums under
        // concurrent reads)
        accumulateGradients(from, to, out, tape.dR == tape.dA ? new DMatrixRMaj(1, tape.gateRows) : null);
    }

    /** As {@link #accumulateGradients(int, int, Params)}, the bias sums of RNN and LSTM in {@code biasSums}. */
    private void accumulateGradients(int from, int to, Params out, DMatrixRMaj biasSums) {
        int row = tape.row(from);
        int rows = (to - from) * tape.batch;
        Gemm.multAddTransA(tape.dA, row, rows, tape.x, row, out.weightIh);
        Gemm.multAddTransA(tape.dR, row, rows, tape.h, tape.stateRow(from), out.weightHh);
        if (tape.dR == tape.dA) {
            // RNN and LSTM: db_hh gets the same column sums as db_ih, so they are taken once
            biasSums.zero();
            MatOps.addColumnSums(tape.dA, row, rows, biasSums);
            MatOps.addRowVector(biasSums, out.biasIh, 0, 1);
            MatOps.addRowVector(biasSums, out.biasHh, 0, 1);
        } else {
            MatOps.addColumnSums(tape.dA, row, rows, out.biasIh);
            MatOps.addColumnSums(tape.dR, row, rows, out.biasHh);
        }
        Gemm.multAddTransA(tape.dy, row, rows, tape.h, tape.stateRow(from + 1), out.weightOut);
        MatOps.addColumnSums(tape.dy, row, rows, out.biasOut);
    }

    /** Step t's own contribution to every parameter gradient, as a new Params. */
    public Params stepGradients(int t) {
        Params out = p.zerosLike();
        accumulateGradients(t, t + 1, out);
        return out;
    }

    /** Runs the whole pass (forward and backward) and returns step t's own contribution; for checks. */
    Params stepGradientsOfFullPass(int t) {
        forward();
        backward(p.zerosLike());
        return stepGradients(t);
    }

    /** dL/dh_0 (B × H), once backward step 0 has passed back. */
    public DMatrixRMaj dh0() {
        return Tape.block(tape.dhBack, 0, tape.batch);
    }

    /** dL/dc_0 (B × H) for LSTM, else null. */
    public DMatrixRMaj dc0() {
        return tape.dcBack == null ? null : Tape.block(tape.dcBack, 0, tape.batch);
    }

    /** The Jacobian ∂s_{t+1}/∂s_t of step t for sequence b (S × S, S = H, or 2H for LSTM). */
    public void stateJacobian(int t, int b, DMatrixRMaj out) {
        cell.stateJacobian(tape, p, t, b, out);
    }

    /** S: the size of the recurrent state. */
    public int stateSize() {
        return cell.stateSize(model.hiddenSize());
    }
}
