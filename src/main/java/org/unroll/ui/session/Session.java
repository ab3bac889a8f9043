package org.unroll.ui.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.unroll.engine.Cursor;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/**
 * The one state of a window: the setup (or a model opened from files), the computed walk
 * through one training step, and the cursor in it. Recomputing runs on a background
 * executor and lands on the UI executor; moving the cursor only reads the walk.
 * Plain-JUnit testable: pass {@code Runnable::run} for both executors.
 */
public final class Session {
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Setup> setup = new ReadOnlyObjectWrapper<>(this, "setup");
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Walkthrough> walkthrough = new ReadOnlyObjectWrapper<>(this, "walkthrough");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", 0);
    private final ReadOnlyObjectWrapper<Cursor> cursor = new ReadOnlyObjectWrapper<>(this, "cursor", Cursor.START);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyIntegerWrapper positions = new ReadOnlyIntegerWrapper(this, "positions", 1);
    private final BooleanBinding canStepForward;
    private final BooleanBinding canStepBack;
    private Consumer<String> errors = message -> { };
    private volatile long generation;
    private final Executor diagnosticsExecutor;
    private final ReadOnlyObjectWrapper<Walkthrough> diagnostics = new ReadOnlyObjectWrapper<>(this, "diagnostics");
    private final ReadOnlyObjectWrapper<String> diagnosticsFailure = new ReadOnlyObjectWrapper<>(this, "diagnosticsFailure");
    /** What the diagnostics compute for a shown walk (the gradient flow, with its Jacobian norms). */
    private final Consumer<Walkthrough> diagnose;
    private CompletableFuture<Walkthrough> latest;
    private volatile Future<?> diagnosticsRun;

    /** A session whose diagnostics run on the same executor as the pass (after it). */
    public Session(Executor background, Executor ui) {
        this(background, background, ui);
    }

    /**
     * @param background  computes the pass of a setup
     * @param diagnostics computes the diagnostics that follow a pass (its own thread in the app, so a
     *                    newer setup's pass never waits behind an older walk's Jacobian norms)
     * @param ui          where results are published (the JavaFX thread in the app)
     */
    public Session(Executor background, Executor diagnostics, Executor ui) {
        this(background, diagnostics, ui, w -> w.derived().flow());
    }

    /** As above, with what the diagnostics of a walk are (tests make them fail). */
    Session(Executor background, Executor diagnostics, Executor ui, Consumer<Walkthrough> diagnose) {
        this.diagnose = diagnose;
        this.background = background;
        this.diagnosticsExecutor = diagnostics;
        this.ui = ui;
        canStepForward = Bindings.createBooleanBinding(
                () -> walkthrough.get() != null && position.get() < positions.get() - 1, position, positions, walkthrough);
        canStepBack = Bindings.createBooleanBinding(() -> position.get() > 0, position);
    }

    /** Where a failed recomputation reports its one-line reason. */
    public void setErrorHandler(Consumer<String> handler) {
        this.errors = handler;
    }

    /** Builds the scenario of {@code s} and walks it; the cursor stays where it was when it still exists. */
    public CompletableFuture<Walkthrough> apply(Setup s) {
        return compute(() -> Scenario.build(s), s, null);
    }

    /**
     * The session's one asynchronous contract: builds and walks {@code s} on the background
     * executor, then, on the UI executor and in this order, publishes the setup, the scenario
     * and the walk, moves the cursor to {@code at} (fitted to the walk) and completes the
     * returned future with the walk. A request superseded by a newer one completes with a
     * {@link java.util.concurrent.CancellationException}; a setup that cannot be built completes
     * exceptionally with its reason (which is also given to the error handler). The diagnostics
     * (the gradient flow) follow on the diagnostics executor; {@link #diagnosticsProperty()}
     * names the walk whose diagnostics are ready.
     */
    public CompletableFuture<Walkthrough> apply(Setup s, Cursor at) {
        return compute(() -> Scenario.build(s), s, at);
    }

