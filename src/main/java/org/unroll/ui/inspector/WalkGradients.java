package org.unroll.ui.inspector;

import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.unroll.engine.Params;
import org.unroll.engine.Walkthrough;

/**
 * The running sums and step contributions of the parameter gradients of the walk on screen, each asked
 * of the {@link Walkthrough} once and kept: the inspector and the formula pane read the same ones at
 * every stage of a backward step, and a running sum costs a product over all the later steps. Asking for
 * step t also starts step t − 1 (the next one backward) on a background thread, so stepping on finds it
 * ready. The results are shared, so callers must not change them. Toolkit-free; one walk at a time.
 */
public final class WalkGradients {

    /** Sums (and contributions) kept per walk: a few steps either side of the cursor. */
    private static final int KEEP = 8;
    private static final Executor AHEAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unroll-gradients-ahead");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    private static WeakReference<Walkthrough> walk = new WeakReference<>(null);
    private static final Map<Integer, CompletableFuture<Params>> SUMS = lru();
    private static final Map<Integer, CompletableFuture<Params>> STEPS = lru();

    private WalkGradients() {
    }

    /** {@link Walkthrough#runningSum(int)}, remembered. */
    public static Params runningSum(Walkthrough w, int t) {
        return ask(w, SUMS, t, w::runningSum).join();
    }

    /** {@link Walkthrough#stepContribution(int)}, remembered. */
    public static Params stepContribution(Walkthrough w, int t) {
        return ask(w, STEPS, t, w::stepContribution).join();
    }

    private static synchronized CompletableFuture<Params> ask(Walkthrough w, Map<Integer, CompletableFuture<Params>> kept,
                                                              int t, IntFunction<Params> compute) {
        if (walk.get() != w) {
            walk = new WeakReference<>(w);
            SUMS.clear();
            STEPS.clear();
        }
        CompletableFuture<Params> f = kept.get(t);
        if (f == null) {
            f = CompletableFuture.completedFuture(compute.apply(t));
            kept.put(t, f);
        }
        if (t - 1 >= 0) {
            ahead(SUMS, t - 1, w::runningSum);
            ahead(STEPS, t - 1, w::stepContribution);
        }
        return f;
    }

    private static void ahead(Map<Integer, CompletableFuture<Params>> kept, int t, IntFunction<Params> compute) {
        if (!kept.containsKey(t)) {
            kept.put(t, CompletableFuture.supplyAsync(() -> compute.apply(t), AHEAD));
        }
    }

    private static Map<Integer, CompletableFuture<Params>> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, CompletableFuture<Params>> eldest) {
                return size() > KEEP;
            }
        };
    }
}
