package org.unroll.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Bptt;
import org.unroll.engine.Model;
import org.unroll.engine.Optimizer;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;

/**
 * One training step on a batch: forward, full BPTT, optional clipping, one optimizer step.
 * The batch is split into shards that run on separate threads, each on its own tape; since
 * the loss is a sum over sequences, the gradient is the sum of the shards' gradients.
 * All tapes and gradient buffers are allocated once, in the constructor.
 */
public final class BatchTrainer implements AutoCloseable {
    private final Model model;
    private final Optimizer optimizer;
    private final Bptt[] shards;
    private final Params[] shardGrads;
    private final Params grads;
    private final ExecutorService pool;
    private final List<java.util.concurrent.Callable<Double>> tasks = new ArrayList<>();

    /**
     * @param threads how many shards (and threads) to split the batch into, at most B
     */
    public BatchTrainer(Model model, SequenceBatch batch, Optimizer optimizer, int threads) {
        this.model = model;
        this.optimizer = optimizer;
        int n = Math.max(1, Math.min(threads, batch.batch()));
        this.shards = new Bptt[n];
        this.shardGrads = new Params[n];
        SequenceBatch[] parts = Shards.split(batch, n);
        for (int i = 0; i < n; i++) {
            shards[i] = new Bptt(model, parts[i]);
            shardGrads[i] = model.params().zerosLike();
            final int k = i;
            tasks.add(() -> {
                double loss = shards[k].forward();
                shards[k].backward(shardGrads[k]);
                return loss;
            });
        }
        this.grads = model.params().zerosLike();
        this.pool = n > 1 ? Executors.newFixedThreadPool(n - 1, r -> {
            Thread t = new Thread(r, "unroll-shard");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Forward and backward over the batch; returns the loss. Leaves the summed gradient in {@link #gradients()}. */
    public double forwardBackward() {
        double loss = 0;
        try {
            List<Future<Double>> running = new ArrayList<>();
            for (int i = 1; i < shards.length; i++) {
                running.add(pool.submit(tasks.get(i)));
            }
            loss += tasks.get(0).call();
            for (Future<Double> f : running) {
                loss += f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a training shard failed", e);
        }
        grads.setTo(shardGrads[0]);
        for (int i = 1; i < shards.length; i++) {
            addInto(grads, shardGrads[i]);
        }
        return loss;
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

    private static void addInto(Params acc, Params g) {
        for (int k = 0; k < Params.NAMES.size(); k++) {
            DMatrixRMaj a = acc.all().get(k);
            DMatrixRMaj b = g.all().get(k);
            for (int i = 0; i < a.getNumElements(); i++) {
                a.data[i] += b.data[i];
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
