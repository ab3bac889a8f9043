package org.unroll.figures;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything of the unrolled timeline goes, and what is under a point: pure geometry,
 * no drawing and no toolkit. One column per time step after a gutter for the initial state;
 * from top to bottom a column holds the step loss, the output y_t, the cell box (with h_t, and
 * c_t for an LSTM) and the input x_t. Sizes are base sizes (zoom 1) times {@code scale}.
 * Only the columns in the viewport are laid out ({@link #firstVisible()} … {@link #lastVisible()}).
 */
public final class TimelineLayout {
    /** Base sizes in px at scale 1. */
    public static final double COLUMN = 240;
    public static final double GUTTER = 100;
    public static final double HEIGHT = 410;
    public static final double FONT = 17;
    public static final double BOX_FRACTION = 0.7;
    public static final double RIGHT_PAD = 40;

    /** The shared parameters, as the timeline labels them. */
    public static final String W_XH = "W_xh";
    public static final String W_HH = "W_hh";
    public static final String BIAS = "b";
    public static final String W_OUT = "W_out";
    public static final List<String> PARAMS = List.of(W_XH, W_HH, BIAS, W_OUT);

    /** What a point of the figure shows. */
    public enum Kind { NONE, STEP, PARAM }

    /**
     * @param kind  nothing, a step's column, or a parameter label
     * @param step  the step t (0-based), or −1
     * @param param the parameter name (one of {@link #PARAMS}) for PARAM, else null
     */
    public record Hit(Kind kind, int step, String param) {
        public static final Hit NONE = new Hit(Kind.NONE, -1, null);
    }

    /** A parameter label placed at one step: where it is used. */
    public record ParamLabel(String param, int step, Rectangle2D bounds) { }

    private final int steps;
    private final boolean cellState;
    private final double scale;
    private final double width;
    private final double height;
    private final double scrollX;
    private final double top;
    private final List<ParamLabel> labels = new ArrayList<>();

    /**
     * @param steps     T
     * @param cellState true for an LSTM (a second line, c, above h)
     * @param scale     zoom (× presenter factor), &gt; 0
     * @param width     viewport width in px
     * @param height    viewport height in px
     * @param scrollX   how far the content is scrolled left, clamped to [0, {@link #maxScroll()}]
     */
    public TimelineLayout(int steps, boolean cellState, double scale, double width, double height, double scrollX) {
        if (steps < 1 || !(scale > 0)) {
            throw new IllegalArgumentException("steps must be ≥ 1 and scale > 0");
        }
        this.steps = steps;
        this.cellState = cellState;
        this.scale = scale;
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
        this.scrollX = Math.max(0, Math.min(scrollX, maxScroll(steps, scale, this.width)));
        this.top = Math.max(0, (this.height - HEIGHT * scale) / 2);
        // the labels are drawn (and can be pointed at) only where columns are wide enough for text
        if (detailed()) {
            for (int t = firstVisible(); t <= lastVisible(); t++) {
                placeLabels(t);
            }
        }
    }

    /** The whole content's width at this scale. */
    public static double contentWidth(int steps, double scale) {
        return (GUTTER + steps * COLUMN + RIGHT_PAD) * scale;
    }

    /** The largest useful scroll offset. */
    public static double maxScroll(int steps, double scale, double viewportWidth) {
        return Math.max(0, contentWidth(steps, scale) - viewportWidth);
    }

    /** The scroll offset that brings step t's column into view, moving as little as possible from {@code current}. */
    public static double scrollToShow(int t, int steps, double scale, double viewportWidth, double current) {
        double left = (GUTTER + t * COLUMN) * scale;
        double right = left + COLUMN * scale;
        double s = current;
        if (right > s + viewportWidth) {
            s = right - viewportWidth + RIGHT_PAD * scale;
        }
        if (left < s) {
            s = left - (t == 0 ? GUTTER * scale : 0);
        }
        return Math.max(0, Math.min(s, maxScroll(steps, scale, viewportWidth)));
    }

    public int steps() {
        return steps;
    }

    public boolean cellState() {
        return cellState;
    }

    public double scale() {
        return scale;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double scrollX() {
        return scrollX;
    }

    public double maxScroll() {
        return maxScroll(steps, scale, width);
    }

    /** The base font size in px at this scale. */
    public double font() {
        return FONT * scale;
    }

    /** Whether columns are wide enough for text in them. */
    public boolean detailed() {
        return COLUMN * scale >= 150;
    }

    public double columnWidth() {
        return COLUMN * scale;
    }

    /** The left edge of step t's column in viewport coordinates. */
    public double columnX(int t) {
        return (GUTTER + t * COLUMN) * scale - scrollX;
    }

    public double centerX(int t) {
        return columnX(t) + COLUMN * scale / 2;
    }

    /** The gutter (initial state) column's left edge. */
    public double gutterX() {
        return -scrollX;
    }

    public double gutterWidth() {
        return GUTTER * scale;
    }

    /** The first and last column that intersects the viewport (first &gt; last when none). */
    public int firstVisible() {
        int f = (int) Math.floor((scrollX / scale - GUTTER) / COLUMN);
        return Math.max(0, f);
    }

    public int lastVisible() {
        int l = (int) Math.floor(((scrollX + width) / scale - GUTTER) / COLUMN);
        return Math.min(steps - 1, l);
    }

    private double y(double base) {
        return top + base * scale;
    }

    /** Baseline of the step loss text. */
    public double lossBaseline() {
        return y(28);
    }

    /** The output node of step t. */
    public Rectangle2D output(int t) {
        double w = COLUMN * scale * BOX_FRACTION;
        return new Rectangle2D.Double(centerX(t) - w / 2, y(42), w, 62 * scale);
    }

    /** The cell box of step t. */
    public Rectangle2D box(int t) {
        double w = COLUMN * scale * BOX_FRACTION;
        return new Rectangle2D.Double(centerX(t) - w / 2, y(148), w, 124 * scale);
    }

    /**
     * Unscrolled, the left edge of step 1's input node (and of its "t = 1" under it) at {@code scale}:
     * the bottom left corner up to there holds nothing but the gutter's row labels.
     */
    public static double firstInputLeft(double scale) {
        return (GUTTER + COLUMN / 2 - INPUT_WIDTH / 2) * scale;
    }

    private static final double INPUT_WIDTH = 56;

    /** The input node of step t. */
    public Rectangle2D input(int t) {
        double w = INPUT_WIDTH * scale;
        return new Rectangle2D.Double(centerX(t) - w / 2, y(318), w, 52 * scale);
    }

    /** Baseline of the "t = …" caption under the input. */
    public double stepCaptionBaseline() {
        return y(398);
    }

    /** The row of state squares in the box: c (LSTM) on top, h below. */
    public Rectangle2D hRow(int t) {
        Rectangle2D b = box(t);
        double rowTop = cellState ? 58 : 36;
        double inset = cellState ? 20 : 5;
        return new Rectangle2D.Double(b.getX() + inset * scale, b.getY() + rowTop * scale, b.getWidth() - (inset + 5) * scale, 34 * scale);
    }

    public Rectangle2D cRow(int t) {
        Rectangle2D b = box(t);
        return new Rectangle2D.Double(b.getX() + 20 * scale, b.getY() + 16 * scale, b.getWidth() - 25 * scale, 34 * scale);
    }

    /** The y of the line carrying h between boxes. */
    public double hLineY() {
        return y(148 + (cellState ? 75 : 53));
    }

    /** The y of the line carrying c between boxes (LSTM). */
    public double cLineY() {
        return y(148 + 33);
    }

    /** The y of the backward gradient arrows between boxes. */
    public double gradientY() {
        return y(148 + (cellState ? 104 : 96));
    }

    /** Baseline of the ‖dh‖ text in the box. */
    public double dhBaseline() {
        return y(148 + 116);
    }

    /** Baseline of the box caption (RNN: the activation; LSTM: none, the rows are labelled). */
    public double boxCaptionBaseline() {
        return y(148 + 26);
    }

    /** The right edge of the state that enters step t: the previous box, or the gutter's h₀ node. */
    public double sourceRight(int t) {
        return t == 0 ? gutterX() + gutterWidth() - 14 * scale : box(t - 1).getMaxX();
    }

    /** The initial state's node in the gutter. */
    public Rectangle2D initialState() {
        double w = GUTTER * scale - 28 * scale;
        Rectangle2D b = box(0);
        return new Rectangle2D.Double(gutterX() + 14 * scale, b.getY() + 16 * scale, w, b.getHeight() - 32 * scale);
    }

    private void placeLabels(int t) {
        double f = font();
        double cx = centerX(t);
        Rectangle2D box = box(t);
        Rectangle2D out = output(t);
        Rectangle2D in = input(t);
        // W_out on the arrow from the box up to the output, right of it
        labels.add(new ParamLabel(W_OUT, t, labelRect(cx + 8 * scale, (out.getMaxY() + box.getY()) / 2, W_OUT, f)));
        // W_xh on the arrow from the input up to the box, right of it; b left of it
        double midIn = (box.getMaxY() + in.getY()) / 2;
        labels.add(new ParamLabel(W_XH, t, labelRect(cx + 8 * scale, midIn, W_XH, f)));
        Rectangle2D bRect = labelRect(0, midIn, BIAS, f);
        bRect.setRect(cx - 10 * scale - bRect.getWidth(), bRect.getY(), bRect.getWidth(), bRect.getHeight());
        labels.add(new ParamLabel(BIAS, t, bRect));
        // W_hh on the arrow that brings h_{t−1} into box t, above it
        double left = sourceRight(t);
        double gapMid = (left + box.getX()) / 2;
        Rectangle2D hh = labelRect(0, hLineY() - 0.95 * f, W_HH, f);
        hh.setRect(gapMid - hh.getWidth() / 2, hh.getY(), hh.getWidth(), hh.getHeight());
        labels.add(new ParamLabel(W_HH, t, hh));
    }

    /** A label's box: left edge x, vertically centred on cy; width estimated from its characters. */
    static Rectangle2D.Double labelRect(double x, double cy, String name, double font) {
        // "W" at full size plus the subscript at 0.7: about 0.62 em per character
        int sub = name.indexOf('_') < 0 ? 0 : name.length() - name.indexOf('_') - 1;
        int main = name.length() - (sub > 0 ? sub + 1 : 0);
        double w = font * (0.8 * main + 0.48 * sub) + font * 0.5;
        double h = font * 1.35;
        return new Rectangle2D.Double(x, cy - h / 2, w, h);
    }

    /** The parameter labels of the visible columns (none when the columns are too narrow for text). */
    public List<ParamLabel> labels() {
        return java.util.Collections.unmodifiableList(labels);
    }

    /** The labels of one parameter (every place it is used on screen). */
    public List<ParamLabel> labelsOf(String param) {
        return labels.stream().filter(l -> l.param().equals(param)).toList();
    }

    /** What is at (x, y) in viewport coordinates: a parameter label first, else a step's column. */
    public Hit hitTest(double x, double y) {
        for (ParamLabel l : labels) {
            if (l.bounds().contains(x, y)) {
                return new Hit(Kind.PARAM, l.step(), l.param());
            }
        }
        if (y < top || y > top + HEIGHT * scale) {
            return Hit.NONE;
        }
        double col = ((x + scrollX) / scale - GUTTER) / COLUMN;
        if (col < 0 || col >= steps) {
            return Hit.NONE;
        }
        return new Hit(Kind.STEP, (int) Math.floor(col), null);
    }
}
