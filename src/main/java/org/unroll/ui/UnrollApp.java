package org.unroll.ui;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.unroll.task.Setup;
import org.unroll.ui.charts.ChartsPane;
import org.unroll.ui.charts.ChartsViewModel;
import org.unroll.ui.formula.FormulaImages;
import org.unroll.ui.formula.FormulaPane;
import org.unroll.ui.inspector.InspectorPane;
import org.unroll.ui.lesson.LessonPane;
import org.unroll.ui.session.Session;
import org.unroll.ui.shell.ErrorDialogs;
import org.unroll.ui.shell.MainWindow;
import org.unroll.ui.shell.ZoomModel;

/**
 * The desktop app: one main window, ready on the jeep lesson. Recomputation runs on one
 * background thread; any exception that escapes becomes a one-line dialog, never a stack trace.
 * With {@code -Dunroll.timing=true} it prints the time from JVM start to the first frame of jeep
 * (and with {@code -Dunroll.timing.exit=true} it then quits).
 */
public final class UnrollApp extends Application {
    private ExecutorService compute;
    private ExecutorService diagnostics;

    /** Starts the JavaFX toolkit and shows the app; returns when the last window closes. */
    public static void launchApp(String[] args) {
        Application.launch(UnrollApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        compute = computeThread();
        diagnostics = computeThread("unroll-diagnostics");
        // the app ends when its last window closes, also when a window is taken away without a window manager
        Platform.setImplicitExit(true);
        org.unroll.ui.shell.WindowTakenAway.watchAll();
        Session session = new Session(compute, diagnostics, Platform::runLater);
        MainWindow window = open(stage, session);
        if (Boolean.getBoolean("unroll.timing")) {
            reportFirstFrame(window, session);
        }
        session.apply(Setup.JEEP);
    }

    /** Builds the main window on {@code stage} (1280 × 720) and shows it; the caller applies a setup. */
    public static MainWindow open(Stage stage, Session session) {
        return open(stage, session, new ZoomModel());
    }

    /** As {@link #open(Stage, Session)} with a given zoom; the Language menu reopens the window this way, in the new language. */
    static MainWindow open(Stage stage, Session session, ZoomModel zoom) {
        ErrorDialogs.installUncaughtHandler();
        MainWindow window = new MainWindow(session, zoom);
        window.setOnLanguageChosen(() -> open(stage, session, zoom));
        // the charts and the values are built the first time their tab is shown: the first frame does not wait for them
        whenFirstShown(window, window.chartsSlot(), () -> {
            ChartsPane charts = new ChartsPane(session);
            charts.setErrorHandler(message -> ErrorDialogs.show(stage, message));
            return charts;
        });
        // the formula and the values follow the cursor only while their tab is selected: a key press
        // then costs nothing in the hidden one (its pane catches up when its tab is selected)
        whenFirstShown(window, window.inspectorSlot(), () -> {
            InspectorPane values = new InspectorPane(session);
            values.model().activeProperty().bind(selected(window, window.inspectorSlot()));
            return values;
        });
        // the formula images (a renderer, its cache and its thread) belong to this window and end with it
        FormulaImages formulaImages = new FormulaImages();
        FormulaPane formulas = new FormulaPane(session, formulaImages);
        formulas.model().activeProperty().bind(selected(window, window.formulaSlot()));
        window.formulaSlot().getChildren().add(formulas);
        // the slides thread belongs to this window and ends with it
        ExecutorService slides = computeThread("unroll-slides");
        LessonPane lesson = new LessonPane(session, slides);
        // a lesson step that names a chart or pane brings it to the front of the focus
        lesson.model().setOnShown(shown -> {
            switch (shown) {
                case FORMULA -> window.showFocus(MainWindow.Focus.FORMULA);
                case VALUES -> window.showFocus(MainWindow.Focus.VALUES);
                default -> {
                    window.showFocus(MainWindow.Focus.CHARTS);
                    if (window.chartsSlot().getChildren().get(0) instanceof ChartsPane charts) {
                        charts.select(ChartsViewModel.Kind.valueOf(shown.name()));
                    }
                }
            }
        });
        if (lesson.model().shownProperty().get() != null) {
            // the first step was shown while the pane was built
            Platform.runLater(() -> lesson.model().replayShown());
        }
        window.lessonSlot().getChildren().add(lesson);
        window.addFileExport(lesson.exportSlidesItem());
        Scene old = stage.getScene();
        Scene scene = old == null ? new Scene(window.root(), 1280, 720) : new Scene(window.root(), old.getWidth(), old.getHeight());
        window.install(scene);
        stage.setTitle(I18n.get("app.title") + " — " + I18n.get("app.subtitle"));
        stage.setScene(scene);
        closeWithScene(stage, scene, formulaImages);
        closeWithScene(stage, scene, slides::shutdownNow);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.show();
        return window;
    }

    /** Whether the focus tab that holds {@code slot} is the selected one. */
    private static javafx.beans.binding.BooleanBinding selected(MainWindow window, javafx.scene.layout.StackPane slot) {
        var selection = window.focusTabs().getSelectionModel().selectedItemProperty();
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selection.get() != null && selection.get().getContent() == slot, selection);
    }

