package org.unroll.ui.inspector;

import java.util.Optional;

/**
 * Where the cells of a heat map go on its canvas, and which cell is under a point.
 * Small matrices get wide cells with the value written inside; large ones get square cells that shrink
 * to fit a width budget down to a legible minimum (the view scrolls beyond that).
 * All lengths are in pixels; {@code em} is the current font size, so zoom and presenter mode scale the cells.
 */
public final class HeatLayout {

    /** Width and height of a cell that shows its value, in em. */
    static final double VALUE_CELL_WIDTH_EM = 4.2;
    static final double VALUE_CELL_HEIGHT_EM = 2.0;
    /** Largest and smallest side of a square colour-only cell, in em. */
    static final double MAX_SQUARE_EM = 1.6;
    static final double MIN_SQUARE_EM = 0.4;
    /** Matrices taller than this never show values in cells (too long to read). */
    static final int MAX_VALUE_ROWS = 24;

    private final int rows;
    private final int cols;
    private final double left;
    private final double top;
    private final double cellWidth;
    private final double cellHeight;
    private final boolean showsValues;

    /**
     * @param left       x of the first column (room for row labels)
     * @param top        y of the first row (room for column labels)
     * @param showsValues whether cells are large enough to hold their value as text
     */
    public HeatLayout(int rows, int cols, double left, double top, double cellWidth, double cellHeight,
                      boolean showsValues) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a heat map needs at least one cell, got " + rows + "x" + cols);
        }
        if (!(cellWidth > 0) || !(cellHeight > 0)) {
            throw new IllegalArgumentException("cell size must be positive");
        }
        this.rows = rows;
        this.cols = cols;
        this.left = left;
        this.top = top;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.showsValues = showsValues;
    }

    /**
     * The layout for a rows×cols matrix.
     *
     * @param em          current font size in px
     * @param left        space reserved at the left for row labels, px
     * @param top         space reserved at the top for column labels, px
     * @param widthBudget width the cells should fit into before the view has to scroll, px
     */
    public static HeatLayout fit(int rows, int cols, double em, double left, double top, double widthBudget) {
        double valueWidth = VALUE_CELL_WIDTH_EM * em;
        if (rows <= MAX_VALUE_ROWS && cols * valueWidth <= widthBudget) {
            return new HeatLayout(rows, cols, left, top, valueWidth, VALUE_CELL_HEIGHT_EM * em, true);
        }
        double side = Math.max(MIN_SQUARE_EM * em, Math.min(MAX_SQUARE_EM * em, widthBudget / cols));
        return new HeatLayout(rows, cols, left, top, side, side, false);
    }

    /** The cell under (x, y), if any. Cell edges belong to the cell to their right/below. */
    public Optional<Cell> cellAt(double x, double y) {
        double col = Math.floor((x - left) / cellWidth);
        double row = Math.floor((y - top) / cellHeight);
        if (col < 0 || row < 0 || col >= cols || row >= rows) {
            return Optional.empty();
        }
        return Optional.of(new Cell((int) row, (int) col));
    }

    public double cellX(int col) {
        return left + col * cellWidth;
    }

    public double cellY(int row) {
        return top + row * cellHeight;
    }

    /** Total width including the label margin. */
    public double width() {
        return left + cols * cellWidth;
    }

    /** Total height including the label margin. */
    public double height() {
        return top + rows * cellHeight;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double left() {
        return left;
    }

    public double top() {
        return top;
    }

    public double cellWidth() {
        return cellWidth;
    }

    public double cellHeight() {
        return cellHeight;
    }

    public boolean showsValues() {
        return showsValues;
    }

    /** Show every n-th label along an axis so that labels of size {@code labelExtent} do not overlap cells of size {@code cellExtent}. */
    public static int labelStride(double labelExtent, double cellExtent) {
        return Math.max(1, (int) Math.ceil(labelExtent / cellExtent));
    }
}
