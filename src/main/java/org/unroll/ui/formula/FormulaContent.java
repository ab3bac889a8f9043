package org.unroll.ui.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Activation;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Params;
import org.unroll.engine.Quantity;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.ui.I18n;

/**
 * The equations of the point the walk's cursor is at, in the notation of the derivation
 * (h_t = tanh(W_hh h_{t−1} + W_xh x_t + b), δ_t, dh_next), each first symbolically and then with the
 * current numbers substituted (vectors and small matrices as bmatrix, larger ones elided with
 * {@code \cdots}), plus a heading ("Backward pass · t = 2 · …") and a one-sentence plain-language caption.
 * Toolkit-free. Time steps are shown 1-based, h_0 being the initial state.
 *
 * @param heading   where the cursor is, e.g. "Forward pass · t = 2"
 * @param caption   one plain sentence on what this point does
 * @param equations the equations, in order
 */
public record FormulaContent(String heading, String caption, List<Equation> equations) {

    /**
     * One equation.
     *
     * @param symbolic the equation in symbols
     * @param numeric  the same with the current numbers substituted, or null
     */
    public record Equation(String symbolic, String numeric) {
        public Equation {
            Objects.requireNonNull(symbolic);
        }
    }

    /** How numbers are written: 3 significant digits, at most 6 entries along an axis. */
    public static final Tex TEX = new Tex(3, 6);

    static final String WHH = "W_{hh}";
    static final String WXH = "W_{xh}";
    static final String WOUT = "W_{\\mathrm{out}}";
    static final String BOUT = "b_{\\mathrm{out}}";
    static final String DH_NEXT = "dh_{\\mathrm{next}}";
    static final String DC_NEXT = "dc_{\\mathrm{next}}";
    static final String T = "^{\\top}";

    public FormulaContent {
        Objects.requireNonNull(heading);
        Objects.requireNonNull(caption);
        equations = List.copyOf(equations);
    }

    /** All equations as one LaTeX array, symbolic and numeric lines alternating. */
    public String latex() {
        StringBuilder s = new StringBuilder("\\begin{array}{l}");
        boolean first = true;
        for (Equation e : equations) {
            for (String line : e.numeric() == null ? List.of(e.symbolic()) : List.of(e.symbolic(), e.numeric())) {
                if (!first) {
                    s.append("\\\\[0.4em]");
                }
                s.append(line);
                first = false;
            }
        }
        return s.append("\\end{array}").toString();
    }

    /** The formulas at {@code cursor} (clamped to the walk), without moving the walk's own cursor. */
    public static FormulaContent at(Walkthrough w, Scenario sc, Cursor cursor) {
        return new Builder(w, sc).build(cursor.fit(w.steps()));
    }

    private static final class Builder {
        private final Walkthrough w;
        private final Scenario sc;
        private WalkPoint point;
        private final Params p;
        private final CellType cell;
        private final Activation act;
        private final int hs;
        private final boolean ce;
        private final List<Equation> eqs = new ArrayList<>();

        /** The value of step t at the point shown; it exists there, or this pane would show a value not yet computed. */
        private double[] at(Quantity q, int t) {
            return point.value(q, t).orElseThrow(() -> new IllegalStateException(q + " of step " + t + " does not exist at " + point.cursor()));
        }

        Builder(Walkthrough w, Scenario sc) {
            this.w = w;
            this.sc = sc;
            this.p = w.model().params();
            this.cell = w.model().cell();
            this.act = w.model().activation();
            this.hs = w.model().hiddenSize();
            this.ce = w.at(Cursor.START).has(Quantity.PROBABILITIES);
        }

