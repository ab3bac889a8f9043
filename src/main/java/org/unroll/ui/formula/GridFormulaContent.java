package org.unroll.ui.formula;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Activation;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCellTerms;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridPoint;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.Lane;
import org.unroll.engine.LossType;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;
import org.unroll.task.GridScenario;
import org.unroll.ui.I18n;
import org.unroll.ui.formula.FormulaContent.Equation;

/**
 * The formula pane's content at a point of a grid walk (a stacked, bidirectional or batched
 * network): the equations of the cell at the cursor with that cell's numbers — its layer,
 * direction and time — read from the engine ({@link GridPoint}, {@link GridCellTerms}). In the
 * backward pass stage 1 shows what the cell receives from above (W_outᵀ dy_t for the top layer,
 * the sum of what both directions of the layer above pass down otherwise) and stage 2 adds it to
 * what comes from the cell's own future (t+1 in the forward direction, t−1 in the reverse one):
 * dL/dh_t = from above + from its future. Superscripts (k, →) name layer k (1-based) and its
 * direction. Toolkit-free, like {@link FormulaContent}, whose record it returns.
 */
public final class GridFormulaContent {
    private final GridWalkPoint at;
    private final GridScenario sc;
    private final GridWalk w;
    private final CellType cell;
    private final int hs;
    private final List<Equation> eqs = new ArrayList<>();

    private GridFormulaContent(GridWalkPoint at, GridScenario sc) {
        this.at = at;
        this.sc = sc;
        this.w = at.walk();
        this.cell = w.model().cell();
        this.hs = w.model().hiddenSize();
    }

    /** The formulas at the point {@code at}; {@code sc} names the inputs and targets (may be null). */
    public static FormulaContent at(GridWalkPoint at, GridScenario sc) {
        return new GridFormulaContent(at, sc).build();
    }

    private FormulaContent build() {
        GridCursor c = at.cursor();
        switch (c.phase()) {
            case START -> {
                start();
                return new FormulaContent(I18n.get("formula.heading.start"), I18n.get("grid.formula.caption.start"), eqs);
            }
            case LOSS -> {
                loss();
                return new FormulaContent(I18n.get("phase.loss"), I18n.get("grid.formula.caption.loss"), eqs);
            }
            case FORWARD, BACKWARD -> {
                if (c.onCell()) {
                    return cellContent(c);
                }
            }
            default -> {
            }
        }
        return new FormulaContent("", I18n.get("inspector.empty"), eqs);
    }

    private FormulaContent cellContent(GridCursor c) {
        Lane lane = c.lane();
        int t = c.time();
        GridPoint p = at.cell(lane, t).orElseThrow();
        GridCellTerms q = at.terms(lane, t).orElseThrow();
        String where = org.unroll.ui.stepper.GridCursorTitle.lane(lane) + " · " + I18n.get("phase.timeStep", at.display(t));
        if (!p.real()) {
            where += " · " + I18n.get("grid.values.padding");
        }
        if (c.phase() == org.unroll.engine.Phase.FORWARD) {
            if (p.real()) {
                forward(lane, t, p, q);
            } else {
                padded(lane, p);
            }
            return new FormulaContent(I18n.get("phase.forward") + " · " + where,
                    p.real() ? I18n.get("formula.caption.forward." + cell.id(), at.display(t))
                            : I18n.get("grid.formula.caption.padded"), eqs);
        }
        BackwardStage s = c.stage();
        String heading = I18n.get("phase.backward") + " · " + where + " · (" + s.number() + ") " + I18n.get(stageKey(s));
        switch (s) {
            case OUTPUT_GRADIENT -> fromAbove(lane, t, p, q);
            case ADD_FUTURE -> addFuture(lane, t, p, q);
            case PARAMETER_GRADIENTS -> parameterGradients(lane, p, q);
            case PASS_BACK -> passBack(lane, t, p, q);
        }
        return new FormulaContent(heading, caption(lane, t, s, p.real()), eqs);
    }

