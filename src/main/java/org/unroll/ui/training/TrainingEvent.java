package org.unroll.ui.training;

import java.util.Map;
import org.unroll.train.Update;

/** What the training thread reports to the UI, in order. */
public sealed interface TrainingEvent {
    /** One update, and the time spent training so far (pauses not counted). */
    record Stepped(Update update, long activeNanos) implements TrainingEvent {
    }

    /** The task's own score of the model after {@code updates} updates (test error, a sample, ...). */
    record Probed(int updates, Map<String, Object> score) implements TrainingEvent {
    }

    /** The thread has ended: finished, cancelled, diverged or failed. */
    record Ended(RunState state, Throwable failure) implements TrainingEvent {
    }
}
