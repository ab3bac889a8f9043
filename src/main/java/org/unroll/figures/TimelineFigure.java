package org.unroll.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.Cursor;
import org.unroll.engine.MatOps;
import org.unroll.engine.Phase;
import org.unroll.engine.Tape;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;

/**
 * Paints the unrolled timeline into any {@link Graphics2D}: a JavaFX canvas through FXGraphics2D,
 * a BufferedImage for PNG, an SVGGraphics2D for SVG. Only what exists at the cursor is shown:
 * h_t once forward step t has run, gradient arrows once the backward pass has reached them.
 * No toolkit; the geometry comes from {@link TimelineLayout}.
 */
public final class TimelineFigure {

    /**
     * Everything one picture depends on.
     *
     * @param walk      the computed walk (read only at {@code cursor}, its own cursor is ignored)
     * @param scenario  the model and sequence, for the characters
     * @param cursor    the point to show
     * @param scale     zoom × presenter factor
     * @param scrollX   horizontal scroll in px
     * @param highlight a parameter to highlight everywhere it is used ({@link TimelineLayout#PARAMS}), or null
     * @param presenter high contrast and thicker strokes
     * @param texts     the localized captions (keys {@code timeline.*}); {@link #ENGLISH} when none
     */
    public record Frame(Walkthrough walk, Scenario scenario, Cursor cursor, double scale, double scrollX,
                        String highlight, boolean presenter, Function<String, String> texts) {
        public Frame withScrollX(double s) {
            return new Frame(walk, scenario, cursor, scale, s, highlight, presenter, texts);
        }
    }

    /** The captions in the language in use ({@link org.unroll.i18n.Texts}), for exports without the UI's bundles. */
    public static final Function<String, String> TRANSLATED = key -> org.unroll.i18n.Texts.get(key);

