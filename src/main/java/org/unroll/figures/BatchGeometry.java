package org.unroll.figures;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the batch picture puts things: the training data as B rows (one stream each) of N steps,
 * cut into windows of num_steps; one update trains one window of every row at once. Between two
 * windows of a row, a stateful run carries the state (an arrow over the boundary) while the
 * gradient stops there (a cut); a stateless run starts every window from zeros. Pure geometry,
 * tested on its own; {@link BatchPicture} paints it.
 *
 * @param streams  B
 * @param length   N, steps per stream
 * @param numSteps the window length k
 * @param stateful whether a window starts from the previous window's final state
 * @param area     where the rows go
 */
public record BatchGeometry(int streams, int length, int numSteps, boolean stateful, Rectangle2D area) {
    /** Room above the rows for the window numbers, and the gap between rows, as fractions of a row. */
    static final double HEADER = 22;
    static final double ROW_GAP = 0.25;
    /** Rows taller than this are not drawn taller. */
    static final double MAX_ROW = 40;
    /** Cells narrower than this carry no character. */
    static final double MIN_LABEL_WIDTH = 9;

    public BatchGeometry {
        if (streams < 1 || length < 1 || numSteps < 1) {
            throw new IllegalArgumentException("a batch needs B, N and num_steps of at least 1");
        }
    }

    /** ⌈N / k⌉. */
    public int windows() {
        return (length + numSteps - 1) / numSteps;
    }

    /** The first step of window w. */
    public int windowStart(int w) {
        return w * numSteps;
    }

    /** The steps in window w (the last one may be shorter). */
    public int windowLength(int w) {
        return Math.min(numSteps, length - w * numSteps);
    }

    /** The width of one step. */
    public double cellWidth() {
        return area.getWidth() / length;
    }

    /** The height of one row with its gap. */
    public double rowPitch() {
        return Math.min(MAX_ROW, (area.getHeight() - HEADER) / streams);
    }

    public double rowHeight() {
        return rowPitch() * (1 - ROW_GAP);
    }

    /** Step t of stream b. */
    public Rectangle2D cell(int stream, int t) {
        return new Rectangle2D.Double(area.getX() + t * cellWidth(), rowTop(stream), cellWidth(), rowHeight());
    }

    public double rowTop(int stream) {
        return area.getY() + HEADER + stream * rowPitch();
    }

    /** Window w across every row: what one update trains on. */
    public Rectangle2D window(int w) {
        double x0 = area.getX() + windowStart(w) * cellWidth();
        double x1 = x0 + windowLength(w) * cellWidth();
        double y0 = rowTop(0) - 3;
        double y1 = rowTop(streams - 1) + rowHeight() + 3;
        return new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
    }

    /** Window w of stream b. */
    public Rectangle2D window(int w, int stream) {
        double x0 = area.getX() + windowStart(w) * cellWidth();
        return new Rectangle2D.Double(x0, rowTop(stream), windowLength(w) * cellWidth(), rowHeight());
    }

    /** The x of the boundary before window w (w ≥ 1). */
    public double boundaryX(int w) {
        return area.getX() + windowStart(w) * cellWidth();
    }

    /** The gradient cut before window w: a vertical line over every row. */
    public Line2D cut(int w) {
        double x = boundaryX(w);
        return new Line2D.Double(x, rowTop(0) - 4, x, rowTop(streams - 1) + rowHeight() + 4);
    }

    /**
     * The carried-state arrows of a stateful run, one per row and boundary, from inside the end
     * of window w − 1 to inside the start of window w (an arc above the row's middle); none when
     * stateless.
     */
    public List<Line2D> arrows() {
        List<Line2D> out = new ArrayList<>();
        if (!stateful) {
            return out;
        }
        double reach = Math.min(cellWidth() * 0.9, 14);
        for (int w = 1; w < windows(); w++) {
            double x = boundaryX(w);
            for (int b = 0; b < streams; b++) {
                double y = rowTop(b) + rowHeight() * 0.5;
                out.add(new Line2D.Double(x - reach, y, x + reach, y));
            }
        }
        return out;
    }

    /** Whether cells are wide enough to carry a character. */
    public boolean labelsFit() {
        return cellWidth() >= MIN_LABEL_WIDTH && rowHeight() >= 10;
    }

    /** The window under x, or −1. */
    public int windowAt(double x) {
        double t = (x - area.getX()) / cellWidth();
        if (t < 0 || t >= length) {
            return -1;
        }
        return (int) t / numSteps;
    }
}
