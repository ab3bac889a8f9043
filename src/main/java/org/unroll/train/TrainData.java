package org.unroll.train;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.LossType;
import org.unroll.engine.SequenceBatch;

/**
 * B parallel streams of N steps, the data of a training run: d2l's sequential partitioning,
 * where stream b's window w follows on from its window w − 1. Step t of stream b is row
 * t·B + b, as in {@link SequenceBatch}.
 */
public interface TrainData {
    /** B. */
    int streams();

    /** N. */
    int length();

    int inputSize();

    LossType loss();

    /** How many (stream, step) pairs of steps [from, from + len) have a target. */
    int targetCount(int from, int len);

    /**
     * Steps [from, from + len) of streams [first, first + count) as a batch of {@code count}
     * sequences starting from {@code h0} and {@code c0} (held by reference, not copied, so the
     * caller can refill them before every pass).
     */
    SequenceBatch window(int from, int len, int first, int count, DMatrixRMaj h0, DMatrixRMaj c0);

    /** Like {@link #window}, but always a batch of its own that later windows do not touch. */
    default SequenceBatch copyOfWindow(int from, int len, int first, int count, DMatrixRMaj h0, DMatrixRMaj c0) {
        return window(from, len, first, count, h0, c0);
    }

    /**
     * True when {@link #window} returns the same batch object for the same arguments every time,
     * refilled in place (generated data), so a caller must not keep batches of earlier windows.
     */
    default boolean refillsInPlace() {
        return false;
    }
}
