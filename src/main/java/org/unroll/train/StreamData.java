package org.unroll.train;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.LossType;
import org.unroll.engine.SequenceBatch;

/** Training data held in memory: the inputs and targets of B streams of N steps. */
public final class StreamData implements TrainData {
    private final int streams;
    private final int length;
    private final DMatrixRMaj inputs;
    private final LossType loss;
    private final int[] classes;
    private final DMatrixRMaj vectors;
    private final boolean[] has;

    private StreamData(int streams, int length, DMatrixRMaj inputs, LossType loss, int[] classes,
                       DMatrixRMaj vectors, boolean[] has) {
        if (streams < 1 || length < 1) {
            throw new IllegalArgumentException("training data needs at least one stream of one step");
        }
        if (inputs.numRows != streams * length) {
            throw new IllegalArgumentException("inputs have " + inputs.numRows + " rows, expected " + streams * length);
        }
        this.streams = streams;
        this.length = length;
        this.inputs = inputs;
        this.loss = loss;
        this.classes = classes;
        this.vectors = vectors;
        this.has = has;
    }

    /** Class targets, row t·B + b, −1 where a step has no target. Keeps the arrays given. */
    public static StreamData classification(int streams, int length, DMatrixRMaj inputs, int[] classes) {
        if (classes.length != streams * length) {
            throw new IllegalArgumentException("targets: " + classes.length + " entries, expected " + streams * length);
        }
        boolean[] has = new boolean[classes.length];
        for (int i = 0; i < classes.length; i++) {
            has[i] = classes[i] >= 0;
        }
        return new StreamData(streams, length, inputs, LossType.CROSS_ENTROPY, classes, null, has);
    }

    /** Vector targets for MSE, row t·B + b; {@code has[t·B + b]} false where there is none. */
    public static StreamData regression(int streams, int length, DMatrixRMaj inputs, DMatrixRMaj targets, boolean[] has) {
        if (targets.numRows != streams * length || has.length != streams * length) {
            throw new IllegalArgumentException("targets: " + targets.numRows + " rows, expected " + streams * length);
        }
        return new StreamData(streams, length, inputs, LossType.MSE, null, targets, has);
    }

    @Override
    public int streams() {
        return streams;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int inputSize() {
        return inputs.numCols;
    }

    @Override
    public LossType loss() {
        return loss;
    }

    /** N·B × I, row t·B + b. */
    public DMatrixRMaj inputs() {
        return inputs;
    }

    /** The class of row t·B + b, or −1; cross-entropy only. */
    public int classTarget(int row) {
        return classes[row];
    }

    /** N·B × O; MSE only. */
    public DMatrixRMaj vectorTargets() {
        return vectors;
    }

    public boolean hasTarget(int row) {
        return has[row];
    }

    @Override
    public int targetCount(int from, int len) {
        int n = 0;
        for (int r = from * streams; r < (from + len) * streams; r++) {
            if (has[r]) {
                n++;
            }
        }
        return n;
    }

    @Override
    public SequenceBatch window(int from, int len, int first, int count, DMatrixRMaj h0, DMatrixRMaj c0) {
        DMatrixRMaj x = rows(inputs, from, len, first, count);
        if (loss == LossType.CROSS_ENTROPY) {
            int[] cls = new int[len * count];
            for (int t = 0; t < len; t++) {
                System.arraycopy(classes, (from + t) * streams + first, cls, t * count, count);
            }
            return SequenceBatch.classification(len, count, x, cls, h0, c0, null);
        }
        boolean[] h = new boolean[len * count];
        for (int t = 0; t < len; t++) {
            System.arraycopy(has, (from + t) * streams + first, h, t * count, count);
        }
        return SequenceBatch.regression(len, count, x, rows(vectors, from, len, first, count), h, h0, c0, null);
    }

    /** Rows of steps [from, from + len), streams [first, first + count), as their own matrix. */
    private DMatrixRMaj rows(DMatrixRMaj m, int from, int len, int first, int count) {
        int w = m.numCols;
        DMatrixRMaj out = new DMatrixRMaj(len * count, w);
        for (int t = 0; t < len; t++) {
            System.arraycopy(m.data, ((from + t) * streams + first) * w, out.data, t * count * w, count * w);
        }
        return out;
    }
}
