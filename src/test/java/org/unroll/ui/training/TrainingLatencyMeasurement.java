package org.unroll.ui.training;

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
import org.unroll.ui.shell.MainWindow;
import org.unroll.ui.shell.ZoomModel;

/**
 * Key-press step latency in the main window while the training panel trains an LSTM (H = 32,
 * B = 32, T = 60: the adding problem) with its live charts, against the same presses with no
 * training, in one run. Each press is its own FX-thread task, so the panel's chart batches and
 * the rendering pulses run between presses as they do in the app; a press is timed from firing
 * KEY_PRESSED to the end of the scene's own CSS and layout passes (as StepLatencyMeasurement).
 * Opt-in: {@code mvn test -Dtest=TrainingLatencyMeasurement -Dunroll.measure=true}.
 */
@EnabledIfSystemProperty(named = "unroll.measure", matches = "true")
@ExtendWith(ApplicationExtension.class)
class TrainingLatencyMeasurement {
    private final ExecutorService compute = Executors.newSingleThreadExecutor();
    private Session session;
    private Scene scene;
    private TrainingViewModel vm;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        session = new Session(compute, Platform::runLater);
        MainWindow window = new MainWindow(session, new ZoomModel());
        scene = new Scene(window.root(), 1280, 720);
        window.install(scene);
        stage.setScene(scene);
        stage.show();
        vm = new TrainingViewModel();
        Stage train = new Stage();
        train.setScene(new Scene(new TrainingView(vm), 1280, 720));
        train.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::close).get(30, TimeUnit.SECONDS);
        compute.shutdownNow();
    }

    @Test
    void stepLatencyWhileAnLstmTrains() throws Exception {
        String text = "the quick brown fox jumps over the lazy dog. ".repeat(3).substring(0, 101);
        Setup lstm = Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(64).withText(text);
        WaitForAsyncUtils.asyncFx(() -> session.apply(lstm)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session.getWalkthrough() != null
                && !session.busyProperty().get());
        Runnable passes = pulsePasses(scene);
        double[] idle = presses(passes, 60);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.setForm(TrainForm.defaultsFor(TaskKind.ADDING).withIterations(100_000));
            vm.start();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.updatesProperty().get() >= 20);
        int before = vm.updatesProperty().get();
        long t0 = System.nanoTime();
        double[] training = presses(passes, 60);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int updates = vm.updatesProperty().get() - before;
        report("no training", idle);
        report("while the LSTM trains (" + updates + " updates in " + String.format("%.1f", seconds) + " s)", training);
    }

    /** Home, then {@code n} presses of → (after 10 to warm up), each its own FX task; wall ms per press. */
    private double[] presses(Runnable passes, int n) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> session.moveToIndex(90)).get(10, TimeUnit.SECONDS);
        double[] out = new double[n];
        for (int i = -10; i < n; i++) {
            if (i == n / 2) {
                WaitForAsyncUtils.asyncFx(() -> session.moveToIndex(90)).get(10, TimeUnit.SECONDS);
            }
            double ms = WaitForAsyncUtils.asyncFx(() -> {
                long s = System.nanoTime();
                Event.fireEvent(scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot(),
                        new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.RIGHT, false, false, false, false));
                passes.run();
                return (System.nanoTime() - s) / 1e6;
            }).get(30, TimeUnit.SECONDS);
            if (i >= 0) {
                out[i] = ms;
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        return out;
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("unroll.measure key press, %s: median %.2f ms, 90th percentile %.2f ms, worst %.2f ms over %d"
                        + " presses; load average %.1f; %d cores%n", what, s[s.length / 2], s[(int) (s.length * 0.9)],
                s[s.length - 1], s.length,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static Runnable pulsePasses(Scene scene) {
        try {
            java.lang.reflect.Method css = Scene.class.getDeclaredMethod("doCSSPass");
            java.lang.reflect.Method layout = Scene.class.getDeclaredMethod("doLayoutPass");
            css.setAccessible(true);
            layout.setAccessible(true);
            return () -> {
                try {
                    css.invoke(scene);
                    layout.invoke(scene);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return () -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            };
        }
    }
}