        FormulaContent build(Cursor cur) {
            point = w.at(cur);
            int t = cur.step();
            int shown = point.displayStep();
            String heading;
            String caption;
            switch (cur.phase()) {
                case START -> {
                    heading = I18n.get("formula.heading.start");
                    caption = I18n.get("formula.caption.start");
                    start();
                }
                case FORWARD -> {
                    heading = I18n.get("phase.forward") + " · " + I18n.get("phase.timeStep", shown);
                    caption = I18n.get("formula.caption.forward." + cell.id(), shown);
                    forward(t);
                }
                case LOSS -> {
                    heading = I18n.get("phase.loss");
                    caption = I18n.get("formula.caption.loss");
                    loss();
                }
                case BACKWARD -> {
                    BackwardStage s = cur.stage();
                    heading = I18n.get("phase.backward") + " · " + I18n.get("phase.timeStep", shown) + " · ("
                            + s.number() + ") " + I18n.get(stageKey(s));
                    caption = caption(t, s);
                    switch (s) {
                        case OUTPUT_GRADIENT -> outputGradient(t);
                        case ADD_FUTURE -> addFuture(t);
                        case PARAMETER_GRADIENTS -> parameterGradients(t);
                        case PASS_BACK -> passBack(t);
                    }
                }
                default -> {
                    heading = I18n.get("phase.update");
                    caption = I18n.get("formula.caption.update");
                    update();
                }
            }
            return new FormulaContent(heading, caption, eqs);
        }

        private static String stageKey(BackwardStage s) {
            return switch (s) {
                case OUTPUT_GRADIENT -> "stage.outputGradient";
                case ADD_FUTURE -> "stage.addFuture";
                case PARAMETER_GRADIENTS -> "stage.paramGradients";
                case PASS_BACK -> "stage.passBack";
            };
        }

        private String caption(int t, BackwardStage s) {
            int shown = point.display(t);
            return switch (s) {
                case OUTPUT_GRADIENT -> I18n.get("formula.caption.outputGradient", shown);
                case ADD_FUTURE -> t == w.steps() - 1
                        ? I18n.get("formula.caption.addFuture.last", shown)
                        : I18n.get(cell == CellType.LSTM ? "formula.caption.addFuture.lstm" : "formula.caption.addFuture",
                        shown, shown + 1);
                case PARAMETER_GRADIENTS -> I18n.get("formula.caption.paramGradients." + cell.id(), shown);
                case PASS_BACK -> t == 0 ? I18n.get("formula.caption.passBack.first", shown)
                        : I18n.get("formula.caption.passBack." + cell.id(), shown, shown - 1);
            };
        }

        // ---- phases ----

        private void start() {
            eqs.add(new Equation(recurrence(), null));
            eqs.add(new Equation("y_t = " + WOUT + " h_t + " + BOUT, null));
            StringBuilder num = new StringBuilder("h_0 = ").append(col(at(Quantity.HIDDEN_BEFORE, 0)));
            if (point.has(Quantity.CELL)) {
                num.append(",\\quad c_0 = ").append(col(at(Quantity.CELL_BEFORE, 0)));
            }
            String inputs = inputList();
            eqs.add(new Equation("x_t = \\mathrm{onehot}(\\text{input}_t)" + (inputs.isEmpty() ? "" : ":\\ " + inputs),
                    num.toString()));
        }

        /** The cell's equations in one line (RNN) or a short summary (LSTM, GRU). */
        private String recurrence() {
            return switch (cell) {
                case RNN -> "h_t = " + actName() + "(" + WHH + " h_{t-1} + " + WXH + " x_t + b)";
                case LSTM -> "c_t = f_t \\odot c_{t-1} + i_t \\odot g_t,\\quad h_t = o_t \\odot \\tanh(c_t)";
                case GRU -> "h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}";
            };
        }

        private String actName() {
            return act == Activation.TANH ? "\\tanh" : "\\mathrm{ReLU}";
        }

