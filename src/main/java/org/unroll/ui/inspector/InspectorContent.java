package org.unroll.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.Quantity;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.ui.I18n;
import org.unroll.ui.inspector.InspectorEntry.Section;

/**
 * What the inspector shows at the walk's cursor: the vectors and matrices that exist there, read
 * through the walk's query API ({@link WalkPoint}, which refuses a value the cursor has not reached) and from {@link Walkthrough#stepContribution}, {@link Walkthrough#runningSum},
 * {@link Walkthrough#gradients} and {@link Walkthrough#updatedModel}), never anything computed later.
 * Toolkit-free. Vectors are rows (1×n); the per-step input/loss tables have one row per step.
 * Titles use the symbolic time index t (the caption of the formula pane says which t); the
 * teaching pass has one sequence (B = 1), and with a larger batch the first sequence is shown.
 */
public final class InspectorContent {

    private final Walkthrough w;
    private final Scenario sc;
    private WalkPoint point;
    private final Model model;
    private final CellType cell;
    private final int hs;
    private final int gh;
    private final String[] gateNames;
    private final List<String> inputLabels;
    private final List<String> outputLabels;
    private final List<InspectorEntry> out = new ArrayList<>();

    private InspectorContent(Walkthrough w, Scenario sc) {
        this.w = w;
        this.sc = sc;
        this.model = w.model();
        this.cell = model.cell();
        this.hs = model.hiddenSize();
        this.gh = cell.gates() * hs;
        this.gateNames = cell.gateNames();
        List<String> vocab = model.vocab() == null ? null : model.vocab().stream().map(InspectorContent::visible).toList();
        List<String> shown = vocab == null ? null : vocab.stream().map(InspectorContent::visible).toList();
        this.inputLabels = shown != null && shown.size() == model.inputSize() ? shown : List.of();
        this.outputLabels = shown != null && shown.size() == model.outputSize() ? shown : List.of();
    }

    /** The entries at {@code cursor} (clamped to the walk), without moving the walk's own cursor. */
    public static List<InspectorEntry> at(Walkthrough w, Scenario sc, Cursor cursor) {
        InspectorContent c = new InspectorContent(w, sc);
        c.build(cursor.fit(w.steps()));
        return List.copyOf(c.out);
    }

    private void build(Cursor cur) {
        point = w.at(cur);
        switch (cur.phase()) {
            case START -> start();
            case FORWARD -> forward(cur.step());
            case LOSS -> loss();
            case BACKWARD -> backward(cur.step(), cur.stage());
            case UPDATE -> update();
        }
    }

    // ---- phases ----

    private void start() {
        add("x_all", Section.INPUTS, new MatrixData(I18n.get("inspector.entry.allInputs"), rows(Quantity.INPUT),
                stepLabels(false), inputLabels), true);
        add("h_prev", Section.INPUTS, vector("h_0", at(Quantity.HIDDEN_BEFORE, 0), List.of()), true);
        if (point.has(Quantity.CELL)) {
            add("c_prev", Section.INPUTS, vector("c_0", at(Quantity.CELL_BEFORE, 0), List.of()), true);
        }
    }

