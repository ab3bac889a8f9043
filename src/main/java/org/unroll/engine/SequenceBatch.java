package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * B sequences of T steps each, stepped together. Step t of sequence b is row t·B + b of
 * {@link #inputs()} (and of the vector targets). A step without a target has no loss there.
 * The teaching pass uses B = 1; training uses larger batches through the same code.
 */
public final class SequenceBatch {
    private final int steps;
    private final int batch;
    private final DMatrixRMaj inputs;
    private final LossType loss;
    private final int[] classTargets;
    private final DMatrixRMaj vectorTargets;
    private final boolean[] hasTarget;
    private final DMatrixRMaj h0;
    private final DMatrixRMaj c0;
    private final String text;

    private SequenceBatch(int steps, int batch, DMatrixRMaj inputs, LossType loss,
                          int[] classTargets, DMatrixRMaj vectorTargets, boolean[] hasTarget,
                          DMatrixRMaj h0, DMatrixRMaj c0, String text) {
        if (steps < 1 || batch < 1) {
            throw new IllegalArgumentException("a sequence needs at least one step");
        }
        if (inputs.numRows != steps * batch) {
            throw new IllegalArgumentException("inputs have " + inputs.numRows + " rows, expected " + steps * batch);
        }
        this.steps = steps;
        this.batch = batch;
        this.inputs = inputs;
        this.loss = loss;
        this.classTargets = classTargets;
        this.vectorTargets = vectorTargets;
        this.hasTarget = hasTarget;
        this.h0 = h0;
        this.c0 = c0;
        this.text = text;
    }

    /**
     * Class targets for cross-entropy: {@code targets[t·B + b]}, or −1 where a step has no target.
     */
    public static SequenceBatch classification(int steps, int batch, DMatrixRMaj inputs, int[] targets,
                                               DMatrixRMaj h0, DMatrixRMaj c0, String text) {
        if (targets.length != steps * batch) {
            throw new IllegalArgumentException("targets: " + targets.length + " entries, expected " + steps * batch);
        }
        boolean[] has = new boolean[targets.length];
        for (int i = 0; i < targets.length; i++) {
            has[i] = targets[i] >= 0;
        }
        return new SequenceBatch(steps, batch, inputs, LossType.CROSS_ENTROPY, targets.clone(), null, has, h0, c0, text);
    }

    /**
     * Vector targets for MSE: row t·B + b of {@code targets}; {@code hasTarget[t·B + b]} false
     * where a step has no target.
     */
    public static SequenceBatch regression(int steps, int batch, DMatrixRMaj inputs, DMatrixRMaj targets,
                                           boolean[] hasTarget, DMatrixRMaj h0, DMatrixRMaj c0, String text) {
        if (targets.numRows != steps * batch || hasTarget.length != steps * batch) {
            throw new IllegalArgumentException("targets: " + targets.numRows + " rows, expected " + steps * batch);
        }
        return new SequenceBatch(steps, batch, inputs, LossType.MSE, null, targets, hasTarget.clone(), h0, c0, text);
    }

    /** T. */
    public int steps() {
        return steps;
    }

    /** B. */
    public int batch() {
        return batch;
    }

    public int inputSize() {
        return inputs.numCols;
    }

    /** T·B × I. */
    public DMatrixRMaj inputs() {
        return inputs;
    }

    public LossType loss() {
        return loss;
    }

    /** The class of row r (= t·B + b), or −1; cross-entropy only. */
    public int classTarget(int row) {
        return classTargets[row];
    }

    /** T·B × O target vectors; MSE only. */
    public DMatrixRMaj vectorTargets() {
        return vectorTargets;
    }

    /** Whether row r (= t·B + b) has a target. */
    public boolean hasTarget(int row) {
        return hasTarget[row];
    }

    /** The initial hidden state, B × H, or null for zeros. */
    public DMatrixRMaj h0() {
        return h0;
    }

    /** The initial cell state (LSTM), B × H, or null for zeros. */
    public DMatrixRMaj c0() {
        return c0;
    }

    /** The text the sequence was made from, or null. */
    public String text() {
        return text;
    }
}
