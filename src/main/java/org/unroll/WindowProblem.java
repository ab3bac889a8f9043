package org.unroll;

import java.util.List;
import java.util.Locale;

/**
 * Tells a machine that cannot show a window (no GTK 3, no display) from any other failure of
 * the desktop app, by what JavaFX's toolkit says when it gives up.
 */
public final class WindowProblem {
    /** The one line a person sees instead of JavaFX's stack trace. */
    public static final String HINT = "unroll: cannot open a window: JavaFX needs GTK 3 and a display"
            + " (apt-get install libgtk-3-0 libxtst6 libgl1; use xvfb-run -a bin/unroll without a screen)";

    /** Lower-case fragments of the messages JavaFX gives when GTK or the display is missing. */
    private static final List<String> SIGNS = List.of(
            "unable to open display",
            "unable to load glass gtk library",
            "cannot open display",
            "libgtk-3",
            "libglassgtk",
            "no suitable pipeline",
            "no toolkit found");

    private WindowProblem() {
    }

    /** Whether {@code failure}, or anything that caused it, says the window system is missing. */
    public static boolean isMissingWindowSystem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isMissingWindowSystem(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Whether an error message is one of the toolkit's "no GTK / no display" messages. */
    public static boolean isMissingWindowSystem(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return SIGNS.stream().anyMatch(m::contains);
    }
}
