package org.unroll.figures;

import java.awt.geom.Rectangle2D;
import org.unroll.engine.Lane;

/**
 * Where everything of the grid timeline goes, for L layers, D directions and T steps in a
 * viewport: a row per layer and direction (the reverse direction of a layer right under its
 * forward one, layer 1 at the bottom next to the input), the output row and the losses on
 * top, the inputs underneath, a gutter naming the rows on the left and a strip for the
 * details of the point shown at the bottom. The whole grid fits the viewport, unless a least
 * column width or row height is asked for: then it scrolls (sideways, and up and down when
 * the rows do not fit), the gutter staying in place sideways. Pure geometry, no toolkit.
 */
public final class GridTimelineLayout {
    /** Width of the gutter with the row names, px (a narrower one in a small viewport). */
    public static final double GUTTER = 118;
    /** The gutter of a viewport under 700 px wide: the main window's timeline. */
    public static final double NARROW_GUTTER = 78;
    public static final double MARGIN = 8;
    /** Height of the losses strip on top. */
    public static final double LOSS_STRIP = 24;
    /** Height of the details strip at the bottom. */
    public static final double DETAIL_STRIP = 58;
    /** The gap between two layers (where their states are joined), as a fraction of a row. */
    public static final double JOIN_GAP = 0.45;
    /** The input row's height as a fraction of a row. */
    public static final double INPUT_ROW = 0.9;

    private final int layers;
    private final int directions;
    private final int steps;
    private final double width;
    private final double height;
    private final double row;
    private final double column;
    private final double scrollX;
    private final double gutter;
    private final double detailStrip;
    private final double scrollY;
    /** Room kept under a scrolling grid for the timeline's −/+/↔ buttons, px: no row's name ends under them. */
    public static final double BUTTON_ROOM = 34;
    private final double bottomRoom;
    /** The smallest text the figure writes, px. */
    public static final double SMALL_TEXT = 0.9;

    /**
     * @param layers     L ≥ 1
     * @param directions D, 1 or 2
     * @param steps      T ≥ 1
     * @param width      viewport width, px
     * @param height     viewport height, px
     */
    public GridTimelineLayout(int layers, int directions, int steps, double width, double height) {
        this(layers, directions, steps, width, height, 0, 0, true);
    }

    /**
     * A grid whose steps are at least {@code minColumn} wide (a long sequence in a small viewport
     * then scrolls instead of shrinking past reading), shifted left by {@code scrollX}
     * (clamped to 0 … {@link #maxScroll()}); the gutter with the row names stays in place.
     * Without {@code detail} there is no strip for the details of the point at the bottom (the
     * main window's stepper title says them).
     */
    public GridTimelineLayout(int layers, int directions, int steps, double width, double height,
                              double minColumn, double scrollX, boolean detail) {
        this(layers, directions, steps, width, height, minColumn, scrollX, detail, 0, 0);
    }

    /**
     * As {@link #GridTimelineLayout(int, int, int, double, double, double, double, boolean)}, with
     * rows at least {@code minRow} high: a deep grid in a low viewport then scrolls up and down,
     * shifted up by {@code scrollY} (clamped to 0 … {@link #maxScrollY()}), instead of shrinking
     * its text past reading.
     */
    public GridTimelineLayout(int layers, int directions, int steps, double width, double height,
                              double minColumn, double scrollX, boolean detail, double minRow, double scrollY) {
        if (layers < 1 || directions < 1 || directions > 2 || steps < 1) {
            throw new IllegalArgumentException("a grid needs L ≥ 1, D in 1..2, T ≥ 1");
        }
        this.layers = layers;
        this.directions = directions;
        this.steps = steps;
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        double rows = layers * directions + 1 + INPUT_ROW + JOIN_GAP * layers;
        this.gutter = this.width < 700 ? NARROW_GUTTER : GUTTER;
        this.detailStrip = detail ? DETAIL_STRIP : 0;
        double fit = (this.height - 2 * MARGIN - LOSS_STRIP - detailStrip) / rows;
        this.row = Math.max(Math.max(1, minRow), fit);
        // only a grid that scrolls up and down keeps room under its last row
        this.bottomRoom = minRow > fit ? BUTTON_ROOM : 0;
        this.column = Math.max(Math.max(1, minColumn), (this.width - gutter - 2 * MARGIN) / steps);
        this.scrollX = Math.max(0, Math.min(scrollX, steps * column - (this.width - gutter - 2 * MARGIN)));
        this.scrollY = Math.max(0, Math.min(scrollY, contentHeight() - this.height));
    }

