package org.unroll.ui.training;

/** Where a run in the training panel is. */
public enum RunState {
    /** Nothing started (or reset): the form can be edited. */
    READY,
    RUNNING,
    /** Stopped between two updates; one update at a time, step into, resume. */
    PAUSED,
    /** Every epoch or iteration done. */
    FINISHED,
    CANCELLED,
    /** The loss or the gradient became NaN or infinite; the update was not applied. */
    DIVERGED,
    /** The trainer threw. */
    FAILED;

    /** Whether a worker thread may still be running. */
    public boolean live() {
        return this == RUNNING || this == PAUSED;
    }

    /** Whether the run is over and its model can be read, saved, generated from. */
    public boolean over() {
        return this == FINISHED || this == CANCELLED || this == DIVERGED || this == FAILED;
    }
}
