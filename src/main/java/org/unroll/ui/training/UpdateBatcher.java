package org.unroll.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The hand-over from the training thread to the UI thread: the trainer offers events as they
 * happen, the UI drains them at most once every {@code periodNanos} (50 ms: about 20 redraws a
 * second however fast updates come), all at once, so a chart redraws once per batch.
 *
 * @param <E> the event type
 */
public final class UpdateBatcher<E> {
    /** 50 ms: at most 20 batches a second. */
    public static final long DEFAULT_PERIOD_NANOS = 50_000_000L;
    private final ConcurrentLinkedQueue<E> queue = new ConcurrentLinkedQueue<>();
    private final long periodNanos;
    private long lastDrain;
    private boolean drained;

    public UpdateBatcher(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    /** From any thread. */
    public void offer(E event) {
        queue.add(event);
    }

    /**
     * The events offered since the last batch, when the period has passed since then (or this is
     * the first batch); otherwise an empty list and the events wait. Called by the UI thread.
     */
    public List<E> drainIfDue(long nowNanos) {
        if (queue.isEmpty() || (drained && nowNanos - lastDrain < periodNanos)) {
            return List.of();
        }
        return drainNow(nowNanos);
    }

    /** Every event offered so far, whatever the time (for the end of a run and for tests). */
    public List<E> drainNow(long nowNanos) {
        List<E> out = new ArrayList<>();
        E e;
        while ((e = queue.poll()) != null) {
            out.add(e);
        }
        lastDrain = nowNanos;
        drained = true;
        return out;
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }
}
