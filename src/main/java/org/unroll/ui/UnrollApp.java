package org.unroll.ui;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.unroll.lesson.LessonLibrary;
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
    /** How long the first window waits for its first walk before it shows without it. */
    private static final double FIRST_WALK_WAIT_MS = 600;
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
        MainWindow window = build(stage, session, new ZoomModel(), true);
        if (Boolean.getBoolean("unroll.timing")) {
            whenFirstDrawn(window, session, () -> reportFirstFrame(window));
        }
        // the first lesson's first step asked for its setup (jeep) while the window was built; only a
        // window without lessons asks for jeep here
        CompletableFuture<?> first = session.busyProperty().get() ? session.latestRequest() : session.apply(Setup.JEEP);
        // the window shows once that walk is in (it was computed while the window was built), so that its
        // first frame is laid out and drawn once, with the walk; a walk that takes longer is not waited for
        Runnable show = () -> {
            if (!stage.isShowing()) {
                stage.show();
            }
        };
        first.whenComplete((w, e) -> Platform.runLater(show));
        PauseTransition patience = new PauseTransition(Duration.millis(FIRST_WALK_WAIT_MS));
        patience.setOnFinished(e -> show.run());
        patience.play();
    }

    /** Builds the main window on {@code stage} (1280 × 720) and shows it; the caller applies a setup. */
    public static MainWindow open(Stage stage, Session session) {
        return open(stage, session, new ZoomModel());
    }

    /** As {@link #open(Stage, Session)} with a given zoom; the Language menu reopens the window this way, in the new language. */
    static MainWindow open(Stage stage, Session session, ZoomModel zoom) {
        MainWindow window = build(stage, session, zoom, false);
        stage.show();
        return window;
    }

    /**
     * Builds the main window on {@code stage} and sets its scene; the caller shows the stage. The app's
     * first window reads only the first lesson before its first frame and the others after it; another
     * window (a test's, the Language menu's) reads them all before it shows.
     */
    private static MainWindow build(Stage stage, Session session, ZoomModel zoom, boolean appStart) {
        ErrorDialogs.installUncaughtHandler();
        // the slides thread belongs to this window and ends with it; it reads the lessons while the window
        // is built (JLaTeXMath loads its fonts and tables on the formula thread meanwhile)
        ExecutorService slides = computeThread("unroll-slides");
        Consumer<String> problems = onceEach(problem -> System.err.println("unroll: lesson " + problem));
        CompletableFuture<LessonLibrary.Shelf> lessons = CompletableFuture.supplyAsync(() -> appStart
                ? LessonLibrary.loadFirst(problems) : new LessonLibrary.Shelf(LessonLibrary.load(problems), 0), slides);
        // the formula images (a renderer, its cache and its thread) belong to this window and end with it
        FormulaImages formulaImages = new FormulaImages();
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
        FormulaPane formulas = new FormulaPane(session, formulaImages);
        formulas.model().activeProperty().bind(selected(window, window.formulaSlot()));
        window.formulaSlot().getChildren().add(formulas);
        LessonLibrary.Shelf shelf = lessons.join();
        LessonPane lesson = new LessonPane(session, shelf.lessons(), slides);
        if (appStart) {
            // the chooser counts every lesson file from the first frame on ("Lesson 1/21")
            lesson.model().expectLessons(shelf.files());
            whenFirstDrawn(window, session, () -> CompletableFuture.supplyAsync(() -> LessonLibrary.load(problems), slides)
                    .thenAccept(all -> Platform.runLater(() -> lesson.model().completeLessons(all))));
        }
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
        return window;
    }

    /** {@code report} for each line once: a lesson file that does not parse is named once, though read twice. */
    private static Consumer<String> onceEach(Consumer<String> report) {
        java.util.Set<String> said = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return line -> {
            if (said.add(line)) {
                report.accept(line);
            }
        };
    }

    /**
     * Runs {@code then} once, on the JavaFX thread, right after the layout of the first frame that shows
     * a walk in the window's timeline: the first frame is what the app's start is measured by, and work
     * the first frame does not need waits for it.
     */
    static void whenFirstDrawn(MainWindow window, Session session, Runnable then) {
        Runnable[] pulse = new Runnable[1];
        pulse[0] = () -> {
            if (session.getWalkthrough() != null && window.timeline().paintCount() > 0) {
                window.root().getScene().removePostLayoutPulseListener(pulse[0]);
                then.run();
            }
        };
        // build() calls this before and after the window has its scene
        if (window.root().getScene() != null) {
            window.root().getScene().addPostLayoutPulseListener(pulse[0]);
            return;
        }
        window.root().sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene now) {
                if (now != null) {
                    window.root().sceneProperty().removeListener(this);
                    now.addPostLayoutPulseListener(pulse[0]);
                }
            }
        });
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

    /** The time from the JVM's start to this moment, and the CPU time it took, on standard output. */
    private static void reportFirstFrame(MainWindow window) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        // the CPU time says how much work the first frame took, whatever else the machine runs
        long cpuMs = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        System.out.println("unroll.timing launch-to-first-frame-ms=" + (System.currentTimeMillis() - jvmStart)
                + " process-cpu-ms=" + cpuMs + " fx-thread-cpu-ms="
                + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000
                + " timeline-paints=" + window.timeline().paintCount()
                + " load=" + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (Boolean.getBoolean("unroll.timing.exit")) {
            Platform.exit();
        }
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