    /** The height the whole grid needs at its row height, px. */
    public double contentHeight() {
        return 2 * MARGIN + LOSS_STRIP + detailStrip + bottomRoom
                + row * (layers * directions + 1 + INPUT_ROW + JOIN_GAP * layers);
    }

    /** The room kept under the last row for the timeline's buttons (only while the grid scrolls up and down). */
    public double bottomRoom() {
        return bottomRoom;
    }

    /** How far the grid can scroll up: 0 when its rows fit. */
    public double maxScrollY() {
        return Math.max(0, contentHeight() - height);
    }

    /** The vertical scroll offset in use. */
    public double scrollY() {
        return scrollY;
    }

    /**
     * The vertical offset that brings a lane's row into view, from {@code current} (unchanged when
     * it is in view), with the join above it when there is room (where its gradient from above comes in).
     */
    public double scrollYToShow(Lane lane, double current) {
        double top = rowTop(lane) + scrollY - JOIN_GAP * row;
        double bottom = rowTop(lane) + scrollY + row + bottomRoom;
        double y = current;
        if (top < y) {
            y = top;
        } else if (bottom > y + height) {
            y = bottom - height;
        }
        return Math.max(0, Math.min(y, maxScrollY()));
    }

    /** Whether a lane's row is wholly inside the viewport. */
    public boolean rowShown(Lane lane) {
        return rowTop(lane) >= -0.5 && rowTop(lane) + row <= height + 0.5;
    }

    /** The width of the gutter with the row names. */
    public double gutter() {
        return gutter;
    }

    /** How far the steps can scroll: 0 when they all fit. */
    public double maxScroll() {
        return Math.max(0, steps * column - (width - gutter - 2 * MARGIN));
    }

    /** The scroll offset in use. */
    public double scrollX() {
        return scrollX;
    }

    /** The scroll offset that brings column t into view, from {@code current} (unchanged when it is in view). */
    public double scrollToShow(int t, double current) {
        double view = width - gutter - 2 * MARGIN;
        double left = t * column;
        double x = current;
        if (left < x) {
            x = left - column * 0.5;
        } else if (left + column > x + view) {
            x = left + column * 1.5 - view;
        }
        return Math.max(0, Math.min(x, maxScroll()));
    }

    /** Where the steps are drawn: right of the gutter (what scrolls is clipped to it). */
    public Rectangle2D stepsArea() {
        return new Rectangle2D.Double(MARGIN + gutter - 4, 0, width - gutter - MARGIN + 4, height);
    }

    public int layers() {
        return layers;
    }

    public int directions() {
        return directions;
    }