    private String caption(Lane lane, int t, BackwardStage s, boolean real) {
        if (!real) {
            return I18n.get("grid.formula.caption.padded.back");
        }
        int shown = at.display(t);
        boolean top = lane.layer() == w.model().layers() - 1;
        return switch (s) {
            case OUTPUT_GRADIENT -> top ? I18n.get("grid.formula.caption.above.top", shown)
                    : I18n.get("grid.formula.caption.above", shown, lane.layer() + 2);
            case ADD_FUTURE -> lastOfDirection(lane, t) ? I18n.get("grid.formula.caption.future.none", shown)
                    : I18n.get("grid.formula.caption.future", shown, at.display(future(lane, t)));
            case PARAMETER_GRADIENTS -> I18n.get("formula.caption.paramGradients." + cell.id(), shown);
            case PASS_BACK -> lane.layer() == 0 ? I18n.get("grid.formula.caption.passBack.input", shown)
                    : I18n.get("grid.formula.caption.passBack", shown, lane.layer());
        };
    }

    private static String stageKey(BackwardStage s) {
        return switch (s) {
            case OUTPUT_GRADIENT -> "grid.formula.stage.above";
            case ADD_FUTURE -> "grid.formula.stage.future";
            case PARAMETER_GRADIENTS -> "stage.paramGradients";
            case PASS_BACK -> "grid.formula.stage.passBack";
        };
    }

    // ---- notation ----

    private static boolean reverse(Lane lane) {
        return lane.direction() == Lane.Direction.BACKWARD;
    }

    /** "^{(2,\rightarrow)}": layer k + 1 and the direction, as a superscript. */
    private static String sup(Lane lane) {
        return "^{(" + (lane.layer() + 1) + (reverse(lane) ? ",\\leftarrow" : ",\\rightarrow") + ")}";
    }

    /** The index of the state a cell reads: t−1 forward, t+1 in the reverse direction. */
    private static String prevIndex(Lane lane) {
        return reverse(lane) ? "t+1" : "t-1";
    }

    /** The time the cell's own future lies at: t+1 forward, t−1 reverse. */
    private static int future(Lane lane, int t) {
        return reverse(lane) ? t - 1 : t + 1;
    }

    /** Whether the cell is the last its direction computes among the real steps (nothing comes from its future). */
    private boolean lastOfDirection(Lane lane, int t) {
        int len = w.batch().length(at.sequence());
        return reverse(lane) ? t == 0 : t == len - 1;
    }

    private String h(Lane lane, String index) {
        return "h" + sup(lane) + "_{" + index + "}";
    }

    // ---- phases ----

    private void start() {
        int layers = w.model().layers();
        eqs.add(new Equation("h^{(k,\\rightarrow)}_t = \\mathrm{cell}(x^{(k)}_t,\\ h^{(k,\\rightarrow)}_{t-1})"
                + (w.model().bidirectional()
                ? ",\\quad h^{(k,\\leftarrow)}_t = \\mathrm{cell}(x^{(k)}_t,\\ h^{(k,\\leftarrow)}_{t+1})" : "")
                + "\\quad (k = 1" + (layers > 1 ? " \\ldots " + layers : "") + ")", null));
        eqs.add(new Equation("x^{(1)}_t = \\mathrm{onehot}(\\text{input}_t)" + (layers == 1 ? "" : ",\\quad x^{(k)}_t = "
                + (w.model().bidirectional() ? "[h^{(k-1,\\rightarrow)}_t;\\ h^{(k-1,\\leftarrow)}_t]" : "h^{(k-1,\\rightarrow)}_t")
                + "\\quad (k > 1)"), null));
        eqs.add(new Equation("y_t = " + FormulaContent.WOUT + " "
                + (w.model().bidirectional() ? "[h^{(" + layers + ",\\rightarrow)}_t;\\ h^{(" + layers + ",\\leftarrow)}_t]"
                : "h^{(" + layers + ",\\rightarrow)}_t") + " + " + FormulaContent.BOUT, null));
        String inputs = inputList();
        if (!inputs.isEmpty()) {
            eqs.add(new Equation("\\text{input} = " + inputs, null));
        }
    }

