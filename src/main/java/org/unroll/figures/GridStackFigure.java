package org.unroll.figures;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridWalk;

/**
 * Every sequence of a batch at once: one grid timeline per sequence, stacked in bands one under
 * the other, each at the same point of the walk as the sequence shown (its own place of that point,
 * {@link org.unroll.engine.GridOrder#placeOf}), so that padding shows against the real steps of
 * the longer words. Each band is a {@link GridTimelineFigure} of its own, all scrolled sideways
 * together; the band of the sequence shown is framed. No toolkit.
 */
public final class GridStackFigure {
    private GridStackFigure() {
    }

    /** The height of one band: the grid of one sequence at its readable row height, whole. */
    public static double bandHeight(GridTimelineFigure.Frame shown, double width, double height) {
        GridTimelineLayout lay = GridTimelineFigure.layout(shown.unscrolled(), width, height);
        // a band is a whole grid: no room for the buttons inside it, a gap between bands instead
        return lay.contentHeight() - lay.bottomRoom() + GAP;
    }

    /** The space between two bands, px (the next band's name sits in it). */
    public static final double GAP = 22;

    /** The frames of every sequence at the point of the one shown, in the batch's order. */
    public static List<GridTimelineFigure.Frame> frames(GridTimelineFigure.Frame shown, List<List<String>> tokens) {
        GridWalk w = shown.walk();
        GridCursor at = w.order(shown.sequence()).at(shown.index());
        List<GridTimelineFigure.Frame> out = new ArrayList<>();
        for (int b = 0; b < w.sequences(); b++) {
            int index = b == shown.sequence() ? shown.index() : w.order(b).placeOf(at);
            out.add(new GridTimelineFigure.Frame(w, b, index, tokens.get(b), shown.texts(), shown.minColumn(),
                    shown.scrollX(), false, shown.minRow(), 0));
        }
        return out;
    }

    /** The top of band b in a picture scrolled up by {@code scrollY}. */
    public static double bandTop(int b, double bandHeight, double scrollY) {
        return b * bandHeight - scrollY + GAP;
    }

    /**
     * Paints every band into {@code area}, scrolled up by {@code scrollY}; {@code names} label the
     * bands, {@code shown} is the sequence the cursor walks (framed).
     */
    public static void paint(Graphics2D g, Rectangle2D area, List<GridTimelineFigure.Frame> frames, List<String> names,
                             int shown, double scrollY) {
        if (frames.isEmpty()) {
            return;
        }
        double band = bandHeight(frames.get(0), area.getWidth(), area.getHeight());
        // no g.create(): FXGraphics2D's copies share one GraphicsContext, so the transform is saved and put back
        java.awt.geom.AffineTransform base = g.getTransform();
        g.translate(area.getX(), area.getY());
        g.setColor(GridTimelineFigure.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, area.getWidth(), area.getHeight()));
        for (int b = 0; b < frames.size(); b++) {
            double top = bandTop(b, band, scrollY);
            if (top + band < -GAP || top - GAP > area.getHeight()) {
                continue;
            }
            java.awt.geom.AffineTransform here = g.getTransform();
            GridTimelineFigure.paint(g, new Rectangle2D.Double(0, top, area.getWidth(), band - GAP), frames.get(b));
            g.setTransform(here);
            GridTimelineLayout lay = GridTimelineFigure.layout(frames.get(b), area.getWidth(), band - GAP);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(lay.font())));
            g.setColor(b == shown ? GridTimelineFigure.ACCENT : GridTimelineFigure.TEXT);
            String name = (b + 1) + ". " + (b < names.size() ? names.get(b) : "");
            g.drawString(name, (float) GridTimelineLayout.MARGIN, (float) (top - GAP * 0.3));
            g.setColor(GridTimelineFigure.FAINT);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Line2D.Double(0, top - GAP, area.getWidth(), top - GAP));
            if (b == shown) {
                g.setColor(GridTimelineFigure.ACCENT);
                g.setStroke(new BasicStroke(2f));
                g.draw(new Rectangle2D.Double(1, top - GAP + 1, area.getWidth() - 2, band - 2));
            }
        }
        g.setTransform(base);
    }
}
