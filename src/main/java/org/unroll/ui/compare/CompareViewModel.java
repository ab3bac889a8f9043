package org.unroll.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.unroll.charts.GradientFlow;
import org.unroll.engine.Activation;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.LanePoint;
import org.unroll.engine.Lane;
import org.unroll.engine.Params;
import org.unroll.engine.Phase;
import org.unroll.engine.StackedFlow;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;
import org.unroll.figures.CompareStripFigure;
import org.unroll.task.GridScenario;
import org.unroll.task.InitialState;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.modelpanel.ModelPanelViewModel;
import org.unroll.ui.session.Session;
import org.unroll.ui.stepper.StepperViewModel;

/**
 * Compare mode's view model: two or three sides on the same text, seed and hidden size, each a
 * cell with its own depth and directions (an RNN against an LSTM, one layer against two, one
 * direction against both), one {@link Session} per side, stepped by one {@link StepperViewModel}.
 *
 * <p><b>One stepper, orders of different lengths.</b> The stepper drives the <i>lead</i>: the side
 * with the most lanes (layers × directions; then the most points; then the first). Every other
 * side follows it by phase, layer, direction, time step and stage, layers counted from the input:
 * a side stands on the same cell as the lead when it has that cell, and otherwise on the last
 * point of its own order that the lead has passed. So while a two-layer lead runs its second
 * layer forward, a one-layer side waits at its last forward step; while the lead runs the top
 * layer backward, the one-layer side waits at the loss; then both walk layer 1 back step by step,
 * side by side. A follower never moves backwards while the lead moves on. A single-layer side's
 * update comes after the lead's last point when the lead is a grid (it has no update), so there
 * the single side stops at backward step 1.
 *
 * <p>An LSTM is built with its forget-gate bias raised by {@link #forgetBias()} (+1, the usual
 * initialisation of Gers et al. and Jozefowicz et al.) in every layer and direction: with
 * PyTorch's plain initialisation the forget gate sits near ½ and an untrained LSTM's cell path fades
 * too, which is true but not what the comparison is for. Plain-JUnit testable: pass
 * {@code Runnable::run} for the executors.
 */
public final class CompareViewModel {

    /** 41 characters: T = 40 steps, long enough for a plain RNN's gradient to die. */
    public static final String DEFAULT_TEXT = "the gradient fades as it travels back far";
    /** The default seed and hidden size, chosen (and checked in tests) so the contrast is clear. */
    public static final long DEFAULT_SEED = 7;
    public static final int DEFAULT_HIDDEN = 16;
    public static final double DEFAULT_FORGET_BIAS = 1.0;
    /** The most sides compared at once. */
    public static final int MAX_SIDES = 3;

    /**
     * One side of the comparison.
     *
     * @param cell          RNN, LSTM or GRU
     * @param layers        1 … {@link ModelPanelViewModel#MAX_LAYERS}
     * @param bidirectional whether every layer also runs backwards in time
     */
    public record Side(CellType cell, int layers, boolean bidirectional) {
        public Side {
            Objects.requireNonNull(cell);
        }

        public static Side of(CellType cell) {
            return new Side(cell, 1, false);
        }

        public boolean isGrid() {
            return layers != 1 || bidirectional;
        }
    }

    /** The default: RNN, LSTM and GRU, one layer each. */
    public static final List<Side> CELLS = List.of(Side.of(CellType.RNN), Side.of(CellType.LSTM), Side.of(CellType.GRU));
    /** One layer against two (LSTM). */
    public static final List<Side> DEPTHS = List.of(Side.of(CellType.LSTM), new Side(CellType.LSTM, 2, false));
    /** One direction against both (LSTM). */
    public static final List<Side> DIRECTIONS = List.of(Side.of(CellType.LSTM), new Side(CellType.LSTM, 1, true));