    /** Shows a model and sequence opened from files; the setup becomes null (not a built-in lesson). */
    public CompletableFuture<Walkthrough> open(Scenario sc) {
        return compute(() -> sc, null, null, org.unroll.engine.Window.WHOLE);
    }

    /**
     * Shows one window of a longer sequence (an update of a training run): its steps numbered
     * from {@code window}'s offset and, when its state was carried in, the gradient cut at its start.
     */
    public CompletableFuture<Walkthrough> open(Scenario sc, org.unroll.engine.Window window) {
        return compute(() -> sc, null, null, window);
    }

    private CompletableFuture<Walkthrough> compute(java.util.function.Supplier<Scenario> make, Setup s, Cursor at) {
        return compute(make, s, at, org.unroll.engine.Window.WHOLE);
    }

    private CompletableFuture<Walkthrough> compute(java.util.function.Supplier<Scenario> make, Setup s, Cursor at,
                                                   org.unroll.engine.Window window) {
        long gen = ++generation;
        CompletableFuture<Walkthrough> done = new CompletableFuture<>();
        CompletableFuture<Walkthrough> older = latest;
        latest = done;
        if (older != null) {
            older.cancel(false);
        }
        Future<?> oldDiagnostics = diagnosticsRun;
        if (oldDiagnostics != null) {
            oldDiagnostics.cancel(true);
        }
        busy.set(true);
        double lr = s != null ? s.learningRate() : setup.get() != null ? setup.get().learningRate() : Setup.JEEP.learningRate();
        background.execute(() -> {
            if (gen != generation) {
                done.cancel(false);
                return; // a newer request is queued behind this one: skip the work
            }
            Scenario sc;
            Walkthrough w;
            try {
                sc = make.get();
                w = new Walkthrough(sc.model(), sc.sequence(), lr, window);
            } catch (RuntimeException | Error e) {
                // a bad setup says why in words; anything else (out of memory, a bug) is logged and named plainly
                String reason = e instanceof IllegalArgumentException && e.getMessage() != null
                        ? e.getMessage() : org.unroll.ui.ErrorReason.of(e);
                if (!(e instanceof IllegalArgumentException)) {
                    e.printStackTrace();
                }
                ui.execute(() -> {
                    if (gen == generation) {
                        busy.set(false);
                        errors.accept(reason);
                    }
                    done.completeExceptionally(new IllegalArgumentException(reason, e));
                });
                return;
            }
            ui.execute(() -> {
                if (gen != generation) {
                    done.cancel(false);
                    return;
                }
                Cursor keep = at != null ? at : cursor.get();
                setup.set(s);
                scenario.set(sc);
                int steps = w.steps();
                positions.set(Cursor.positions(steps));
                diagnostics.set(null);
                diagnosticsFailure.set(null);
                walkthrough.set(w);
                busy.set(false);
                moveTo(keep.fit(steps));
                startDiagnostics(w, gen);
                done.complete(w);
            });
        });
        return done;
    }

