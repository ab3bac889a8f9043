package org.unroll.ui.training;

import org.unroll.engine.SequenceBatch;
import org.unroll.train.Snapshot;

/**
 * An update to step through: the parameters it started from, one stream's window as the
 * sequence it trained on, starting from that stream's real initial state.
 *
 * @param snapshot the update's snapshot (all B streams)
 * @param stream   the 0-based stream shown
 * @param sequence that stream's window, from its initial state
 * @param carried  whether the initial state was carried in from the previous window (stateful,
 *                 not the first window), so the gradient was cut at the window's start
 * @param step     what the optimizer did in this update (its moments and Δθ per parameter)
 */
public record SteppedUpdate(Snapshot snapshot, int stream, SequenceBatch sequence, boolean carried,
                            OptimizerStep step) {
    /** The 1-based steps of the stream the window covers, first and last. */
    public int firstStep() {
        return snapshot.windowStart() + 1;
    }

    public int lastStep() {
        return snapshot.windowStart() + snapshot.windowLength();
    }
}