    private void forward(int t) {
        add("x", Section.INPUTS, vector("x_t", at(Quantity.INPUT, t), inputLabels), false);
        add("h_prev", Section.INPUTS, vector("h_{t−1}", at(Quantity.HIDDEN_BEFORE, t), List.of()), false);
        if (point.has(Quantity.CELL)) {
            add("c_prev", Section.INPUTS, vector("c_{t−1}", at(Quantity.CELL_BEFORE, t), List.of()), false);
        }
        double[] zIh = at(Quantity.INPUT_PROJECTION, t);
        double[] zHh = at(Quantity.RECURRENT_PROJECTION, t);
        double[] gates = at(Quantity.GATES, t);
        switch (cell) {
            case RNN -> {
                add("zIh", Section.FORWARD, vector("W_xh x_t + b_xh", zIh, List.of()), true);
                add("zHh", Section.FORWARD, vector("W_hh h_{t−1} + b_hh", zHh, List.of()), true);
                add("z", Section.FORWARD, vector("z_t = W_xh x_t + W_hh h_{t−1} + b", sum(zIh, zHh), List.of()), true);
            }
            case LSTM -> {
                add("z", Section.FORWARD, gateMatrix("z_t = W_xh x_t + W_hh h_{t−1} + b", sum(zIh, zHh)), true);
                addGates(gates);
                add("c", Section.FORWARD, vector("c_t", at(Quantity.CELL, t), List.of()), true);
                add("tanhC", Section.FORWARD, vector("tanh(c_t)", at(Quantity.TANH_CELL, t), List.of()), true);
            }
            case GRU -> {
                add("zIh", Section.FORWARD, gateMatrix("W_xh x_t + b_xh", zIh), true);
                add("zHh", Section.FORWARD, gateMatrix("W_hh h_{t−1} + b_hh", zHh), true);
                addGates(gates);
            }
        }
        add("h", Section.FORWARD, vector("h_t", at(Quantity.HIDDEN, t), List.of()), true);
        add("y", Section.FORWARD, vector("y_t", at(Quantity.OUTPUT, t), outputLabels), true);
        if (point.has(Quantity.PROBABILITIES)) {
            add("p", Section.FORWARD, vector("softmax(y_t)", at(Quantity.PROBABILITIES, t), outputLabels), true);
        }
        add("L_t", Section.LOSS, MatrixData.of("L_t", new double[][] {{w.stepLoss(t)}}), true);
    }

    private void addGates(double[] gates) {
        for (int k = 0; k < gateNames.length; k++) {
            add("gate_" + gateNames[k], Section.FORWARD, vector(gateNames[k] + "_t", slice(gates, k * hs, hs), List.of()), true);
        }
    }

    private void loss() {
        int n = w.steps();
        double[][] losses = new double[n][1];
        for (int t = 0; t < n; t++) {
            losses[t][0] = w.stepLoss(t);
        }
        double total = w.loss();
        boolean ce = point.has(Quantity.PROBABILITIES);
        add("out_all", Section.FORWARD, new MatrixData(I18n.get("inspector.entry.allSteps", ce ? "softmax(y_t)" : "y_t"),
                rows(ce ? Quantity.PROBABILITIES : Quantity.OUTPUT), stepLabels(true), outputLabels), false);
        add("L_steps", Section.LOSS, new MatrixData(I18n.get("inspector.entry.allSteps", "L_t"), losses,
                stepLabels(true), List.of()), true);
        add("L", Section.LOSS, MatrixData.of("L = Σ_t L_t", new double[][] {{total}}), true);
    }