    /**
     * The gradient flow of {@code w}, after the walk is shown; skipped or cancelled once a newer
     * setup is asked for. A failure (not a cancellation) is named in one line by
     * {@link #diagnosticsFailureProperty()}; the walk itself stays shown.
     */
    private void startDiagnostics(Walkthrough w, long gen) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            if (gen != generation) {
                return null;
            }
            try {
                diagnose.accept(w);
            } catch (RuntimeException | Error e) {
                if (gen == generation && !Thread.currentThread().isInterrupted() && !cancelled(e)) {
                    String reason = org.unroll.ui.ErrorReason.of(e);
                    ui.execute(() -> {
                        if (gen == generation && walkthrough.get() == w) {
                            diagnosticsFailure.set(org.unroll.ui.I18n.get("session.diagnosticsFailed", reason));
                        }
                    });
                }
                return null;
            }
            ui.execute(() -> {
                if (gen == generation && walkthrough.get() == w) {
                    diagnostics.set(w);
                }
            });
            return null;
        });
        diagnosticsRun = task;
        diagnosticsExecutor.execute(task);
    }

    /** Whether {@code e} is how a cancelled computation stops (not a failure to report). */
    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.CancellationException || t instanceof InterruptedException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    public void stepForward() {
        moveToIndex(position.get() + 1);
    }

    public void stepBack() {
        moveToIndex(position.get() - 1);
    }

    /** To the first point of the current phase, or, when already there, to the very start. */
    public void jumpStart() {
        Walkthrough w = walkthrough.get();
        if (w == null) {
            return;
        }
        Cursor first = cursor.get().startOfPhase(w.steps());
        moveTo(first.equals(cursor.get()) ? Cursor.START : first);
    }

    /** To the last point of the current phase, or, when already there, to the update at the end. */
    public void jumpEnd() {
        Walkthrough w = walkthrough.get();
        if (w == null) {
            return;
        }
        Cursor last = cursor.get().endOfPhase(w.steps());
        moveTo(last.equals(cursor.get()) ? Cursor.update() : last);
    }

    public void moveTo(Cursor c) {
        Walkthrough w = walkthrough.get();
        if (w != null) {
            moveToIndex(c.index(w.steps()));
        }
    }

    public void moveToIndex(int index) {
        Walkthrough w = walkthrough.get();
        if (w == null) {
            return;
        }
        Cursor c = Cursor.at(index, w.steps());
        cursor.set(c);
        position.set(c.index(w.steps()));
        prepareNext(w, c);
    }

    /**
     * Asks the walk's owner of derived values, on the background executor, for what the next
     * backward step will show (its running sum and contribution), so stepping on reads them
     * ready instead of computing them on the UI thread. The walk keeps them; nothing is kept here.
     */
    private void prepareNext(Walkthrough w, Cursor c) {
        int next = switch (c.phase()) {
            case LOSS -> w.steps() - 1;
            case BACKWARD -> c.step() - 1;
            default -> -1;
        };
        if (next < 0) {
            return;
        }
        long gen = generation;
        background.execute(() -> {
            if (gen == generation) { // skipped once a newer setup has been asked for
                w.runningSum(next);
                w.stepContribution(next);
            }
        });
    }

    public ReadOnlyObjectProperty<Setup> setupProperty() {
        return setup.getReadOnlyProperty();
    }

    public Setup getSetup() {
        return setup.get();
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Scenario getScenario() {
        return scenario.get();
    }

    public ReadOnlyObjectProperty<Walkthrough> walkthroughProperty() {
        return walkthrough.getReadOnlyProperty();
    }

    /** The walk at the cursor: what exists there and its values; null while nothing has been computed. */
    public WalkPoint getPoint() {
        Walkthrough w = walkthrough.get();
        return w == null ? null : w.at(cursor.get());
    }

    /**
     * The walk whose diagnostics (the gradient flow) are computed: the shown walk once they are
     * ready, null before. Panes that show the flow wait for it instead of computing it.
     */
    public ReadOnlyObjectProperty<Walkthrough> diagnosticsProperty() {
        return diagnostics.getReadOnlyProperty();
    }

    /**
     * Why the diagnostics of the shown walk failed, one translated line, or null (none failed, or
     * not yet). Cleared when a new walk is shown; a cancelled computation is not a failure.
     */
    public ReadOnlyObjectProperty<String> diagnosticsFailureProperty() {
        return diagnosticsFailure.getReadOnlyProperty();
    }

    public Walkthrough getWalkthrough() {
        return walkthrough.get();
    }

    /** The cursor's index in [0, positions). */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty positionsProperty() {
        return positions.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Cursor> cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    public Cursor getCursor() {
        return cursor.get();
    }

    /** True while a recomputation runs in the background. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canStepForwardProperty() {
        return canStepForward;
    }

    public BooleanBinding canStepBackProperty() {
        return canStepBack;
    }
}
