package org.unroll.engine;

/**
 * One recurrent chain of a network: a layer (0 = the one next to the input) and a direction.
 * A single-layer, one-way network has one lane, {@link #SINGLE}; stacked and bidirectional
 * networks have one per layer and direction, and every per-step query names the lane it reads.
 *
 * @param layer     0-based layer
 * @param direction which way the chain runs through time
 */
public record Lane(int layer, Direction direction) {
    /** The only lane of a single-layer, one-way network. */
    public static final Lane SINGLE = new Lane(0, Direction.FORWARD);

    /** Which way a chain runs through time. */
    public enum Direction {
        /** t = 1 … T */
        FORWARD,
        /** t = T … 1 */
        BACKWARD
    }
}
