package org.unroll.task;

/** How h_0 (and c_0) start. */
public enum InitialState {
    /** All zeros, PyTorch's default. */
    ZEROS,
    /** Uniform in [−0.5, 0.5], from the seed: a state carried over from earlier text. */
    RANDOM
}
