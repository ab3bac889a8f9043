package org.unroll.ui.shell;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.unroll.engine.CellType;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.UnrollApp;
import org.unroll.ui.session.Session;

/**
 * The step-latency harness (a main, not a test): the real main window as {@link UnrollApp} builds it
 * (formula, values and charts tabs, the lesson, the timeline), an LSTM with T = 100 and H = 64, and
 * presses of → from point 90 (the end of the forward pass, the loss, on into the backward pass).
 * Each press is its own JavaFX task, fired {@value #GAP_MS} ms after the previous one ended, so the
 * rendering pulses, the formula images landing and the diagnostics run between presses as in the
 * app. A press is timed on the JavaFX thread from firing KEY_PRESSED to the end of the scene's own
 * CSS and layout passes (what the next pulse does before it renders), split into the handlers
 * (key filter, session, every pane's listeners), CSS and layout; presses during which a GC ran
 * are counted. Run once per focus tab: formula, values, charts.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * xvfb-run -a -s "-screen 0 1280x720x24" java -Djava.awt.headless=true -Dprism.order=sw \
 *     --add-modules jdk.incubator.vector -Dunroll.vector=true \
 *     -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) org.unroll.ui.shell.StepLatencyBench [presses]
 * </pre>
 */
public final class StepLatencyBench {
    static final long GAP_MS = 40;
    static final int WARM_UP = 30;

