package org.unroll.engine;

/** Where a walk through one training step stands. */
public enum Phase {
    /** Nothing computed yet: the inputs and the initial state. */
    START,
    /** Forward through time, one step at a time. */
    FORWARD,
    /** The total loss, the sum of the step losses. */
    LOSS,
    /** Backward through time, from the last step to the first, four stages each. */
    BACKWARD,
    /** The parameter update with the summed gradients. */
    UPDATE
}