    private void loss() {
        int len = w.batch().length(at.sequence());
        StringBuilder names = new StringBuilder();
        StringBuilder terms = new StringBuilder();
        double sum = 0;
        for (int t = 0; t < len; t++) {
            if (t > 0) {
                names.append(" + ");
                terms.append(" + ");
            }
            if (len > 6 && t == 4) {
                names.append("\\cdots + ");
                terms.append("\\cdots + ");
                t = len - 1;
            }
            names.append("L_{").append(at.display(t)).append('}');
            terms.append(FormulaContent.num(w.stepLoss(t, at.sequence())));
        }
        for (int t = 0; t < len; t++) {
            sum += w.stepLoss(t, at.sequence());
        }
        boolean ce = w.batch().sequences().loss() == LossType.CROSS_ENTROPY;
        eqs.add(new Equation(ce ? "L_t = -\\log \\mathrm{softmax}(y_t)[\\mathrm{target}_t]"
                : "L_t = \\| y_t - \\hat{y}_t \\|^2", null));
        eqs.add(new Equation("L_{\\text{seq}} = \\sum_{t=1}^{" + len + "} L_t = " + names,
                "L_{\\text{seq}} = " + terms + " = " + FormulaContent.num(sum)));
        if (w.sequences() > 1) {
            eqs.add(new Equation("L = \\sum_{b=1}^{" + w.sequences() + "} L_{\\text{seq } b}\\quad(\\text{padding adds } 0)",
                    "L = " + FormulaContent.num(w.loss())));
        }
    }