        private void forward(int t) {
            double[] zIh = at(Quantity.INPUT_PROJECTION, t);
            double[] zHh = at(Quantity.RECURRENT_PROJECTION, t);
            double[] g = at(Quantity.GATES, t);
            double[] hPrev = at(Quantity.HIDDEN_BEFORE, t);
            double[] h = at(Quantity.HIDDEN, t);
            switch (cell) {
                case RNN -> {
                    double[] wxhX = minus(zIh, p.biasIh.data);
                    double[] b = plus(p.biasIh.data, p.biasHh.data);
                    double[] z = plus(zIh, zHh);
                    eqs.add(new Equation("z_t = " + WHH + " h_{t-1} + " + WXH + " x_t + b",
                            "z_t = " + mat(matrix(p.weightHh)) + col(hPrev) + " + " + col(wxhX) + " + "
                                    + col(b) + " = " + col(z)));
                    String a = actName();
                    eqs.add(new Equation("h_t = " + a + "(z_t)" + (act == Activation.RELU ? " = \\max(0, z_t)" : ""),
                            "h_t = " + a + "\\left(" + col(z) + "\\right) = " + col(h)));
                }
                case LSTM -> {
                    double[] z = plus(zIh, zHh);
                    eqs.add(new Equation("z_t = " + WHH + " h_{t-1} + " + WXH + " x_t + b,\\quad i_t = \\sigma(z^i_t),\\ "
                            + "f_t = \\sigma(z^f_t)",
                            "i_t = \\sigma\\left(" + col(slice(z, 0)) + "\\right) = " + col(slice(g, 0))
                                    + ",\\quad f_t = \\sigma\\left(" + col(slice(z, 1)) + "\\right) = " + col(slice(g, 1))));
                    eqs.add(new Equation("g_t = \\tanh(z^g_t),\\quad o_t = \\sigma(z^o_t)",
                            "g_t = \\tanh\\left(" + col(slice(z, 2)) + "\\right) = " + col(slice(g, 2))
                                    + ",\\quad o_t = \\sigma\\left(" + col(slice(z, 3)) + "\\right) = " + col(slice(g, 3))));
                    double[] cPrev = at(Quantity.CELL_BEFORE, t);
                    double[] c = at(Quantity.CELL, t);
                    eqs.add(new Equation("c_t = f_t \\odot c_{t-1} + i_t \\odot g_t",
                            "c_t = " + col(slice(g, 1)) + "\\odot" + col(cPrev) + " + " + col(slice(g, 0)) + "\\odot"
                                    + col(slice(g, 2)) + " = " + col(c)));
                    eqs.add(new Equation("h_t = o_t \\odot \\tanh(c_t)",
                            "h_t = " + col(slice(g, 3)) + "\\odot" + col(at(Quantity.TANH_CELL, t)) + " = " + col(h)));
                }
                case GRU -> {
                    double[] zr = plus(slice(zIh, 0), slice(zHh, 0));
                    double[] zz = plus(slice(zIh, 1), slice(zHh, 1));
                    eqs.add(new Equation("r_t = \\sigma(W_{xr} x_t + W_{hr} h_{t-1} + b_r),\\quad z_t = \\sigma(W_{xz} x_t + W_{hz} h_{t-1} + b_z)",
                            "r_t = \\sigma\\left(" + col(zr) + "\\right) = " + col(slice(g, 0))
                                    + ",\\quad z_t = \\sigma\\left(" + col(zz) + "\\right) = " + col(slice(g, 1))));
                    eqs.add(new Equation("n_t = \\tanh\\big(W_{xn} x_t + b_{xn} + r_t \\odot (W_{hn} h_{t-1} + b_{hn})\\big)",
                            "n_t = \\tanh\\left(" + col(slice(zIh, 2)) + " + " + col(slice(g, 0)) + "\\odot"
                                    + col(slice(zHh, 2)) + "\\right) = " + col(slice(g, 2))));
                    eqs.add(new Equation("h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}",
                            "h_t = \\left(1 - " + col(slice(g, 1)) + "\\right)\\odot" + col(slice(g, 2)) + " + "
                                    + col(slice(g, 1)) + "\\odot" + col(hPrev) + " = " + col(h)));
                }
            }
            eqs.add(new Equation("y_t = " + WOUT + " h_t + " + BOUT, "y_t = " + col(at(Quantity.OUTPUT, t))));
            if (ce) {
                double[] prob = at(Quantity.PROBABILITIES, t);
                String pred = "\\hat{p}_t = \\mathrm{softmax}(y_t) = " + col(prob);
                int target = point.classTarget(t).orElse(-1);
                if (target >= 0) {
                    eqs.add(new Equation(pred, "L_t = -\\log \\hat{p}_t[" + targetTex(t, target) + "] = -\\log "
                            + num(prob[target]) + " = " + num(w.stepLoss(t))));
                } else {
                    eqs.add(new Equation(pred, "L_t = " + num(w.stepLoss(t))));
                }
            } else {
                eqs.add(new Equation("L_t = \\| y_t - \\hat{y}_t \\|^2", "L_t = " + num(w.stepLoss(t))));
            }
        }

