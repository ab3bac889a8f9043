package org.unroll.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.unroll.charts.EngineCharts;
import org.unroll.charts.GradientFlow;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Params;
import org.unroll.engine.Walkthrough;
import org.unroll.task.InitialState;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;
import org.unroll.ui.session.Session;

/**
 * Compare mode's view model: two or three cells (RNN, LSTM, GRU) on the same text, seed
 * and hidden size, one {@link Session} each, stepped together. One shared cursor is mapped
 * onto every session (the same text gives every cell the same T, so the same point).
 *
 * <p>An LSTM is built with its forget-gate bias raised by {@link #forgetBias()} (+1 by
 * default, the usual initialisation of Gers et al. and Jozefowicz et al.): with PyTorch's
 * plain initialisation the forget gate sits near ½ and an untrained LSTM's cell path fades
 * as ½^(T−k) too, which is true but not what the comparison is for. The legend says so.
 * Plain-JUnit testable: pass {@code Runnable::run} for both executors.
 */
public final class CompareSession {

    /** 41 characters: T = 40 steps, long enough for a plain RNN's gradient to die. */
    public static final String DEFAULT_TEXT = "the gradient fades as it travels back far";
    /** The default seed and hidden size, chosen (and checked in tests) so the contrast is clear. */
    public static final long DEFAULT_SEED = 7;
    public static final int DEFAULT_HIDDEN = 16;
    public static final double DEFAULT_FORGET_BIAS = 1.0;
    /** The cells compared by default. */
    public static final List<CellType> DEFAULT_CELLS = List.of(CellType.RNN, CellType.LSTM, CellType.GRU);

    private final Executor background;
    private final Executor ui;
    private final List<Session> sessions = new ArrayList<>();
    private java.util.function.Consumer<String> errors = message -> { };
    private final ReadOnlyObjectWrapper<List<Session>> shown = new ReadOnlyObjectWrapper<>(this, "sessions", List.of());
    private final ReadOnlyObjectWrapper<Cursor> cursor = new ReadOnlyObjectWrapper<>(this, "cursor", Cursor.START);
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", 0);
    private final ReadOnlyIntegerWrapper positions = new ReadOnlyIntegerWrapper(this, "positions", 1);
    /** Counts finished recomputations, so views can refresh once everything has landed. */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision", 0);
    private Setup base;
    private List<CellType> cells = List.of();
    private final double forgetBias = DEFAULT_FORGET_BIAS;

    /** Where a cell whose computation failed reports its one-line reason. */
    public void setErrorHandler(java.util.function.Consumer<String> handler) {
        this.errors = handler;
    }

