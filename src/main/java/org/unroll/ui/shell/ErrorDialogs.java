package org.unroll.ui.shell;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.unroll.ui.I18n;
import org.unroll.ui.ErrorReason;
import org.unroll.ui.Theme;

/**
 * Error dialogs for users: a localized one-line reason, never a stack trace (details go to stderr).
 * Call on the JavaFX thread.
 */
public final class ErrorDialogs {

    public static final String STYLE_CLASS = "unroll-error";

    /** True while the last-resort dialog is open, so a burst of exceptions shows one dialog, not hundreds. */

    private ErrorDialogs() {
    }

    /** Shows {@code reason} (already localized, one line) without blocking; owner may be null. */
    public static Alert show(Window owner, String reason) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(I18n.get("error.title"));
        alert.setHeaderText(null);
        alert.setContentText(reason);
        if (owner != null) {
            alert.initOwner(owner);
        }
        style(alert.getDialogPane(), owner);
        alert.show();
        return alert;
    }

    /** Logs {@code error} to stderr and shows its {@link ErrorReason} without blocking. */
    public static Alert show(Window owner, Throwable error) {
        log(Thread.currentThread(), error);
        return show(owner, ErrorReason.of(error));
    }

    /**
     * Makes every exception that escapes an event handler, listener or runLater on the JavaFX thread
     * show as an error dialog over the focused window (full details on stderr only).
     * Safe to call from any thread; exceptions on other threads are not covered.
     */
    public static void installUncaughtHandler() {
        // one dialog at a time per handler: the handler installed last replaces the one before
        AtomicBoolean lastResortShowing = new AtomicBoolean(false);
        Runnable install = () -> Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            log(thread, error);
            if (lastResortShowing.compareAndSet(false, true)) {
                String reason = ErrorReason.of(error);
                Platform.runLater(() -> {
                    try {
                        Alert alert = show(focusedWindow(), reason);
                        // The window, not the Alert: closing the window directly never fires the Alert's onHidden.
                        alert.getDialogPane().getScene().getWindow()
                                .addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> lastResortShowing.set(false));
                    } catch (RuntimeException e) {
                        lastResortShowing.set(false);
                        log(Thread.currentThread(), e);
                    }
                });
            }
        });
        if (Platform.isFxApplicationThread()) {
            install.run();
        } else {
            Platform.runLater(install);
        }
    }

    private static Window focusedWindow() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null));
    }

    /** The dialog gets the Unroll theme and, from its owner, the zoomed font size and presenter mode. */
    private static void style(DialogPane pane, Window owner) {
        pane.getStylesheets().add(Theme.stylesheet());
        pane.getStyleClass().add(STYLE_CLASS);
        if (owner != null && owner.getScene() != null) {
            Parent root = owner.getScene().getRoot();
            if (root.getStyle() != null) {
                pane.setStyle(root.getStyle());
            }
            if (root.getStyleClass().contains(Theme.PRESENTER)) {
                pane.getStyleClass().add(Theme.PRESENTER);
            }
        }
    }

    private static void log(Thread thread, Throwable error) {
        System.err.println("Unroll: error on thread \"" + thread.getName() + "\"");
        error.printStackTrace(System.err);
    }
}