    private void forward(Lane lane, int t, GridPoint p, GridCellTerms q) {
        String hp = h(lane, prevIndex(lane));
        String ht = h(lane, "t");
        eqs.add(new Equation(input(lane), lane.layer() == 0 ? null : "x_t = " + col(q.x())));
        switch (cell) {
            case RNN -> {
                double[] z = plus(q.zIh(), q.zHh());
                String a = w.model().activation() == Activation.TANH ? "\\tanh" : "\\mathrm{ReLU}";
                eqs.add(new Equation("z_t = " + whh(lane) + " " + hp + " + " + wxh(lane) + " x_t + b" + sup(lane),
                        "z_t = " + col(q.zHh()) + " + " + col(q.zIh()) + " = " + col(z)));
                eqs.add(new Equation(ht + " = " + a + "(z_t)", ht + " = " + a + "\\left(" + col(z) + "\\right) = " + col(p.h())));
            }
            case LSTM -> {
                double[] z = plus(q.zIh(), q.zHh());
                double[] g = p.gates();
                eqs.add(new Equation("z_t = " + whh(lane) + " " + hp + " + " + wxh(lane) + " x_t + b" + sup(lane)
                        + ",\\quad i_t = \\sigma(z^i_t),\\ f_t = \\sigma(z^f_t)",
                        "i_t = \\sigma\\left(" + col(slice(z, 0)) + "\\right) = " + col(slice(g, 0))
                                + ",\\quad f_t = \\sigma\\left(" + col(slice(z, 1)) + "\\right) = " + col(slice(g, 1))));
                eqs.add(new Equation("g_t = \\tanh(z^g_t),\\quad o_t = \\sigma(z^o_t)",
                        "g_t = \\tanh\\left(" + col(slice(z, 2)) + "\\right) = " + col(slice(g, 2))
                                + ",\\quad o_t = \\sigma\\left(" + col(slice(z, 3)) + "\\right) = " + col(slice(g, 3))));
                String cp = "c" + sup(lane) + "_{" + prevIndex(lane) + "}";
                eqs.add(new Equation("c_t = f_t \\odot " + cp + " + i_t \\odot g_t",
                        "c_t = " + col(slice(g, 1)) + "\\odot" + col(q.cPrev()) + " + " + col(slice(g, 0)) + "\\odot"
                                + col(slice(g, 2)) + " = " + col(p.c())));
                eqs.add(new Equation(ht + " = o_t \\odot \\tanh(c_t)",
                        ht + " = " + col(slice(g, 3)) + "\\odot" + col(q.tanhC()) + " = " + col(p.h())));
            }
            case GRU -> {
                double[] g = p.gates();
                double[] zr = plus(slice(q.zIh(), 0), slice(q.zHh(), 0));
                double[] zz = plus(slice(q.zIh(), 1), slice(q.zHh(), 1));
                eqs.add(new Equation("r_t = \\sigma(W_{xr} x_t + W_{hr} " + hp + " + b_r),\\quad z_t = \\sigma(W_{xz} x_t + W_{hz} "
                        + hp + " + b_z)",
                        "r_t = \\sigma\\left(" + col(zr) + "\\right) = " + col(slice(g, 0))
                                + ",\\quad z_t = \\sigma\\left(" + col(zz) + "\\right) = " + col(slice(g, 1))));
                eqs.add(new Equation("n_t = \\tanh\\big(W_{xn} x_t + b_{xn} + r_t \\odot (W_{hn} " + hp + " + b_{hn})\\big)",
                        "n_t = \\tanh\\left(" + col(slice(q.zIh(), 2)) + " + " + col(slice(g, 0)) + "\\odot"
                                + col(slice(q.zHh(), 2)) + "\\right) = " + col(slice(g, 2))));
                eqs.add(new Equation(ht + " = (1 - z_t) \\odot n_t + z_t \\odot " + hp,
                        ht + " = \\left(1 - " + col(slice(g, 1)) + "\\right)\\odot" + col(slice(g, 2)) + " + "
                                + col(slice(g, 1)) + "\\odot" + col(p.hPrev()) + " = " + col(p.h())));
            }
        }
    }

    /** What the cell reads besides its own past: the input (layer 1) or the layer below's output. */
    private String input(Lane lane) {
        if (lane.layer() == 0) {
            String label = sc == null ? "" : sc.inputLabel(at.sequence(), at.time());
            return "x_t = \\mathrm{onehot}(" + (label.isEmpty() ? "\\text{input}_t" : charTex(label)) + ")";
        }
        int below = lane.layer();
        return w.model().bidirectional()
                ? "x_t = [h^{(" + below + ",\\rightarrow)}_t;\\ h^{(" + below + ",\\leftarrow)}_t]"
                : "x_t = h^{(" + below + ",\\rightarrow)}_t";
    }

    private void padded(Lane lane, GridPoint p) {
        eqs.add(new Equation(h(lane, "t") + " = " + h(lane, prevIndex(lane)) + "\\quad(\\text{padding})",
                h(lane, "t") + " = " + col(p.h())));
    }

