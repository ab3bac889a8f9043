package org.unroll.ui.shell;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.engine.CellType;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * Measures (prints, asserts nothing) the time from a key press to every view updated: the key
 * filter, the session, the title and status bindings, the timeline repaint, CSS and layout.
 * LSTM, T = 100, H = 64; 100 presses of → from the end of the forward pass into the backward pass.
 * Each press ends with the scene's own CSS and layout passes, as the next pulse would run them.
 * Run with {@code mvn test -Dtest=StepLatencyMeasurement -Dunroll.measure=true} (add
 * {@code -Dunroll.measure.charts=true} to include the charts pane in the charts slot, or
 * {@code -Dunroll.measure.full=true} for every pane of the app: charts, formula and inspector).
 */
@EnabledIfSystemProperty(named = "unroll.measure", matches = "true")
@ExtendWith(ApplicationExtension.class)
class StepLatencyMeasurement {
    private final ExecutorService compute = Executors.newSingleThreadExecutor();
    private Session session;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        session = new Session(compute, Platform::runLater);
        window = new MainWindow(session, new ZoomModel());
        if (Boolean.getBoolean("unroll.measure.charts") || Boolean.getBoolean("unroll.measure.full")) {
            window.chartsSlot().getChildren().add(new org.unroll.ui.charts.ChartsPane(session));
        }
        if (Boolean.getBoolean("unroll.measure.full")) {
            window.formulaSlot().getChildren().add(new org.unroll.ui.formula.FormulaPane(session, new org.unroll.ui.formula.FormulaImages()));
            window.inspectorSlot().getChildren().add(new org.unroll.ui.inspector.InspectorPane(session));
        }
        scene = new Scene(window.root(), 1280, 720);
        window.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        compute.shutdownNow();
    }

    @Test
    void keyPressToAllViewsUpdated() throws Exception {
        String text = "the quick brown fox jumps over the lazy dog. ".repeat(3).substring(0, 101);
        Setup lstm = Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(64).withText(text);
        long c0 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> session.apply(lstm)).get(10, TimeUnit.SECONDS).get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double computeMs = (System.nanoTime() - c0) / 1e6;
        WaitForAsyncUtils.asyncFx(() -> session.moveToIndex(90)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        int presses = 100;
        Runnable cssAndLayoutPass = pulsePasses(scene);
        double[] ms = WaitForAsyncUtils.asyncFx(() -> {
            double[] out = new double[2 * (presses + 10)];
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < presses + 10; i++) {
                long t0 = System.nanoTime();
                long c = mx.getCurrentThreadCpuTime();
                Event.fireEvent(scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot(),
                        new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.RIGHT, false, false, false, false));
                cssAndLayoutPass.run();
                out[i] = (System.nanoTime() - t0) / 1e6;
                out[presses + 10 + i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
            }
            return out;
        }).get(60, TimeUnit.SECONDS);
        double[] measured = Arrays.copyOfRange(ms, 10, presses + 10); // the first 10 warm up the JIT
        Arrays.sort(measured);
        double[] cpu = Arrays.copyOfRange(ms, presses + 20, 2 * (presses + 10));
        Arrays.sort(cpu);
        System.out.printf("unroll.measure FX-thread CPU time per press: median %.2f ms, worst %.2f ms; load average %.1f%n",
                cpu[presses / 2], cpu[presses - 1],
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("unroll.measure LSTM T=%d H=64: walk computed in %.0f ms (apply to shown); "
                        + "key press to all views updated over %d presses: median %.2f ms, worst %.2f ms, "
                        + "first (cold) %.2f ms; cursor now %s; %d cores, %s%n",
                session.getWalkthrough().steps(), computeMs, presses, measured[presses / 2], measured[presses - 1], ms[0],
                session.getCursor(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    /**
     * What a pulse does before rendering: the scene's CSS pass (only the nodes marked dirty)
     * and its layout pass, through the Scene's private methods. {@code root.applyCss()} would
     * instead force the whole scene to be restyled on every press, which the app never does.
     * Falls back to applyCss + layout when reflection is not allowed.
     */
    private static Runnable pulsePasses(Scene scene) {
        try {
            java.lang.reflect.Method css = Scene.class.getDeclaredMethod("doCSSPass");
            java.lang.reflect.Method layout = Scene.class.getDeclaredMethod("doLayoutPass");
            css.setAccessible(true);
            layout.setAccessible(true);
            System.out.println("unroll.measure passes: the scene's own CSS and layout passes");
            return () -> {
                try {
                    css.invoke(scene);
                    layout.invoke(scene);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("unroll.measure passes: root.applyCss() + layout() (" + e + ")");
            return () -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            };
        }
    }
}
