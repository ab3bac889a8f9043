package org.unroll.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The batch picture: B rows of the training data cut into windows of num_steps, the window of
 * the current update highlighted, and at every boundary either the carried state (a stateful
 * run: an arrow across, while a red cut shows the gradient stopping: dh_0 is dropped) or a reset
 * to zeros (a stateless run). Toolkit-free: paints with Java2D, on screen or into a file.
 */
public final class BatchPicture {
    private static final Color CELL = new Color(0xEEF3F8);
    private static final Color CELL_EDGE = new Color(0xB8C4D0);
    private static final Color WINDOW = new Color(0xF0E442);
    private static final Color WINDOW_EDGE = new Color(0x7A6A00);
    private static final Color CUT = new Color(0xB2182B);
    private static final Color STATE = new Color(0x0072B2);
    private static final Color TEXT = new Color(0x222222);

    /**
     * What to draw.
     *
     * @param geometry where everything goes
     * @param labels   the character of step t of stream b as labels[b][t], or null
     * @param current  the window of the current update, or −1
     * @param legend   the legend line (already translated), or null
     */
    public record Frame(BatchGeometry geometry, String[][] labels, int current, String legend) {
    }

    private BatchPicture() {
    }

    public static void paint(Graphics2D g, Frame f) {
        BatchGeometry geo = f.geometry();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Rectangle2D area = geo.area();
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(area.getX(), area.getY() - 24, area.getWidth(), area.getHeight() + 48));
        if (f.current() >= 0 && f.current() < geo.windows()) {
            g.setColor(WINDOW);
            g.fill(geo.window(f.current()));
            g.setColor(WINDOW_EDGE);
            g.setStroke(new BasicStroke(2f));
            g.draw(geo.window(f.current()));
        }
        Font font = new Font(Font.MONOSPACED, Font.PLAIN, (int) Math.max(9, Math.min(16, geo.rowHeight() * 0.6)));
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (int b = 0; b < geo.streams(); b++) {
            for (int w = 0; w < geo.windows(); w++) {
                Rectangle2D r = geo.window(w, b);
                if (w != f.current()) {
                    g.setColor(CELL);
                    g.fill(r);
                }
                g.setColor(CELL_EDGE);
                g.draw(r);
            }
            if (f.labels() != null && geo.labelsFit() && b < f.labels().length) {
                g.setColor(TEXT);
                for (int t = 0; t < geo.length() && t < f.labels()[b].length; t++) {
                    Rectangle2D c = geo.cell(b, t);
                    String s = f.labels()[b][t];
                    g.drawString(s, (float) (c.getCenterX() - fm.stringWidth(s) / 2.0),
                            (float) (c.getCenterY() + fm.getAscent() / 2.0 - 2));
                }
            }
        }
        // window numbers above the rows
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(small);
        FontMetrics sm = g.getFontMetrics();
        int every = Math.max(1, (int) Math.ceil(24 / (geo.numSteps() * geo.cellWidth())));
        g.setColor(TEXT);
        for (int w = 0; w < geo.windows(); w += every) {
            Rectangle2D r = geo.window(w);
            String s = Integer.toString(w + 1);
            g.drawString(s, (float) (r.getCenterX() - sm.stringWidth(s) / 2.0), (float) (r.getY() - 6));
        }
        // every boundary: the gradient is cut; a stateful run carries the state across it
        for (int w = 1; w < geo.windows(); w++) {
            Line2D cut = geo.cut(w);
            g.setColor(CUT);
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            g.draw(cut);
        }
        g.setStroke(new BasicStroke(2f));
        g.setColor(STATE);
        for (Line2D a : geo.arrows()) {
            arrow(g, a);
        }
        if (!geo.stateful()) {
            g.setColor(STATE);
            for (int w = 0; w < geo.windows(); w += every) {
                Rectangle2D r = geo.window(w);
                g.drawString("0", (float) (r.getX() + 2), (float) (r.getMaxY() + 14));
            }
        }
        if (f.legend() != null) {
            g.setColor(TEXT);
            g.setFont(small);
            double y = geo.rowTop(geo.streams() - 1) + geo.rowHeight() + 26;
            // word-wrapped to the picture's width
            StringBuilder line = new StringBuilder();
            for (String word : f.legend().split(" ")) {
                if (line.length() > 0 && sm.stringWidth(line + " " + word) > area.getWidth()) {
                    g.drawString(line.toString(), (float) area.getX(), (float) y);
                    y += sm.getHeight();
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            g.drawString(line.toString(), (float) area.getX(), (float) y);
        }
    }

    private static void arrow(Graphics2D g, Line2D a) {
        double x0 = a.getX1();
        double x1 = a.getX2();
        double y = a.getY1();
        double lift = Math.min(8, (x1 - x0) * 0.5);
        Path2D p = new Path2D.Double();
        p.moveTo(x0, y);
        p.quadTo((x0 + x1) / 2, y - 2 * lift, x1, y);
        g.draw(p);
        double h = Math.max(3, lift * 0.7);
        Path2D head = new Path2D.Double();
        head.moveTo(x1, y);
        head.lineTo(x1 - h, y - h);
        head.lineTo(x1 - h * 0.2, y - h * 1.3);
        head.closePath();
        g.fill(head);
    }
}