    /** Stage 1: the gradient from above, the fifth thing of a grid's backward pass. */
    private void fromAbove(Lane lane, int t, GridPoint p, GridCellTerms q) {
        int layers = w.model().layers();
        String above = "dh^{\\uparrow}_t";
        if (!p.real()) {
            eqs.add(new Equation(above + " = 0\\quad(\\text{padding})", above + " = " + col(p.dhFromAbove())));
            return;
        }
        if (lane.layer() == layers - 1) {
            SequenceBatch seq = w.batch().sequences();
            int row = t * w.sequences() + at.sequence();
            if (seq.loss() == LossType.CROSS_ENTROPY) {
                String target = seq.hasTarget(row) ? targetTex(t, seq.classTarget(row)) : "";
                eqs.add(new Equation("dy_t = \\mathrm{softmax}(y_t) - \\mathrm{onehot}(\\mathrm{target}_t)",
                        "dy_t = \\mathrm{softmax}(y_t) - \\mathrm{onehot}(" + target + ") = " + col(q.dy())));
            } else {
                eqs.add(new Equation("dy_t = 2\\,(y_t - \\hat{y}_t)", "dy_t = " + col(q.dy())));
            }
            eqs.add(new Equation(above + " = " + FormulaContent.WOUT + sup(lane) + FormulaContent.T + " dy_t"
                            + "\\quad(" + FormulaContent.WOUT + sup(lane) + ":\\ \\text{" + I18n.get("grid.formula.itsColumns") + "})",
                    above + " = " + FormulaContent.mat(transpose(outColumns(lane))) + col(q.dy()) + " = " + col(p.dhFromAbove())));
            return;
        }
        // what both directions of the layer above pass down, this direction's half of it
        Lane upF = new Lane(lane.layer() + 1, Lane.Direction.FORWARD);
        StringBuilder sym = new StringBuilder(above + " = ");
        StringBuilder num = new StringBuilder(above + " = ");
        boolean first = true;
        for (Lane up : w.lanes()) {
            if (up.layer() != upF.layer()) {
                continue;
            }
            double[] down = at.terms(up, t).map(GridCellTerms::dxBelow).orElse(null);
            if (!first) {
                sym.append(" + ");
                num.append(" + ");
            }
            sym.append("\\big[").append(wxh(up)).append(FormulaContent.T).append("\\delta").append(sup(up))
                    .append("_t\\big]").append(reverse(lane) ? "_{\\leftarrow}" : "_{\\rightarrow}");
            num.append(down == null ? "\\cdots" : col(half(down, lane)));
            first = false;
        }
        num.append(" = ").append(col(p.dhFromAbove()));
        eqs.add(new Equation(sym.toString(), num.toString()));
    }

    /** Stage 2: the gradient from above plus the one from the cell's own future. */
    private void addFuture(Lane lane, int t, GridPoint p, GridCellTerms q) {
        String fut = reverse(lane) ? "t-1" : "t+1";
        eqs.add(new Equation("dh_t = \\underbrace{dh^{\\uparrow}_t}_{\\text{" + Tex.escapeText(I18n.get("grid.formula.fromAbove"))
                        + "}} + \\underbrace{dh^{(" + fut + ")}_t}_{\\text{" + Tex.escapeText(I18n.get("grid.formula.fromFuture", fut)) + "}}",
                "dh_t = " + col(p.dhFromAbove()) + " + " + col(p.dhFromFuture()) + " = " + col(p.dh())));
        if (p.dc() != null) {
            if (!p.real()) {
                eqs.add(new Equation("dc_t = " + FormulaContent.DC_NEXT, "dc_t = " + col(p.dc())));
                return;
            }
            double[] o = slice(p.gates(), 3);
            double[] d = new double[hs];
            for (int j = 0; j < hs; j++) {
                d[j] = 1 - q.tanhC()[j] * q.tanhC()[j];
            }
            eqs.add(new Equation("dc_t = " + FormulaContent.DC_NEXT + " + dh_t \\odot o_t \\odot (1 - \\tanh^2 c_t)",
                    "dc_t = " + col(q.dcNext()) + " + " + col(p.dh()) + "\\odot" + col(o) + "\\odot" + col(d)
                            + " = " + col(p.dc())));
        }
    }

