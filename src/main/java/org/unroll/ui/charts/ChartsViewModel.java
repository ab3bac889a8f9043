package org.unroll.ui.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ejml.data.DMatrixRMaj;
import org.jfree.chart.JFreeChart;
import org.unroll.charts.ChartExport;
import org.unroll.charts.EngineCharts;
import org.unroll.charts.Figure;
import org.unroll.charts.GateMap;
import org.unroll.charts.GateHeatmapChart;
import org.unroll.charts.GradCheckChart;
import org.unroll.charts.GradCheckResult;
import org.unroll.charts.MessageFigure;
import org.unroll.charts.StepContributionChart;
import org.unroll.charts.StepNormChart;
import org.unroll.charts.VanishingChart;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.Cursor;
import org.unroll.engine.Quantity;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * What the charts show, for one session: the five charts (toolkit-free JFreeChart models), which
 * of them is in front, the entry whose per-step shares the contributions chart stacks (its
 * parameter and its 0-based row and column, with their ranges), the contributions mode, the
 * step-norm chart's log scale, the gradient check, and export. It follows the session: a new walk
 * refills every chart, its diagnostics fill the flow charts, and the cursor decides what is drawn,
 * as on the timeline: a chart shows only what exists at the cursor (the gates of the forward steps
 * that have run, the norms of the backward steps that have run), and a chart with nothing yet to
 * show has a one-line reason instead ({@link #placeholderProperty(Kind)}). Plain JUnit testable
 * with a session on direct executors; {@link ChartsPane} only builds the nodes, binds and
 * delegates. Use it on the UI thread.
 */
public final class ChartsViewModel implements AutoCloseable {

    /** The charts, in the order the chooser offers them. */
    public enum Kind { STEP_NORMS, VANISHING, GATES, CONTRIBUTIONS, GRADCHECK }

    private final StepNormChart stepNorms = new StepNormChart();
    private final VanishingChart vanishing = new VanishingChart();
    private final GateHeatmapChart gates = new GateHeatmapChart();
    private final StepContributionChart contributions = new StepContributionChart();
    private final ReadOnlyObjectWrapper<GradCheckChart> gradCheck = new ReadOnlyObjectWrapper<>(this, "gradCheck",
            new GradCheckChart());
    private final GradCheckViewModel check;

    private final ObjectProperty<Kind> selected = new SimpleObjectProperty<>(this, "selected", Kind.STEP_NORMS);
    private final ObjectProperty<String> parameter = new SimpleObjectProperty<>(this, "parameter", "weight_hh");
    private final ReadOnlyIntegerWrapper row = new ReadOnlyIntegerWrapper(this, "row");
    private final ReadOnlyIntegerWrapper col = new ReadOnlyIntegerWrapper(this, "col");
    private final ReadOnlyIntegerWrapper rows = new ReadOnlyIntegerWrapper(this, "rows", 1);
    private final ReadOnlyIntegerWrapper cols = new ReadOnlyIntegerWrapper(this, "cols", 1);
    private final ObjectProperty<StepContributionChart.Mode> mode = new SimpleObjectProperty<>(this, "mode",
            StepContributionChart.Mode.ENTRY);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final Map<Kind, ReadOnlyStringWrapper> placeholders = new EnumMap<>(Kind.class);

    private Walkthrough shown;
    private Walkthrough flowOf;
    private Cursor cursor = Cursor.START;
    /** The parameter whose entry row and col hold, or null before the first walk. */
    private String entryParameter;

    /** Follows {@code session}; the gradient check runs on {@code checks} and publishes on {@code ui}. */
    public ChartsViewModel(Session session, Executor checks, Executor ui) {
        this(session, new GradCheckViewModel(checks, ui));
    }

    private ChartsViewModel(Session session, GradCheckViewModel check) {
        this.check = check;
        this.session = session;
        for (Kind k : Kind.values()) {
            placeholders.put(k, new ReadOnlyStringWrapper(this, "placeholder" + k, null));
        }
        logScale.addListener((o, a, on) -> stepNorms.setLogScale(on));
        mode.addListener((o, a, m) -> contributions.setMode(m));
        parameter.addListener((o, a, name) -> {
            if (name != null && !name.equals(entryParameter)) {
                chooseParameter(name, true);
            }
        });
        check.resultProperty().addListener((o, a, r) -> showCheck(r));
        if (session != null) {
            session.walkthroughProperty().addListener((o, a, w) -> show(w));
            session.diagnosticsProperty().addListener((o, a, w) -> showFlow(w));
            session.tablesProperty().addListener((o, a, w) -> showTables(w));
            session.cursorProperty().addListener((o, a, c) -> moveTo(c));
            show(session.getWalkthrough());
            showFlow(session.diagnosticsProperty().get());
            moveTo(session.getCursor());
        }
    }

    /** As the window makes it: the gradient check on a daemon thread of its own, published on {@code ui}. */
    public static ChartsViewModel withOwnCheckThread(Session session, Executor ui) {
        return new ChartsViewModel(session, GradCheckViewModel.withOwnThread(ui));
    }

    /** A new walk: every chart refilled for it (the flow charts once its diagnostics are ready). */
    public void show(Walkthrough w) {
        if (w == null) {
            return;
        }
        check.show(w);
        shown = w;
        flowOf = null;
        String name = parameter.get() == null ? "weight_hh" : parameter.get();
        chooseParameter(name, !name.equals(entryParameter));
        refresh();
    }

    /**
     * The gate map and the contributions, once the shown walk's tables are computed off this thread
     * (the session's diagnostics compute them first; they are never computed here).
     */
    public void showTables(Walkthrough w) {
        if (w != null && w == shown) {
            refreshContributions();
            refresh();
        }
    }

    /** The flow charts, once the shown walk's diagnostics are computed (they are never computed here). */
    public void showFlow(Walkthrough w) {
        if (w != null && w == shown) {
            flowOf = w;
            stepNorms.update(EngineCharts.flow(w));
            vanishing.update(EngineCharts.flow(w));
            refresh();
        }
    }

    /** The cursor moved: what each chart draws, and the current-step mark (at once while active). */
    public void moveTo(Cursor c) {
        cursor = c == null ? Cursor.START : c;
        if (active) {
            refresh();
        } else {
            stale = true;
        }
    }

    /**
     * Whether the charts are on screen: while not, a cursor move is only noted, and the charts
     * catch up when they become active again (stepping repaints no chart nobody sees).
     */
    public void setActive(boolean on) {
        active = on;
        if (on && stale) {
            stale = false;
            refresh();
        }
    }

    private boolean active = true;
    private boolean stale;

    private final Session session;

    /** Draws, in each chart, what exists at the cursor; a chart with nothing to show gets its reason. */
    private void refresh() {
        Walkthrough w = shown;
        if (w == null) {
            for (Kind k : Kind.values()) {
                placeholders.get(k).set(k == Kind.GRADCHECK ? I18n.get("charts.gradcheck.hint") : I18n.get("charts.none.walk"));
            }
            return;
        }
        WalkPoint at = w.at(cursor);
        int steps = w.steps();
        // ‖dL/dh_t‖ exists for the backward steps that have run: from T down to the cursor's step
        int firstNorm = steps + 1;
        while (firstNorm > 1 && at.exists(Quantity.HIDDEN_GRADIENT, firstNorm - 2)) {
            firstNorm--;
        }
        stepNorms.setFirstShownStep(firstNorm);
        stepNorms.setCurrentStep(Math.max(-1, at.displayStep()));
        boolean flowReady = flowOf == w;
        placeholders.get(Kind.STEP_NORMS).set(!flowReady ? I18n.get("charts.none.diagnostics")
                : firstNorm > steps ? I18n.get("charts.none.stepNorms") : null);
        // the Jacobians ∂h_{t+1}/∂h_t are functions of the forward values: the chart exists once the forward pass has run
        placeholders.get(Kind.VANISHING).set(!flowReady ? I18n.get("charts.none.diagnostics")
                : !at.lossDone() ? I18n.get("charts.none.vanishing") : null);
        Optional<GateMap> map = w.model().cell() == org.unroll.engine.CellType.RNN ? Optional.empty()
                : EngineCharts.readyGateMap(w);
        if (map == null) {
            // the map is computed by the session's diagnostics, off this thread: until then, say so
            placeholders.get(Kind.GATES).set(I18n.get("charts.none.computing"));
        } else if (map.isEmpty()) {
            placeholders.get(Kind.GATES).set(EngineCharts.noGatesReason(w.model()));
        } else {
            int lastGate = 0;
            while (lastGate < steps && at.exists(Quantity.GATES, lastGate)) {
                lastGate++;
            }
            if (gates.lastShownStep() != lastGate || gates.map() != map.get()) {
                // one image per gate, whatever T and H are: the map holds at most the plot's width of columns
                gates.update(map.get(), lastGate);
            }
            placeholders.get(Kind.GATES).set(lastGate == 0 ? I18n.get("charts.none.gates") : null);
        }
        // each step's share exists once the backward pass has added every step's (stage 3 of step 1)
        placeholders.get(Kind.CONTRIBUTIONS).set(!at.backwardDone(0, BackwardStage.PARAMETER_GRADIENTS)
                ? I18n.get("charts.none.contributions") : contributionsOf != w ? I18n.get("charts.none.computing") : null);
        placeholders.get(Kind.GRADCHECK).set(check.resultProperty().get() == null ? I18n.get("charts.gradcheck.hint") : null);
    }


    private void showCheck(GradCheckResult r) {
        if (r == null) {
            gradCheck.set(new GradCheckChart());
        } else {
            gradCheck.get().update(r);
        }
        refresh();
    }

    private void chooseParameter(String name, boolean largest) {
        chooseParameter(name, largest, true);
    }

    private void chooseParameter(String name, boolean largest, boolean draw) {
        Walkthrough w = shown;
        if (w == null) {
            return;
        }
        DMatrixRMaj m = w.gradients().get(name);
        int[] rc = EngineCharts.largestEntry(w.gradients(), name);
        // the largest entry for a new parameter (or the first walk); else the entry stays while it exists
        boolean fresh = largest || !name.equals(entryParameter) || row.get() >= m.numRows || col.get() >= m.numCols;
        entryParameter = name;
        parameter.set(name);
        rows.set(m.numRows);
        cols.set(m.numCols);
        row.set(fresh ? rc[0] : row.get());
        col.set(fresh ? rc[1] : col.get());
        contributions.setNormParameter(name);
        if (draw) {
            refreshContributions();
        }
    }

    /**
     * Chooses the entry the contributions chart stacks (0-based row and column, clamped to the
     * parameter's shape).
     */
    public void chooseEntry(String name, int r, int c) {
        chooseParameter(name, false, false);
        row.set(Math.max(0, Math.min(rows.get() - 1, r)));
        col.set(Math.max(0, Math.min(cols.get() - 1, c)));
        refreshContributions();
    }

    /** Chooses the entry's row (0-based), keeping the column. */
    public void setRow(int r) {
        chooseEntry(parameter.get(), r, col.get());
    }

    /** Chooses the entry's column (0-based), keeping the row. */
    public void setCol(int c) {
        chooseEntry(parameter.get(), row.get(), c);
    }

    /**
     * Shows the chosen entry's per-step contributions if the walk's owner has them; else asks for
     * them on the session's diagnostics thread and shows them when they arrive (never computed on
     * this thread: for T = 1000 and H = 128 they take a tenth of a second and more).
     */
    private void refreshContributions() {
        Walkthrough w = shown;
        if (w == null || entryParameter == null) {
            return;
        }
        String name = entryParameter;
        int r = row.get();
        int c = col.get();
        org.unroll.charts.StepContributions ready = EngineCharts.readyContributions(w, name, r, c);
        if (ready != null) {
            contributions.update(ready);
            entryText.set(ready.entryLabel());
            contributionsOf = w;
            return;
        }
        if (contributionsOf == w) {
            contributionsOf = null;
            refresh(); // the page says it is being computed
        }
        if (session == null) {
            org.unroll.charts.StepContributions now = EngineCharts.contributions(w, name, r, c);
            contributions.update(now);
            entryText.set(now.entryLabel());
            contributionsOf = w;
            return;
        }
        if (session.tablesProperty().get() != w) {
            return; // the walk's tables come first (with the default entry): asked for again when they are there
        }
        session.prepare(w, () -> EngineCharts.contributions(w, name, r, c), () -> {
            if (shown == w && name.equals(entryParameter) && row.get() == r && col.get() == c) {
                refreshContributions();
                refresh();
            }
        });
    }

    /** The walk whose contributions the chart shows, or null while they are computed. */
    private Walkthrough contributionsOf;

    private final ReadOnlyStringWrapper entryText = new ReadOnlyStringWrapper(this, "entryText", "");

    /** The chosen entry as a person reads it, in the display notation and 1-based: "W_hh[6,3]". */
    public ReadOnlyStringProperty entryTextProperty() {
        return entryText.getReadOnlyProperty();
    }

    /** The chosen entry as code reads it, 0-based: "weight_hh[5,2]". */
    public String entryLabel() {
        return parameter.get() + "[" + row.get() + "," + col.get() + "]";
    }

    /**
     * The size a chart exports at: as on screen when laid out (more than 100 px each way), else
     * 1280 × 720.
     *
     * @param width  the chart's width on screen, px
     * @param height its height, px
     * @return {width, height}
     */
    public static int[] exportSize(double width, double height) {
        return width > 100 && height > 100 ? new int[] {(int) width, (int) height} : new int[] {1280, 720};
    }

    /** What a chart exports as: the chart, or the message that stands in for it. */
    public Figure figure(Kind kind) {
        String why = placeholders.get(kind).get();
        if (why != null) {
            return new MessageFigure((shown == null ? "" : shown.model().label() + " ") + I18n.get(tabKey(kind)), why);
        }
        return Figure.of(chart(kind));
    }

    /** The i18n key of a chart's name. */
    public static String tabKey(Kind kind) {
        return switch (kind) {
            case STEP_NORMS -> "charts.tab.stepNorms";
            case VANISHING -> "charts.tab.vanishing";
            case GATES -> "charts.tab.gates";
            case CONTRIBUTIONS -> "charts.tab.contributions";
            case GRADCHECK -> "charts.tab.gradcheck";
        };
    }

    /**
     * Writes one chart (as {@link #figure(Kind)}) to a file, written safely.
     *
     * @param kind   the chart
     * @param file   the file
     * @param svg    SVG, else PNG
     * @param width  px
     * @param height px
     * @param scale  the PNG's pixel density 1–4
     * @throws IOException when the file cannot be written
     */
    public void export(Kind kind, Path file, boolean svg, int width, int height, int scale) throws IOException {
        Figure f = figure(kind);
        if (svg) {
            ChartExport.writeSvg(f, file, width, height);
        } else {
            ChartExport.writePng(f, file, width, height, scale);
        }
    }

    /** The chart model of a kind. */
    public JFreeChart chart(Kind k) {
        return switch (k) {
            case STEP_NORMS -> stepNorms.chart();
            case VANISHING -> vanishing.chart();
            case GATES -> gates.chart();
            case CONTRIBUTIONS -> contributions.chart();
            case GRADCHECK -> gradCheck.get().chart();
        };
    }

    /** Why a chart shows nothing at the cursor (one line), or null while it shows its data. */
    public ReadOnlyStringProperty placeholderProperty(Kind k) {
        return placeholders.get(k).getReadOnlyProperty();
    }

    public ObjectProperty<Kind> selectedProperty() {
        return selected;
    }

    /** The parameter whose entry the contributions chart stacks (a PyTorch name, e.g. weight_hh). */
    public ObjectProperty<String> parameterProperty() {
        return parameter;
    }

    /** The entry's row, 0-based (a spinner shows it from 1). */
    public ReadOnlyIntegerProperty rowProperty() {
        return row.getReadOnlyProperty();
    }

    /** The entry's column, 0-based. */
    public ReadOnlyIntegerProperty colProperty() {
        return col.getReadOnlyProperty();
    }

    /** The chosen parameter's rows. */
    public ReadOnlyIntegerProperty rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The chosen parameter's columns. */
    public ReadOnlyIntegerProperty colsProperty() {
        return cols.getReadOnlyProperty();
    }

    public ObjectProperty<StepContributionChart.Mode> modeProperty() {
        return mode;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** The gradient check's chart (a new one for each model). */
    public ReadOnlyObjectProperty<GradCheckChart> gradCheckChartProperty() {
        return gradCheck.getReadOnlyProperty();
    }

    public GradCheckViewModel gradCheck() {
        return check;
    }

    public StepNormChart stepNormChart() {
        return stepNorms;
    }

    public VanishingChart vanishingChart() {
        return vanishing;
    }

    public GateHeatmapChart gateChart() {
        return gates;
    }

    public StepContributionChart contributionChart() {
        return contributions;
    }

    public GradCheckChart gradCheckChart() {
        return gradCheck.get();
    }

    /** The walk the charts show, or null before the first. */
    public Walkthrough walk() {
        return shown;
    }

    @Override
    public void close() {
        check.close();
    }
}
