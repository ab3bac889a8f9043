package org.unroll.engine;

import java.util.List;

/**
 * What one point of a walk says about the cells of its lanes, whether the walk is the
 * single-layer one ({@link WalkPoint}, one lane) or a grid's ({@link GridWalkPoint}, a lane per
 * layer and direction): which forward cells and backward stages have run, and where the cursor
 * stands. Times are 0-based engine steps; a person reads them through {@link #display(int)}.
 */
public interface LanePoint {

    /** Every lane of the network, in PyTorch's order (l0, l0_reverse, l1, …). */
    List<Lane> lanes();

    /** START, FORWARD, LOSS, BACKWARD (or UPDATE for the single-layer walk). */
    Phase phase();

    /** The lane the cursor stands on in FORWARD and BACKWARD, else null. */
    Lane lane();

    /** The step t (0-based) the cursor stands on in FORWARD and BACKWARD, else −1. */
    int time();

    /** The backward stage the cursor is in, or null outside BACKWARD. */
    BackwardStage stage();

    /** Whether the forward cell of {@code lane} at step t has run. */
    boolean forwardDone(Lane lane, int t);

    /** Whether stage {@code s} of the backward cell of {@code lane} at step t has run. */
    boolean backwardDone(Lane lane, int t, BackwardStage s);

    /** Whether the losses exist. */
    boolean lossDone();

    /** The 1-based number a person reads for engine step t. */
    int display(int t);
}
