package org.unroll.train;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.StackedParams;
import org.unroll.engine.Tape;

/**
 * A one-layer RNN, LSTM or GRU with its output layer, run by the engine's {@link org.unroll.engine.Bptt}
 * through {@link BatchTrainer}: the B streams are split into shards, one thread each, and every
 * window length (the full one, and a shorter last one) has its own trainer with tapes of that
 * length. Each shard owns its initial-state matrices; every window batch of the shard refers to
 * them, so carrying or resetting the state is a copy into them and nothing is allocated per pass.
 */
public final class ShallowNetwork implements Network {
    private final Model model;
    /** The model's tensors under their names, made once. */
    private final StackedParams parameters;
    private final TrainData data;
    private final int[] first;
    private final int[] count;
    private final DMatrixRMaj[] h0;
    private final DMatrixRMaj[] c0;
    private final Map<Integer, BatchTrainer> trainers = new HashMap<>();
    /** One warm-up for the trainers of every window length, so that a later one starts in parallel. */
    private final CompilerWarmUp warmUp = CompilerWarmUp.watchingTheJit();
    /** Each trainer's gradient tensors under their names, made once per trainer. */
    private final Map<Integer, StackedParams> gradientViews = new HashMap<>();
    /** Window batches by first step, built once for data held in memory. */
    private final Map<Integer, SequenceBatch[]> windows = new HashMap<>();
    private final int hidden;
    /** The shards' batches of generated data, refilled for every window. */
    private final SequenceBatch[] refill;
    private BatchTrainer last;
    private int lastLength;

    /** The model is trained in place: its parameters are the ones the optimizer changes. */
    public ShallowNetwork(Model model, TrainData data, int threads) {
        this.model = model;
        this.parameters = StackedParams.of(model.params());
        this.data = data;
        this.hidden = model.hiddenSize();
        int n = Math.max(1, Math.min(threads, data.streams()));
        this.count = Shards.sizes(data.streams(), n);
        this.first = new int[n];
        this.h0 = new DMatrixRMaj[n];
        this.c0 = new DMatrixRMaj[n];
        this.refill = new SequenceBatch[n];
        boolean lstm = model.cell().hasCellState();
        for (int k = 0; k < n; k++) {
            first[k] = k == 0 ? 0 : first[k - 1] + count[k - 1];
            h0[k] = new DMatrixRMaj(count[k], hidden);
            c0[k] = lstm ? new DMatrixRMaj(count[k], hidden) : null;
        }
    }

    @Override
    public StackedParams parameters() {
        return parameters;
    }

    @Override
    public boolean hasCellState() {
        return model.cell().hasCellState();
    }

    @Override
    public void resetState() {
        for (int k = 0; k < h0.length; k++) {
            h0[k].zero();
            if (c0[k] != null) {
                c0[k].zero();
            }
        }
    }

    @Override
    public void carryState() {
        if (last == null) {
            resetState();
            return;
        }
        for (int k = 0; k < h0.length; k++) {
            Tape tape = last.shard(k).tape();
            int from = tape.stateRow(lastLength) * hidden;
            System.arraycopy(tape.h.data, from, h0[k].data, 0, count[k] * hidden);
            if (c0[k] != null) {
                System.arraycopy(tape.c.data, from, c0[k].data, 0, count[k] * hidden);
            }
        }
    }

    @Override
    public void initialState(DMatrixRMaj h, DMatrixRMaj c) {
        for (int k = 0; k < h0.length; k++) {
            System.arraycopy(h0[k].data, 0, h.data, first[k] * hidden, count[k] * hidden);
            if (c != null && c0[k] != null) {
                System.arraycopy(c0[k].data, 0, c.data, first[k] * hidden, count[k] * hidden);
            }
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
        for (int k = 0; k < h0.length; k++) {
            Tape tape = last.shard(k).tape();
            int from = tape.stateRow(lastLength) * hidden;
            System.arraycopy(tape.h.data, from, h.data, first[k] * hidden, count[k] * hidden);
            if (c != null && tape.c != null) {
                System.arraycopy(tape.c.data, from, c.data, first[k] * hidden, count[k] * hidden);
            }
        }
    }

    @Override
    public double forwardBackward(int from, int len) {
        SequenceBatch[] parts = batches(from, len);
        BatchTrainer trainer = trainers.get(len);
        if (trainer == null) {
            trainer = new BatchTrainer(model, parts, null, warmUp);
            trainers.put(len, trainer);
        } else {
            trainer.setShards(parts);
        }
        last = trainer;
        lastLength = len;
        return trainer.forwardBackward();
    }

    /** Window [from, from + len) shard by shard: built once, or refilled in place for generated data. */
    private SequenceBatch[] batches(int from, int len) {
        if (data.refillsInPlace()) {
            for (int k = 0; k < refill.length; k++) {
                refill[k] = data.window(from, len, first[k], count[k], h0[k], c0[k]);
            }
            return refill;
        }
        SequenceBatch[] parts = windows.get(from);
        if (parts == null) {
            parts = new SequenceBatch[h0.length];
            for (int k = 0; k < parts.length; k++) {
                parts[k] = data.window(from, len, first[k], count[k], h0[k], c0[k]);
            }
            windows.put(from, parts);
        }
        return parts;
    }

    @Override
    public StackedParams gradients() {
        return gradientViews.computeIfAbsent(lastLength, k -> StackedParams.of(last.gradients()));
    }

    @Override
    public void close() {
        trainers.values().forEach(BatchTrainer::close);
    }
}