    private final Executor background;
    private final Executor diagnostics;
    private final Executor ui;
    private final List<Session> sessions = new ArrayList<>();
    private Consumer<String> errors = message -> { };
    private final ReadOnlyObjectWrapper<List<Session>> shown = new ReadOnlyObjectWrapper<>(this, "sessions", List.of());
    private final ReadOnlyObjectWrapper<StepperViewModel> stepper = new ReadOnlyObjectWrapper<>(this, "stepper");
    /** Counts every change a view redraws for: a walk or its diagnostics landing, any side moving. */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision", 0);
    private Setup base;
    private List<Side> sides = List.of();
    private final double forgetBias = DEFAULT_FORGET_BIAS;
    private int lead = -1;
    /** For each side: the place it stands on for each place of the lead. */
    private int[][] follow = new int[0][];
    /** Where the lead stood before a recomputation, to put it back on the same point. */
    private GridCursor keep = GridCursor.START;
    private boolean keepUpdate;
    private boolean syncing;

    /** Pass, diagnostics and publishing on the given executors (the diagnostics after the pass on one thread). */
    public CompareViewModel(Executor background, Executor ui) {
        this(background, background, ui);
    }

    public CompareViewModel(Executor background, Executor diagnostics, Executor ui) {
        this.background = background;
        this.diagnostics = diagnostics;
        this.ui = ui;
    }

    /** Where a side whose computation failed reports its one-line reason. */
    public void setErrorHandler(Consumer<String> handler) {
        this.errors = handler;
    }

    /** The default comparison's settings: tanh RNN, H = 16, seed 7, on a 41-character sentence (T = 40). */
    public static Setup defaultSetup() {
        return new Setup(CellType.RNN, Activation.TANH, DEFAULT_HIDDEN, DEFAULT_SEED, 0.0, DEFAULT_TEXT,
                InitialState.ZEROS, 0.1);
    }

    /** Opens the default comparison: RNN, LSTM and GRU. */
    public void applyDefault() {
        apply(defaultSetup(), CELLS);
    }

    /** The setup of one side: the shared settings with the side's cell, layers and directions. */
    public static Setup setupOf(Setup shared, Side side) {
        return shared.withCell(side.cell()).withLayers(side.layers()).withBidirectional(side.bidirectional())
                .withBatch(List.of());
    }

