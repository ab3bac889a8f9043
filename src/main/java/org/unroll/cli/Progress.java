package org.unroll.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.unroll.engine.GradCheck;

/**
 * Signs of life on standard error for long work, only when standard error is a terminal
 * (bin/unroll tells with -Dunroll.stderr.tty): one line redrawn in place, with the share done
 * and an estimate of the time left, cleared when the work ends. Scripts and tests see nothing.
 */
final class Progress implements GradCheck.Progress {
    private static final long FIRST_AFTER_NANOS = 1_000_000_000L;
    private final PrintWriter err;
    private final String what;
    private final long start = System.nanoTime();
    private long lastShown;
    private boolean shown;

    private Progress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    /** Progress for {@code what} on {@code err}, or none when standard error is no terminal. */
    static GradCheck.Progress of(PrintWriter err, String what) {
        return terminal() ? new Progress(err, what) : GradCheck.Progress.NONE;
    }

    static boolean terminal() {
        String told = System.getProperty("unroll.stderr.tty");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }

    @Override
    public boolean report(int done, int total) {
        long now = System.nanoTime();
        if (now - start < FIRST_AFTER_NANOS || now - lastShown < 200_000_000L) {
            finishIfDone(done, total);
            return true;
        }
        lastShown = now;
        double seconds = (now - start) / 1e9;
        double left = done == 0 ? Double.NaN : seconds * (total - done) / done;
        err.print(String.format(Locale.ROOT, "\r%s: %d of %d (%.0f%%)%s   ", what, done, total,
                100.0 * done / Math.max(1, total), Double.isNaN(left) ? "" : String.format(Locale.ROOT,
                        ", about %.0f s left", left)));
        err.flush();
        shown = true;
        finishIfDone(done, total);
        return true;
    }

    private void finishIfDone(int done, int total) {
        if (shown && done >= total) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }
}