    public int steps() {
        return steps;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The height of one row, px. */
    public double rowHeight() {
        return row;
    }

    /** The width of one time step, px. */
    public double columnWidth() {
        return column;
    }

    /** How many lane rows: L·D. */
    public int laneRows() {
        return layers * directions;
    }

    /** The row of a lane counted from the top (0 = the top layer's forward direction). */
    public int rowOf(Lane lane) {
        if (lane.layer() < 0 || lane.layer() >= layers
                || (lane.direction() == Lane.Direction.BACKWARD && directions == 1)) {
            throw new IllegalArgumentException("the grid has no lane " + lane);
        }
        int fromTop = layers - 1 - lane.layer();
        return fromTop * directions + (lane.direction() == Lane.Direction.BACKWARD ? 1 : 0);
    }

    /** The left edge of column t. */
    public double columnX(int t) {
        return MARGIN + gutter + t * column - scrollX;
    }

    public double centerX(int t) {
        return columnX(t) + column / 2;
    }

    /** The top of the losses strip. */
    public double lossTop() {
        return MARGIN - scrollY;
    }

    /** The baseline of L_t's text. */
    public double lossBaseline() {
        return MARGIN + LOSS_STRIP - 6 - scrollY;
    }

    /** The top of the output row. */
    private double outputTop() {
        return MARGIN + LOSS_STRIP - scrollY;
    }

    /** The top of the band of a lane's row. */
    public double rowTop(Lane lane) {
        int fromTop = layers - 1 - lane.layer();
        return outputTop() + row + JOIN_GAP * row * (fromTop + 1) + rowOf(lane) * row;
    }

    /** The box of y_t. */
    public Rectangle2D output(int t) {
        return box(t, outputTop());
    }

    /** The box of the cell (lane, t). */
    public Rectangle2D cell(Lane lane, int t) {
        return box(t, rowTop(lane));
    }

    /** The y where layer k's directions are joined, between its rows and the layer above (or the output). */
    public double joinY(int layer) {
        Lane top = new Lane(layer, Lane.Direction.FORWARD);
        return rowTop(top) - JOIN_GAP * row / 2;
    }

    /** The box of x_t. */
    public Rectangle2D input(int t) {
        double top = inputTop();
        double h = INPUT_ROW * row * 0.55;
        double w = Math.min(column * 0.7, h * 1.6);
        return new Rectangle2D.Double(centerX(t) - w / 2, top + INPUT_ROW * row * 0.12, w, h);
    }

    /** The baseline of step t's number, under its input. */
    public double stepNumberBaseline() {
        return inputTop() + INPUT_ROW * row * 0.95;
    }

    private double inputTop() {
        return outputTop() + row + JOIN_GAP * row * layers + laneRows() * row;
    }

    /** The strip at the bottom for the details of the point shown. */
    public Rectangle2D detail() {
        double top = height - MARGIN - detailStrip;
        return new Rectangle2D.Double(MARGIN, top, width - 2 * MARGIN, detailStrip);
    }

    /** The gutter beside a lane's row, for its name. */
    public Rectangle2D gutter(Lane lane) {
        return new Rectangle2D.Double(MARGIN, rowTop(lane), gutter - 6, row);
    }

    /** The font size that fits a row and a column. */
    public double font() {
        return Math.max(9, Math.min(16, Math.min(row * 0.3, column * 0.3)));
    }

    /** The size of the smaller text (names in the boxes, numbers, step numbers), px. */
    public double smallFont() {
        return Math.max(8, font() * SMALL_TEXT);
    }

    /** Whether a cell's box has room for its name and a number under it, both in the small text. */
    public boolean roomForNumber() {
        return column * 0.66 >= 3.6 * smallFont() && row * 0.7 >= 2.3 * smallFont();
    }

    private Rectangle2D box(int t, double rowTop) {
        if (t < 0 || t >= steps) {
            throw new IllegalArgumentException("no step " + t + " in 0.." + (steps - 1));
        }
        double w = column * 0.66;
        double h = row * 0.7;
        return new Rectangle2D.Double(centerX(t) - w / 2, rowTop + (row - h) / 2, w, h);
    }

    /** The lane and step under a point, or null. */
    public Lane laneAt(double x, double y, int[] stepOut) {
        if (x < columnX(0) || x >= columnX(steps)) {
            return null;
        }
        int t = (int) ((x - columnX(0)) / column);
        for (int k = 0; k < layers; k++) {
            for (int d = 0; d < directions; d++) {
                Lane lane = new Lane(k, d == 1 ? Lane.Direction.BACKWARD : Lane.Direction.FORWARD);
                double top = rowTop(lane);
                if (y >= top && y < top + row) {
                    stepOut[0] = t;
                    return lane;
                }
            }
        }
        return null;
    }
}
