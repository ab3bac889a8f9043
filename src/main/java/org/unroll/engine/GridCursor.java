package org.unroll.engine;

/**
 * A point in the walk over the (layer, direction, time) grid of a stacked network: START, one
 * forward cell, LOSS, or one stage of one backward cell. It names a lane and a time in the
 * sequence's own time (0-based); the order of the points is {@link GridOrder}'s.
 *
 * @param phase START, FORWARD, LOSS or BACKWARD
 * @param lane  the layer and direction in FORWARD and BACKWARD, else null
 * @param time  t (0-based, the sequence's time) in FORWARD and BACKWARD, else −1
 * @param stage the stage in BACKWARD, else null
 */
public record GridCursor(Phase phase, Lane lane, int time, BackwardStage stage) {
    public static final GridCursor START = new GridCursor(Phase.START, null, -1, null);
    public static final GridCursor LOSS = new GridCursor(Phase.LOSS, null, -1, null);

    public static GridCursor forward(Lane lane, int t) {
        return new GridCursor(Phase.FORWARD, lane, t, null);
    }

    public static GridCursor backward(Lane lane, int t, BackwardStage stage) {
        return new GridCursor(Phase.BACKWARD, lane, t, stage);
    }

    /** Whether the cursor stands on a cell of the grid. */
    public boolean onCell() {
        return lane != null;
    }
}
