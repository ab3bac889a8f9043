package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * B sequences of different lengths, padded to T steps, with the initial states of every
 * layer and direction, as {@code pack_padded_sequence(..., enforce_sorted=False)} sees them.
 * Steps t ≥ lengths[b] of sequence b are padding: their inputs and targets are ignored.
 *
 * @param sequences the inputs and targets, step t of sequence b in row t·B + b; its own h0
 *                  and c0 are not used
 * @param lengths   B numbers in 1 … T
 * @param h0        (L·D)·B × H, row (l·D + d)·B + b (PyTorch's order l0, l0_reverse, l1, …), or null for zeros
 * @param c0        the same for the LSTM cell state, or null for zeros
 */
public record PaddedBatch(SequenceBatch sequences, int[] lengths, DMatrixRMaj h0, DMatrixRMaj c0) {

    public PaddedBatch {
        lengths = lengths.clone();
        if (lengths.length != sequences.batch()) {
            throw new IllegalArgumentException("lengths: " + lengths.length + " entries, expected " + sequences.batch());
        }
        for (int len : lengths) {
            if (len < 1 || len > sequences.steps()) {
                throw new IllegalArgumentException("a length " + len + " is outside 1.." + sequences.steps());
            }
        }
    }

    /** Every sequence the full T steps long, initial states taken from {@code seq} (one layer, one direction). */
    public static PaddedBatch full(SequenceBatch seq) {
        int[] lengths = new int[seq.batch()];
        java.util.Arrays.fill(lengths, seq.steps());
        return new PaddedBatch(seq, lengths, seq.h0(), seq.c0());
    }

    public int steps() {
        return sequences.steps();
    }

    public int batch() {
        return sequences.batch();
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    /** The length of sequence b. */
    public int length(int b) {
        return lengths[b];
    }

    /** Whether step t of sequence b is a real step (not padding). */
    public boolean isReal(int t, int b) {
        return t < lengths[b];
    }
}
