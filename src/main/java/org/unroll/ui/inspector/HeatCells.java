package org.unroll.ui.inspector;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Paints the colour-only cells of a heat map cheaply: one pixel per cell in an image drawn scaled up
 * without smoothing, then the cell edges and gaps once per row and column rather than once per cell
 * (a 256 × 64 matrix is a handful of drawing calls instead of tens of thousands). Non-finite cells are
 * hatched by the caller. Cells that show their value are drawn one by one by {@link MatrixHeatView}.
 */
final class HeatCells {

    private WritableImage image;
    private int[] pixels = new int[0];
    private MatrixData painted;
    private double paintedMaxAbs = Double.NaN;

    /**
     * Draws every cell of {@code m} at the places {@code layout} gives, with {@code gap} pixels between
     * cells and a one-pixel {@code edge} inside each cell when {@code gap > 0}.
     */
    void paint(GraphicsContext g, MatrixData m, HeatLayout layout, HeatScale scale, double gap, Color edge) {
        int rows = m.rows();
        int cols = m.cols();
        // a hover or a selection repaints the outlines only: the colours are encoded once per data and scale
        if (m != painted || Double.compare(scale.maxAbs(), paintedMaxAbs) != 0 || image == null) {
            if (pixels.length < rows * cols) {
                pixels = new int[rows * cols];
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    pixels[r * cols + c] = 0xFF000000 | scale.rgb(m.at(r, c));
                }
            }
            if (image == null || (int) image.getWidth() != cols || (int) image.getHeight() != rows) {
                image = new WritableImage(cols, rows);
            }
            image.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbPreInstance(), pixels, 0, cols);
            painted = m;
            paintedMaxAbs = scale.maxAbs();
        }
        double left = layout.left();
        double top = layout.top();
        double width = cols * layout.cellWidth();
        double height = rows * layout.cellHeight();
        boolean smooth = g.isImageSmoothing();
        g.setImageSmoothing(false);
        g.drawImage(image, left, top, width, height);
        g.setImageSmoothing(smooth);
        if (gap > 0) {
            edgesAndGaps(g, layout, gap, edge, width, height);
        }
    }

    /** The one-pixel edge inside every cell, then the gaps between cells cleared. */
    private static void edgesAndGaps(GraphicsContext g, HeatLayout layout, double gap, Color edge,
                                     double width, double height) {
        double left = layout.left();
        double top = layout.top();
        g.setFill(edge);
        for (int c = 0; c < layout.cols(); c++) {
            double x = layout.cellX(c) + gap / 2;
            g.fillRect(x, top, 1, height);
            g.fillRect(x + layout.cellWidth() - gap - 1, top, 1, height);
        }
        for (int r = 0; r < layout.rows(); r++) {
            double y = layout.cellY(r) + gap / 2;
            g.fillRect(left, y, width, 1);
            g.fillRect(left, y + layout.cellHeight() - gap - 1, width, 1);
        }
        for (int c = 0; c <= layout.cols(); c++) {
            double x = Math.max(left, layout.cellX(c) - gap / 2);
            double end = Math.min(left + width, layout.cellX(c) + gap / 2);
            g.clearRect(x, top, end - x, height);
        }
        for (int r = 0; r <= layout.rows(); r++) {
            double y = Math.max(top, layout.cellY(r) - gap / 2);
            double end = Math.min(top + height, layout.cellY(r) + gap / 2);
            g.clearRect(left, y, width, end - y);
        }
    }
}
