package org.unroll.cli;

/** What {@code unroll} returns to the shell. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Something went wrong inside Unroll (a bug), or the desktop app could not start. */
    public static final int FAILURE = 1;
    /** The user's input cannot be used: a bad file, a missing or unknown argument. */
    public static final int BAD_INPUT = 2;
    /** A gradient check found analytic and numeric gradients that disagree. */
    public static final int CHECK_FAILED = 3;
    /** A training run's loss or gradient became NaN or infinite. */
    public static final int DIVERGED = 4;

    private ExitCodes() {
    }
}
