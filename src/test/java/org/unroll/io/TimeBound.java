package org.unroll.io;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.Store;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;

/**
 * Bounds a fuzz property in time (a jqwik hook, added with {@code @AddLifecycleHook}): each try
 * runs on its own thread and fails when it takes longer than {@link #PER_TRY} (a hang is a
 * failure, not a stuck build); once a property has run for {@link #PER_PROPERTY}, its
 * remaining tries are not started (the property ends early, satisfied by the tries it ran).
 */
public final class TimeBound implements AroundTryHook {
    /** The longest one try may take. */
    static final Duration PER_TRY = Duration.ofSeconds(5);
    /** The time after which a property stops starting tries. */
    static final Duration PER_PROPERTY = Duration.ofSeconds(15);

    @Override
    public TryExecutionResult aroundTry(TryLifecycleContext context, TryExecutor aTry, List<Object> parameters) {
        Store<Long> start = Store.getOrCreate(TimeBound.class, Lifespan.PROPERTY, System::nanoTime);
        if (System.nanoTime() - start.get() > PER_PROPERTY.toNanos()) {
            return TryExecutionResult.satisfied(true);
        }
        return within(PER_TRY, aTry, parameters);
    }

    /** Runs one try on a fresh daemon thread; falsified when it throws or outlasts {@code limit}. */
    static TryExecutionResult within(Duration limit, TryExecutor aTry, List<Object> parameters) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-try");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<TryExecutionResult> result = one.submit(() -> aTry.execute(parameters));
            try {
                return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                return TryExecutionResult.falsified(new AssertionError(
                        "a try ran longer than " + limit.toSeconds() + " s (a hang) with " + parameters));
            } catch (ExecutionException e) {
                return TryExecutionResult.falsified(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return TryExecutionResult.falsified(e);
            }
        } finally {
            one.shutdownNow();
        }
    }
}
