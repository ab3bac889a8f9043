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
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridOrder;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.LanePoint;
import org.unroll.engine.Phase;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;
import org.unroll.task.GridScenario;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/**
 * The one state of a window: the setup (or a model opened from files), the computed walk
 * through one training step, and the cursor in it. Recomputing runs on a background
 * executor and lands on the UI executor; moving the cursor only reads the walk.
 * Plain-JUnit testable: pass {@code Runnable::run} for both executors.
 *
 * <p>A stacked, bidirectional or batched network (a grid setup, or a {@link GridScenario} opened
 * from files) is walked by a {@link GridWalk} instead, through the same pipeline: then
 * {@link #walkthroughProperty()} and {@link #scenarioProperty()} are null, {@link #gridWalkProperty()}
 * and {@link #gridScenarioProperty()} hold the grid, the position is the place in the
 * {@link GridOrder} of the {@link #gridSequenceProperty() sequence shown}, and stepping, jumping
 * and the position work the same way.
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
    private final ReadOnlyObjectWrapper<GridScenario> gridScenario = new ReadOnlyObjectWrapper<>(this, "gridScenario");
    private final ReadOnlyObjectWrapper<GridWalk> gridWalk = new ReadOnlyObjectWrapper<>(this, "gridWalk");
    private final ReadOnlyIntegerWrapper gridSequence = new ReadOnlyIntegerWrapper(this, "gridSequence", 0);
    private final ReadOnlyObjectWrapper<GridCursor> gridCursor = new ReadOnlyObjectWrapper<>(this, "gridCursor", GridCursor.START);
    private final ReadOnlyObjectWrapper<String> diagnosticsFailure = new ReadOnlyObjectWrapper<>(this, "diagnosticsFailure");
    /** What the diagnostics compute for a shown walk (the gradient flow, with its Jacobian norms). */
    private final Consumer<Walkthrough> diagnose;
    /** What they compute first: the tables the charts draw at once (cheap next to the flow). */
    private final Consumer<Walkthrough> tablesFirst;
    private final ReadOnlyObjectWrapper<Walkthrough> tables = new ReadOnlyObjectWrapper<>(this, "tables");
    private CompletableFuture<?> latest;
    /**
     * The place the person last asked for (by stepping, jumping or a lesson's cursor): a new walk
     * shows it fitted to its length, and a later, longer walk shows it again, so a text typed key by
     * key keeps backward step 6 even when a shorter text came in between.
     */
    private Cursor wanted = Cursor.START;
    private volatile Future<?> diagnosticsRun;
    /** How far the training of the setup being computed is (a lesson's train directive), or null. */
    private final ReadOnlyObjectWrapper<org.unroll.task.Training.Progress> training =
            new ReadOnlyObjectWrapper<>(this, "training");

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
        this(background, diagnostics, ui, w -> {
            w.lossAfterUpdate();
            org.unroll.charts.EngineCharts.prepare(w);
        }, diagnose);
    }

    /** As above, with what the diagnostics compute first ({@code tablesFirst}) and then ({@code diagnose}). */
    Session(Executor background, Executor diagnostics, Executor ui, Consumer<Walkthrough> tablesFirst,
            Consumer<Walkthrough> diagnose) {
        this.tablesFirst = tablesFirst;
        this.diagnose = diagnose;
        this.background = background;
        this.diagnosticsExecutor = diagnostics;
        this.ui = ui;
        canStepForward = Bindings.createBooleanBinding(
                () -> (walkthrough.get() != null || gridWalk.get() != null) && position.get() < positions.get() - 1,
                position, positions, walkthrough, gridWalk);
        canStepBack = Bindings.createBooleanBinding(() -> position.get() > 0, position);
    }

    /** Where a failed recomputation reports its one-line reason. */
    public void setErrorHandler(Consumer<String> handler) {
        this.errors = handler;
    }

    /**
     * The latest request (null before the first): it completes on the UI executor once its walk is
     * shown, or when it fails or a newer request supersedes it.
     */
    public CompletableFuture<?> latestRequest() {
        return latest;
    }

    /** Builds the scenario of {@code s} and walks it; the cursor stays where it was when it still exists. */
    public CompletableFuture<Walkthrough> apply(Setup s) {
        return apply(s, null);
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
     *
     * <p>A grid setup ({@link Setup#isGrid()}) is walked by a {@link GridWalk} the same way; its
     * future completes with null (the walk is {@link #getGridWalk()}), and {@code at} is ignored.
     */
    public CompletableFuture<Walkthrough> apply(Setup s, Cursor at) {
        double lr = s.learningRate();
        if (s.isGrid()) {
            return compute(gen -> Shown.of(GridScenario.build(s)), s, null);
        }
        return compute(gen -> Shown.of(Scenario.build(s, trainingProgress(gen)), lr, org.unroll.engine.Window.WHOLE), s, at);
    }

    /**
     * What the training of request {@code gen} tells, update by update: published on the UI
     * executor (one hand-over waiting at a time, so a fast training does not flood it), and, once a
     * newer request is made, the end of that training: it stops at its next update.
     */
    private java.util.function.Consumer<org.unroll.task.Training.Progress> trainingProgress(long gen) {
        java.util.concurrent.atomic.AtomicReference<org.unroll.task.Training.Progress> next =
                new java.util.concurrent.atomic.AtomicReference<>();
        return p -> {
            if (gen != generation) {
                throw new java.util.concurrent.CancellationException("a newer setup was asked for");
            }
            if (next.getAndSet(p) == null) {
                ui.execute(() -> {
                    org.unroll.task.Training.Progress now = next.getAndSet(null);
                    if (now != null && gen == generation && busy.get()) {
                        training.set(now);
                    }
                });
            }
        };
    }

    /**
     * How far the training of the setup being computed is: updates done of all, and the last
     * update's loss; null when nothing trains (cleared when the walk is shown, fails or is
     * superseded).
     */
    public ReadOnlyObjectProperty<org.unroll.task.Training.Progress> trainingProperty() {
        return training.getReadOnlyProperty();
    }

    /** Shows a model and sequence opened from files; the setup becomes null (not a built-in lesson). */
    public CompletableFuture<Walkthrough> open(Scenario sc) {
        return open(sc, org.unroll.engine.Window.WHOLE);
    }

    /**
     * Shows one window of a longer sequence (an update of a training run): its steps numbered
     * from {@code window}'s offset and, when its state was carried in, the gradient cut at its start.
     */
    public CompletableFuture<Walkthrough> open(Scenario sc, org.unroll.engine.Window window) {
        return compute(gen -> Shown.of(sc, shownLearningRate(), window), null, null);
    }

    /** Shows a model and sequence opened from files walked with learning rate {@code lr}; the setup becomes null. */
    public CompletableFuture<Walkthrough> open(Scenario sc, double lr) {
        org.unroll.engine.Window window = walkthrough.get() != null && scenario.get() == sc
                ? walkthrough.get().window() : org.unroll.engine.Window.WHOLE;
        return compute(gen -> Shown.of(sc, lr, window), null, null);
    }

    /** η of what is shown: the setup's, else the walk's (a model opened from files), else jeep's. */
    private double shownLearningRate() {
        if (setup.get() != null) {
            return setup.get().learningRate();
        }
        return walkthrough.get() != null ? walkthrough.get().learningRate() : Setup.JEEP.learningRate();
    }

    /** Shows a stacked network and padded batch opened from files; the setup becomes null. */
    public CompletableFuture<Walkthrough> open(GridScenario g) {
        return compute(gen -> Shown.of(g), null, null);
    }

    /** What one computation shows: a single-layer scenario and its walk, or a grid and its walk. */
    private record Shown(Scenario scenario, Walkthrough walk, GridScenario grid, GridWalk gridWalk) {
        static Shown of(Scenario sc, double lr, org.unroll.engine.Window window) {
            return new Shown(sc, new Walkthrough(sc.model(), sc.sequence(), lr, window), null, null);
        }

        static Shown of(GridScenario g) {
            return new Shown(null, null, g, new GridWalk(g.model(), g.batch()));
        }
    }

    private CompletableFuture<Walkthrough> compute(java.util.function.LongFunction<Shown> make, Setup s, Cursor at) {
        long gen = ++generation;
        training.set(null);
        CompletableFuture<Walkthrough> done = new CompletableFuture<>();
        CompletableFuture<?> older = latest;
        latest = done;
        if (older != null) {
            older.cancel(false);
        }
        Future<?> oldDiagnostics = diagnosticsRun;
        if (oldDiagnostics != null) {
            oldDiagnostics.cancel(true);
        }
        busy.set(true);
        // where the cursor will stand, read here on the UI thread: what the panes then show at once is computed with the pass
        boolean atUpdate = (at != null ? at : cursor.get()).phase() == Phase.UPDATE;
        background.execute(() -> {
            if (gen != generation) {
                done.cancel(false);
                return; // a newer request is queued behind this one: skip the work
            }
            Shown shown;
            try {
                shown = make.apply(gen);
                Walkthrough made = shown.walk();
                if (made != null) {
                    // the status line shows σ_max(W_hh) and the title at the update L' as soon as the walk is
                    // shown: computed here, so publishing the walk costs the UI thread no decomposition or forward pass
                    made.derived().sigmaMax();
                    if (atUpdate) {
                        made.lossAfterUpdate();
                    }
                }
            } catch (java.util.concurrent.CancellationException e) {
                // superseded while training: the newer request is queued behind, nothing to report
                ui.execute(() -> done.cancel(false));
                return;
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
                        training.set(null);
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
                if (shown.gridWalk() != null) {
                    showGrid(s, shown);
                    done.complete(null);
                    return;
                }
                Walkthrough w = shown.walk();
                if (at != null) {
                    wanted = at;
                }
                Cursor keep = wanted;
                setup.set(s);
                gridWalk.set(null);
                gridScenario.set(null);
                scenario.set(shown.scenario());
                int steps = w.steps();
                positions.set(Cursor.positions(steps));
                diagnostics.set(null);
                tables.set(null);
                diagnosticsFailure.set(null);
                walkthrough.set(w);
                busy.set(false);
                training.set(null);
                place(keep.fit(steps).index(steps));
                startDiagnostics(w, gen);
                done.complete(w);
            });
        });
        return done;
    }

    /** Publishes a grid walk: the same point of the grid when the new one has it, the sequence kept when it exists. */
    private void showGrid(Setup s, Shown shown) {
        GridWalk g = shown.gridWalk();
        boolean wasGrid = gridWalk.get() != null;
        GridCursor keep = wasGrid ? gridCursor.get() : walkthrough.get() != null
                && cursor.get().phase().compareTo(Phase.LOSS) >= 0 ? GridCursor.LOSS : GridCursor.START;
        int b = Math.min(wasGrid ? gridSequence.get() : 0, g.sequences() - 1);
        setup.set(s);
        scenario.set(null);
        diagnostics.set(null);
        tables.set(null);
        walkthrough.set(null);
        gridSequence.set(b);
        gridScenario.set(shown.grid());
        positions.set(g.order(b).size());
        gridWalk.set(g);
        busy.set(false);
        training.set(null);
        moveToIndex(g.order(b).placeOf(keep));
    }

    /** Shows sequence b of the grid's batch at the same point of the grid (its own place when its length differs). */
    public void chooseSequence(int b) {
        GridWalk g = gridWalk.get();
        if (g == null || b < 0 || b >= g.sequences() || b == gridSequence.get()) {
            return;
        }
        GridCursor keep = gridCursor.get();
        gridSequence.set(b);
        positions.set(g.order(b).size());
        moveToIndex(g.order(b).placeOf(keep));
    }

    /**
     * The diagnostics of {@code w}, after the walk is shown, in the order the screen needs them:
     * first what the panes read at once (the loss after the update, the charts' gate map and step
     * contributions: {@link #tablesProperty()}), then the gradient flow with its Jacobian norms
     * ({@link #diagnosticsProperty()}). Skipped once a newer setup is asked for, and stopped when
     * one is asked for while they run (the thread is interrupted; the Jacobian products stop within
     * a step). A failure (not a cancellation) is named in one line by
     * {@link #diagnosticsFailureProperty()}; the walk itself stays shown.
     */
    private void startDiagnostics(Walkthrough w, long gen) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            if (gen != generation) {
                return null;
            }
            try {
                tablesFirst.accept(w);
                if (gen != generation) {
                    return null;
                }
                ui.execute(() -> {
                    if (gen == generation && walkthrough.get() == w) {
                        tables.set(w);
                    }
                });
                if (gen != generation || Thread.currentThread().isInterrupted()) {
                    return null;
                }
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

    /**
     * Computes {@code work} for the shown walk {@code w} on the diagnostics thread (after what is
     * queued there), then runs {@code then} on the UI executor; both are skipped once a newer setup
     * has been asked for. For a view model that needs a derived value of the walk that is not ready
     * (another entry's per-step contributions, say) without computing it on the UI thread.
     */
    public void prepare(Walkthrough w, Runnable work, Runnable then) {
        long gen = generation;
        diagnosticsExecutor.execute(() -> {
            if (gen != generation) {
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                if (!cancelled(e)) {
                    String reason = org.unroll.ui.ErrorReason.of(e);
                    ui.execute(() -> {
                        if (gen == generation && walkthrough.get() == w) {
                            diagnosticsFailure.set(org.unroll.ui.I18n.get("session.diagnosticsFailed", reason));
                        }
                    });
                }
                return;
            }
            ui.execute(() -> {
                if (gen == generation && walkthrough.get() == w) {
                    then.run();
                }
            });
        });
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
        GridWalk g = gridWalk.get();
        if (g != null) {
            int first = phaseBound(g.order(gridSequence.get()), position.get(), -1);
            moveToIndex(first == position.get() ? 0 : first);
            return;
        }
        Walkthrough w = walkthrough.get();
        if (w == null) {
            return;
        }
        Cursor now = cursor.get();
        // from the update (a phase of one point), Home goes to the start of the backward pass first
        Cursor first = now.phase() == Phase.UPDATE ? Cursor.backward(w.steps() - 1, org.unroll.engine.BackwardStage.OUTPUT_GRADIENT)
                : now.startOfPhase(w.steps());
        moveTo(first.equals(now) ? Cursor.START : first);
    }

    /** To the last point of the current phase, or, when already there, to the update at the end. */
    public void jumpEnd() {
        GridWalk g = gridWalk.get();
        if (g != null) {
            GridOrder order = g.order(gridSequence.get());
            int from = position.get();
            // from Start (a phase of one point), End goes to the end of the forward pass first
            int last = phaseBound(order, order.at(from).phase() == Phase.START ? Math.min(from + 1, order.size() - 1) : from, +1);
            moveToIndex(last == position.get() ? positions.get() - 1 : last);
            return;
        }
        Walkthrough w = walkthrough.get();
        if (w == null) {
            return;
        }
        Cursor now = cursor.get();
        // from Start (a phase of one point), End goes to the end of the forward pass first
        Cursor last = now.phase() == Phase.START ? Cursor.forward(w.steps() - 1) : now.endOfPhase(w.steps());
        moveTo(last.equals(now) ? Cursor.update() : last);
    }

    public void moveTo(Cursor c) {
        if (gridWalk.get() != null) {
            return; // a single-layer cursor names no point of a grid
        }
        Walkthrough w = walkthrough.get();
        if (w != null) {
            moveToIndex(c.index(w.steps()));
        }
    }

    /** The first (dir −1) or last (dir +1) place of the grid's current phase around the position. */
    private int phaseBound(GridOrder order, int from, int dir) {
        int i = from;
        Phase phase = order.at(i).phase();
        while (i + dir >= 0 && i + dir < order.size() && order.at(i + dir).phase() == phase) {
            i += dir;
        }
        return i;
    }

    /** Moves to a place in the order; the place a person asked for, kept across recomputations. */
    public void moveToIndex(int index) {
        place(index);
        Walkthrough w = walkthrough.get();
        if (gridWalk.get() == null && w != null) {
            wanted = cursor.get();
        }
    }

    private void place(int index) {
        GridWalk g = gridWalk.get();
        if (g != null) {
            GridOrder order = g.order(gridSequence.get());
            int i = Math.max(0, Math.min(index, order.size() - 1));
            gridCursor.set(order.at(i));
            position.set(i);
            return;
        }
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
     * The point shown as the lanes see it, whichever walk is shown (a {@link WalkPoint} or a
     * {@link GridWalkPoint}); null while nothing has been computed.
     */
    public LanePoint getLanePoint() {
        GridWalkPoint g = getGridPoint();
        return g != null ? g : getPoint();
    }

    /** The grid walk at the position for the sequence shown; null unless a grid is shown. */
    public GridWalkPoint getGridPoint() {
        GridWalk g = gridWalk.get();
        return g == null ? null : g.at(gridSequence.get(), position.get());
    }

    /** The stacked, bidirectional or batched network shown, or null for a single-layer walk. */
    public ReadOnlyObjectProperty<GridScenario> gridScenarioProperty() {
        return gridScenario.getReadOnlyProperty();
    }

    public GridScenario getGridScenario() {
        return gridScenario.get();
    }

    /** The grid walk shown, or null for a single-layer walk (then {@link #walkthroughProperty()} holds it). */
    public ReadOnlyObjectProperty<GridWalk> gridWalkProperty() {
        return gridWalk.getReadOnlyProperty();
    }

    public GridWalk getGridWalk() {
        return gridWalk.get();
    }

    /** b, the sequence of the grid's batch shown (0-based). */
    public ReadOnlyIntegerProperty gridSequenceProperty() {
        return gridSequence.getReadOnlyProperty();
    }

    /** The point of the grid at the position; START unless a grid is shown. */
    public ReadOnlyObjectProperty<GridCursor> gridCursorProperty() {
        return gridCursor.getReadOnlyProperty();
    }

    /**
     * The walk whose diagnostics (the gradient flow) are computed: the shown walk once they are
     * ready, null before. Panes that show the flow wait for it instead of computing it.
     */
    public ReadOnlyObjectProperty<Walkthrough> diagnosticsProperty() {
        return diagnostics.getReadOnlyProperty();
    }

    /**
     * The walk whose charts' tables (the gate map, the step contributions of the default entry and
     * every step's norms, see {@link org.unroll.charts.EngineCharts#prepare}) are computed: the
     * shown walk once they are ready, before its gradient flow; null before.
     */
    public ReadOnlyObjectProperty<Walkthrough> tablesProperty() {
        return tables.getReadOnlyProperty();
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