    /**
     * What is wrong with comparing {@code which} on {@code setup}, in one line, or null: two or three
     * different sides, each of them a setup the model panel accepts (H ≤ 64, the text's length, 1 … 4
     * layers, the learning rate).
     */
    public static String problemWith(Setup setup, List<Side> which) {
        if (which.size() < 2 || which.size() > MAX_SIDES) {
            return I18n.get("compare.needTwo");
        }
        if (which.stream().distinct().count() != which.size()) {
            return I18n.get("compare.different");
        }
        for (Side s : which) {
            if (s.layers() < 1 || s.layers() > ModelPanelViewModel.MAX_LAYERS) {
                return I18n.get("modelpanel.error.layers", Integer.toString(ModelPanelViewModel.MAX_LAYERS));
            }
            String wrong = ModelPanelViewModel.problemWith(setupOf(setup, s));
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    /**
     * Compares {@code which} on the text, seed, hidden size, W_hh scaling and initial state of
     * {@code setup} (its own cell, layers and directions are ignored; an RNN keeps its activation).
     * The point shown is kept: the lead's point, found again in the new lead's order.
     *
     * @throws IllegalArgumentException with {@link #problemWith(Setup, List)}'s line
     */
    public void apply(Setup setup, List<Side> which) {
        Objects.requireNonNull(setup);
        String wrong = problemWith(setup, which);
        if (wrong != null) {
            throw new IllegalArgumentException(wrong);
        }
        rememberPlace();
        base = setup;
        boolean sameShape = which.size() == sides.size();
        sides = List.copyOf(which);
        if (!sameShape) {
            sessions.clear();
            for (int i = 0; i < which.size(); i++) {
                Session s = new Session(background, diagnostics, ui);
                s.setErrorHandler(message -> errors.accept(message));
                s.diagnosticsProperty().addListener((o, a, w) -> changed());
                s.positionProperty().addListener((o, a, p) -> moved(s));
                sessions.add(s);
            }
            shown.set(List.copyOf(sessions));
        }
        lead = -1;
        follow = new int[0][];
        for (int i = 0; i < which.size(); i++) {
            Setup cs = setupOf(setup, which.get(i));
            // after the session has published the walk and put its cursor back: then the sides are placed
            var done = cs.isGrid() ? sessions.get(i).open(buildGrid(cs, forgetBias)) : sessions.get(i).open(build(cs, forgetBias));
            done.whenComplete((w, e) -> landed());
        }
    }

    /** The scenario of a one-layer side: {@link Scenario#build(Setup)}, with an LSTM's forget bias raised. */
    static Scenario build(Setup s, double forgetBias) {
        Scenario sc = Scenario.build(s);
        if (s.cell() == CellType.LSTM && forgetBias != 0) {
            raiseForgetBias(sc.model().params(), s.hiddenSize(), forgetBias);
        }
        return sc;
    }

    /** The network of a stacked or bidirectional side, with every LSTM layer's forget bias raised. */
    static GridScenario buildGrid(Setup s, double forgetBias) {
        GridScenario g = GridScenario.build(s);
        if (s.cell() == CellType.LSTM && forgetBias != 0) {
            for (int k = 0; k < g.model().layers(); k++) {
                for (int d = 0; d < g.model().directions(); d++) {
                    raiseForgetBias(g.model().params().layer(k, d), s.hiddenSize(), forgetBias);
                }
            }
        }
        return g;
    }

    private static void raiseForgetBias(Params p, int h, double by) {
        // PyTorch's gate order i, f, g, o: the forget gate is rows H … 2H−1
        for (int j = h; j < 2 * h; j++) {
            p.biasIh.data[j] += by;
        }
    }

    public double forgetBias() {
        return forgetBias;
    }

    // ---- the lead and the followers ----

    private void landed() {
        if (!ready()) {
            changed();
            return;
        }
        int newLead = chooseLead();
        int[][] maps = new int[sessions.size()][];
        List<Key> leadOrder = order(newLead);
        for (int i = 0; i < sessions.size(); i++) {
            maps[i] = followMap(leadOrder, order(i));
        }
        follow = maps;
        lead = newLead;
        if (stepper.get() == null || stepper.get().session() != sessions.get(lead)) {
            stepper.set(new StepperViewModel(sessions.get(lead)));
        }
        // the lead back on the point it stood on (or the nearest the new order has), the others after it
        syncing = true;
        try {
            sessions.get(lead).moveToIndex(placeInLead(leadOrder));
        } finally {
            syncing = false;
        }
        syncFollowers();
        changed();
    }

    /** The side with the most lanes, then the most points, then the first. */
    private int chooseLead() {
        int best = 0;
        for (int i = 1; i < sessions.size(); i++) {
            int lanes = lanes(i);
            int bestLanes = lanes(best);
            if (lanes > bestLanes || lanes == bestLanes
                    && sessions.get(i).positionsProperty().get() > sessions.get(best).positionsProperty().get()) {
                best = i;
            }
        }
        return best;
    }

    private int lanes(int i) {
        GridWalk g = sessions.get(i).getGridWalk();
        return g == null ? 1 : g.lanes().size();
    }

    private void rememberPlace() {
        if (lead >= 0 && lead < sessions.size() && ready()) {
            Key k = order(lead).get(sessions.get(lead).positionProperty().get());
            keep = k.point();
            keepUpdate = k.update();
        }
    }

    private int placeInLead(List<Key> leadOrder) {
        for (int j = 0; j < leadOrder.size(); j++) {
            Key k = leadOrder.get(j);
            if (keepUpdate ? k.update() : !k.update() && k.point().equals(keep)) {
                return j;
            }
        }
        if (keepUpdate) {
            return leadOrder.size() - 1;
        }
        // a cell the new lead lacks: the same phase, direction, time and stage, else the start or the loss
        return nearest(leadOrder, keep);
    }

    private static int nearest(List<Key> order, GridCursor c) {
        for (int j = order.size() - 1; j >= 0; j--) {
            GridCursor p = order.get(j).point();
            if (p != null && p.phase() == c.phase() && (c.lane() == null || p.lane() != null
                    && p.lane().direction() == c.lane().direction() && p.time() == c.time() && p.stage() == c.stage())) {
                return j;
            }
        }
        if (c.phase() == Phase.START) {
            return 0;
        }
        for (int j = 0; j < order.size(); j++) {
            if (order.get(j).point() != null && order.get(j).point().phase() == Phase.LOSS) {
                return j;
            }
        }
        return 0;
    }

    /** Any side moved: the others are put where the lead's place says (a follower never moves on its own). */
    private void moved(Session s) {
        if (!syncing) {
            syncFollowers();
        }
        changed();
    }

    private void syncFollowers() {
        if (lead < 0 || lead >= sessions.size() || follow.length != sessions.size()) {
            return;
        }
        int p = sessions.get(lead).positionProperty().get();
        syncing = true;
        try {
            for (int i = 0; i < sessions.size(); i++) {
                if (i != lead && follow[i] != null && p < follow[i].length) {
                    Session s = sessions.get(i);
                    if (s.positionProperty().get() != follow[i][p]) {
                        s.moveToIndex(follow[i][p]);
                    }
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /**
     * A point of a side's order in the grid's terms: a single layer's cursor is lane (layer 1, →);
     * its update has no grid point ({@code update} true).
     */
    record Key(GridCursor point, boolean update) {
    }

    /** Side i's points in its order. */
    List<Key> order(int i) {
        Session s = sessions.get(i);
        List<Key> out = new ArrayList<>();
        GridWalk g = s.getGridWalk();
        if (g != null) {
            for (GridCursor c : g.order(s.gridSequenceProperty().get()).points()) {
                out.add(new Key(c, false));
            }
            return out;
        }
        int steps = s.getWalkthrough().steps();
        for (int j = 0; j < Cursor.positions(steps); j++) {
            out.add(keyOf(Cursor.at(j, steps)));
        }
        return out;
    }

    static Key keyOf(Cursor c) {
        return switch (c.phase()) {
            case START -> new Key(GridCursor.START, false);
            case FORWARD -> new Key(GridCursor.forward(Lane.SINGLE, c.step()), false);
            case LOSS -> new Key(GridCursor.LOSS, false);
            case BACKWARD -> new Key(GridCursor.backward(Lane.SINGLE, c.step(), c.stage()), false);
            case UPDATE -> new Key(null, true);
        };
    }

    /**
     * For each place of the lead's order, the place of the follower: the last of its points that the
     * lead has reached. A follower's point is found in the lead's order as itself, or, when the lead
     * has no such cell, as the lead's last point of the same phase, direction, time and stage; the
     * places are then kept from going back, so the follower only ever moves on with the lead.
     */
    static int[] followMap(List<Key> lead, List<Key> follower) {
        java.util.Map<Key, Integer> at = new java.util.HashMap<>();
        for (int j = 0; j < lead.size(); j++) {
            at.put(lead.get(j), j);
        }
        int[] reach = new int[follower.size()];
        int max = 0;
        for (int j = 0; j < follower.size(); j++) {
            Key k = follower.get(j);
            Integer i = at.get(k);
            int place;
            if (i != null) {
                place = i;
            } else if (k.update()) {
                place = Integer.MAX_VALUE; // a grid lead has no update: past its last point
            } else {
                place = nearest(lead, k.point());
            }
            max = Math.max(max, place);
            reach[j] = max;
        }
        int[] map = new int[lead.size()];
        int j = 0;
        for (int p = 0; p < lead.size(); p++) {
            while (j + 1 < follower.size() && reach[j + 1] <= p) {
                j++;
            }
            map[p] = j;
        }
        return map;
    }

    // ---- what the views read ----

    /** The sessions, one per side, top to bottom. */
    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    public ReadOnlyObjectProperty<List<Session>> sessionsProperty() {
        return shown.getReadOnlyProperty();
    }

    public List<Side> sides() {
        return sides;
    }

    public Setup setup() {
        return base;
    }

    /** Whether every side's walk has been computed. */
    public boolean ready() {
        return !sessions.isEmpty() && sessions.stream().allMatch(s -> s.getWalkthrough() != null || s.getGridWalk() != null);
    }

    /** The side the stepper drives (−1 before every walk has landed). */
    public int lead() {
        return lead;
    }

    /** The one stepper of compare mode: the main view's, on the lead side's session. Null until ready. */
    public ReadOnlyObjectProperty<StepperViewModel> stepperProperty() {
        return stepper.getReadOnlyProperty();
    }

    public StepperViewModel getStepper() {
        return stepper.get();
    }

    /** Increases whenever something shown changed (a walk, its diagnostics, a side's point). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The walks of the one-layer sides (null for a grid side). */
    public List<Walkthrough> walks() {
        return sessions.stream().map(Session::getWalkthrough).toList();
    }

    /** What a legend calls side i: the cell, its layers and directions, and an LSTM's raised forget bias. */
    public String label(int i) {
        Side side = sides.get(i);
        Session s = sessions.get(i);
        String l;
        if (s.getWalkthrough() != null) {
            l = s.getWalkthrough().model().label();
        } else {
            l = side.cell() == CellType.RNN ? "RNN (" + base.activation().id() + ")" : side.cell().name();
        }
        if (side.cell() == CellType.LSTM && forgetBias != 0) {
            l += " (b_f " + (forgetBias > 0 ? "+" : "") + org.unroll.charts.TickNumberFormat.text(forgetBias) + ")";
        }
        if (side.isGrid()) {
            l += " · " + I18n.get(side.layers() == 1 ? "compare.layer" : "compare.layers", Integer.toString(side.layers()));
            if (side.bidirectional()) {
                l += " ⇄";
            }
        }
        return l;
    }

    /**
     * What the charts' legends call side i: only what tells the sides apart (the cell when the cells
     * differ, the layers and directions when they differ), so a legend of six lines stays short.
     */
    public String chartLabel(int i) {
        boolean cellsDiffer = sides.stream().map(Side::cell).distinct().count() > 1;
        boolean shapesDiffer = sides.stream().map(x -> x.layers() + "/" + x.bidirectional()).distinct().count() > 1;
        if (cellsDiffer && !shapesDiffer || !cellsDiffer && !shapesDiffer) {
            return label(i);
        }
        Side side = sides.get(i);
        String shape = I18n.get(side.layers() == 1 ? "compare.layer" : "compare.layers", Integer.toString(side.layers()))
                + (side.bidirectional() ? " ⇄" : "");
        if (!cellsDiffer) {
            return shape;
        }
        return label(i).split(" · ")[0] + " · " + shape;
    }

    /** Compares again with the same settings and these sides (the point kept). */
    public void applySides(List<Side> which) {
        apply(base == null ? defaultSetup() : base, which);
    }

    /** Where a side stands, in the words of the stepper's title (cell, or for a grid the lane and step). */
    public String where(int i) {
        Session s = sessions.get(i);
        if (s.getGridWalk() != null) {
            GridCursor c = s.gridCursorProperty().get();
            return c.onCell() ? org.unroll.ui.stepper.GridCursorTitle.lane(c.lane()) + ", t = " + (c.time() + 1)
                    : phaseName(c.phase());
        }
        if (s.getWalkthrough() == null) {
            return "";
        }
        Cursor c = s.getCursor();
        return c.step() >= 0 ? phaseName(c.phase()) + ", t = " + (c.step() + 1) : phaseName(c.phase());
    }

    // ---- the pictures: the strips and the charts, only what exists at each side's point ----

    /**
     * Side i's strip at its point: the cells that have run, and each backward arrow that exists,
     * carrying ‖∂h_T/∂h_k‖ in its lane (how much of the last step's gradient reaches step k: the
     * vanishing story); a stacked side's arrows down in depth carry ‖dL/dh_t‖ from the layer above.
     * Before the backward pass no arrow exists, so none is drawn; a one-layer side's arrows wait for
     * its diagnostics (the Jacobian norms). Null while the side's walk is not computed.
     */
    public CompareStripFigure.Frame strip(int i, double scale, double scrollX) {
        Session s = sessions.get(i);
        java.awt.Color color = org.unroll.charts.ChartStyle.color(i);
        if (s.getGridWalk() != null) {
            return gridStrip(i, s, color, scale, scrollX);
        }
        Walkthrough w = s.getWalkthrough();
        if (w == null) {
            return null;
        }
        int steps = w.steps();
        WalkPoint at = w.at(s.getCursor());
        Walkthrough diag = s.diagnosticsProperty().get();
        double[] jac = diag == w ? w.flow().jacobianNorms() : null;
        boolean[][] fwd = new boolean[1][steps];
        int[][] back = new int[1][steps];
        double[][] time = new double[1][steps];
        double[][] depth = new double[1][steps];
        List<String> inputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            fwd[0][t] = at.forwardDone(t);
            back[0][t] = stagesRun(at, Lane.SINGLE, t);
            // what step t passes back reaches h_{t} (state block t): ‖∂h_T/∂h_t‖
            time[0][t] = jac != null && at.backwardDone(t, BackwardStage.PASS_BACK) ? jac[t] : Double.NaN;
            depth[0][t] = Double.NaN;
            inputs.add(org.unroll.i18n.Notation.visible(s.getScenario().inputLabel(t)));
        }
        return new CompareStripFigure.Frame(label(i), color, List.of(Lane.SINGLE), List.of(""), inputs, fwd, back,
                time, depth, at.lane() != null ? 0 : -1, at.lane() != null ? at.time() : -1, where(i), scale, scrollX);
    }

    private CompareStripFigure.Frame gridStrip(int i, Session s, java.awt.Color color, double scale, double scrollX) {
        GridWalk g = s.getGridWalk();
        GridWalkPoint at = s.getGridPoint();
        int b = s.gridSequenceProperty().get();
        int steps = g.steps();
        int len = g.batch().length(b);
        List<Lane> rows = rowsOf(g);
        StackedFlow flow = g.flow(b);
        int n = rows.size();
        boolean[][] fwd = new boolean[n][steps];
        int[][] back = new int[n][steps];
        double[][] time = new double[n][steps];
        double[][] depth = new double[n][steps];
        List<String> names = new ArrayList<>();
        int top = g.model().layers() - 1;
        int currentRow = -1;
        for (int r = 0; r < n; r++) {
            Lane lane = rows.get(r);
            names.add(org.unroll.ui.stepper.GridCursorTitle.lane(lane));
            if (lane.equals(at.lane())) {
                currentRow = r;
            }
            double[] jac = directionFlow(flow, lane).jacobianNorms();
            for (int t = 0; t < steps; t++) {
                fwd[r][t] = at.forwardDone(lane, t);
                back[r][t] = stagesRun(at, lane, t);
                boolean reverse = lane.direction() == Lane.Direction.BACKWARD;
                int own = reverse ? (t < len ? len - 1 - t : t) : t;
                time[r][t] = t < len && own < jac.length && at.backwardDone(lane, t, BackwardStage.PASS_BACK)
                        ? jac[own] : Double.NaN;
                double[] above = lane.layer() < top ? at.cell(lane, t).map(p -> p.dhFromAbove()).orElse(null) : null;
                depth[r][t] = above == null ? Double.NaN : org.unroll.engine.Norms.euclidean(above);
            }
        }
        GridScenario sc = s.getGridScenario();
        List<String> inputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            inputs.add(sc == null ? "" : org.unroll.i18n.Notation.visible(sc.inputLabel(b, t)));
        }
        return new CompareStripFigure.Frame(label(i), color, rows, names, inputs, fwd, back, time, depth, currentRow,
                currentRow >= 0 ? at.time() : -1, where(i), scale, scrollX);
    }

    /** A grid's rows top to bottom: the top layer first, each reverse row under its forward one. */
    static List<Lane> rowsOf(GridWalk g) {
        List<Lane> rows = new ArrayList<>(g.lanes());
        rows.sort((a, c) -> a.layer() != c.layer() ? Integer.compare(c.layer(), a.layer())
                : a.direction().compareTo(c.direction()));
        return rows;
    }

    private static StackedFlow.DirectionFlow directionFlow(StackedFlow flow, Lane lane) {
        int d = lane.direction() == Lane.Direction.BACKWARD ? 1 : 0;
        for (StackedFlow.DirectionFlow f : flow.directions()) {
            if (f.layer() == lane.layer() && f.direction() == d) {
                return f;
            }
        }
        throw new IllegalArgumentException("no lane " + lane);
    }

    private static int stagesRun(LanePoint at, Lane lane, int t) {
        int n = 0;
        for (BackwardStage st : BackwardStage.values()) {
            if (at.backwardDone(lane, t, st)) {
                n++;
            }
        }
        return n;
    }

    /**
     * What the two charts show at the sides' points, one flow per side (a stacked side: its layer 1
     * in the forward direction, the layer the input feeds, where the gradient has come furthest):
     * ‖dL/dh_t‖ of the backward steps each side has run, and ‖∂h_T/∂h_k‖ of each side whose forward
     * pass has run (the Jacobians are functions of the forward values), with a reason in place of a
     * chart that has nothing to show yet.
     *
     * @param norms        every side with its flow, in side order
     * @param firstShown   per flow of {@code norms}: the first time step (1-based) drawn (T + 1: none)
     * @param normsReason  why the step-norm chart is empty, or null
     * @param vanishing    the flows of the sides whose forward pass has run
     * @param vanishingReason why the vanishing chart is empty, or null
     * @param currentStep  the lead's time step (1-based), or −1
     */
    public record Charts(List<GradientFlow> norms, int[] firstShown, String normsReason, List<GradientFlow> vanishing,
                         String vanishingReason, int currentStep) {
    }

    public Charts charts() {
        List<GradientFlow> norms = new ArrayList<>();
        List<Integer> first = new ArrayList<>();
        List<GradientFlow> vanishing = new ArrayList<>();
        boolean anyNorm = false;
        boolean waiting = false;
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            GradientFlow f = flowOf(i);
            if (f == null) {
                waiting = true;
                continue;
            }
            LanePoint at = s.getLanePoint();
            Lane lane = s.getGridWalk() != null ? new Lane(0, Lane.Direction.FORWARD) : Lane.SINGLE;
            int steps = f.steps();
            int firstNorm = steps + 1;
            while (firstNorm > 1 && at.backwardDone(lane, firstNorm - 2, BackwardStage.ADD_FUTURE)) {
                firstNorm--;
            }
            norms.add(f);
            first.add(firstNorm);
            anyNorm |= firstNorm <= steps;
            if (at.lossDone()) {
                vanishing.add(f);
            }
        }
        String wait = I18n.get("charts.none.diagnostics");
        String normsReason = anyNorm ? null : waiting && norms.isEmpty() ? wait : I18n.get("charts.none.stepNorms");
        String vanishingReason = !vanishing.isEmpty() ? null : waiting && norms.isEmpty() ? wait
                : I18n.get("charts.none.vanishing");
        int current = -1;
        if (lead >= 0 && lead < sessions.size()) {
            LanePoint at = sessions.get(lead).getLanePoint();
            current = at != null && at.time() >= 0 ? at.display(at.time()) : -1;
        }
        return new Charts(norms, first.stream().mapToInt(Integer::intValue).toArray(), normsReason, vanishing,
                vanishingReason, current);
    }

    /** Side i's flow as the charts draw it, or null until it is computed. */
    GradientFlow flowOf(int i) {
        Session s = sessions.get(i);
        Walkthrough w = s.getWalkthrough();
        if (w != null) {
            return s.diagnosticsProperty().get() == w ? org.unroll.charts.EngineCharts.flow(chartLabel(i), w.flow()) : null;
        }
        GridWalk g = s.getGridWalk();
        if (g == null) {
            return null;
        }
        Lane first = new Lane(0, Lane.Direction.FORWARD);
        StackedFlow.DirectionFlow d = directionFlow(g.flow(s.gridSequenceProperty().get()), first);
        double sigma = org.unroll.engine.SpectralNorm.of(g.model().params().layer(0, 0).weightHh);
        double gamma = g.model().activation().derivativeBound();
        return GradientFlow.withBound(chartLabel(i) + " (" + org.unroll.ui.stepper.GridCursorTitle.lane(first) + ")",
                d.dhNorms(), d.jacobianNorms(), d.cellJacobianNorms(), gamma, sigma);
    }

    private static String phaseName(Phase p) {
        return I18n.get("compare.phase." + p.name().toLowerCase(java.util.Locale.ROOT));
    }
}