        private void loss() {
            StringBuilder terms = new StringBuilder();
            StringBuilder names = new StringBuilder();
            double total = 0;
            for (int t = 0; t < w.steps(); t++) {
                if (t > 0) {
                    terms.append(" + ");
                    names.append(" + ");
                }
                if (w.steps() > 6 && t == 4) {
                    terms.append("\\cdots + ");
                    names.append("\\cdots + ");
                    t = w.steps() - 1;
                }
                terms.append(num(w.stepLoss(t)));
                names.append("L_{").append(point.display(t)).append('}');
            }
            total = w.loss();
            String each = ce ? "L_t = -\\log \\mathrm{softmax}(y_t)[\\mathrm{target}_t]"
                    : "L_t = \\sum_i (y_{t,i} - \\hat{y}_{t,i})^2";
            eqs.add(new Equation(each, null));
            eqs.add(new Equation("L = \\sum_{t=1}^{T} L_t = " + names,
                    "L = " + terms + " = " + num(total)));
        }

        private void outputGradient(int t) {
            double[] dy = at(Quantity.OUTPUT_GRADIENT, t);
            if (ce) {
                double[] prob = at(Quantity.PROBABILITIES, t);
                double[] onehot = new double[prob.length];
                int target = point.classTarget(t).orElse(-1);
                if (target >= 0) {
                    onehot[target] = 1;
                }
                eqs.add(new Equation("dy_t = \\mathrm{softmax}(y_t) - \\mathrm{onehot}(\\mathrm{target}_t)",
                        "dy_t = " + col(prob) + " - " + col(onehot) + " = " + col(dy)));
            } else {
                eqs.add(new Equation("dy_t = 2\\,(y_t - \\hat{y}_t)", "dy_t = " + col(dy)));
            }
            eqs.add(new Equation("\\partial L_t/\\partial h_t = " + WOUT + T + " dy_t",
                    "\\partial L_t/\\partial h_t = " + mat(transpose(p.weightOut)) + col(dy) + " = "
                            + col(at(Quantity.LOCAL_HIDDEN_GRADIENT, t))));
        }

        private void addFuture(int t) {
            double[] next = at(Quantity.HIDDEN_GRADIENT_NEXT, t);
            eqs.add(new Equation("dh_t = " + WOUT + T + " dy_t + " + DH_NEXT,
                    "dh_t = " + col(at(Quantity.LOCAL_HIDDEN_GRADIENT, t)) + " + " + col(next) + " = " + col(at(Quantity.HIDDEN_GRADIENT, t))));
            if (point.has(Quantity.CELL_GRADIENT)) {
                double[] dcNext = at(Quantity.CELL_GRADIENT_NEXT, t);
                double[] o = slice(at(Quantity.GATES, t), 3);
                double[] tc = at(Quantity.TANH_CELL, t);
                double[] d = new double[hs];
                for (int j = 0; j < hs; j++) {
                    d[j] = 1 - tc[j] * tc[j];
                }
                eqs.add(new Equation("dc_t = " + DC_NEXT + " + dh_t \\odot o_t \\odot (1 - \\tanh^2 c_t)",
                        "dc_t = " + col(dcNext) + " + " + col(at(Quantity.HIDDEN_GRADIENT, t)) + "\\odot" + col(o) + "\\odot"
                                + col(d) + " = " + col(at(Quantity.CELL_GRADIENT, t))));
            }
        }