    private void parameterGradients(Lane lane, GridPoint p, GridCellTerms q) {
        if (!p.real()) {
            eqs.add(new Equation("\\delta_t = 0\\quad(\\text{padding})", null));
            return;
        }
        double[] dA = q.dA();
        Params share = q.contribution();
        String hp = h(lane, prevIndex(lane));
        switch (cell) {
            case RNN -> {
                double[] d = new double[hs];
                String symbol;
                if (w.model().activation() == Activation.TANH) {
                    for (int j = 0; j < hs; j++) {
                        d[j] = 1 - p.h()[j] * p.h()[j];
                    }
                    symbol = "\\delta_t = dh_t \\odot (1 - h_t^2)";
                } else {
                    double[] z = plus(q.zIh(), q.zHh());
                    for (int j = 0; j < hs; j++) {
                        d[j] = z[j] > 0 ? 1 : 0;
                    }
                    symbol = "\\delta_t = dh_t \\odot \\mathbb{1}[z_t > 0]";
                }
                eqs.add(new Equation(symbol, "\\delta_t = " + col(p.dh()) + "\\odot" + col(d) + " = " + col(dA)));
            }
            case LSTM -> {
                eqs.add(new Equation("\\delta^o_t = dh_t \\odot \\tanh(c_t) \\odot o_t(1 - o_t),\\quad "
                        + "\\delta^i_t = dc_t \\odot g_t \\odot i_t(1 - i_t)",
                        "\\delta^o_t = " + col(slice(dA, 3)) + ",\\quad \\delta^i_t = " + col(slice(dA, 0))));
                eqs.add(new Equation("\\delta^f_t = dc_t \\odot c_{" + prevIndex(lane) + "} \\odot f_t(1 - f_t),\\quad "
                        + "\\delta^g_t = dc_t \\odot i_t \\odot (1 - g_t^2)",
                        "\\delta^f_t = " + col(slice(dA, 1)) + ",\\quad \\delta^g_t = " + col(slice(dA, 2))));
            }
            case GRU -> {
                eqs.add(new Equation("\\delta^n_t = dh_t \\odot (1 - z_t) \\odot (1 - n_t^2),\\quad "
                        + "\\delta^z_t = dh_t \\odot (" + hp + " - n_t) \\odot z_t(1 - z_t)",
                        "\\delta^n_t = " + col(slice(dA, 2)) + ",\\quad \\delta^z_t = " + col(slice(dA, 1))));
                eqs.add(new Equation("\\delta^r_t = \\delta^n_t \\odot (W_{hn} " + hp + " + b_{hn}) \\odot r_t(1 - r_t)",
                        "\\delta^r_t = " + col(slice(dA, 0))));
            }
        }
        String delta = cell == CellType.GRU ? "\\delta^h_t" : "\\delta_t";
        eqs.add(new Equation("\\partial L/\\partial " + whh(lane) + " \\mathrel{+}= " + delta + "\\, " + hp + FormulaContent.T,
                "\\Delta " + whh(lane) + " = " + FormulaContent.mat(FormulaContent.matrix(share.weightHh))));
        eqs.add(new Equation("\\partial L/\\partial " + wxh(lane) + " \\mathrel{+}= \\delta_t\\, x_t" + FormulaContent.T
                        + ",\\quad \\partial L/\\partial b" + sup(lane) + " \\mathrel{+}= \\delta_t",
                "\\Delta " + wxh(lane) + " = " + FormulaContent.mat(FormulaContent.matrix(share.weightIh))
                        + ",\\quad \\Delta b = " + col(share.biasIh.data)));
    }

