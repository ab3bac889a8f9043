package org.unroll;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which failures of the desktop app mean "this machine cannot show a window". */
class WindowProblemTest {

    @Test
    void noDisplay() {
        // What JavaFX 21 throws from Application.launch on a machine without a display.
        assertTrue(WindowProblem.isMissingWindowSystem(new UnsupportedOperationException("Unable to open DISPLAY")));
    }

    @Test
    void noGtkLibrary() {
        assertTrue(WindowProblem.isMissingWindowSystem(
                new UnsupportedOperationException("Unable to load glass GTK library.")));
    }

    @Test
    void causeDeepInTheChain() {
        Throwable link = new UnsatisfiedLinkError("libglassgtk3.so: libgtk-3.so.0: cannot open shared object file");
        RuntimeException wrapped = new RuntimeException("Application launch exception", new IllegalStateException(link));
        assertTrue(WindowProblem.isMissingWindowSystem(wrapped));
    }

    @Test
    void noGraphicsPipeline() {
        assertTrue(WindowProblem.isMissingWindowSystem(new RuntimeException("No toolkit found")));
    }

    @Test
    void otherFailuresAreNotBlamedOnTheWindowSystem() {
        assertFalse(WindowProblem.isMissingWindowSystem(new IllegalStateException("Application launch must not be called more than once")));
        assertFalse(WindowProblem.isMissingWindowSystem(new NullPointerException()));
        assertFalse(WindowProblem.isMissingWindowSystem(new RuntimeException("Exception in Application start method",
                new IllegalArgumentException("bad lesson file"))));
        assertFalse(WindowProblem.isMissingWindowSystem((String) null));
    }
}