        private void parameterGradients(int t) {
            double[] dh = at(Quantity.HIDDEN_GRADIENT, t);
            double[] dA = at(Quantity.DELTA, t);
            double[] hPrev = at(Quantity.HIDDEN_BEFORE, t);
            double[] h = at(Quantity.HIDDEN, t);
            Params step = w.stepContribution(t);
            switch (cell) {
                case RNN -> {
                    double[] d = new double[hs];
                    String sym;
                    if (act == Activation.TANH) {
                        for (int j = 0; j < hs; j++) {
                            d[j] = 1 - h[j] * h[j];
                        }
                        sym = "\\delta_t = dh_t \\odot (1 - h_t^2)";
                    } else {
                        double[] z = plus(at(Quantity.INPUT_PROJECTION, t), at(Quantity.RECURRENT_PROJECTION, t));
                        for (int j = 0; j < hs; j++) {
                            d[j] = z[j] > 0 ? 1 : 0;
                        }
                        sym = "\\delta_t = dh_t \\odot \\mathbb{1}[z_t > 0]";
                    }
                    eqs.add(new Equation(sym, "\\delta_t = " + col(dh) + "\\odot" + col(d) + " = " + col(dA)));
                    eqs.add(new Equation("\\partial L/\\partial " + WHH + " \\mathrel{+}= \\delta_t\\, h_{t-1}" + T,
                            "\\Delta " + WHH + " = " + col(dA) + rowVec(hPrev) + " = " + mat(matrix(step.weightHh))));
                }
                case LSTM -> {
                    eqs.add(new Equation("\\delta^o_t = dh_t \\odot \\tanh(c_t) \\odot o_t(1 - o_t),\\quad "
                            + "\\delta^i_t = dc_t \\odot g_t \\odot i_t(1 - i_t)",
                            "\\delta^o_t = " + col(slice(dA, 3)) + ",\\quad \\delta^i_t = " + col(slice(dA, 0))));
                    eqs.add(new Equation("\\delta^f_t = dc_t \\odot c_{t-1} \\odot f_t(1 - f_t),\\quad "
                            + "\\delta^g_t = dc_t \\odot i_t \\odot (1 - g_t^2)",
                            "\\delta^f_t = " + col(slice(dA, 1)) + ",\\quad \\delta^g_t = " + col(slice(dA, 2))));
                    eqs.add(new Equation("\\partial L/\\partial " + WHH + " \\mathrel{+}= \\delta_t\\, h_{t-1}" + T
                            + ",\\quad \\delta_t = [\\delta^i_t; \\delta^f_t; \\delta^g_t; \\delta^o_t]",
                            "\\Delta " + WHH + " = " + mat(matrix(step.weightHh))));
                }
                case GRU -> {
                    double[] dR = at(Quantity.DELTA_RECURRENT, t);
                    eqs.add(new Equation("\\delta^n_t = dh_t \\odot (1 - z_t) \\odot (1 - n_t^2),\\quad "
                            + "\\delta^z_t = dh_t \\odot (h_{t-1} - n_t) \\odot z_t(1 - z_t)",
                            "\\delta^n_t = " + col(slice(dA, 2)) + ",\\quad \\delta^z_t = " + col(slice(dA, 1))));
                    eqs.add(new Equation("\\delta^r_t = \\delta^n_t \\odot (W_{hn} h_{t-1} + b_{hn}) \\odot r_t(1 - r_t)",
                            "\\delta^r_t = " + col(slice(dA, 0))));
                    eqs.add(new Equation("\\partial L/\\partial " + WHH + " \\mathrel{+}= \\delta^h_t\\, h_{t-1}" + T
                            + ",\\quad \\delta^h_t = [\\delta^r_t; \\delta^z_t; r_t \\odot \\delta^n_t]",
                            "\\Delta " + WHH + " = " + col(dR) + rowVec(hPrev) + " = " + mat(matrix(step.weightHh))));
                }
            }
            String delta = "\\delta_t";
            eqs.add(new Equation("\\partial L/\\partial " + WXH + " \\mathrel{+}= " + delta + "\\, x_t" + T
                            + ",\\quad \\partial L/\\partial b \\mathrel{+}= " + delta,
                    "\\Delta " + WXH + " = " + mat(matrix(step.weightIh)) + ",\\quad \\Delta b = "
                            + col(step.biasIh.data)));
            eqs.add(new Equation("\\partial L/\\partial " + WOUT + " \\mathrel{+}= dy_t\\, h_t" + T
                            + ",\\quad \\partial L/\\partial " + BOUT + " \\mathrel{+}= dy_t",
                    "\\Delta " + WOUT + " = " + mat(matrix(step.weightOut))));
            Params sum = w.runningSum(t);
            eqs.add(new Equation("\\Sigma " + WHH + " = \\sum_{k=t}^{T} \\delta_k\\, h_{k-1}" + T,
                    "\\Sigma " + WHH + " = " + mat(matrix(sum.weightHh))));
        }

