package org.unroll.ui.charts;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.unroll.charts.EngineCharts;
import org.unroll.charts.GradCheckResult;
import org.unroll.engine.GradCheckConfig;
import org.unroll.engine.Walkthrough;
import org.unroll.ui.I18n;

/**
 * The gradient-check tab's state and lifecycle: which walk is checked, whether a check runs, its
 * progress, its result and the one-line status under the chart. The check runs on a background
 * executor; everything it publishes is set on the UI executor. A newer walk or a cancel makes
 * the running check's result count for nothing. Plain JUnit testable (pass direct executors).
 * The pane only binds to these properties and delegates its buttons here.
 */
public final class GradCheckViewModel implements AutoCloseable {
    /** Where a check stands. */
    public enum State { IDLE, RUNNING, PASSED, FAILED, CANCELLED }

    private final Executor background;
    private final Executor ui;
    private final ExecutorService owned;

    private final ReadOnlyObjectWrapper<Walkthrough> walk = new ReadOnlyObjectWrapper<>(this, "walk");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<GradCheckResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation");

    /** One started check: its cancel flag, and a future that completes once its outcome is published (or dropped). */
    private record Run(AtomicBoolean cancelled, CompletableFuture<GradCheckResult> published) { }

    private Run running;

    /** Checks on {@code background}; publishes on {@code ui}. */
    public GradCheckViewModel(Executor background, Executor ui) {
        this(background, ui, null);
    }

    private GradCheckViewModel(Executor background, Executor ui, ExecutorService owned) {
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        this.owned = owned;
    }

    /** Checks on a daemon thread of its own, which {@link #close()} stops. */
    public static GradCheckViewModel withOwnThread(Executor ui) {
        ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "unroll-gradcheck");
            t.setDaemon(true);
            return t;
        });
        return new GradCheckViewModel(checks, ui, checks);
    }

    /** A new walk: a check of the previous model no longer applies. Call on the UI thread. */
    public void show(Walkthrough w) {
        cancel();
        walk.set(w);
        result.set(null);
        explanation.set(null);
        state.set(State.IDLE);
        status.set("");
    }

    /**
     * Starts checking the shown walk, unless none is shown or a check already runs (then the running
     * one's future is returned). The future completes on the UI executor once the outcome is
     * published; with a {@link CancellationException} when the check was cancelled or superseded, and
     * only after the background has let go of it. Call on the UI thread.
     */
    public CompletableFuture<GradCheckResult> run() {
        Walkthrough w = walk.get();
        if (running != null) {
            return running.published();
        }
        if (w == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no walk to check"));
        }
        Run run = new Run(new AtomicBoolean(), new CompletableFuture<>());
        running = run;
        state.set(State.RUNNING);
        progress.set(0);
        result.set(null);
        explanation.set(null);
        status.set(I18n.get("charts.gradcheck.running"));
        CompletableFuture.supplyAsync(() -> EngineCharts.gradCheck(w.model(), w.sequence(), GradCheckConfig.DEFAULT,
                EngineCharts.DEFAULT_CHECK_ENTRIES, (done, total) -> {
                    if (run.cancelled().get()) {
                        return false;
                    }
                    ui.execute(() -> {
                        if (running == run) {
                            progress.set(total == 0 ? 1 : (double) done / total);
                        }
                    });
                    return true;
                }), background).whenComplete((r, failure) -> ui.execute(() -> finish(run, r, failure)));
        return run.published();
    }

    private void finish(Run run, GradCheckResult r, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (running != run || run.cancelled().get()) {
            // cancelled or superseded: the outcome counts for nothing
            run.published().completeExceptionally(new CancellationException("gradient check cancelled"));
            return;
        }
        running = null;
        if (cause != null) {
            state.set(State.FAILED);
            status.set(String.valueOf(cause.getMessage()));
            run.published().completeExceptionally(cause);
            return;
        }
        progress.set(1);
        result.set(r);
        state.set(r.allPass() ? State.PASSED : State.FAILED);
        String line = I18n.get(r.allPass() ? "charts.gradcheck.passed" : "charts.gradcheck.failed", r.rows().size());
        // where the finite difference cannot judge (a ReLU kink, a huge loss), say why and how to check instead
        String why = r.rows().stream().map(r::explanation).filter(Objects::nonNull).findFirst().orElse(null);
        if (why != null) {
            line += " " + I18n.get("charts.gradcheck.unreliable", Long.toString(r.unreliableFailures()));
        }
        explanation.set(why);
        status.set(line);
        run.published().complete(r);
    }

    /** Stops a running check (it stops after the entry it is on); its result will not be shown. Call on the UI thread. */
    public void cancel() {
        Run run = running;
        if (run != null) {
            run.cancelled().set(true);
            running = null;
            state.set(State.CANCELLED);
            progress.set(0);
            status.set(I18n.get("charts.gradcheck.cancelled"));
        }
    }

    /** Whether a check runs. */
    public boolean isRunning() {
        return running != null;
    }

    public ReadOnlyObjectProperty<Walkthrough> walkProperty() {
        return walk.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    /** 0 … 1 while a check runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The finished check of the shown walk, or null. */
    public ReadOnlyObjectProperty<GradCheckResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public GradCheckResult getResult() {
        return result.get();
    }

    /** The one-line status under the chart. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why some rows cannot be judged by a finite difference (a tooltip), or null. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** Cancels a running check and stops the own thread, if there is one. */
    @Override
    public void close() {
        cancel();
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
