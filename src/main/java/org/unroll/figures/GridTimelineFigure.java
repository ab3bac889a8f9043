package org.unroll.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridPoint;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.Lane;
import org.unroll.engine.Phase;

/**
 * Paints the timeline of a stacked, possibly bidirectional network for one sequence of a
 * batch into any {@link Graphics2D}: a row per layer and direction (the reverse direction's
 * arrows run right to left), the directions of a layer joined into the layer above and, at the
 * top, into the output; in the backward pass red arrows carry the gradient back in time and
 * down in depth, their width following its norm. Only what exists at the point shown is
 * drawn; padded steps are hatched, their loss and gradient written as 0. No toolkit; the
 * geometry is {@link GridTimelineLayout}'s.
 */
public final class GridTimelineFigure {

    /**
     * Everything one picture depends on.
     *
     * @param walk     the computed walk
     * @param sequence b, the sequence of the batch shown
     * @param index    the place in the walk's order for that sequence
     * @param tokens   what each step of the sequence reads (characters), or null for x_t
     * @param texts    the localized captions (keys {@code grid.*}); {@link #ENGLISH} when none
     */
    public record Frame(GridWalk walk, int sequence, int index, List<String> tokens, Function<String, String> texts,
                        double minColumn, double scrollX, boolean detail, double minRow, double scrollY) {
        /** The whole grid fitted to the picture with its details strip (the PNGs, the deep-network window). */
        public Frame(GridWalk walk, int sequence, int index, List<String> tokens, Function<String, String> texts) {
            this(walk, sequence, index, tokens, texts, 0, 0, true);
        }

        /** Steps at least {@code minColumn} wide, scrolled sideways; the rows fitted to the height. */
        public Frame(GridWalk walk, int sequence, int index, List<String> tokens, Function<String, String> texts,
                     double minColumn, double scrollX, boolean detail) {
            this(walk, sequence, index, tokens, texts, minColumn, scrollX, detail, 0, 0);
        }

        /** The same picture, not scrolled: where an export of the whole grid starts. */
        public Frame unscrolled() {
            return new Frame(walk, sequence, index, tokens, texts, minColumn, 0, detail, minRow, 0);
        }
    }

    /**
     * The lowest row of the main window's timeline, px at zoom 1: lower and the names in the boxes
     * and their ‖dL/dh‖ drop under 12 px, too small to read from the back of a room.
     */
    public static final double READABLE_ROW = 46;

    /** The narrowest step of the main window's timeline, px: narrower and h_t, its ‖dL/dh‖ and the arrows stop being readable. */
    public static final double READABLE_COLUMN = 46;

    /** The captions in the language in use. */
    public static final Function<String, String> TRANSLATED = org.unroll.i18n.Texts::get;