        private void passBack(int t) {
            double[] back = at(Quantity.HIDDEN_GRADIENT_BACK, t);
            String prev = "dh_{t-1}";
            switch (cell) {
                case RNN -> eqs.add(new Equation(prev + " = " + WHH + T + "\\delta_t\\quad(= " + DH_NEXT + "\\text{ of } t-1)",
                        prev + " = " + mat(transpose(p.weightHh)) + col(at(Quantity.DELTA, t)) + " = " + col(back)));
                case LSTM -> {
                    eqs.add(new Equation(prev + " = " + WHH + T + "\\delta_t", prev + " = " + mat(transpose(p.weightHh))
                            + col(at(Quantity.DELTA, t)) + " = " + col(back)));
                    eqs.add(new Equation("dc_{t-1} = dc_t \\odot f_t", "dc_{t-1} = " + col(at(Quantity.CELL_GRADIENT, t)) + "\\odot"
                            + col(slice(at(Quantity.GATES, t), 1)) + " = " + col(at(Quantity.CELL_GRADIENT_BACK, t))));
                }
                case GRU -> {
                    double[] z = slice(at(Quantity.GATES, t), 1);
                    double[] dh = at(Quantity.HIDDEN_GRADIENT, t);
                    double[] direct = new double[hs];
                    for (int j = 0; j < hs; j++) {
                        direct[j] = z[j] * dh[j];
                    }
                    eqs.add(new Equation(prev + " = " + WHH + T + "\\delta^h_t + z_t \\odot dh_t",
                            prev + " = " + col(minus(back, direct)) + " + " + col(z) + "\\odot" + col(dh) + " = " + col(back)));
                }
            }
        }

        private void update() {
            double eta = w.learningRate();
            Params after = w.updatedModel().params();
            Params g = w.gradients();
            eqs.add(new Equation("W \\leftarrow W - \\eta\\, \\partial L/\\partial W\\quad(\\eta = " + num(eta) + ")",
                    WHH + " \\leftarrow " + mat(matrix(p.weightHh)) + " - " + num(eta)
                            + mat(matrix(g.weightHh)) + " = " + mat(matrix(after.weightHh))));
            eqs.add(new Equation("L = " + num(w.loss()) + "\\ \\to\\ L' = " + num(w.lossAfterUpdate()), null));
        }

        // ---- helpers ----

        private String inputList() {
            if (sc == null || w.model().vocab() == null) {
                return "";
            }
            StringBuilder s = new StringBuilder();
            for (int t = 0; t < w.steps() && t < 8; t++) {
                if (t > 0) {
                    s.append(",\\ ");
                }
                s.append(charTex(sc.inputLabel(t)));
            }
            if (w.steps() > 8) {
                s.append(",\\ \\ldots");
            }
            return s.toString();
        }

        private String targetTex(int t, int target) {
            String label = sc == null ? null : sc.targetLabel(t);
            return label == null ? Integer.toString(target) : charTex(label);
        }

        /**
         * A character as \text{…}, shown as everywhere else: a space as ␣, a line break as ↵
         * (JLaTeXMath draws characters its own fonts lack, 我 included, with a system font).
         */
        static String charTex(String ch) {
            return "\\text{" + Tex.escapeText(org.unroll.i18n.Notation.visible(ch)) + "}";
        }

        private double[] slice(double[] stacked, int gate) {
            double[] s = new double[hs];
            System.arraycopy(stacked, gate * hs, s, 0, hs);
            return s;
        }
    }

    // ---- number formatting ----

    static String num(double v) {
        return TEX.number(v);
    }

    static String col(double[] v) {
        return TEX.columnVector(v);
    }

    static String rowVec(double[] v) {
        return TEX.rowVector(v);
    }

    static String mat(double[][] m) {
        return TEX.matrix(m);
    }

    static double[] row(DMatrixRMaj m, int r) {
        double[] v = new double[m.numCols];
        System.arraycopy(m.data, r * m.numCols, v, 0, m.numCols);
        return v;
    }

    static double[][] transpose(DMatrixRMaj m) {
        double[][] t = new double[m.numCols][m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                t[j][i] = m.data[i * m.numCols + j];
            }
        }
        return t;
    }

    static double[] plus(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    static double[] minus(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] - b[i];
        }
        return s;
    }

    static double[][] matrix(DMatrixRMaj m) {
        double[][] v = new double[m.numRows][];
        for (int r = 0; r < m.numRows; r++) {
            v[r] = row(m, r);
        }
        return v;
    }
}
