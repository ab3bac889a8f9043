package org.unroll.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Closes a window that was taken away from it in an X session without a window manager.
 *
 * <p>A window manager's close button sends the window WM_DELETE_WINDOW: GTK turns it into a close
 * request, the stage hides, and JavaFX ends the app when its last window is hidden (implicit exit).
 * Without a window manager nothing draws that button, and a window destroyed from outside
 * (`xdotool windowclose`, a kiosk script) reaches JavaFX only as "iconified": GTK reads the unmap that
 * precedes the destruction as an iconify and never tells JavaFX that the window is gone, so the JVM
 * kept running. Only a window manager can iconify a window, so an iconified stage with no window
 * manager running has been taken away: it is closed here, and the implicit exit ends the app if it was
 * the last window. Whether a window manager runs is asked of the X server off the JavaFX thread
 * (the root window's _NET_SUPPORTING_WM_CHECK, through {@code xprop}); when that cannot be asked, a
 * window manager is assumed and the stage is left alone.
 */
public final class WindowTakenAway {
    private WindowTakenAway() {
    }

    /**
     * Watches every stage the app shows from now on (the main window, the training and compare windows,
     * dialogs): the X server is asked whether a window manager runs. Call once, on the JavaFX thread.
     */
    public static void watchAll() {
        javafx.collections.ObservableList<javafx.stage.Window> windows = javafx.stage.Window.getWindows();
        windows.forEach(WindowTakenAway::watchOnce);
        windows.addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(WindowTakenAway::watchOnce);
            }
        });
    }

    private static void watchOnce(javafx.stage.Window w) {
        if (w instanceof Stage s && s.getProperties().putIfAbsent(WindowTakenAway.class, Boolean.TRUE) == null) {
            watch(s, WindowTakenAway::windowManagerRuns);
        }
    }

    /**
     * Watches {@code stage}: when it turns iconified, {@code windowManagerRuns} is asked on its own
     * daemon thread and, when it says no and the stage is still iconified, the stage is closed on the
     * JavaFX thread (tests give the answer).
     */
    public static void watch(Stage stage, BooleanSupplier windowManagerRuns) {
        stage.iconifiedProperty().addListener((o, was, iconified) -> {
            if (!iconified) {
                return;
            }
            Thread ask = new Thread(() -> {
                boolean wm = windowManagerRuns.getAsBoolean();
                if (!wm) {
                    Platform.runLater(() -> {
                        if (stage.isIconified() && stage.isShowing()) {
                            stage.close();
                        }
                    });
                }
            }, "unroll-window-manager-check");
            ask.setDaemon(true);
            ask.start();
        });
    }

    /**
     * Whether an EWMH window manager runs on the display: true unless {@code xprop -root} answers that
     * the root window has no _NET_SUPPORTING_WM_CHECK (so also true when it cannot be asked).
     */
    static boolean windowManagerRuns() {
        if (System.getenv("DISPLAY") == null || !System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return true;
        }
        try {
            Process p = new ProcessBuilder("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return true;
            }
            return !answersNoWindowManager(p.exitValue(), out);
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * xprop's answer read: a window manager names its check window ("_NET_SUPPORTING_WM_CHECK(WINDOW):
     * window id # 0x…"); "not found." or "no such atom on any window." means none set it.
     */
    static boolean answersNoWindowManager(int exit, String out) {
        return exit == 0 && out.startsWith("_NET_SUPPORTING_WM_CHECK") && !out.contains("window id");
    }
}
