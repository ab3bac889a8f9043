package org.unroll.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.unroll.engine.Params;
import org.unroll.task.TrainingTask;
import org.unroll.train.Snapshot;
import org.unroll.train.TrainSpec;
import org.unroll.train.TrainingRun;
import org.unroll.train.Update;
import org.unroll.ui.I18n;

/**
 * The training panel's state: the form, the run's state machine, progress and time left, and
 * the curves the charts draw. It owns the run's {@link TrainingWorker} (one at a time) and one
 * replay thread for stepping into earlier updates; {@link #close()} ends both.
 *
 * <p>The training thread only offers events to an {@link UpdateBatcher}; the UI thread calls
 * {@link #pump(long)} on every frame, and the events are applied at most 20 times a second, a
 * batch at a time, after which {@link #revisionProperty()} changes once (one chart redraw).
 * Plain-JUnit testable: call {@link #flush()} instead of pumping.
 */
public final class TrainingViewModel implements AutoCloseable {
    /** Points kept per curve, however long the run. */
    public static final int CURVE_POINTS = 1000;
    private final ObjectProperty<TrainForm> form = new SimpleObjectProperty<>(this, "form", TrainForm.defaults());
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.READY);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper(this, "timeLeft", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper sample = new ReadOnlyStringWrapper(this, "sample", "");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision", 0);
    private final ReadOnlyIntegerWrapper updates = new ReadOnlyIntegerWrapper(this, "updates", 0);
    private final ReadOnlyIntegerWrapper currentWindow = new ReadOnlyIntegerWrapper(this, "currentWindow", -1);
    private final UpdateBatcher<Tagged> batcher;
    private final DownsampledSeries loss = new DownsampledSeries(CURVE_POINTS);
    private final DownsampledSeries gradBefore = new DownsampledSeries(CURVE_POINTS);
    private final DownsampledSeries gradAfter = new DownsampledSeries(CURVE_POINTS);
    /** The names of the run's parameters (PyTorch's, in the network's order) and their gradient norms. */
    private List<String> paramNames = Params.NAMES;
    private DownsampledSeries[] paramNorms = new DownsampledSeries[Params.NAMES.size()];
    private final DownsampledSeries testError = new DownsampledSeries(CURVE_POINTS);
    private final int threads;
    private final int probeEvery;
    private TrainingWorker worker;
    private TrainForm running;
    private int planned;
    private long generation;
    private double lastLoss = Double.NaN;
    private ExecutorService replay;

    /**
     * @param threads    threads a run splits its batch over
     * @param probeEvery updates between two scores of the model (test error, a sample)
     * @param period     the least time between two batches of chart updates, in nanoseconds
     */
    public TrainingViewModel(int threads, int probeEvery, long period) {
        this.threads = threads;
        this.probeEvery = probeEvery;
        this.batcher = new UpdateBatcher<>(period);
        for (int k = 0; k < paramNorms.length; k++) {
            paramNorms[k] = new DownsampledSeries(CURVE_POINTS);
        }
    }

    /** Both cores, a score every 250 updates, at most 20 chart batches a second. */
    public TrainingViewModel() {
        this(Runtime.getRuntime().availableProcessors(), 250, UpdateBatcher.DEFAULT_PERIOD_NANOS);
    }

    private record Tagged(long generation, TrainingEvent event) {
    }

    // ---- the state machine -------------------------------------------------------------

    /** READY → RUNNING: builds the run from the form and starts it. */
    public void start() {
        if (state.get() == RunState.READY) {
            launch(false);
        } else if (state.get() == RunState.PAUSED) {
            resume();
        }
    }

    private boolean launch(boolean paused) {
        TrainingTask task;
        try {
            task = form.get().build();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        problem.set("");
        long gen = ++generation;
        running = form.get();
        worker = new TrainingWorker(task, threads, probeEvery, e -> batcher.offer(new Tagged(gen, e)));
        planned = worker.plannedUpdates();
        List<String> names = task.spec().network().params().names();
        if (!names.equals(paramNames)) {
            paramNames = names;
            paramNorms = new DownsampledSeries[names.size()];
            for (int k = 0; k < paramNorms.length; k++) {
                paramNorms[k] = new DownsampledSeries(CURVE_POINTS);
            }
        }
        worker.start(paused);
        state.set(paused ? RunState.PAUSED : RunState.RUNNING);
        return true;
    }

    /** RUNNING → PAUSED, between two updates. */
    public void pause() {
        if (state.get() == RunState.RUNNING) {
            worker.pause();
            state.set(RunState.PAUSED);
        }
    }

    /** PAUSED → RUNNING. */
    public void resume() {
        if (state.get() == RunState.PAUSED) {
            worker.resume();
            state.set(RunState.RUNNING);
        }
    }

    /** One update, then paused: from READY it starts the run paused. */
    public void stepOnce() {
        if (state.get() == RunState.READY) {
            if (launch(true)) {
                worker.stepOnce();
            }
        } else if (state.get() == RunState.PAUSED) {
            worker.stepOnce();
        }
    }

    /** Ends the run after the update in progress; the state becomes CANCELLED when the thread has ended. */
    public void cancel() {
        if (state.get().live()) {
            worker.cancel();
        }
    }

    /** Ends any run (waiting for its thread), clears the curves: READY again, the form editable. */
    public void reset() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
        generation++;
        batcher.drainNow(0);
        loss.clear();
        gradBefore.clear();
        gradAfter.clear();
        testError.clear();
        for (DownsampledSeries s : paramNorms) {
            s.clear();
        }
        progress.set(0);
        timeLeft.set("");
        summary.set("");
        sample.set("");
        updates.set(0);
        currentWindow.set(-1);
        lastLoss = Double.NaN;
        state.set(RunState.READY);
        revision.set(revision.get() + 1);
    }

    // ---- events from the training thread ------------------------------------------------

    /** Called by the UI on every frame: applies what came in, at most once per period. */
    public void pump(long nowNanos) {
        apply(batcher.drainIfDue(nowNanos));
    }

    /** Applies every event that came in, now. */
    public void flush() {
        apply(batcher.drainNow(System.nanoTime()));
    }

    private void apply(List<Tagged> events) {
        if (events.isEmpty()) {
            return;
        }
        boolean changed = false;
        for (Tagged t : events) {
            if (t.generation() != generation) {
                continue; // from a run that was reset
            }
            changed = true;
            TrainingEvent e = t.event();
            if (e instanceof TrainingEvent.Stepped s) {
                stepped(s.update(), s.activeNanos());
            } else if (e instanceof TrainingEvent.Probed p) {
                probed(p.updates(), p.score());
            } else if (e instanceof TrainingEvent.Ended end) {
                state.set(end.state());
                if (end.failure() != null) {
                    problem.set(org.unroll.ui.ErrorReason.of(end.failure()));
                }
                timeLeft.set("");
            }
        }
        if (changed) {
            summary.set(summaryText());
            revision.set(revision.get() + 1);
        }
    }

    private void stepped(Update u, long activeNanos) {
        int done = u.index() + 1;
        if (!u.diverged()) {
            loss.add(u.index(), u.loss());
            gradBefore.add(u.index(), u.gradNorm());
            gradAfter.add(u.index(), u.clippedNorm());
            for (int k = 0; k < Math.min(paramNorms.length, u.paramNorms().length); k++) {
                paramNorms[k].add(u.index(), u.paramNorms()[k]);
            }
            updates.set(done);
            currentWindow.set(u.window());
            lastLoss = u.loss();
        }
        progress.set(planned == 0 ? 1 : Math.min(1, (double) done / planned));
        double left = activeNanos / 1e9 / done * Math.max(0, planned - done);
        timeLeft.set(I18n.get("train.timeLeft", duration(left)));
    }

    private void probed(int after, Map<String, Object> score) {
        Object mse = score.get("test_mse");
        if (!(mse instanceof Number)) {
            mse = score.get("test_loss");
        }
        if (mse instanceof Number n) {
            testError.add(after, n.doubleValue());
        }
        Object s = score.get("sample");
        if (s != null) {
            sample.set(I18n.get("train.sampleAfter", after, String.valueOf(s)));
        }
    }

    private String summaryText() {
        return I18n.get("train.summary", updates.get(), planned,
                Double.isNaN(lastLoss) ? "–" : String.format(Locale.ROOT, "%.4g", lastLoss));
    }

    /** "1m05s", "12s". */
    static String duration(double seconds) {
        long t = Math.round(seconds);
        return t >= 60 ? (t / 60) + "m" + String.format(Locale.ROOT, "%02d", t % 60) + "s" : t + "s";
    }

    // ---- stepping into an update ---------------------------------------------------------

    /**
     * Update {@code index} of the run, stream {@code stream}'s window, ready to step through:
     * the live run's last update is snapshotted between two updates; any earlier one is
     * replayed (the same form builds the same seeded run) on the replay thread.
     */
    public CompletableFuture<SteppedUpdate> stepInto(int index, int stream) {
        if (worker == null || running == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(I18n.get("train.noRun")));
        }
        TrainForm f = running;
        TrainingWorker w = worker;
        return worker.call(run -> run.updates().size() - 1 == index ? capture(run, stream, w.lastStep()) : null)
                .thenCompose(live -> live != null ? CompletableFuture.completedFuture(live)
                        : CompletableFuture.supplyAsync(() -> replay(f, threads, index, stream), replayThread()));
    }

    /** The last update of {@code run}, stream {@code stream}, with the optimizer's step it made. */
    static SteppedUpdate capture(TrainingRun run, int stream, OptimizerStep step) {
        Snapshot s = run.snapshot();
        if (s == null) {
            if (!run.network().isSingle()) {
                // the stepping walk runs one layer in one direction
                throw new IllegalArgumentException(I18n.get("train.oneLayerOnly", run.network().layers()));
            }
            return null;
        }
        TrainSpec spec = run.spec();
        int b = Math.max(0, Math.min(stream, spec.data().streams() - 1));
        boolean carried = spec.stateful() && s.windowStart() > 0;
        // a diverged update was not applied: no step to show
        return new SteppedUpdate(s, b, s.sequence(b), carried, s.update().diverged() ? null : step);
    }

    /**
     * The run of {@code form} replayed up to update {@code index}, split over as many threads as
     * the live run (the shards' gradients are added in the same order, so the numbers are the same
     * to the last bit).
     */
    static SteppedUpdate replay(TrainForm form, int threads, int index, int stream) {
        TrainSpec spec = form.build().spec();
        try (TrainingRun run = new TrainingRun(spec, threads)) {
            OptimizerTrace trace = new OptimizerTrace(spec.optimizer());
            for (int i = 0; i <= index; i++) {
                Update u = run.step();
                if (u == null) {
                    throw new IllegalArgumentException(I18n.get("train.noSuchUpdate", index + 1));
                }
                if (!u.diverged()) {
                    trace.observe(run.appliedGradients());
                }
            }
            return capture(run, stream, trace.last());
        }
    }

    private ExecutorService replayThread() {
        if (replay == null) {
            replay = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "unroll-training-replay");
                t.setDaemon(true);
                return t;
            });
        }
        return replay;
    }

    /** The trained model so far, read between two updates (its own copy); a network of one layer only. */
    public CompletableFuture<org.unroll.engine.Model> trainedModel() {
        if (worker == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(I18n.get("train.noRun")));
        }
        return worker.call(run -> {
            if (!run.network().isSingle()) {
                throw new IllegalArgumentException(I18n.get("train.oneLayerOnly", run.network().layers()));
            }
            return run.model().withParams(run.model().params().copy());
        });
    }

    /** The trained network so far, any number of layers, read between two updates (its own copy). */
    public CompletableFuture<org.unroll.engine.StackedModel> trainedNetwork() {
        if (worker == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(I18n.get("train.noRun")));
        }
        return worker.call(run -> run.network().withParams(run.network().params().copy()));
    }

    /**
     * Saves the trained model as bptt-model/1 (with num_layers when stacked), read between two
     * updates, written safely (a temporary file renamed over the target).
     */
    public CompletableFuture<java.nio.file.Path> saveModel(java.nio.file.Path file) {
        return trainedNetwork().thenApplyAsync(m -> {
            try {
                if (m.isSingle()) {
                    org.unroll.io.TrainLogFile.writeModel(m.single(), file);
                } else {
                    org.unroll.io.StackedModelFile.write(m, file);
                }
                return file;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, replayThread());
    }

    /**
     * Saves the run as bptt-train/1 (what {@code unroll train FILE} replays) and its log so far as
     * bptt-trainlog/1 beside it ({@code NAME.log.json}), each written safely. Returns both paths.
     */
    public CompletableFuture<java.util.List<java.nio.file.Path>> saveRun(java.nio.file.Path specFile) {
        if (worker == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(I18n.get("train.noRun")));
        }
        String task = worker.task().name();
        java.nio.file.Path log = logFileFor(specFile);
        // the same seeded form builds the same run; its own data object, so writing it never races the trainer
        TrainForm f = running;
        return worker.call(run -> {
            com.fasterxml.jackson.databind.node.ObjectNode summary = org.unroll.io.TrainLogFile.newObject();
            summary.put("task", task);
            summary.put("iterations", run.updates().size());
            if (!run.updates().isEmpty()) {
                summary.put("final_loss", run.updates().get(run.updates().size() - 1).loss());
            }
            if (!run.finished()) {
                summary.put("stopped", true);
            }
            return org.unroll.io.TrainLogFile.toJson(run, summary);
        }).thenApplyAsync(json -> {
            try {
                org.unroll.io.TrainFile.write(f.build().spec(), specFile);
                org.unroll.io.SafeFiles.write(log, out -> org.unroll.io.TrainLogFile.write(json, out));
                return java.util.List.of(specFile, log);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, replayThread());
    }

    /** run.train.json → run.log.json; anything else → NAME.log.json beside it. */
    static java.nio.file.Path logFileFor(java.nio.file.Path spec) {
        String name = spec.getFileName().toString();
        String base = name.endsWith(".train.json") ? name.substring(0, name.length() - ".train.json".length())
                : name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return spec.resolveSibling(base + ".log.json");
    }

    /** The running worker, if any (for saving the run and its log). */
    TrainingWorker worker() {
        return worker;
    }

    /** Ends the run and the replay thread. */
    @Override
    public void close() {
        reset();
        if (replay != null) {
            replay.shutdownNow();
            replay = null;
        }
    }

    /** Shows one line under the panel (a bad field, a failed step-into), or clears it with "". */
    public void report(String message) {
        problem.set(message == null ? "" : message);
    }

    // ---- what the view binds to ------------------------------------------------------

    public ObjectProperty<TrainForm> formProperty() {
        return form;
    }

    public TrainForm getForm() {
        return form.get();
    }

    public void setForm(TrainForm f) {
        form.set(f);
    }

    /** The form of the run in progress (or last run), null before the first. */
    public TrainForm runningForm() {
        return running;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState getState() {
        return state.get();
    }

    public BooleanBinding canStartProperty() {
        return Bindings.createBooleanBinding(() -> state.get() == RunState.READY || state.get() == RunState.PAUSED,
                state);
    }

    public BooleanBinding canPauseProperty() {
        return Bindings.createBooleanBinding(() -> state.get() == RunState.RUNNING, state);
    }

    public BooleanBinding canStepProperty() {
        return Bindings.createBooleanBinding(() -> state.get() == RunState.READY || state.get() == RunState.PAUSED,
                state);
    }

    public BooleanBinding canCancelProperty() {
        return Bindings.createBooleanBinding(() -> state.get().live(), state);
    }

    /** One line: why the form cannot be run, or why the run failed; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** 0 … 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    /** "update 120 of 3000 · loss 0.0421". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The latest generated sample of a text task. */
    public ReadOnlyStringProperty sampleProperty() {
        return sample.getReadOnlyProperty();
    }

    /** Changes once per applied batch of events. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Updates applied so far. */
    public ReadOnlyIntegerProperty updatesProperty() {
        return updates.getReadOnlyProperty();
    }

    /** The window (0-based, in its epoch) the last update trained on, −1 before any. */
    public ReadOnlyIntegerProperty currentWindowProperty() {
        return currentWindow.getReadOnlyProperty();
    }

    public int plannedUpdates() {
        return planned;
    }

    public DownsampledSeries loss() {
        return loss;
    }

    public DownsampledSeries gradBefore() {
        return gradBefore;
    }

    public DownsampledSeries gradAfter() {
        return gradAfter;
    }

    /** The gradient norm of parameter k, in {@link #paramNames()} order. */
    public DownsampledSeries paramNorm(int k) {
        return paramNorms[k];
    }

    /** PyTorch's names of the run's parameters, in the network's order ({@link Params#NAMES} for one layer). */
    public List<String> paramNames() {
        return paramNames;
    }

    public DownsampledSeries testError() {
        return testError;
    }

    /** The task's test error over the run: the test MSE, or for the other tasks the held-out loss. */
    public DownsampledSeries testErrorSeries() {
        return testError;
    }

    /** The loss a model that has learnt nothing scores: 1/6 for adding, ln V for text; NaN when none is drawn. */
    public double baseline() {
        TrainForm f = running != null ? running : form.get();
        return switch (f.task()) {
            case ADDING -> 1.0 / 6;
            case JEEP, TEXT -> {
                String t = f.runText();
                yield t == null || t.isEmpty() ? Double.NaN : Math.log(t.codePoints().distinct().count());
            }
            default -> Double.NaN;
        };
    }

    /** The clipping threshold of the run, NaN without clipping. */
    public double threshold() {
        TrainForm f = running != null ? running : form.get();
        return f.clip() ? f.threshold() : Double.NaN;
    }
}