    private void backward(int t, BackwardStage stage) {
        int s = stage.number();
        boolean ce = point.has(Quantity.PROBABILITIES);
        add("dy", Section.BACKWARD, vector("dy_t", at(Quantity.OUTPUT_GRADIENT, t), outputLabels), s == 1);
        add("dhLocal", Section.BACKWARD, vector("dL_t/dh_t", at(Quantity.LOCAL_HIDDEN_GRADIENT, t), List.of()), s == 1);
        if (s >= 2) {
            double[] dhNext = at(Quantity.HIDDEN_GRADIENT_NEXT, t);
            add("dhNext", Section.BACKWARD, vector("dh_next", dhNext, List.of()), false);
            add("dh", Section.BACKWARD, vector("dh_t", at(Quantity.HIDDEN_GRADIENT, t), List.of()), s == 2);
            if (point.has(Quantity.CELL_GRADIENT)) {
                double[] dcNext = at(Quantity.CELL_GRADIENT_NEXT, t);
                add("dcNext", Section.BACKWARD, vector("dc_next", dcNext, List.of()), false);
                add("dc", Section.BACKWARD, vector("dc_t", at(Quantity.CELL_GRADIENT, t), List.of()), s == 2);
            }
        }
        if (s >= 3) {
            switch (cell) {
                case RNN -> add("delta", Section.BACKWARD, vector("δ_t", at(Quantity.DELTA, t), List.of()), s == 3);
                case LSTM -> add("delta", Section.BACKWARD, gateMatrix("δ_t (dz_t)", at(Quantity.DELTA, t)), s == 3);
                case GRU -> {
                    add("delta", Section.BACKWARD, gateMatrix("δ_t → W_xh", at(Quantity.DELTA, t)), s == 3);
                    add("deltaH", Section.BACKWARD, gateMatrix("δ_t → W_hh", at(Quantity.DELTA_RECURRENT, t)), s == 3);
                }
            }
        }
        if (s >= 4) {
            add("dhBack", Section.BACKWARD, vector("dh_{t−1}", at(Quantity.HIDDEN_GRADIENT_BACK, t), List.of()), true);
            if (point.has(Quantity.CELL_GRADIENT_BACK)) {
                add("dcBack", Section.BACKWARD, vector("dc_{t−1}", at(Quantity.CELL_GRADIENT_BACK, t), List.of()), true);
            }
        }
        if (s >= 3) {
            addParams("d", Section.STEP_GRADIENTS, point.stepContribution(t).orElseThrow(), "Δ", "inspector.entry.step", s == 3);
        }
        Params running = point.accumulated();
        addParams("sum", Section.RUNNING_SUMS, running, "Σ", "inspector.entry.running", s == 3);
        // what the step read in the forward pass, for reference, after the gradients
        add("x", Section.INPUTS, vector("x_t", at(Quantity.INPUT, t), inputLabels), false);
        add("h_prev", Section.INPUTS, vector("h_{t−1}", at(Quantity.HIDDEN_BEFORE, t), List.of()), false);
        add("h", Section.INPUTS, vector("h_t", at(Quantity.HIDDEN, t), List.of()), false);
        add("p", Section.INPUTS, vector(ce ? "softmax(y_t)" : "y_t", at(ce ? Quantity.PROBABILITIES : Quantity.OUTPUT, t), outputLabels), false);
    }

    private void update() {
        Params before = model.params();
        Params after = w.updatedModel().params();
        Params grads = w.gradients();
        add("L", Section.UPDATE, MatrixData.of("L", new double[][] {{w.loss()}}), false);
        add("L_after", Section.UPDATE, MatrixData.of(I18n.get("inspector.entry.after", "L"),
                new double[][] {{w.lossAfterUpdate()}}), true);
        String[] names = paramNames(true);
        DMatrixRMaj[] g = grads.all().toArray(new DMatrixRMaj[0]);
        DMatrixRMaj[] b = before.all().toArray(new DMatrixRMaj[0]);
        DMatrixRMaj[] a = after.all().toArray(new DMatrixRMaj[0]);
        for (int k = 0; k < names.length; k++) {
            String id = Params.NAMES.get(k);
            add("grad_" + id, Section.UPDATE, param("∂L/∂" + names[k], g[k], k), false);
            add("before_" + id, Section.UPDATE, param(I18n.get("inspector.entry.before", names[k]), b[k], k), false);
            add("after_" + id, Section.UPDATE, param(I18n.get("inspector.entry.after", names[k]), a[k], k), true);
        }
    }

    /**
     * The parameter gradients of {@code p}: W_xh, W_hh, the bias (one b for RNN and LSTM, whose b_xh
     * and b_hh get the same gradient; b_xh and b_hh for GRU), W_out and b_out.
     */
    private void addParams(String idPrefix, Section section, Params p, String symbol, String key, boolean fresh) {
        boolean oneBias = cell != CellType.GRU;
        String[] names = paramNames(!oneBias);
        List<DMatrixRMaj> all = p.all();
        for (int k = 0; k < names.length; k++) {
            if (oneBias && k == 3) {
                continue;
            }
            String name = oneBias && k == 2 ? "b" : names[k];
            add(idPrefix + "_" + Params.NAMES.get(k), section, param(I18n.get(key, symbol + name), all.get(k), k), fresh);
        }
    }

    private static String[] paramNames(boolean twoBiases) {
        return new String[] {"W_xh", "W_hh", twoBiases ? "b_xh" : "b", "b_hh", "W_out", "b_out"};
    }