    /** The captions in English. */
    public static final Function<String, String> ENGLISH = key -> switch (key) {
        case "grid.layer" -> "layer";
        case "grid.padding" -> "pad";
        case "grid.start" -> "Start: nothing computed yet";
        case "grid.loss" -> "Loss: L_t at every real step, 0 at padding";
        case "grid.forward" -> "Forward";
        case "grid.backward" -> "Backward";
        case "grid.fromAbove" -> "from above";
        case "grid.fromFuture" -> "from its future";
        case "grid.total" -> "total dL/dh";
        case "grid.stage.1" -> "stage 1: the gradient from the layer above";
        case "grid.stage.2" -> "stage 2: add the gradient from its own future";
        case "grid.stage.3" -> "stage 3: through the cell, parameter gradients";
        case "grid.stage.4" -> "stage 4: pass back to its past and the layer below";
        case "grid.padded" -> "padded step: state copied through, loss and gradient 0";
        default -> key;
    };

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x1A1A1A);
    static final Color MUTED = new Color(0x555555);
    static final Color FAINT = new Color(0xC4C4C4);
    static final Color BOX_LINE = new Color(0x34495E);
    static final Color DONE_FILL = new Color(0xD7F0DA);
    static final Color REVERSE_FILL = new Color(0xDCE6F7);
    static final Color CURRENT = new Color(0xFFE07A);
    static final Color ACCENT = new Color(0x0B5CAD);
    static final Color PAD_FILL = new Color(0xECECEC);
    static final Color FORWARD_ARROW = new Color(0x34495E);
    static final Color GRADIENT = new Color(0xC62828);

    private final Graphics2D g;
    private final GridTimelineLayout lay;
    private final Frame f;
    private final GridWalkPoint at;
    private final GridCursor cur;
    private final Font font;
    private final Font small;

    private GridTimelineFigure(Graphics2D g, GridTimelineLayout lay, Frame f) {
        this.g = g;
        this.lay = lay;
        this.f = f;
        this.at = f.walk().at(f.sequence(), f.index());
        this.cur = at.cursor();
        this.font = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(lay.font()));
        this.small = font.deriveFont((float) lay.smallFont());
    }

    /** The layout of a frame in a viewport. */
    public static GridTimelineLayout layout(Frame f, double width, double height) {
        return new GridTimelineLayout(f.walk().model().layers(), f.walk().model().directions(), f.walk().steps(),
                width, height, f.minColumn(), f.scrollX(), f.detail(), f.minRow(), f.scrollY());
    }

    /** Paints a frame into {@code area} (its top-left corner is the origin of the layout). */
    public static GridTimelineLayout paint(Graphics2D g, Rectangle2D area, Frame f) {
        GridTimelineLayout lay = layout(f, area.getWidth(), area.getHeight());
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.translate(area.getX(), area.getY());
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(BACKGROUND);
            g2.fill(new Rectangle2D.Double(0, 0, lay.width(), lay.height()));
            new GridTimelineFigure(g2, lay, f).paintAll();
        } finally {
            g2.dispose();
        }
        return lay;
    }

    private String text(String key) {
        return f.texts().apply(key);
    }

    private void paintAll() {
        int steps = lay.steps();
        List<Lane> lanes = f.walk().lanes();
        for (Lane lane : lanes) {
            paintGutter(lane);
        }
        // the steps scroll under a fixed gutter: clipped to the area right of it (set and put back, see fillBox)
        java.awt.Shape oldClip = g.getClip();
        g.clip(lay.stepsArea());
        paintSteps(steps, lanes);
        g.setClip(oldClip);
        if (f.detail()) {
            paintDetail();
        }
    }

    private void paintSteps(int steps, List<Lane> lanes) {
        for (int t = 0; t < steps; t++) {
            paintInput(t);
            paintOutput(t);
        }
        for (Lane lane : lanes) {
            for (int t = 0; t < steps; t++) {
                paintJoin(lane, t);
            }
        }
        for (Lane lane : lanes) {
            for (int t = 0; t < steps; t++) {
                paintForwardArrow(lane, t);
            }
        }
        for (Lane lane : lanes) {
            for (int t = 0; t < steps; t++) {
                paintCell(lane, t);
            }
        }
        for (Lane lane : lanes) {
            for (int t = 0; t < steps; t++) {
                paintGradients(lane, t);
            }
        }
    }

    private boolean forward(Lane lane) {
        return lane.direction() == Lane.Direction.FORWARD;
    }

    /** The previous time in a lane's own order (where its state comes from), or −1 at its first step. */
    private int previous(Lane lane, int t) {
        if (!at.real(t)) {
            return -1;
        }
        int p = forward(lane) ? t - 1 : t + 1;
        return p >= 0 && p < lay.steps() && at.real(p) ? p : -1;
    }

    private void paintGutter(Lane lane) {
        Rectangle2D r = lay.gutter(lane);
        String name = text("grid.layer") + " " + (lane.layer() + 1) + (forward(lane) ? " →" : " ←");
        g.setFont(font.deriveFont(Font.BOLD));
        g.setColor(forward(lane) ? TEXT : ACCENT);
        g.drawString(name, (float) r.getX(), (float) (r.getCenterY() + lay.font() / 3));
    }

    private void paintInput(int t) {
        Rectangle2D r = lay.input(t);
        boolean real = at.real(t);
        g.setColor(real ? new Color(0xF2F5FA) : PAD_FILL);
        g.fill(r);
        g.setColor(real ? BOX_LINE : FAINT);
        g.setStroke(new BasicStroke(1f));
        g.draw(r);
        String s = !real ? "·" : f.tokens() != null && t < f.tokens().size() ? f.tokens().get(t) : "x" + (t + 1);
        g.setFont(font);
        centered(s, r.getCenterX(), r.getCenterY() + lay.font() / 3);
        g.setFont(small);
        g.setColor(MUTED);
        centered(String.valueOf(at.display(t)), lay.centerX(t), lay.stepNumberBaseline());
    }

    private boolean topDone(int t) {
        int top = f.walk().model().layers() - 1;
        for (Lane lane : f.walk().lanes()) {
            if (lane.layer() == top && !at.forwardDone(lane, t)) {
                return false;
            }
        }
        return true;
    }

    private void paintOutput(int t) {
        Rectangle2D r = lay.output(t);
        boolean real = at.real(t);
        boolean done = topDone(t);
        fillBox(r, !real ? PAD_FILL : done ? DONE_FILL : BACKGROUND, done ? BOX_LINE : FAINT, !real);
        g.setFont(small);
        g.setColor(done ? TEXT : FAINT);
        centered("y" + sub(t + 1), r.getCenterX(), r.getCenterY() + lay.font() / 3);
        Optional<Double> loss = at.stepLoss(t);
        if (loss.isPresent()) {
            g.setColor(real ? TEXT : MUTED);
            centered(real ? String.format(Locale.ROOT, "%.2f", loss.get()) : "0", lay.centerX(t), lay.lossBaseline());
        }
        int top = f.walk().model().layers() - 1;
        Lane any = f.walk().lanes().stream().filter(l -> l.layer() == top).findFirst().orElseThrow();
        if (real && at.backwardDone(any, t, BackwardStage.OUTPUT_GRADIENT) && loss.isPresent()) {
            GridPoint p = at.cell(any, t).orElseThrow();
            double y2 = lay.cell(any, t).getY();
            gradientArrow(lay.centerX(t) - lay.columnWidth() * 0.18, r.getMaxY(),
                    lay.centerX(t) - lay.columnWidth() * 0.18, y2, GridWalkPoint.norm(p.dhFromAbove()));
        }
    }

    /** The lines from a cell up to its layer's join, and from the join to the layer above (or the output). */
    private void paintJoin(Lane lane, int t) {
        if (!at.forwardDone(lane, t)) {
            return;
        }
        Rectangle2D box = lay.cell(lane, t);
        double joinY = lay.joinY(lane.layer());
        double x = forward(lane) ? box.getCenterX() : box.getMaxX() + lay.columnWidth() * 0.06;
        g.setColor(FAINT);
        g.setStroke(new BasicStroke(1.2f));
        if (forward(lane)) {
            g.draw(new Line2D.Double(x, box.getY(), x, joinY));
        } else {
            g.draw(new Line2D.Double(box.getMaxX(), box.getCenterY(), x, box.getCenterY()));
            g.draw(new Line2D.Double(x, box.getCenterY(), x, joinY));
            g.draw(new Line2D.Double(x, joinY, box.getCenterX(), joinY));
        }
        boolean all = true;
        for (Lane l : f.walk().lanes()) {
            all &= l.layer() != lane.layer() || at.forwardDone(l, t);
        }
        if (all && !forward(lane)) {
            // the reverse state's way into the join: an arrow, as the forward one's way up
            g.setColor(ACCENT);
            arrow(x, joinY, box.getCenterX() + Math.max(2.5, lay.columnWidth() * 0.05), joinY, 1.4);
        }
        if (all && forward(lane)) {
            double cx = box.getCenterX();
            int k = lane.layer() + 1;
            Lane lowestAbove = new Lane(k, f.walk().model().directions() == 2 ? Lane.Direction.BACKWARD : Lane.Direction.FORWARD);
            double above = k == f.walk().model().layers() ? lay.output(t).getMaxY() : lay.cell(lowestAbove, t).getMaxY();
            g.setColor(FORWARD_ARROW);
            arrow(cx + lay.columnWidth() * 0.12, joinY, cx + lay.columnWidth() * 0.12, above, 1.4);
            g.setColor(BOX_LINE);
            double rr = Math.max(2.5, lay.columnWidth() * 0.05);
            g.fill(new Ellipse2D.Double(cx - rr, joinY - rr, 2 * rr, 2 * rr));
        }
    }

    private void paintForwardArrow(Lane lane, int t) {
        int p = previous(lane, t);
        if (p < 0 || !at.forwardDone(lane, t)) {
            return;
        }
        Rectangle2D from = lay.cell(lane, p);
        Rectangle2D to = lay.cell(lane, t);
        double y = to.getCenterY() - to.getHeight() * 0.2;
        g.setColor(forward(lane) ? FORWARD_ARROW : ACCENT);
        if (forward(lane)) {
            arrow(from.getMaxX(), y, to.getX(), y, 1.4);
        } else {
            arrow(from.getX(), y, to.getMaxX(), y, 1.4);
        }
    }

    private void paintCell(Lane lane, int t) {
        Rectangle2D box = lay.cell(lane, t);
        Optional<GridPoint> cell = at.cell(lane, t);
        boolean here = cur.onCell() && cur.lane().equals(lane) && cur.time() == t;
        if (cell.isEmpty()) {
            fillBox(box, BACKGROUND, FAINT, false);
            return;
        }
        GridPoint p = cell.get();
        Color fill = here ? CURRENT : !p.real() ? PAD_FILL : forward(lane) ? DONE_FILL : REVERSE_FILL;
        fillBox(box, fill, here ? ACCENT : BOX_LINE, !p.real());
        if (here) {
            g.setColor(ACCENT);
            g.setStroke(new BasicStroke(3f));
            g.draw(round(box));
        }
        g.setFont(small);
        g.setColor(p.real() ? TEXT : MUTED);
        String label = p.real() ? "h" + sub(t + 1) : text("grid.padding");
        boolean number = p.dh() != null && lay.roomForNumber();
        // with its ‖dL/dh‖ underneath, the name moves up so that the two do not overlap in a low row
        double baseline = number ? Math.min(box.getCenterY() + lay.font() * 0.35, box.getY() + small.getSize2D() + 1)
                : box.getCenterY() + lay.font() * 0.35;
        centered(label, box.getCenterX(), baseline);
        if (number) {
            g.setColor(p.real() ? GRADIENT : MUTED);
            double n = GridWalkPoint.norm(p.dh());
            centered(p.real() ? shortNumber(n) : "0", box.getCenterX(), box.getMaxY() - 2);
        }
    }

    /** Red arrows: from the cell's future (back in time) and from the layer above (down in depth). */
    private void paintGradients(Lane lane, int t) {
        Optional<GridPoint> cell = at.cell(lane, t);
        if (cell.isEmpty() || !cell.get().real()) {
            return;
        }
        GridPoint p = cell.get();
        Rectangle2D box = lay.cell(lane, t);
        int future = forward(lane) ? t + 1 : t - 1;
        if (p.dhFromFuture() != null && future >= 0 && future < lay.steps() && at.real(future)) {
            Rectangle2D from = lay.cell(lane, future);
            double y = box.getCenterY() + box.getHeight() * 0.28;
            double x1 = forward(lane) ? from.getX() : from.getMaxX();
            double x2 = forward(lane) ? box.getMaxX() : box.getX();
            gradientArrow(x1, y, x2, y, GridWalkPoint.norm(p.dhFromFuture()));
        }
        int top = f.walk().model().layers() - 1;
        if (p.dhFromAbove() != null && lane.layer() < top) {
            double x = box.getCenterX() - lay.columnWidth() * 0.18;
            double y1 = lay.joinY(lane.layer());
            double y2 = box.getY();
            if (!forward(lane)) {
                x = box.getX() - lay.columnWidth() * 0.08;
                y2 = box.getCenterY();
            }
            gradientArrow(x, y1, x, y2, GridWalkPoint.norm(p.dhFromAbove()));
        }
    }

    private void paintDetail() {
        Rectangle2D r = lay.detail();
        g.setColor(new Color(0xF7F7F7));
        g.fill(r);
        g.setColor(FAINT);
        g.setStroke(new BasicStroke(1f));
        g.draw(r);
        g.setFont(font.deriveFont(Font.BOLD));
        g.setColor(TEXT);
        double x = r.getX() + 10;
        double y1 = r.getY() + r.getHeight() * 0.42;
        double y2 = r.getY() + r.getHeight() * 0.82;
        if (cur.phase() == Phase.START) {
            g.drawString(text("grid.start"), (float) x, (float) y1);
            return;
        }
        if (cur.phase() == Phase.LOSS) {
            g.drawString(text("grid.loss") + String.format(Locale.ROOT, "   Σ L = %.4f", f.walk().loss()),
                    (float) x, (float) y1);
            return;
        }
        Lane lane = cur.lane();
        GridPoint p = at.cell(lane, cur.time()).orElseThrow();
        String where = text(cur.phase() == Phase.FORWARD ? "grid.forward" : "grid.backward") + " · "
                + text("grid.layer") + " " + (lane.layer() + 1) + (forward(lane) ? " →" : " ←")
                + " · t = " + at.display(cur.time());
        if (cur.phase() == Phase.BACKWARD) {
            where += " · " + text("grid.stage." + cur.stage().number());
        }
        g.drawString(where, (float) x, (float) y1);
        g.setFont(font);
        String line;
        if (!p.real()) {
            line = text("grid.padded");
        } else if (cur.phase() == Phase.FORWARD) {
            line = "‖h‖ = " + shortNumber(GridWalkPoint.norm(p.h()));
        } else {
            line = "‖" + text("grid.fromAbove") + "‖ = " + optNumber(p.dhFromAbove()) + "     ‖"
                    + text("grid.fromFuture") + "‖ = " + optNumber(p.dhFromFuture()) + "     ‖"
                    + text("grid.total") + "‖ = " + optNumber(p.dh());
        }
        g.setColor(p.real() ? TEXT : MUTED);
        g.drawString(line, (float) x, (float) y2);
    }

    private static String optNumber(double[] v) {
        return v == null ? "…" : shortNumber(GridWalkPoint.norm(v));
    }

    static String shortNumber(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 0.01 && a < 1000 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.1e", v);
    }

    private RoundRectangle2D round(Rectangle2D r) {
        double arc = Math.min(r.getWidth(), r.getHeight()) * 0.3;
        return new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), arc, arc);
    }

    private void fillBox(Rectangle2D r, Color fill, Color line, boolean hatched) {
        RoundRectangle2D rr = round(r);
        g.setColor(fill);
        g.fill(rr);
        if (hatched) {
            // no g.create() here: FXGraphics2D's copies share one GraphicsContext, so the clip is set and put back
            java.awt.Shape oldClip = g.getClip();
            Object oldAa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            g.clip(rr);
            // crisp hatching: padding reads as a pattern, not as a grey tint
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(FAINT);
            g.setStroke(new BasicStroke(1f));
            for (double d = -r.getHeight(); d < r.getWidth(); d += 6) {
                g.draw(new Line2D.Double(r.getX() + d, r.getMaxY(), r.getX() + d + r.getHeight(), r.getY()));
            }
            g.setClip(oldClip);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, oldAa == null ? RenderingHints.VALUE_ANTIALIAS_ON : oldAa);
        }
        g.setColor(line);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(rr);
    }

    private void gradientArrow(double x1, double y1, double x2, double y2, double norm) {
        GradientStyle st = GradientStyle.of(norm);
        double w = Math.max(1, st.width() * 0.45);
        g.setColor(new Color(GRADIENT.getRed(), GRADIENT.getGreen(), GRADIENT.getBlue(),
                (int) Math.round(255 * Math.max(0.35, st.alpha()))));
        arrow(x1, y1, x2, y2, w);
    }

    private void arrow(double x1, double y1, double x2, double y2, double width) {
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        double len = Math.hypot(x2 - x1, y2 - y1);
        if (len < 1) {
            return;
        }
        double head = Math.min(len * 0.5, 4 + width * 1.6);
        double ux = (x2 - x1) / len;
        double uy = (y2 - y1) / len;
        g.draw(new Line2D.Double(x1, y1, x2 - ux * head * 0.8, y2 - uy * head * 0.8));
        Path2D p = new Path2D.Double();
        p.moveTo(x2, y2);
        p.lineTo(x2 - ux * head - uy * head * 0.5, y2 - uy * head + ux * head * 0.5);
        p.lineTo(x2 - ux * head + uy * head * 0.5, y2 - uy * head - ux * head * 0.5);
        p.closePath();
        g.fill(p);
    }

    private void centered(String s, double cx, double baseline) {
        double w = g.getFontMetrics().stringWidth(s);
        g.drawString(s, (float) (cx - w / 2), (float) baseline);
    }

    private static String sub(int n) {
        return TimelineFigure.sub(n);
    }
}
