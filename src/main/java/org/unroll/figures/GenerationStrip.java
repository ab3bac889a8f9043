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
import java.util.ArrayList;
import java.util.List;

/**
 * Generation as a strip of steps: the character fed in at each step above, the predicted one
 * below. Free running: every input after the prime is the previous step's prediction, drawn as
 * an arrow from that prediction up into the next input. Teacher forcing: the true text is fed
 * in and each prediction is green when it equals the true next character (shown under it),
 * red when not. Toolkit-free.
 */
public final class GenerationStrip {
    private static final Color BOX = new Color(0xEEF3F8);
    private static final Color EDGE = new Color(0x9AA8B6);
    private static final Color FED = new Color(0x0072B2);
    private static final Color RIGHT = new Color(0x009E73);
    private static final Color WRONG = new Color(0xD55E00);
    private static final Color TEXT = new Color(0x222222);

    /** One step: input, prediction, and for teacher forcing the truth (else null). */
    public record Cell(String input, String predicted, String truth, boolean fedBack) {
    }

    /** Where the strip's boxes go: step i's input and output boxes. */
    public record Layout(Rectangle2D area, int steps, double cell) {
        public static Layout of(Rectangle2D area, int steps) {
            double c = Math.max(6, Math.min(34, area.getWidth() / Math.max(1, steps)));
            return new Layout(area, steps, c);
        }

        public Rectangle2D input(int i) {
            return new Rectangle2D.Double(area.getX() + i * cell + 1, area.getY() + 18, cell - 2, cell - 2);
        }

        public Rectangle2D output(int i) {
            return new Rectangle2D.Double(area.getX() + i * cell + 1, area.getY() + 18 + cell * 1.9, cell - 2, cell - 2);
        }

        /** The arrow feeding prediction i − 1 back in as input i. */
        public Line2D feed(int i) {
            Rectangle2D from = output(i - 1);
            Rectangle2D to = input(i);
            return new Line2D.Double(from.getMaxX() - 2, from.getY(), to.getX() + 2, to.getMaxY());
        }

        /** The steps that fit the width. */
        public int visible() {
            return (int) Math.min(steps, Math.floor(area.getWidth() / cell));
        }
    }

    private GenerationStrip() {
    }

    /** The feed-back arrows of {@code cells}: one per step whose input was the previous prediction. */
    public static List<Line2D> arrows(Layout l, List<Cell> cells) {
        List<Line2D> out = new ArrayList<>();
        for (int i = 1; i < l.visible() && i < cells.size(); i++) {
            if (cells.get(i).fedBack()) {
                out.add(l.feed(i));
            }
        }
        return out;
    }

    public static void paint(Graphics2D g, Layout l, List<Cell> cells, String title) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(TEXT);
        g.drawString(title, (float) l.area().getX(), (float) (l.area().getY() + 12));
        Font f = new Font(Font.MONOSPACED, Font.BOLD, (int) Math.max(9, Math.min(18, l.cell() * 0.55)));
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics();
        int n = Math.min(l.visible(), cells.size());
        for (int i = 0; i < n; i++) {
            Cell c = cells.get(i);
            box(g, fm, l.input(i), c.input(), c.fedBack() ? new Color(0xDCEBF7) : BOX, TEXT);
            Color out = c.truth() == null ? TEXT : c.truth().equals(c.predicted()) ? RIGHT : WRONG;
            box(g, fm, l.output(i), c.predicted(), BOX, out);
            Rectangle2D in = l.input(i);
            Rectangle2D o = l.output(i);
            g.setColor(EDGE);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Line2D.Double(in.getCenterX(), in.getMaxY(), o.getCenterX(), o.getY()));
            if (c.truth() != null) {
                g.setColor(TEXT);
                String t = c.truth();
                g.drawString(t, (float) (o.getCenterX() - fm.stringWidth(t) / 2.0), (float) (o.getMaxY() + fm.getAscent() + 2));
            }
        }
        g.setColor(FED);
        g.setStroke(new BasicStroke(2f));
        for (Line2D a : arrows(l, cells)) {
            g.draw(a);
            double dx = a.getX2() - a.getX1();
            double dy = a.getY2() - a.getY1();
            double len = Math.hypot(dx, dy);
            double ux = dx / len;
            double uy = dy / len;
            Path2D head = new Path2D.Double();
            head.moveTo(a.getX2(), a.getY2());
            head.lineTo(a.getX2() - 7 * ux - 4 * uy, a.getY2() - 7 * uy + 4 * ux);
            head.lineTo(a.getX2() - 7 * ux + 4 * uy, a.getY2() - 7 * uy - 4 * ux);
            head.closePath();
            g.fill(head);
        }
    }

    private static void box(Graphics2D g, FontMetrics fm, Rectangle2D r, String s, Color fill, Color text) {
        g.setColor(fill);
        g.fill(r);
        g.setColor(EDGE);
        g.setStroke(new BasicStroke(1f));
        g.draw(r);
        g.setColor(text);
        String v = org.unroll.i18n.Notation.visible(s);
        g.drawString(v, (float) (r.getCenterX() - fm.stringWidth(v) / 2.0), (float) (r.getCenterY() + fm.getAscent() / 2.0 - 2));
    }
}