    /**
     * One parameter tensor in its natural shape: weights as matrices, the recurrent biases per gate.
     * The same tensor (a remembered running sum, say, shown at four stages) gives the same MatrixData,
     * so the view sees identical data without copying and comparing 16 000 numbers again.
     */
    private MatrixData param(String title, DMatrixRMaj m, int k) {
        return ParamDataCache.of(w).get(m, title, k, () -> paramData(title, m, k));
    }

    private MatrixData paramData(String title, DMatrixRMaj m, int k) {
        return switch (k) {
            case 0 -> new MatrixData(title, matrix(m), stackedLabels(), inputLabels);
            case 1 -> new MatrixData(title, matrix(m), stackedLabels(), List.of());
            case 2, 3 -> gh == hs ? vector(title, m.data.clone(), List.of()) : gateMatrix(title, m.data.clone());
            case 4 -> new MatrixData(title, matrix(m), outputLabels, List.of());
            default -> vector(title, m.data.clone(), outputLabels);
        };
    }

    // ---- helpers ----

    /** A character as a label: a space as ␣, a line break as ↵, tabs as ⇥. */
    static String visible(String ch) {
        return org.unroll.i18n.Notation.visible(ch);
    }

    private void add(String id, Section section, MatrixData data, boolean fresh) {
        out.add(new InspectorEntry(id, section, data, fresh));
    }

    /** A vector as one row (1×n, with column labels): compact in a grid, one line per vector. */
    static MatrixData vector(String title, double[] v, List<String> labels) {
        return MatrixData.row(title, v).withColumnLabels(labels);
    }

    /** A gate-stacked vector of G·H entries as an H × G matrix, one column per gate. */
    private MatrixData gateMatrix(String title, double[] stacked) {
        double[][] m = new double[hs][gateNames.length];
        for (int k = 0; k < gateNames.length; k++) {
            for (int j = 0; j < hs; j++) {
                m[j][k] = stacked[k * hs + j];
            }
        }
        return new MatrixData(title, m, List.of(), List.of(gateNames));
    }

    /** Row labels of gate-stacked weights: i1 … iH, f1 … for gated cells, none for RNN. */
    private List<String> stackedLabels() {
        if (gateNames.length == 1) {
            return List.of();
        }
        List<String> labels = new ArrayList<>(gh);
        for (String g : gateNames) {
            for (int j = 0; j < hs; j++) {
                labels.add(g + (j + 1));
            }
        }
        return labels;
    }

    /** "1: j" (inputs) or "1: j→e" (with targets), one per step. */
    private List<String> stepLabels(boolean withTarget) {
        List<String> labels = new ArrayList<>(w.steps());
        for (int t = 0; t < w.steps(); t++) {
            String in = sc == null ? "x" + point.display(t) : visible(sc.inputLabel(t));
            String target = sc == null || sc.targetLabel(t) == null ? null : visible(sc.targetLabel(t));
            labels.add(point.display(t) + ": " + in + (withTarget && target != null ? "→" + target : ""));
        }
        return labels;
    }

    /** Row r of a matrix. */
    static double[] row(DMatrixRMaj m, int r) {
        double[] v = new double[m.numCols];
        System.arraycopy(m.data, r * m.numCols, v, 0, m.numCols);
        return v;
    }

    /** The value of step t at the point shown; it exists there, or the inspector would show a value not yet computed. */
    private double[] at(Quantity q, int t) {
        return point.value(q, t).orElseThrow(() -> new IllegalStateException(q + " of step " + t + " does not exist at " + point.cursor()));
    }

    /** The value at every step, one row each (first sequence). */
    private double[][] rows(Quantity q) {
        double[][] v = new double[w.steps()][];
        for (int t = 0; t < v.length; t++) {
            v[t] = at(q, t);
        }
        return v;
    }

    static double[][] matrix(DMatrixRMaj m) {
        double[][] v = new double[m.numRows][];
        for (int r = 0; r < m.numRows; r++) {
            v[r] = row(m, r);
        }
        return v;
    }

    private static double[] slice(double[] v, int from, int n) {
        double[] s = new double[n];
        System.arraycopy(v, from, s, 0, n);
        return s;
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }
}
