package org.unroll.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;

/**
 * The one owner of every value derived from one {@link Walkthrough}: step contributions,
 * running sums, their norms, the gradient flow with its Jacobian norms, and any table another
 * package derives (gate tables for the charts, say) through {@link #once}. Each value is
 * computed once, by the first thread that asks, and then shared by every reader: the inspector,
 * the formula, the charts, the lessons and export all read the same object. Safe to use from
 * any thread; a thread that asks while another computes waits for that result.
 *
 * <p>Memory: the per-step parameter sets (a running sum, a contribution) are kept for every step
 * while they fit a budget ({@value #STEP_BUDGET} numbers per kind); beyond it the least recently
 * read ones are dropped and, if asked again, computed again from the tape, to the same bits.
 * Everything else is O(T·H) or what a caller asks for.
 */
public final class WalkData {
    /** How many numbers the kept running sums (and, apart, the kept contributions) may hold. */
    static final long STEP_BUDGET = 8_000_000;

    private final Walkthrough walk;
    private final Map<Object, CompletableFuture<Object>> values = new ConcurrentHashMap<>();
    private final Map<Object, CompletableFuture<Object>> perStep;

    WalkData(Walkthrough walk) {
        this.walk = walk;
        int keep = (int) Math.max(16, Math.min(Integer.MAX_VALUE / 4, 2 * STEP_BUDGET / Math.max(1, walk.model().params().size())));
        this.perStep = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, CompletableFuture<Object>> eldest) {
                return size() > keep;
            }
        };
    }

    private record StepKey(String what, int t) {
    }

    private record EntryKey(String parameter, int row, int col) {
    }

    /**
     * The value under {@code key}, computed by {@code compute} the first time anyone asks and
     * shared after that. Keys are compared with {@code equals}; a package that derives its own
     * tables uses keys of its own type, so they cannot collide with another package's.
     */
    public <V> V once(Object key, Supplier<V> compute) {
        return get(values, key, compute);
    }

    /** The value under {@code key} if it has been computed, without computing or waiting. */
    @SuppressWarnings("unchecked")
    public <V> Optional<V> ready(Object key) {
        CompletableFuture<Object> f = values.get(key);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of((V) f.join()) : Optional.empty();
    }

    /** The gradient flow of sequence 0: ‖dL/dh_t‖, the Jacobian norms, σ_max(W_hh), the bound. */
    public GradientFlow flow() {
        return once(Derived.FLOW, () -> GradientFlow.of(walk.pass(), 0));
    }

    /** The total loss of the updated model on the walk's sequence (a forward pass of its own). */
    public double lossAfterUpdate() {
        return once(Derived.LOSS_AFTER_UPDATE, () -> new Bptt(walk.updatedModel(), walk.sequence()).forward());
    }

    /** Whether {@link #lossAfterUpdate()} has been computed. */
    public boolean lossAfterUpdateReady() {
        return ready(Derived.LOSS_AFTER_UPDATE).isPresent();
    }

    /** Whether {@link #sigmaMax()} can be read without a decomposition (it, or the whole flow, has been computed). */
    public boolean sigmaMaxReady() {
        return ready(Derived.SIGMA_MAX).isPresent() || flowReady();
    }

    /** Whether {@link #flow()} has been computed (it is the expensive diagnostic). */
    public boolean flowReady() {
        return ready(Derived.FLOW).isPresent();
    }

    /** σ_max(W_hh) alone, without the Jacobian norms. */
    public double sigmaMax() {
        Optional<GradientFlow> f = ready(Derived.FLOW);
        return f.isPresent() ? f.get().sigmaMax()
                : once(Derived.SIGMA_MAX, () -> GradientFlow.spectralNorm(walk.model().params().weightHh));
    }

    /** Σ over steps t … T−1 of the step contributions: the gradient once step t's stage 3 has run. Shared, read only. */
    public Params runningSum(int t) {
        checkStep(t);
        return perStep(new StepKey("sum", t), () -> {
            Params out = walk.model().params().zerosLike();
            walk.pass().accumulateGradients(t, walk.steps(), out);
            return out;
        });
    }

    /** Step t's own contribution to every parameter gradient. Shared, read only. */
    public Params stepContribution(int t) {
        checkStep(t);
        return perStep(new StepKey("step", t), () -> walk.pass().stepGradients(t));
    }

    /**
     * The Frobenius norm of every step's contribution to every parameter, ‖ΔW_t‖ for t = 0 … T−1,
     * by parameter name in {@link Params#NAMES} order. Computed in one sweep that keeps no
     * contribution, so it costs O(T) memory.
     */
    public Map<String, double[]> contributionNorms() {
        return once(Derived.CONTRIBUTION_NORMS, () -> {
            int steps = walk.steps();
            Map<String, double[]> out = new LinkedHashMap<>();
            for (String name : Params.NAMES) {
                out.put(name, new double[steps]);
            }
            Params scratch = walk.model().params().zerosLike();
            for (int t = 0; t < steps; t++) {
                Params step = contributionInto(t, scratch);
                for (String name : Params.NAMES) {
                    out.get(name)[t] = frobenius(step.get(name));
                }
            }
            return Map.copyOf(out);
        });
    }

    /** Whether {@link #contributionNorms()} has been computed (so reading it costs nothing). */
    public boolean contributionNormsReady() {
        return ready(Derived.CONTRIBUTION_NORMS).isPresent();
    }

    /** Whether {@link #entryContributions} of that entry has been computed (so reading it costs O(T)). */
    public boolean entryContributionsReady(String parameter, int row, int col) {
        return ready(new EntryKey(parameter, row, col)).isPresent();
    }

    /** Every step's contribution to one entry of one parameter, t = 0 … T−1 (signed). */
    public double[] entryContributions(String parameter, int row, int col) {
        DMatrixRMaj whole = walk.gradients().get(parameter);
        if (row < 0 || row >= whole.numRows || col < 0 || col >= whole.numCols) {
            throw new IllegalArgumentException(parameter + " is " + whole.numRows + "×" + whole.numCols
                    + ", no entry [" + row + "," + col + "]");
        }
        double[] kept = once(new EntryKey(parameter, row, col), () -> {
            double[] out = new double[walk.steps()];
            Params scratch = walk.model().params().zerosLike();
            for (int t = 0; t < out.length; t++) {
                out[t] = contributionInto(t, scratch).get(parameter).get(row, col);
            }
            return out;
        });
        return kept.clone();
    }

    /** Step t's contribution written into {@code scratch} (a buffer of the calling thread), or the kept one. */
    private Params contributionInto(int t, Params scratch) {
        CompletableFuture<Object> f;
        synchronized (perStep) {
            f = perStep.get(new StepKey("step", t));
        }
        if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
            return (Params) f.join();
        }
        scratch.zero();
        walk.pass().accumulateGradients(t, t + 1, scratch);
        return scratch;
    }

    private void checkStep(int t) {
        if (t < 0 || t >= walk.steps()) {
            throw new IndexOutOfBoundsException("step " + t + " of a walk of " + walk.steps());
        }
    }

    private <V> V perStep(Object key, Supplier<V> compute) {
        return get(perStep, key, compute);
    }

    @SuppressWarnings("unchecked")
    private static <V> V get(Map<Object, CompletableFuture<Object>> map, Object key, Supplier<V> compute) {
        while (true) {
            CompletableFuture<Object> mine = new CompletableFuture<>();
            CompletableFuture<Object> theirs;
            if (map instanceof ConcurrentHashMap) {
                theirs = map.putIfAbsent(key, mine);
            } else {
                synchronized (map) {
                    theirs = map.putIfAbsent(key, mine);
                }
            }
            if (theirs != null) {
                try {
                    return (V) theirs.join();
                } catch (java.util.concurrent.CancellationException e) {
                    // the thread computing it was stopped (its walk was left); this reader still wants it
                    if (Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    continue;
                } catch (CompletionException e) {
                    if (e.getCause() instanceof java.util.concurrent.CancellationException
                            && !Thread.currentThread().isInterrupted()) {
                        continue;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw e;
                }
            }
            try {
                V v = compute.get();
                mine.complete(v);
                return v;
            } catch (RuntimeException | Error e) {
                // a failed (or cancelled) computation is not kept: the next reader tries again
                if (map instanceof ConcurrentHashMap) {
                    map.remove(key, mine);
                } else {
                    synchronized (map) {
                        map.remove(key, mine);
                    }
                }
                mine.completeExceptionally(e);
                throw e;
            }
        }
    }

    private static double frobenius(DMatrixRMaj m) {
        return Norms.frobenius(m);
    }

    /** The keys of the engine's own derived values. */
    private enum Derived {
        FLOW, SIGMA_MAX, CONTRIBUTION_NORMS, LOSS_AFTER_UPDATE
    }

}