    /** The captions in English. */
    public static final Function<String, String> ENGLISH = key -> Map.of(
            "timeline.loss", "loss",
            "timeline.output", "output",
            "timeline.input", "input",
            "timeline.state", "state",
            "timeline.target", "target",
            "timeline.cut", "✂ cut",
            "timeline.cutWhy", "✂ the gradient stops here: %1$s was carried in from the window before and detached; d%1$s is dropped",
            "timeline.dropped", "%s dropped").getOrDefault(key, key);

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x1A1A1A);
    static final Color MUTED = new Color(0x555555);
    static final Color FAINT = new Color(0xB8B8B8);
    static final Color BOX_FILL = new Color(0xF2F5FA);
    static final Color BOX_LINE = new Color(0x34495E);
    static final Color ACCENT = new Color(0x0B5CAD);
    static final Color CURRENT = new Color(0xFFF0B8);
    static final Color HOVER_FILL = new Color(0xFFD54F);
    static final Color HOVER_LINE = new Color(0xA35A00);
    static final Color DONE_FILL = new Color(0xD7F0DA);
    static final Color LABEL_FILL = new Color(0xFFFFFF);
    static final Color GRID = new Color(0x9AA5B1);

    private final Graphics2D g;
    private final Frame f;
    private final TimelineLayout l;
    private final Tape tape;
    private final int steps;
    private final double s;
    private final double lineW;
    private final Font font;
    private final Font small;
    /** What exists at the frame's cursor. */
    private final WalkPoint at;
    private final Font big;

    private TimelineFigure(Graphics2D g, Frame f, TimelineLayout l) {
        this.g = g;
        this.f = f;
        this.l = l;
        this.tape = f.walk().tape();
        this.steps = f.walk().steps();
        this.at = f.walk().at(f.cursor());
        this.s = l.scale();
        this.lineW = (f.presenter() ? 2.6 : 1.8) * s;
        this.font = new Font(Font.SANS_SERIF, Font.PLAIN, 12).deriveFont((float) l.font());
        this.small = font.deriveFont((float) (l.font() * 0.94));
        this.big = font.deriveFont(Font.BOLD, (float) (l.font() * 1.25));
    }

    /** The layout a frame is painted with in an area of the given size. */
    public static TimelineLayout layout(Frame f, double width, double height) {
        return new TimelineLayout(f.walk().steps(), f.walk().model().cell().hasCellState(), f.scale(), width, height, f.scrollX());
    }

    /** Paints {@code f} into {@code area} of {@code g} and returns the layout used (for hit-testing). */
    public static TimelineLayout paint(Graphics2D g, Rectangle2D area, Frame f) {
        TimelineLayout l = layout(f, area.getWidth(), area.getHeight());
        Graphics2D gg = (Graphics2D) g.create();
        try {
            gg.translate(area.getX(), area.getY());
            gg.clip(new Rectangle2D.Double(0, 0, area.getWidth(), area.getHeight()));
            gg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gg.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            gg.setColor(BACKGROUND);
            gg.fill(new Rectangle2D.Double(0, 0, area.getWidth(), area.getHeight()));
            new TimelineFigure(gg, f, l).paintAll();
        } finally {
            gg.dispose();
        }
        return l;
    }

    private boolean forwardDone(int t) {
        return at.forwardDone(t);
    }

    private boolean backwardDone(int t, BackwardStage st) {
        return at.backwardDone(t, st);
    }

    private int currentStep() {
        return at.step();
    }

    private void paintAll() {
        int first = l.firstVisible();
        int last = l.lastVisible();
        int cur = currentStep();
        if (cur >= first && cur <= last) {
            double x = l.columnX(cur);
            g.setColor(CURRENT);
            g.fill(new RoundRectangle2D.Double(x + 4 * s, l.lossBaseline() - 26 * s, l.columnWidth() - 8 * s,
                    l.stepCaptionBaseline() - l.lossBaseline() + 34 * s, 14 * s, 14 * s));
        }
        paintGutter();
        paintCut();
        for (int t = first; t <= last; t++) {
            paintColumn(t);
        }
        for (int t = first; t <= last; t++) {
            paintLabels(t);
        }
        if (!l.detailed()) {
            return;
        }
        paintStageMark(cur);
    }

    // ---- the initial state and the row captions ----

    private void paintGutter() {
        if (l.gutterX() + l.gutterWidth() < 0) {
            return;
        }
        double x = l.gutterX() + 8 * s;
        g.setFont(small);
        g.setColor(MUTED);
        g.drawString(f.texts().apply("timeline.loss"), (float) x, (float) l.lossBaseline());
        Rectangle2D out0 = l.output(0);
        g.drawString(f.texts().apply("timeline.output"), (float) x, (float) (out0.getCenterY() + l.font() * 0.35));
        Rectangle2D in0 = l.input(0);
        g.drawString(f.texts().apply("timeline.input"), (float) x, (float) (in0.getCenterY() + l.font() * 0.35));
        Rectangle2D node = l.initialState();
        g.setColor(BOX_FILL);
        g.fill(node);
        g.setColor(BOX_LINE);
        g.setStroke(new BasicStroke((float) lineW));
        g.draw(node);
        g.setFont(font);
        g.setColor(TEXT);
        boolean lstm = l.cellState();
        double hy = l.hLineY();
        if (lstm) {
            stateCaption("h" + sub(initialIndex()), tape.h, node, hy);
            stateCaption("c" + sub(initialIndex()), tape.c, node, l.cLineY());
            return;
        }
        drawCentered("h" + sub(initialIndex()), node.getCenterX(), hy - l.font() * 0.35, font);
        if (isZero(tape.h, tape.stateRow(0))) {
            drawCentered("= 0", node.getCenterX(), hy + l.font() * 0.95, small);
        } else {
            paintSquares(tape.h, tape.stateRow(0), new Rectangle2D.Double(node.getX() + 4 * s, hy, node.getWidth() - 8 * s, 20 * s), false);
        }
    }

    /** The index of the initial state as shown: 0, or the steps before the window. */
    private int initialIndex() {
        return f.walk().window().displayState(0);
    }

    /** Whether h₀ came from an earlier window: then no gradient crosses the window's start. */
    private boolean carried() {
        return f.walk().window().carriedState();
    }

    /**
     * Truncated BPTT's boundary: a dashed cut between h₀ and step 1, a cross on the gradient
     * line there, and one line of text saying what the cut means.
     */
    private void paintCut() {
        if (!carried()) {
            return;
        }
        Color cut = new Color(0xB2182B);
        double x = (l.sourceRight(0) + l.box(0).getX()) / 2;
        g.setColor(cut);
        g.setStroke(new BasicStroke((float) (lineW * 1.1), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {(float) (7 * s), (float) (5 * s)}, 0));
        g.draw(new Line2D.Double(x, l.output(0).getY() - 4 * s, x, l.input(0).getMaxY()));
        double y = l.gradientY();
        double r = 7 * s;
        g.setStroke(new BasicStroke((float) (lineW * 1.4)));
        g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
        g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
        // a short label at the top of the cut, always; the sentence where the figure leaves room
        drawCentered(f.texts().apply("timeline.cut"), x, l.output(0).getY() - 10 * s, small);
        String why = String.format(Locale.ROOT, f.texts().apply("timeline.cutWhy"), "h" + sub(initialIndex()));
        double top = l.lossBaseline() - 28 * s;
        double bottom = top + TimelineLayout.HEIGHT * s;
        double line = 1.5 * l.font();
        double baseline = l.height() - bottom >= line ? bottom + 1.15 * l.font() : top >= line ? top - 0.45 * l.font()
                : Double.NaN;
        if (!Double.isNaN(baseline)) {
            g.setFont(small);
            g.drawString(why, (float) (l.gutterX() + 8 * s), (float) baseline);
        }
    }

    /** "h₀ = 0" on one line at y, or the name above a strip of squares for a random state. */
    private void stateCaption(String name, DMatrixRMaj m, Rectangle2D node, double y) {
        if (isZero(m, tape.stateRow(0))) {
            drawCentered(name + " = 0", node.getCenterX(), y + l.font() * 0.35, small);
        } else {
            drawCentered(name, node.getCenterX(), y - 3 * s, small);
            paintSquares(m, tape.stateRow(0), new Rectangle2D.Double(node.getX() + 4 * s, y + 1 * s, node.getWidth() - 8 * s, 12 * s), false);
        }
    }

    // ---- one time step ----

    private void paintColumn(int t) {
        Rectangle2D box = l.box(t);
        Rectangle2D out = l.output(t);
        Rectangle2D in = l.input(t);
        boolean done = forwardDone(t);
        double cx = l.centerX(t);
        boolean detail = l.detailed();

        // arrows: x → box, box → y, h_{t−1} → box (and c_{t−1} for LSTM)
        Color flow = done ? BOX_LINE : FAINT;
        arrow(cx, in.getY(), cx, box.getMaxY(), lineW, flow, highlighted(TimelineLayout.W_XH));
        arrow(cx, box.getY(), cx, out.getMaxY(), lineW, flow, highlighted(TimelineLayout.W_OUT));
        boolean prevDone = t == 0 || forwardDone(t - 1);
        arrow(l.sourceRight(t), l.hLineY(), box.getX(), l.hLineY(), lineW * 1.3, prevDone ? BOX_LINE : FAINT,
                highlighted(TimelineLayout.W_HH));
        if (l.cellState()) {
            arrow(l.sourceRight(t), l.cLineY(), box.getX(), l.cLineY(), lineW * 1.3, prevDone ? BOX_LINE : FAINT, false);
        }

        // the cell box
        RoundRectangle2D rbox = new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 16 * s, 16 * s);
        g.setColor(BOX_FILL);
        g.fill(rbox);
        boolean forwardHere = f.cursor().phase() == Phase.FORWARD && f.cursor().step() == t;
        g.setColor(forwardHere ? ACCENT : BOX_LINE);
        g.setStroke(new BasicStroke((float) (forwardHere ? lineW * 2.2 : lineW)));
        g.draw(rbox);
        if (detail && !l.cellState()) {
            g.setColor(MUTED);
            drawCentered(f.walk().model().cell().name().equals("RNN")
                    ? f.walk().model().activation().id() : f.walk().model().cell().name(),
                    cx, l.boxCaptionBaseline(), small);
        }
        if (detail && l.cellState()) {
            g.setColor(MUTED);
            Font it = small.deriveFont(Font.ITALIC);
            drawCentered("c", box.getX() + 10 * s, l.cRow(t).getCenterY() + l.font() * 0.33, it);
            drawCentered("h", box.getX() + 10 * s, l.hRow(t).getCenterY() + l.font() * 0.33, it);
        }
        if (done) {
            paintSquares(tape.h, tape.stateRow(t + 1), l.hRow(t), detail);
            if (l.cellState()) {
                paintSquares(tape.c, tape.stateRow(t + 1), l.cRow(t), detail);
            }
        } else if (detail) {
            g.setColor(FAINT);
            drawCentered("h" + sub(at.display(t)) + " ?", cx, l.hRow(t).getCenterY() + l.font() * 0.35, font);
        }

        // the input
        RoundRectangle2D rin = new RoundRectangle2D.Double(in.getX(), in.getY(), in.getWidth(), in.getHeight(), 10 * s, 10 * s);
        g.setColor(new Color(0xEAF2E3));
        g.fill(rin);
        g.setColor(BOX_LINE);
        g.setStroke(new BasicStroke((float) lineW));
        g.draw(rin);
        g.setColor(TEXT);
        drawCentered(shortText(f.scenario().inputLabel(t), 4), cx, in.getCenterY() + l.font() * 0.45, big);
        if (detail || t % 10 == 0) {
            g.setColor(MUTED);
            drawCentered("t = " + at.display(t), cx, l.stepCaptionBaseline(), small);
        }

        paintOutput(t, out, done, detail);
        paintBackward(t, box, out, detail);
    }

    private void paintOutput(int t, Rectangle2D out, boolean done, boolean detail) {
        RoundRectangle2D r = new RoundRectangle2D.Double(out.getX(), out.getY(), out.getWidth(), out.getHeight(), 12 * s, 12 * s);
        g.setColor(done ? new Color(0xFBEFE6) : BACKGROUND);
        g.fill(r);
        boolean stage1Here = f.cursor().phase() == Phase.BACKWARD && f.cursor().step() == t
                && f.cursor().stage() == BackwardStage.OUTPUT_GRADIENT;
        g.setColor(stage1Here ? ACCENT : done ? BOX_LINE : FAINT);
        g.setStroke(new BasicStroke((float) (stage1Here ? lineW * 2.2 : lineW)));
        g.draw(r);
        if (!detail) {
            return;
        }
        double cx = out.getCenterX();
        double line1 = out.getY() + out.getHeight() * 0.42;
        double line2 = out.getY() + out.getHeight() * 0.84;
        String target = f.scenario().targetLabel(t);
        int row = tape.row(t);
        if (!done) {
            g.setColor(MUTED);
            drawCentered("y" + sub(at.display(t)) + " ?", cx, line1, font);
            if (target != null) {
                drawCentered(f.texts().apply("timeline.target") + " " + shortText(target, 4), cx, line2, small);
            }
            return;
        }
        g.setColor(TEXT);
        if (tape.probs != null) {
            int best = argmax(tape.probs, row);
            String pred = classLabel(best);
            drawCentered("ŷ" + sub(at.display(t)) + " = " + shortText(pred, 4), cx, line1, font.deriveFont(Font.BOLD));
            int k = f.scenario().sequence().hasTarget(row) ? f.scenario().sequence().classTarget(row) : -1;
            if (k >= 0) {
                double p = Tape.at(tape.probs, row, k);
                drawCentered("p(" + shortText(classLabel(k), 3) + ") = " + fmt(p, 2), cx, line2, small);
            }
        } else {
            drawCentered("y" + sub(at.display(t)) + " = " + fmt(Tape.at(tape.y, row, 0), 3), cx, line1, font);
            if (target != null) {
                drawCentered(f.texts().apply("timeline.target") + " " + target, cx, line2, small);
            }
        }
        // the step loss above
        boolean lossPhase = at.lossDone();
        g.setColor(lossPhase ? TEXT : MUTED);
        drawCentered("L" + sub(at.display(t)) + " = " + fmt(f.walk().stepLoss(t), 3), cx, l.lossBaseline(),
                lossPhase ? font.deriveFont(Font.BOLD) : font);
    }

    private void paintBackward(int t, Rectangle2D box, Rectangle2D out, boolean detail) {
        int row = tape.row(t);
        double cx = l.centerX(t);
        if (backwardDone(t, BackwardStage.OUTPUT_GRADIENT)) {
            double norm = MatOps.blockNorm(tape.dy, row, 1);
            GradientStyle st = GradientStyle.of(norm);
            double x = cx - 22 * s;
            gradientArrow(x, out.getMaxY() + 2 * s, x, box.getY() - 2 * s, st);
            if (detail) {
                g.setColor(colorOf(st));
                g.setFont(small);
                FontMetrics fm = g.getFontMetrics();
                String dy = "dy";
                g.drawString(dy, (float) (x - 8 * s - fm.stringWidth(dy) - st.width() * s / 2),
                        (float) ((out.getMaxY() + box.getY()) / 2 + l.font() * 0.35));
            }
        }
        if (detail && backwardDone(t, BackwardStage.ADD_FUTURE)) {
            double norm = MatOps.blockNorm(tape.dh, row, 1);
            g.setColor(colorOf(GradientStyle.of(norm)).darker());
            drawCentered("‖dh" + sub(at.display(t)) + "‖ = " + fmt(norm, 2), cx, l.dhBaseline(), small);
        }
        if (backwardDone(t, BackwardStage.PASS_BACK) && t == 0 && carried()) {
            // dh₀ would go back into the window before; truncated BPTT drops it
            double right = box.getX() - 2 * s;
            double left = l.sourceRight(t) + 2 * s;
            double y = l.gradientY();
            arrow(right, y, left, y, lineW, FAINT, false);
            if (detail) {
                g.setColor(MUTED);
                // under h₀'s node, clear of the cut line
                Rectangle2D node = l.initialState();
                drawCentered(String.format(Locale.ROOT, f.texts().apply("timeline.dropped"), "dh" + sub(initialIndex())),
                        node.getCenterX(), node.getMaxY() + 1.2 * l.font(), small);
            }
        } else if (backwardDone(t, BackwardStage.PASS_BACK)) {
            double norm = MatOps.blockNorm(tape.dhBack, row, 1);
            GradientStyle st = GradientStyle.of(norm);
            double right = box.getX() - 2 * s;
            double left = l.sourceRight(t) + 2 * s;
            double y = l.gradientY();
            gradientArrow(right, y, left, y, st);
            if (l.cellState() && tape.dcBack != null) {
                GradientStyle sc = GradientStyle.of(MatOps.blockNorm(tape.dcBack, row, 1));
                gradientArrow(right, l.cLineY() - 13 * s, left, l.cLineY() - 13 * s, sc);
            }
            if (detail) {
                g.setColor(colorOf(st).darker());
                drawCentered(fmt(norm, 2), (left + right) / 2, y - st.width() * s / 2 - 5 * s, small);
            }
        }
    }

    // ---- the shared parameters ----

    private boolean highlighted(String param) {
        return param.equals(f.highlight());
    }

    private void paintLabels(int t) {
        if (!l.detailed()) {
            return;
        }
        boolean update = f.cursor().phase() == Phase.UPDATE;
        boolean contributed = backwardDone(t, BackwardStage.PARAMETER_GRADIENTS);
        for (TimelineLayout.ParamLabel pl : l.labels()) {
            if (pl.step() != t) {
                continue;
            }
            boolean hover = highlighted(pl.param());
            Rectangle2D b = pl.bounds();
            RoundRectangle2D r = new RoundRectangle2D.Double(b.getX(), b.getY(), b.getWidth(), b.getHeight(), 8 * s, 8 * s);
            g.setColor(hover ? HOVER_FILL : (update || contributed) ? DONE_FILL : LABEL_FILL);
            g.fill(r);
            g.setColor(hover ? HOVER_LINE : contributed ? new Color(0x2E7D32) : FAINT);
            g.setStroke(new BasicStroke((float) (hover ? lineW * 1.6 : lineW * 0.7)));
            g.draw(r);
            g.setColor(TEXT);
            drawName(pl.param(), b.getX() + l.font() * 0.25, b.getCenterY() + l.font() * 0.33, hover);
        }
    }

    /** Draws "W_hh" as W with a subscript hh. */
    private void drawName(String name, double x, double baseline, boolean bold) {
        int u = name.indexOf('_');
        Font main = bold ? font.deriveFont(Font.BOLD) : font;
        g.setFont(main);
        String head = u < 0 ? name : name.substring(0, u);
        g.drawString(head, (float) x, (float) baseline);
        if (u >= 0) {
            double w = g.getFontMetrics().stringWidth(head);
            g.setFont(main.deriveFont((float) (l.font() * 0.72)));
            g.drawString(name.substring(u + 1), (float) (x + w + 1 * s), (float) (baseline + l.font() * 0.22));
        }
    }

    // ---- where the cursor is in the backward pass ----

    private void paintStageMark(int cur) {
        if (f.cursor().phase() != Phase.BACKWARD || cur < l.firstVisible() || cur > l.lastVisible()) {
            return;
        }
        Rectangle2D box = l.box(cur);
        Shape mark = switch (f.cursor().stage()) {
            case OUTPUT_GRADIENT -> null;
            case ADD_FUTURE -> new Rectangle2D.Double(box.getMaxX() + 1 * s, l.gradientY() - 32 * s,
                    cur == steps - 1 ? 20 * s : l.box(cur + 1).getX() - box.getMaxX() - 2 * s, 46 * s);
            case PARAMETER_GRADIENTS -> null;
            case PASS_BACK -> new Rectangle2D.Double(l.sourceRight(cur) + 1 * s, l.gradientY() - 32 * s,
                    box.getX() - l.sourceRight(cur) - 2 * s, 46 * s);
        };
        if (f.cursor().stage() == BackwardStage.ADD_FUTURE || f.cursor().stage() == BackwardStage.PARAMETER_GRADIENTS) {
            RoundRectangle2D r = new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 16 * s, 16 * s);
            g.setColor(ACCENT);
            g.setStroke(new BasicStroke((float) (lineW * 2.2)));
            g.draw(r);
        }
        if (mark != null) {
            g.setColor(ACCENT);
            g.setStroke(new BasicStroke((float) (lineW * 1.2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10,
                    new float[] {(float) (5 * s), (float) (4 * s)}, 0));
            g.draw(mark);
        }
    }

    // ---- drawing helpers ----

    private void paintSquares(DMatrixRMaj m, int row, Rectangle2D area, boolean text) {
        int n = m.numCols;
        double max = 1;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, Math.abs(Tape.at(m, row, j)));
        }
        double w = area.getWidth() / n;
        boolean showText = text && n <= 6 && w >= 30 * s;
        Font valueFont = small;
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        // many thin squares: crisp and cheaper without antialiasing
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        if (w < 4 * s) {
            g.setColor(new Color(0x9AA5B1));
            g.fill(area);
        }
        for (int j = 0; j < n; j++) {
            double v = Tape.at(m, row, j);
            Color c = heat(v / max);
            Rectangle2D sq = new Rectangle2D.Double(area.getX() + j * w, area.getY(), w < 4 * s ? w + 0.6 : w, area.getHeight());
            g.setColor(c);
            g.fill(sq);
            if (w >= 4 * s) {
                g.setColor(GRID);
                g.setStroke(new BasicStroke((float) (0.6 * s)));
                g.draw(sq);
            }
            if (showText) {
                double lum = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
                g.setColor(lum < 140 ? Color.WHITE : TEXT);
                drawCentered(compact(v), sq.getCenterX(), sq.getCenterY() + l.font() * 0.33, valueFont);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa == null ? RenderingHints.VALUE_ANTIALIAS_ON : aa);
    }

    /** Diverging blue – white – red for v in [−1, 1]. */
    static Color heat(double v) {
        if (!Double.isFinite(v)) {
            return new Color(0x9E9E9E);
        }
        double a = Math.min(1, Math.abs(v));
        int target = v < 0 ? 0x2166AC : 0xB2182B;
        return new Color(GradientStyle.mix(0xFFFFFF, target, a));
    }

    private void arrow(double x1, double y1, double x2, double y2, double width, Color color, boolean hover) {
        g.setColor(hover ? HOVER_LINE : color);
        double w = hover ? width * 2 : width;
        double head = Math.max(7 * s, w * 2.6);
        drawArrow(x1, y1, x2, y2, w, head);
    }

    private void gradientArrow(double x1, double y1, double x2, double y2, GradientStyle st) {
        double w = st.width() * s * (f.presenter() ? 1.25 : 1);
        g.setColor(colorOf(st));
        drawArrow(x1, y1, x2, y2, w, Math.max(9 * s, w * 2.2));
    }

    private static Color colorOf(GradientStyle st) {
        return new Color(st.red(), st.green(), st.blue(), (int) Math.round(st.alpha() * 255));
    }

    private void drawArrow(double x1, double y1, double x2, double y2, double width, double head) {
        double len = Math.hypot(x2 - x1, y2 - y1);
        if (len < 1) {
            return;
        }
        double ux = (x2 - x1) / len;
        double uy = (y2 - y1) / len;
        double hl = Math.min(head, len * 0.6);
        Stroke old = g.getStroke();
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(x1, y1, x2 - ux * hl * 0.8, y2 - uy * hl * 0.8));
        g.setStroke(old);
        double hw = Math.max(hl * 0.55, width * 0.9);
        Path2D p = new Path2D.Double();
        p.moveTo(x2, y2);
        p.lineTo(x2 - ux * hl - uy * hw, y2 - uy * hl + ux * hw);
        p.lineTo(x2 - ux * hl + uy * hw, y2 - uy * hl - ux * hw);
        p.closePath();
        g.fill(p);
    }

    private void drawCentered(String text, double cx, double baseline, Font fnt) {
        g.setFont(fnt);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) baseline);
    }

    private String classLabel(int k) {
        List<String> vocab = f.walk().model().vocab();
        return vocab != null && k < vocab.size() ? vocab.get(k) : "#" + k;
    }

    private static int argmax(DMatrixRMaj m, int row) {
        int best = 0;
        for (int j = 1; j < m.numCols; j++) {
            if (Tape.at(m, row, j) > Tape.at(m, row, best)) {
                best = j;
            }
        }
        return best;
    }

    private static boolean isZero(DMatrixRMaj m, int row) {
        for (int j = 0; j < m.numCols; j++) {
            if (Tape.at(m, row, j) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Visible characters: a space as ␣, a newline as ↵, long labels cut. */
    static String shortText(String s, int max) {
        String v = org.unroll.i18n.Notation.visible(s);
        return v.codePointCount(0, v.length()) <= max ? v : v.substring(0, v.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Subscript digits: 12 → ₁₂. */
    public static String sub(int n) {
        String d = Integer.toString(n);
        StringBuilder b = new StringBuilder();
        for (char c : d.toCharArray()) {
            b.append(c == '-' ? '₋' : (char) ('₀' + (c - '0')));
        }
        return b.toString();
    }

    /** Three significant digits, plain or scientific. */
    static String fmt(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : (v > 0 ? "∞" : "−∞");
        }
        double a = Math.abs(v);
        String out = a != 0 && (a < 1e-3 || a >= 1e5)
                ? String.format(Locale.ROOT, "%.1e", v)
                : String.format(Locale.ROOT, "%." + decimals + "f", v);
        return out.replace('-', '−');
    }

    /** A value in a state square: "−.40", ".07", "1.3". */
    static String compact(double v) {
        if (!Double.isFinite(v)) {
            return "NaN";
        }
        String out = Math.abs(v) < 0.995
                ? String.format(Locale.ROOT, "%.2f", v).replace("0.", ".")
                : String.format(Locale.ROOT, "%.1f", v);
        return out.replace('-', '−');
    }
}
