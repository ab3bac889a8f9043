package org.unroll.engine;

/**
 * Where the steps of a walk sit in the sequence a person reads. A walk of a whole sequence
 * starts at step 1 from its own initial state; a window of truncated training starts after
 * {@code offset} earlier steps, from the state those steps carried in.
 *
 * <p>This is the one place that turns engine steps (0-based, local to the walk) into the
 * numbers on screen (1-based, in the whole sequence): engine step t writes h_{t+1}.
 *
 * @param offset       the steps of the sequence before this walk's first step
 * @param carriedState whether h_0 (and c_0) come from an earlier window rather than the setup
 */
public record Window(int offset, boolean carriedState) {
    /** A whole sequence, from its own initial state. */
    public static final Window WHOLE = new Window(0, false);

    public Window {
        if (offset < 0) {
            throw new IllegalArgumentException("a window cannot start before the sequence: offset " + offset);
        }
    }

    /** The 1-based time step a person reads for engine step t (0-based): x_t, h_t, L_t are numbered so. */
    public int display(int t) {
        return offset + t + 1;
    }

    /** The engine step (0-based) of a displayed time step (1-based). */
    public int engineStep(int displayed) {
        return displayed - offset - 1;
    }

    /** The displayed index of state block k (h_k, c_k; k = 0 is the initial state). */
    public int displayState(int k) {
        return offset + k;
    }
}
