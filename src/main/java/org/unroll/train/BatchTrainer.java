package org.unroll.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Bptt;
import org.unroll.engine.Model;
import org.unroll.engine.Optimizer;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;

/**
 * One training step on a batch: forward, full BPTT, one optimizer step.
 * The batch is split into shards that run on separate threads, each on its own tape; since
 * the loss is a sum over sequences, the gradient is the sum of the shards' gradients, added in shard order.
 * All tapes, gradient buffers and worker threads are created once, in the constructor; a step
 * hands the shards to the workers through a round counter and allocates nothing. While the JIT is
 * still compiling, the calling thread runs the shards itself, one after another (see {@link CompilerWarmUp}).
 */
public final class BatchTrainer implements AutoCloseable {
    /**
     * A waiting thread spins this many times, then yields as many times, then parks. Spinning longer
     * is a trap on a loaded machine: when the OS puts both threads on one core, the spinner burns the
     * time slice the other thread needs to finish.
     */
    private static final int SPINS = 200;

    private final Model model;
    private final Optimizer optimizer;
    private final Bptt[] shards;
    private final Params[] shardGrads;
    private final double[] shardLoss;
    private final Params grads;
    /** Shard k ≥ 1 runs on workers[k − 1], started once and kept for every step. */
    private final Thread[] workers;
    /** Bumped by the caller to start a round; each worker runs its shard once per new value. */
    private volatile int round;
    /** Workers still running the current round. */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread caller;
    private volatile boolean closed;
    private volatile Throwable failure;
    private final CompilerWarmUp warmUp;

    /**
     * @param threads how many shards (and threads) to split the batch into, at most B
     */
    public BatchTrainer(Model model, SequenceBatch batch, Optimizer optimizer, int threads) {
        this(model, Shards.split(batch, Math.max(1, Math.min(threads, batch.batch()))), optimizer);
    }

    /**
     * A trainer over batches already split into shards, one thread each: {@code parts[k]} holds
     * consecutive sequences of the batch. {@link #setShards} later loads other batches of the
     * same shapes. With a null optimizer only {@link #forwardBackward()} may be called.
     */
    public BatchTrainer(Model model, SequenceBatch[] parts, Optimizer optimizer) {
        this(model, parts, optimizer, CompilerWarmUp.watchingTheJit());
    }

    /** As {@link #BatchTrainer(Model, SequenceBatch[], Optimizer)}, the warm-up shared with other trainers of a run. */
    BatchTrainer(Model model, SequenceBatch[] parts, Optimizer optimizer, CompilerWarmUp warmUp) {
        this.model = model;
        this.optimizer = optimizer;
        this.warmUp = warmUp;
        int n = parts.length;
        this.shards = new Bptt[n];
        this.shardGrads = new Params[n];
        this.shardLoss = new double[n];
        for (int i = 0; i < n; i++) {
            shards[i] = Bptt.forTraining(model, parts[i]);
            shardGrads[i] = model.params().zerosLike();
        }
        this.grads = model.params().zerosLike();
        this.workers = new Thread[n - 1];
        for (int i = 1; i < n; i++) {
            final int k = i;
            Thread t = new Thread(() -> work(k), "unroll-shard-" + k);
            t.setDaemon(true);
            workers[i - 1] = t;
            t.start();
        }
    }

    /** Shard k's forward and backward pass, its loss into shardLoss[k]. */
    private void runShard(int k) {
        shardLoss[k] = shards[k].forward();
        shards[k].backward(shardGrads[k]);
    }

    /** A worker's life: wait for a new round, run its shard, report, until closed. */
    private void work(int k) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (round == seen && !closed) {
                spins = pause(spins);
            }
            if (closed) {
                return;
            }
            seen = round;
            try {
                runShard(k);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** One wait of a waiting loop: spin, then yield, then park (woken by unpark or spuriously). */
    private int pause(int spins) {
        if (spins < SPINS) {
            Thread.onSpinWait();
        } else if (spins < 2 * SPINS) {
            Thread.yield();
        } else {
            LockSupport.park(this);
        }
        return spins + 1;
    }

    /** Forward and backward over the batch; returns the loss. Leaves the summed gradient in {@link #gradients()}. */
    public double forwardBackward() {
        if (closed) {
            throw new IllegalStateException("the trainer is closed");
        }
        if (workers.length > 0 && warmUp.sequential()) {
            try {
                for (int k = 0; k < shards.length; k++) {
                    runShard(k);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            warmUp.roundDone();
        } else {
            runInParallel();
        }
        if (failure != null) {
            Throwable e = failure;
            failure = null;
            throw new IllegalStateException("a training shard failed", e);
        }
        double loss = shardLoss[0];
        grads.setTo(shardGrads[0]);
        for (int i = 1; i < shards.length; i++) {
            loss += shardLoss[i];
            addInto(grads, shardGrads[i]);
        }
        return loss;
    }

    /** Shard 0 on the calling thread, shard k on worker k − 1; returns when all are done. */
    private void runInParallel() {
        if (workers.length > 0) {
            caller = Thread.currentThread();
            pending.set(workers.length);
            round++;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
        }
        try {
            runShard(0);
        } catch (RuntimeException | Error e) {
            // wait for the workers all the same: the next round must not meet this round's stragglers
            failure = e;
        }
        int spins = 0;
        while (pending.get() != 0) {
            spins = pause(spins);
        }
    }

    /** One full training step: forward, BPTT, the optimizer's update. Returns the loss before the update. */
    public double step() {
        double loss = forwardBackward();
        optimizer.step(model.params(), grads);
        return loss;
    }

    public Params gradients() {
        return grads;
    }

    /** Loads the next batch, shard by shard, into the tapes (same shapes as the constructor's parts). */
    public void setShards(SequenceBatch[] parts) {
        for (int i = 0; i < shards.length; i++) {
            shards[i].setSequence(parts[i]);
        }
    }

    /** The pass of shard k: its tape holds the last forward and backward pass of its sequences. */
    public Bptt shard(int k) {
        return shards[k];
    }

    private static void addInto(Params acc, Params g) {
        for (int k = 0; k < Params.NAMES.size(); k++) {
            DMatrixRMaj a = acc.tensor(k);
            DMatrixRMaj b = g.tensor(k);
            for (int i = 0; i < a.getNumElements(); i++) {
                a.data[i] += b.data[i];
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