    /** Puts a placeholder in {@code slot} and replaces it by {@code build}'s pane the first time the slot's tab is selected. */
    private static void whenFirstShown(MainWindow window, javafx.scene.layout.StackPane slot, java.util.function.Supplier<javafx.scene.Node> build) {
        Label coming = new Label();
        slot.getChildren().add(coming);
        window.focusTabs().getSelectionModel().selectedItemProperty().addListener((o, was, tab) -> {
            if (tab != null && tab.getContent() == slot && slot.getChildren().get(0) == coming) {
                slot.getChildren().setAll(build.get());
            }
        });
    }

    /** Closes {@code owned} when the stage closes or shows another scene (the Language menu reopens the window). */
    private static void closeWithScene(Stage stage, Scene scene, AutoCloseable owned) {
        Runnable close = () -> {
            try {
                owned.close();
            } catch (Exception e) {
                System.err.println("Unroll: " + ErrorReason.of(e));
            }
        };
        javafx.beans.value.ChangeListener<Scene> replaced = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene now) {
                if (now != scene) {
                    stage.sceneProperty().removeListener(this);
                    close.run();
                }
            }
        };
        stage.sceneProperty().addListener(replaced);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            if (stage.getScene() == scene) {
                close.run();
            }
        });
    }

    /** One daemon thread for recomputation; an error there (even OutOfMemoryError) becomes a dialog. */
    public static ExecutorService computeThread() {
        return computeThread("unroll-compute");
    }

    /** One daemon thread of that name; an error there (even OutOfMemoryError) becomes a dialog. */
    public static ExecutorService computeThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } catch (Throwable e) {
                    Platform.runLater(() -> ErrorDialogs.show(null, e));
                }
            }, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static void reportFirstFrame(MainWindow window, Session session) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Scene scene = window.root().getScene();
        Runnable[] pulse = new Runnable[1];
        pulse[0] = () -> {
            if (session.getWalkthrough() != null && window.timeline().paintCount() > 0) {
                scene.removePostLayoutPulseListener(pulse[0]);
                // the CPU time says how much work the first frame took, whatever else the machine runs
                long cpuMs = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getProcessCpuTime() / 1_000_000 : -1;
                System.out.println("unroll.timing launch-to-first-frame-ms=" + (System.currentTimeMillis() - jvmStart)
                        + " process-cpu-ms=" + cpuMs + " fx-thread-cpu-ms="
                        + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000
                        + " load=" + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                if (Boolean.getBoolean("unroll.timing.exit")) {
                    Platform.exit();
                }
            }
        };
        scene.addPostLayoutPulseListener(pulse[0]);
    }

    @Override
    public void stop() {
        if (diagnostics != null) {
            diagnostics.shutdownNow();
        }
        if (compute != null) {
            compute.shutdownNow();
        }
    }
}
