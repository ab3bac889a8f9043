package org.unroll.train;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.LossType;
import org.unroll.engine.SequenceBatch;

/** Splits a batch of B sequences into consecutive groups of sequences. */
final class Shards {
    private Shards() {
    }

    /** How many sequences each of n shards of a batch of b takes: b/n, the first b mod n one more. */
    static int[] sizes(int b, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = b / n + (i < b % n ? 1 : 0);
        }
        return out;
    }

    /** n batches holding sequences [0, B/n), [B/n, 2B/n), … of {@code batch}, all T steps each. */
    static SequenceBatch[] split(SequenceBatch batch, int n) {
        SequenceBatch[] out = new SequenceBatch[n];
        int b = batch.batch();
        int from = 0;
        for (int i = 0; i < n; i++) {
            int size = b / n + (i < b % n ? 1 : 0);
            out[i] = slice(batch, from, size);
            from += size;
        }
        return out;
    }

    /** Sequences [from, from + size) of the batch, as a batch of their own. */
    static SequenceBatch slice(SequenceBatch s, int from, int size) {
        int steps = s.steps();
        int b = s.batch();
        DMatrixRMaj x = rows(s.inputs(), steps, b, from, size);
        DMatrixRMaj h0 = s.h0() == null ? null : rows(s.h0(), 1, b, from, size);
        DMatrixRMaj c0 = s.c0() == null ? null : rows(s.c0(), 1, b, from, size);
        boolean[] has = new boolean[steps * size];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < size; k++) {
                has[t * size + k] = s.hasTarget(t * b + from + k);
            }
        }
        if (s.loss() == LossType.CROSS_ENTROPY) {
            int[] cls = new int[steps * size];
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < size; k++) {
                    cls[t * size + k] = s.classTarget(t * b + from + k);
                }
            }
            return SequenceBatch.classification(steps, size, x, cls, h0, c0, s.text());
        }
        return SequenceBatch.regression(steps, size, x, rows(s.vectorTargets(), steps, b, from, size), has, h0, c0, s.text());
    }

    /** From a (steps·b) × n matrix, the rows of sequences [from, from + size) at every step. */
    private static DMatrixRMaj rows(DMatrixRMaj m, int steps, int b, int from, int size) {
        int n = m.numCols;
        DMatrixRMaj out = new DMatrixRMaj(steps * size, n);
        for (int t = 0; t < steps; t++) {
            System.arraycopy(m.data, (t * b + from) * n, out.data, t * size * n, size * n);
        }
        return out;
    }
}