    public CompareSession(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** The default comparison: RNN (tanh), LSTM and GRU on a 41-character sentence (T = 40). */
    public static Setup defaultSetup() {
        return new Setup(CellType.RNN, Activation.TANH, DEFAULT_HIDDEN, DEFAULT_SEED, 0.0, DEFAULT_TEXT,
                InitialState.ZEROS, 0.1);
    }

    /** Opens the default comparison. */
    public void applyDefault() {
        apply(defaultSetup(), DEFAULT_CELLS);
    }

    /**
     * Compares {@code cells} on the text, seed, hidden size, W_hh scaling and initial state of
     * {@code setup} (its own cell is ignored; an RNN keeps its activation).
     *
     * @param setup the shared settings
     * @param which 2 or 3 distinct cells, in the order they are stacked
     */
    public void apply(Setup setup, List<CellType> which) {
        Objects.requireNonNull(setup);
        if (which.size() < 2 || which.size() > 3 || which.stream().distinct().count() != which.size()) {
            throw new IllegalArgumentException("compare two or three different cells, not " + which);
        }
        String wrong = org.unroll.ui.modelpanel.ModelPanelViewModel.problemWith(setup);
        if (wrong != null) {
            throw new IllegalArgumentException(wrong);
        }
        base = setup;
        boolean sameCells = which.equals(cells);
        cells = List.copyOf(which);
        if (!sameCells) {
            sessions.clear();
            for (int i = 0; i < which.size(); i++) {
                Session s = new Session(background, ui);
                s.setErrorHandler(message -> errors.accept(message));
                s.walkthroughProperty().addListener((o, a, w) -> landed());
                s.diagnosticsProperty().addListener((o, a, w) -> revision.set(revision.get() + 1));
                // a session that lands puts its cursor back where it was; keep it on the shared one
                s.cursorProperty().addListener((o, a, c) -> keepInStep(s));
                sessions.add(s);
            }
            shown.set(List.copyOf(sessions));
        }
        for (int i = 0; i < which.size(); i++) {
            CellType c = which.get(i);
            Setup cs = setup.withCell(c);
            sessions.get(i).open(build(cs, forgetBias));
        }
    }

    /** The scenario of one cell: {@link Scenario#build(Setup)}, with an LSTM's forget bias raised. */
    static Scenario build(Setup s, double forgetBias) {
        Scenario sc = Scenario.build(s);
        if (s.cell() == CellType.LSTM && forgetBias != 0) {
            Params p = sc.model().params();
            int h = s.hiddenSize();
            // PyTorch's gate order i, f, g, o: the forget gate is rows H … 2H−1
            for (int j = h; j < 2 * h; j++) {
                p.biasIh.data[j] += forgetBias;
            }
        }
        return sc;
    }

    public double forgetBias() {
        return forgetBias;
    }

    private void landed() {
        Walkthrough first = null;
        for (Session s : sessions) {
            if (s.getWalkthrough() != null && first == null) {
                first = s.getWalkthrough();
            }
        }
        Cursor c = cursor.get();
        if (first != null) {
            positions.set(Cursor.positions(first.steps()));
            c = c.fit(first.steps());
        }
        moveTo(c);
        revision.set(revision.get() + 1);
    }

    /** The sessions, one per cell, top to bottom. */
    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    public ReadOnlyObjectProperty<List<Session>> sessionsProperty() {
        return shown.getReadOnlyProperty();
    }

    public List<CellType> cells() {
        return cells;
    }

    public Setup setup() {
        return base;
    }

    /** Whether every cell's walk has been computed. */
    public boolean ready() {
        return !sessions.isEmpty() && sessions.stream().allMatch(s -> s.getWalkthrough() != null);
    }

    /** The walks, one per cell (only when {@link #ready()}). */
    public List<Walkthrough> walks() {
        return sessions.stream().map(Session::getWalkthrough).toList();
    }

    /** What a legend calls cell i: the model's label, with the LSTM's raised forget bias. */
    public String label(int i) {
        Walkthrough w = sessions.get(i).getWalkthrough();
        String l = w == null ? cells.get(i).name() : w.model().label();
        if (cells.get(i) == CellType.LSTM && forgetBias != 0) {
            l += " (b_f " + (forgetBias > 0 ? "+" : "") + org.unroll.charts.TickNumberFormat.text(forgetBias) + ")";
        }
        return l;
    }

    /** The overlaid flows of every cell whose diagnostics are computed, labelled by {@link #label(int)}. */
    public List<GradientFlow> flows() {
        List<GradientFlow> out = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            Walkthrough w = sessions.get(i).diagnosticsProperty().get();
            if (w != null) {
                out.add(EngineCharts.flow(label(i), w.flow()));
            }
        }
        return out;
    }

    public void stepForward() {
        moveToIndex(position.get() + 1);
    }

    public void stepBack() {
        moveToIndex(position.get() - 1);
    }

    public void jumpStart() {
        moveToIndex(0);
    }

    public void jumpEnd() {
        moveToIndex(positions.get() - 1);
    }

    public void moveToIndex(int index) {
        int steps = steps();
        if (steps < 1) {
            return;
        }
        moveTo(Cursor.at(index, steps));
    }

    /** Moves every session to the same point (clamped to each one's length). */
    public void moveTo(Cursor c) {
        int steps = steps();
        position.set(steps < 1 ? 0 : c.index(steps));
        cursor.set(c);
        for (Session s : sessions) {
            keepInStep(s);
        }
    }

    private void keepInStep(Session s) {
        Walkthrough w = s.getWalkthrough();
        Cursor c = cursor.get();
        if (w != null) {
            Cursor own = c.fit(w.steps());
            if (!own.equals(s.getCursor())) {
                s.moveTo(own);
            }
        }
    }

    private int steps() {
        int steps = 0;
        for (Session s : sessions) {
            Walkthrough w = s.getWalkthrough();
            if (w != null) {
                steps = Math.max(steps, w.steps());
            }
        }
        return steps;
    }

    public ReadOnlyObjectProperty<Cursor> cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    public Cursor getCursor() {
        return cursor.get();
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty positionsProperty() {
        return positions.getReadOnlyProperty();
    }

    /** Increases every time a cell's walk lands. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
