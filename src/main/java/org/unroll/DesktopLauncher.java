package org.unroll;

import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unroll.cli.ExitCodes;
import org.unroll.ui.UnrollApp;

/** Starts the desktop app; a machine without GTK or a display gets one line, not a stack trace. */
final class DesktopLauncher {
    /**
     * JavaFX warns on every start that it was loaded from the class path, which is how
     * bin/unroll runs it on purpose. Held here so the logger keeps its level.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private DesktopLauncher() {
    }

    /** Runs the app until its last window closes; returns the exit code. */
    static int launch(String[] args, PrintStream err) {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        // AWT is only used for off-screen images (charts, figures, export): headless, so that only
        // JavaFX's toolkit talks to the X server and losing the display cannot take two toolkits down
        System.setProperty("java.awt.headless", "true");
        try {
            UnrollApp.launchApp(args);
            return ExitCodes.OK;
        } catch (RuntimeException | LinkageError e) {
            if (WindowProblem.isMissingWindowSystem(e)) {
                err.println(WindowProblem.HINT);
            } else {
                err.println("unroll: the desktop app failed: " + e);
                if (System.getenv("UNROLL_DEBUG") != null) {
                    e.printStackTrace(err);
                }
            }
            return ExitCodes.FAILURE;
        }
    }
}