    /** Stage 4: back in time to the cell's past and down in depth to the layer below. */
    private void passBack(Lane lane, int t, GridPoint p, GridCellTerms q) {
        String prev = "dh_{" + prevIndex(lane) + "}";
        if (!p.real()) {
            eqs.add(new Equation(prev + " = dh_t\\quad(\\text{padding})", prev + " = " + col(q.dhBack())));
            return;
        }
        Params lp = w.model().params().layer(lane.layer(), reverse(lane) ? 1 : 0);
        switch (cell) {
            case RNN, LSTM -> eqs.add(new Equation(prev + " = " + whh(lane) + FormulaContent.T + "\\delta_t",
                    prev + " = " + FormulaContent.mat(FormulaContent.transpose(lp.weightHh)) + col(q.dR()) + " = "
                            + col(q.dhBack())));
            case GRU -> {
                double[] z = slice(p.gates(), 1);
                double[] direct = new double[hs];
                for (int j = 0; j < hs; j++) {
                    direct[j] = z[j] * p.dh()[j];
                }
                eqs.add(new Equation(prev + " = " + whh(lane) + FormulaContent.T + "\\delta^h_t + z_t \\odot dh_t",
                        prev + " = " + col(FormulaContent.minus(q.dhBack(), direct)) + " + " + col(z) + "\\odot"
                                + col(p.dh()) + " = " + col(q.dhBack())));
            }
        }
        if (q.dcBack() != null) {
            eqs.add(new Equation("dc_{" + prevIndex(lane) + "} = dc_t \\odot f_t", "dc_{" + prevIndex(lane) + "} = "
                    + col(p.dc()) + "\\odot" + col(slice(p.gates(), 1)) + " = " + col(q.dcBack())));
        }
        String down = lane.layer() == 0 ? "dx_t" : "dx_t = \\partial L/\\partial x_t";
        eqs.add(new Equation(down + " = " + wxh(lane) + FormulaContent.T + "\\delta_t"
                        + (lane.layer() == 0 ? "" : "\\quad(\\to\\ \\text{" + I18n.get("grid.formula.toLayer", lane.layer()) + "})"),
                "dx_t = " + col(q.dxBelow())));
    }

    // ---- helpers ----

    private static String whh(Lane lane) {
        return "W_{hh}" + sup(lane);
    }

    private static String wxh(Lane lane) {
        return "W_{xh}" + sup(lane);
    }

    /** The columns of W_out that read this direction of the top layer (O × H). */
    private DMatrixRMaj outColumns(Lane lane) {
        DMatrixRMaj out = w.model().params().weightOut();
        int from = reverse(lane) ? hs : 0;
        DMatrixRMaj m = new DMatrixRMaj(out.numRows, hs);
        for (int r = 0; r < out.numRows; r++) {
            for (int j = 0; j < hs; j++) {
                m.set(r, j, out.get(r, from + j));
            }
        }
        return m;
    }

    /** The half of a layer-above input gradient that belongs to this direction of the layer below. */
    private double[] half(double[] dx, Lane lane) {
        int from = reverse(lane) ? hs : 0;
        double[] s = new double[hs];
        System.arraycopy(dx, from, s, 0, hs);
        return s;
    }

    private String inputList() {
        if (sc == null) {
            return "";
        }
        int len = w.batch().length(at.sequence());
        StringBuilder s = new StringBuilder();
        for (int t = 0; t < len && t < 8; t++) {
            if (t > 0) {
                s.append(",\\ ");
            }
            s.append(charTex(sc.inputLabel(at.sequence(), t)));
        }
        if (len > 8) {
            s.append(",\\ \\ldots");
        }
        return s.toString();
    }

    private String targetTex(int t, int target) {
        java.util.List<String> vocab = w.model().vocab();
        return vocab != null && target < vocab.size() ? charTex(vocab.get(target))
                : Integer.toString(target + 1);
    }

    private double[] slice(double[] stacked, int gate) {
        double[] s = new double[hs];
        System.arraycopy(stacked, gate * hs, s, 0, hs);
        return s;
    }

    private static double[] plus(double[] a, double[] b) {
        return FormulaContent.plus(a, b);
    }

    private static String col(double[] v) {
        return FormulaContent.col(v);
    }

    private static double[][] transpose(DMatrixRMaj m) {
        return FormulaContent.transpose(m);
    }

    /** A character as \\text{…}, a space as ␣ and a line break as ↵, as the single-layer pane writes it. */
    private static String charTex(String ch) {
        return "\\text{" + Tex.escapeText(org.unroll.i18n.Notation.visible(ch)) + "}";
    }
}