    private final ExecutorService compute = UnrollApp.computeThread();
    private final ExecutorService diagnostics = UnrollApp.computeThread("unroll-diagnostics");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-timer");
        t.setDaemon(true);
        return t;
    });

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application of the harness (the launcher class itself must not be one). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            int presses = getParameters().getRaw().isEmpty() ? 300 : Integer.parseInt(getParameters().getRaw().get(0));
            new StepLatencyBench().start(stage, presses);
        }
    }

    private void start(Stage stage, int presses) {
        I18n.setLocale(I18n.ENGLISH);
        // every task the session publishes on the JavaFX thread is timed, with the CSS and layout passes after it
        Session session = new Session(compute, diagnostics, r -> Platform.runLater(() -> {
            long t0 = System.nanoTime();
            r.run();
            if (publishing != null) {
                publishing.run(stage.getScene(), t0);
            }
        }));
        MainWindow window = UnrollApp.open(stage, session);
        Scene scene = stage.getScene();
        String text = "the quick brown fox jumps over the lazy dog. ".repeat(3).substring(0, 101);
        Setup lstm = Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(64).withText(text);
        long c0 = System.nanoTime();
        session.apply(lstm).thenRun(() -> {
            double computeMs = (System.nanoTime() - c0) / 1e6;
            System.out.printf(Locale.ROOT, "bench: LSTM T=%d H=64 shown %.0f ms after apply; %d cores, Java %s, load average %.2f%n",
                    session.getWalkthrough().steps(), computeMs, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            // every pane built (the values and charts are built when their tab is first shown), then one run per tab
            Platform.runLater(() -> {
                for (MainWindow.Focus focus : MainWindow.Focus.values()) {
                    window.showFocus(focus);
                }
            });
            CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
            String only = System.getProperty("bench.focus"); // FORMULA, VALUES or CHARTS: one run only
            for (MainWindow.Focus focus : MainWindow.Focus.values()) {
                if (only == null || only.equalsIgnoreCase(focus.name())) {
                    all = all.thenCompose(v -> run(window, session, scene, focus, presses));
                }
            }
            if (Boolean.getBoolean("bench.big")) {
                all = all.thenCompose(v -> big(session));
            }
            all.whenComplete((v, e) -> {
                if (e != null) {
                    e.printStackTrace();
                }
                Platform.runLater(() -> {
                    compute.shutdownNow();
                    diagnostics.shutdownNow();
                    Platform.exit();
                });
            });
        });
    }

    /** Called after each task the session publishes (scene, its start in ns), while the big walk is measured. */
    private volatile Publishing publishing;

    private interface Publishing {
        void run(Scene scene, long t0);
    }

    /**
     * An LSTM with T = 1000 and H = 128 (the formula tab in front): the pass on the compute thread, then
     * on the JavaFX thread the walk published and every pane updated (with the CSS and layout passes),
     * then the diagnostics computed on their own thread and shown.
     */
    private CompletableFuture<Void> big(Session session) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        String text = "the quick brown fox jumps over the lazy dog. ".repeat(23).substring(0, 1001);
        Setup lstm = Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(128).withText(text);
        Platform.runLater(() -> {
            long asked = System.nanoTime();
            long[] shown = new long[1];
            Passes[] passes = new Passes[1];
            publishing = (scene, t0) -> {
                if (passes[0] == null) {
                    passes[0] = new Passes(scene);
                }
                if (session.getWalkthrough() != null && session.getWalkthrough().steps() == 1000 && shown[0] == 0) {
                    passes[0].passesOnly(scene);
                    shown[0] = System.nanoTime();
                    System.out.printf(Locale.ROOT, "bench: LSTM T=1000 H=128: pass ready after %.0f ms; published and every pane updated "
                            + "(CSS + layout included) in %.1f ms on the JavaFX thread%n", (t0 - asked) / 1e6, (shown[0] - t0) / 1e6);
                }
            };
            session.diagnosticsProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends org.unroll.engine.Walkthrough> o,
                                    org.unroll.engine.Walkthrough a, org.unroll.engine.Walkthrough w) {
                    if (w != null && w.steps() == 1000) {
                        session.diagnosticsProperty().removeListener(this);
                        System.out.printf(Locale.ROOT, "bench: LSTM T=1000 H=128: diagnostics (gradient flow, Jacobian norms) shown "
                                + "%.0f ms after the walk%n", (System.nanoTime() - shown[0]) / 1e6);
                        publishing = null;
                        done.complete(null);
                    }
                }
            });
            session.apply(lstm);
        });
        return done;
    }

    /** One run: the focus tab in front, the cursor at 90, warm-up presses, then the measured ones. */
    private CompletableFuture<Void> run(MainWindow window, Session session, Scene scene, MainWindow.Focus focus, int presses) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            window.showFocus(focus);
            session.moveToIndex(90);
            focusTabs = window.focusTabs();
            resized[0] = 0;
            if (Boolean.getBoolean("bench.watchCharts")) {
                watch(window.chartsSlot());
            }
            Passes passes = new Passes(scene);
            List<double[]> samples = new ArrayList<>();
            press(scene, passes, samples, -WARM_UP, presses, done, focus, session);
        });
        return done;
    }

    /** Prints every size change of a chart viewer under {@code root} (a chart redraws when its viewer is resized). */
    private static void watch(javafx.scene.Node root) {
        if (root instanceof org.jfree.chart.fx.ChartViewer v) {
            v.heightProperty().addListener((o, a, b) -> System.out.println("bench: chart viewer height " + a + " -> " + b
                    + " visible=" + v.isVisible() + " tree=" + Thread.currentThread().getStackTrace().length));
            v.widthProperty().addListener((o, a, b) -> System.out.println("bench: chart viewer width " + a + " -> " + b));
        }
        if (root instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(StepLatencyBench::watch);
        }
    }

    /** How many measured presses of the current run changed the focus tabs' height (a relayout of every pane). */
    private final int[] resized = new int[1];
    private javafx.scene.layout.Region focusTabs;

    private void press(Scene scene, Passes passes, List<double[]> samples, int i, int presses,
                       CompletableFuture<Void> done, MainWindow.Focus focus, Session session) {
        timer.schedule(() -> Platform.runLater(() -> {
            if (i == 0) {
                System.gc(); // start the measured presses with the warm-up's garbage gone
            }
            double before = focusTabs.getHeight();
            double[] one = passes.press(scene);
            if (i >= 0 && focusTabs.getHeight() != before) {
                resized[0]++;
            }
            if (i >= 0) {
                samples.add(one);
            }
            if (i + 1 < presses) {
                press(scene, passes, samples, i + 1, presses, done, focus, session);
            } else {
                report(focus, samples, session);
                System.out.printf(Locale.ROOT, "bench: focus %-7s presses that changed the focus's height: %d%n", focus, resized[0]);
                done.complete(null);
            }
        }), i == -WARM_UP ? 1000 : GAP_MS, TimeUnit.MILLISECONDS);
    }

    private static void report(MainWindow.Focus focus, List<double[]> samples, Session session) {
        int n = samples.size();
        double[] total = column(samples, 0);
        double[] handlers = column(samples, 1);
        double[] css = column(samples, 2);
        double[] layout = column(samples, 3);
        double[] cpu = column(samples, 4);
        long gcPresses = samples.stream().filter(s -> s[5] > 0).count();
        double gcWorst = samples.stream().filter(s -> s[5] > 0).mapToDouble(s -> s[0]).max().orElse(0);
        double noGcWorst = samples.stream().filter(s -> s[5] == 0).mapToDouble(s -> s[0]).max().orElse(0);
        System.out.printf(Locale.ROOT, "bench: focus %-7s %d presses: total median %.2f p90 %.2f p99 %.2f max %.2f ms | "
                        + "handlers median %.2f p99 %.2f | css median %.2f p99 %.2f | layout median %.2f p99 %.2f | "
                        + "FX CPU median %.2f p99 %.2f | presses with a GC %d (worst %.1f ms; worst without %.1f ms) | "
                        + "cursor now %s | load %.2f%n",
                focus, n, pct(total, 50), pct(total, 90), pct(total, 99), pct(total, 100),
                pct(handlers, 50), pct(handlers, 99), pct(css, 50), pct(css, 99), pct(layout, 50), pct(layout, 99),
                pct(cpu, 50), pct(cpu, 99), gcPresses, gcWorst, noGcWorst, session.getCursor(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (Boolean.getBoolean("bench.slowest")) {
            samples.stream().sorted((a, b) -> Double.compare(b[0], a[0])).limit(8).forEach(s -> System.out.printf(Locale.ROOT,
                    "bench:   slow press %.1f ms: handlers %.1f css %.1f layout %.1f cpu %.1f gc %.0f ms%n", s[0], s[1], s[2], s[3], s[4], s[5]));
        }
    }

    private static double[] column(List<double[]> samples, int k) {
        return samples.stream().mapToDouble(s -> s[k]).sorted().toArray();
    }

    /** The p-th percentile (nearest rank) of sorted values. */
    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A key press and the scene's own CSS and layout passes, timed. */
    private static final class Passes {
        private final java.lang.reflect.Method css;
        private final java.lang.reflect.Method layout;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();

        Passes(Scene scene) {
            try {
                css = Scene.class.getDeclaredMethod("doCSSPass");
                layout = Scene.class.getDeclaredMethod("doLayoutPass");
                css.setAccessible(true);
                layout.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the scene's passes cannot be called: " + e, e);
            }
        }

        /** The scene's CSS and layout passes alone. */
        void passesOnly(Scene scene) {
            try {
                css.invoke(scene);
                layout.invoke(scene);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** total, handlers, css, layout, FX-thread CPU (ms), GC time during the press (ms). */
        double[] press(Scene scene) {
            long gc0 = gcTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Event.fireEvent(scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot(),
                    new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.RIGHT, false, false, false, false));
            long t1 = System.nanoTime();
            try {
                css.invoke(scene);
                long t2 = System.nanoTime();
                layout.invoke(scene);
                long t3 = System.nanoTime();
                return new double[] {(t3 - t0) / 1e6, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                        (threads.getCurrentThreadCpuTime() - cpu0) / 1e6, gcTime() - gc0};
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private long gcTime() {
            long sum = 0;
            for (GarbageCollectorMXBean gc : gcs) {
                sum += Math.max(0, gc.getCollectionTime());
            }
            return sum;
        }
    }
}
