package org.unroll.ui.shell;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in the window tests: until a condition holds (TestFX's waitFor; after 30 s the test fails instead of
 * going on silently), then until the JavaFX queue has run what that released.
 */
final class Settle {
    private Settle() {
    }

    static void until(BooleanSupplier ready) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, ready::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not settle within 30 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
