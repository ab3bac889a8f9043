package org.unroll.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.unroll.engine.Lane;

/**
 * One side of compare mode as a strip: a row of T cells per lane (one row for a single layer;
 * for a stacked or bidirectional network the top layer first, each reverse row under its forward
 * one), painted on any {@link Graphics2D} so the window and the PNG/SVG export share it.
 *
 * <p>What carries the story is drawn large: each backward arrow from step t to the step before
 * has the width and colour of {@link GradientStyle} for the norm it is given (compare mode gives
 * ‖∂h_T/∂h_k‖, how much of the last step's gradient still reaches step k), and a stacked network's
 * arrows down in depth are drawn the same way. Text comes only where it fits: step numbers as
 * many as have room, the inputs when a column holds a character, the norms inside the cells when
 * a cell holds the number, the lane names when the gutter holds them. Nothing not yet computed at
 * the cursor is drawn: a norm that does not exist is NaN in the frame, and its arrow is left out.
 * Toolkit-free.
 */
public final class CompareStripFigure {
    /** The narrowest column, in px at scale 1; a longer sequence scrolls. */
    public static final double MIN_COLUMN = 16;
    /** The label font, px at scale 1 (the window's 15 px base font gives scale 1). */
    public static final double FONT = 14;

    static final Color TEXT = new Color(0x1A1A1A);
    static final Color MUTED = new Color(0x555555);
    static final Color FAINT = new Color(0xC4CAD2);
    static final Color FORWARD_FILL = new Color(0xDCE8F7);
    static final Color BACKWARD_FILL = new Color(0xD7F0DA);
    static final Color CURRENT_FILL = new Color(0xFFE27A);
    static final Color CURRENT_LINE = new Color(0xA35A00);
    static final Color BOX_LINE = new Color(0x34495E);

    private CompareStripFigure() {
    }

    /**
     * What one side shows at one point.
     *
     * @param label       the side's name (e.g. "LSTM · 2 layers")
     * @param color       the side's colour (its lines in the charts)
     * @param lanes       the rows, top to bottom
     * @param laneNames   what the gutter calls each row ("layer 2 →"), or empty strings
     * @param inputs      the T inputs as a person reads them
     * @param forward     [row][t]: the forward cell has run
     * @param backward    [row][t]: how many of the four backward stages have run (0 … 4)
     * @param timeNorm    [row][t]: the norm carried back from step t to the step before it in the
     *                    row's own direction, NaN where it does not exist yet
     * @param depthNorm   [row][t]: the norm a cell receives from the layer above, NaN where it does not
     *                    exist yet (or for the top layer)
     * @param currentRow  the row of the cursor, −1 off the cells
     * @param currentTime the time of the cursor, −1 off the cells
     * @param note        a line under the label (where this side stands), or ""
     * @param scale       the window's zoom × presenter factor (1 at the 15 px base font)
     * @param scrollX     how far the columns are scrolled, px
     */
    public record Frame(String label, Color color, List<Lane> lanes, List<String> laneNames, List<String> inputs,
                        boolean[][] forward, int[][] backward, double[][] timeNorm, double[][] depthNorm,
                        int currentRow, int currentTime, String note, double scale, double scrollX) {
        public int steps() {
            return inputs.size();
        }
    }

    /** Where the columns go in an area of a given width. */
    public record Columns(double gutter, double column, double content, double maxScroll) {
        public double center(int t, double scrollX) {
            return gutter + (t + 0.5) * column - scrollX;
        }
    }

    /** The columns of T steps in {@code width} px at {@code scale}: as wide as fit, at least {@link #MIN_COLUMN}. */
    public static Columns columns(double width, int steps, double scale) {
        double gutter = Math.max(60 * scale, Math.min(150 * scale, width * 0.11));
        double pad = 8 * scale;
        double avail = Math.max(1, width - gutter - pad);
        double column = Math.max(MIN_COLUMN * scale, avail / Math.max(1, steps));
        double content = column * steps;
        return new Columns(gutter, column, content, Math.max(0, content - avail));
    }

    /** The scroll that keeps step t's column in view, moving as little as possible from {@code current}. */
    public static double scrollToShow(int t, Columns c, double width, double current) {
        if (c.maxScroll() <= 0 || t < 0) {
            return Math.max(0, Math.min(current, c.maxScroll()));
        }
        double left = t * c.column();
        double visible = width - c.gutter() - 8;
        double s = current;
        if (left < s) {
            s = left - c.column();
        } else if (left + c.column() > s + visible) {
            s = left + 2 * c.column() - visible;
        }
        return Math.max(0, Math.min(s, c.maxScroll()));
    }

    public static void paint(Graphics2D g0, Rectangle2D area, Frame f) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.translate(area.getX(), area.getY());
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(0, 0, area.getWidth(), area.getHeight()));
            g.clip(new Rectangle2D.Double(0, 0, area.getWidth(), area.getHeight()));
            paintInside(g, area.getWidth(), area.getHeight(), f);
        } finally {
            g.dispose();
        }
    }

    private static void paintInside(Graphics2D g, double w, double h, Frame f) {
        double s = f.scale();
        int steps = f.steps();
        Columns cols = columns(w, steps, s);
        Font labelFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(16 * s));
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(FONT * s));
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(12 * s));
        // text is measured with Java2D's own metrics: a canvas's Graphics2D may measure at another size
        java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        Graphics2D measure = probe.createGraphics();
        measure.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics fm = measure.getFontMetrics(font);
        FontMetrics sm = measure.getFontMetrics(small);
        double lineH = fm.getHeight();
        // the bottom: step numbers, then the inputs when a column holds one
        boolean inputsFit = cols.column() >= widest(sm, f.inputs()) + 2;
        double bottom = lineH + (inputsFit ? sm.getHeight() : 0) + 2 * s;
        double top = 2 * s;
        int rows = f.lanes().size();
        double rowH = Math.max(4, (h - top - bottom) / Math.max(1, rows));
        double gutter = cols.gutter();

        // the cells, clipped right of the gutter (the clip set and put back on g: FXGraphics2D's copies share one canvas state)
        Graphics2D cells = g;
        Shape outer = g.getClip();
        cells.clip(new Rectangle2D.Double(gutter, 0, Math.max(0, w - gutter), h));
        double boxW = Math.min(cols.column() * 0.42, 56 * s);
        double boxH = Math.min(rowH * 0.5, 34 * s);
        // a gradient of norm 1 as wide as a third of a cell's height (4 … 12 px at scale 1); the rest as GradientStyle scales
        double unit = Math.max(4 * s, Math.min(12 * s, boxH * 0.33)) / GradientStyle.UNIT_WIDTH;
        int first = Math.max(0, (int) Math.floor(f.scrollX() / cols.column()) - 1);
        int last = Math.min(steps - 1, (int) Math.ceil((f.scrollX() + w - gutter) / cols.column()) + 1);
        // the depth arrows first, under the cells: from the layer above into each cell of the row below it
        for (int r = 0; r < rows; r++) {
            Lane lane = f.lanes().get(r);
            if (!isTopRowOfLayer(f.lanes(), r) || r == 0) {
                continue;
            }
            double yTop = top + (r - 0.5) * rowH + boxH / 2;
            double yBottom = top + (r + 0.5) * rowH - boxH / 2;
            for (int t = first; t <= last; t++) {
                double n = layerNorm(f, lane.layer(), t);
                if (Double.isNaN(n)) {
                    continue;
                }
                double x = cols.center(t, f.scrollX()) + boxW * 0.18;
                arrow(cells, x, yTop, x, yBottom, GradientStyle.of(n), unit, cols.column() * 0.4);
            }
        }
        for (int r = 0; r < rows; r++) {
            Lane lane = f.lanes().get(r);
            boolean reverse = lane.direction() == Lane.Direction.BACKWARD;
            double cy = top + (r + 0.5) * rowH;
            for (int t = first; t <= last; t++) {
                double cx = cols.center(t, f.scrollX());
                // h passing on to the next step of the row's own direction: thin and grey once it has run
                int next = reverse ? t - 1 : t + 1;
                if (next >= 0 && next < steps && f.forward()[r][next]) {
                    double nx = cols.center(next, f.scrollX());
                    double from = cx + Math.signum(nx - cx) * boxW / 2;
                    double to = nx - Math.signum(nx - cx) * boxW / 2;
                    cells.setColor(MUTED);
                    cells.setStroke(new BasicStroke((float) (1.3 * s)));
                    cells.draw(new Line2D.Double(from, cy - boxH * 0.3, to, cy - boxH * 0.3));
                }
                // the gradient carried back to the step before, in the row's own time
                double n = f.timeNorm()[r][t];
                if (!Double.isNaN(n)) {
                    int before = reverse ? t + 1 : t - 1;
                    double from = cx + (reverse ? boxW / 2 : -boxW / 2);
                    double to = before >= 0 && before < steps
                            ? cols.center(before, f.scrollX()) + (reverse ? -boxW / 2 : boxW / 2)
                            : from + (reverse ? 1 : -1) * (cols.column() - boxW) * 0.8;
                    arrow(cells, from, cy + boxH * 0.1, to, cy + boxH * 0.1, GradientStyle.of(n), unit, boxH * 0.8);
                }
            }
            for (int t = first; t <= last; t++) {
                double cx = cols.center(t, f.scrollX());
                Rectangle2D box = new Rectangle2D.Double(cx - boxW / 2, cy - boxH / 2, boxW, boxH);
                boolean current = r == f.currentRow() && t == f.currentTime();
                boolean ran = f.forward()[r][t];
                int stages = f.backward()[r][t];
                cells.setColor(current ? CURRENT_FILL : stages >= 4 ? BACKWARD_FILL : ran ? FORWARD_FILL : Color.WHITE);
                cells.fill(box);
                cells.setColor(current ? CURRENT_LINE : ran ? BOX_LINE : FAINT);
                cells.setStroke(new BasicStroke((float) ((current ? 3 : 1.2) * s)));
                cells.draw(box);
                // the number inside the cell, when it holds it
                double n = f.timeNorm()[r][t];
                if (!Double.isNaN(n)) {
                    String v = TimelineFigure.compact(n);
                    if (sm.stringWidth(v) + 4 * s <= boxW && sm.getAscent() <= boxH) {
                        cells.setFont(small);
                        cells.setColor(TEXT);
                        cells.drawString(v, (float) (cx - sm.stringWidth(v) / 2.0),
                                (float) (cy + sm.getAscent() * 0.4));
                    }
                }
            }
        }
        // step numbers and inputs under the rows, as many as fit
        double yNumbers = top + rows * rowH + fm.getAscent();
        double needed = fm.stringWidth(Integer.toString(steps)) + 8 * s;
        int every = 1;
        while (every * cols.column() < needed) {
            every = every == 1 ? 2 : every == 2 ? 5 : every * 2;
        }
        cells.setFont(font);
        for (int t = first; t <= last; t++) {
            int shown = t + 1;
            double cx = cols.center(t, f.scrollX());
            boolean current = t == f.currentTime();
            if (shown % every == 0 || shown == 1 || current) {
                String n = Integer.toString(shown);
                // skip a regular number that would touch the cursor's
                if (!current && f.currentTime() >= 0 && Math.abs(t - f.currentTime()) * cols.column() < needed
                        && shown != 1) {
                    continue;
                }
                cells.setColor(current ? CURRENT_LINE : MUTED);
                cells.setFont(current ? font.deriveFont(Font.BOLD) : font);
                cells.drawString(n, (float) (cx - fm.stringWidth(n) / 2.0), (float) yNumbers);
            }
            if (inputsFit) {
                String in = f.inputs().get(t);
                cells.setFont(small);
                cells.setColor(TEXT);
                cells.drawString(in, (float) (cx - sm.stringWidth(in) / 2.0), (float) (yNumbers + sm.getHeight()));
            }
        }
        g.setClip(outer);

        // the gutter: the side's name in its colour, then the rows' names where they fit
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, gutter - 2, h));
        g.setColor(f.color());
        g.fill(new Rectangle2D.Double(0, 0, 5 * s, h));
        double labelTop = Math.max(top, 0);
        FontMetrics lm = measure.getFontMetrics(labelFont);
        List<String> words = wrap(f.label(), lm, gutter - 10 * s);
        double y = labelTop + lm.getAscent();
        g.setFont(labelFont);
        g.setColor(f.color().darker());
        for (String line : words) {
            if (y > h - 2) {
                break;
            }
            g.drawString(line, (float) (9 * s), (float) y);
            y += lm.getHeight() * 0.95;
        }
        List<String> note = f.note().isEmpty() ? List.of() : wrap(f.note(), sm, gutter - 10 * s);
        // the note whole or not at all
        if (!note.isEmpty() && y + (note.size() - 1) * sm.getHeight() <= h - 2
                && note.stream().allMatch(line -> sm.stringWidth(line) <= gutter - 10 * s)) {
            g.setFont(small);
            g.setColor(MUTED);
            for (String line : note) {
                g.drawString(line, (float) (9 * s), (float) y);
                y += sm.getHeight();
            }
        }
        if (rows > 1) {
            g.setFont(small);
            g.setColor(MUTED);
            for (int r = 0; r < rows; r++) {
                String name = f.laneNames().get(r);
                double cy = top + (r + 0.5) * rowH + sm.getAscent() / 2.0;
                double x = gutter - sm.stringWidth(name) - 6 * s;
                // only where it clears the side's name above and stays in its row
                if (x > 8 * s && sm.getHeight() <= rowH && cy - sm.getAscent() > y) {
                    g.drawString(name, (float) x, (float) cy);
                }
            }
        }
        measure.dispose();
    }

    /** Whether row r is the first (forward) row of its layer. */
    private static boolean isTopRowOfLayer(List<Lane> lanes, int r) {
        return r == 0 || lanes.get(r - 1).layer() != lanes.get(r).layer();
    }

    /** The norm a layer's cells at time t receive from above: over the rows of that layer that have it. */
    static double layerNorm(Frame f, int layer, int t) {
        double sum = 0;
        boolean any = false;
        for (int r = 0; r < f.lanes().size(); r++) {
            if (f.lanes().get(r).layer() == layer && !Double.isNaN(f.depthNorm()[r][t])) {
                sum += f.depthNorm()[r][t] * f.depthNorm()[r][t];
                any = true;
            }
        }
        return any ? Math.sqrt(sum) : Double.NaN;
    }

    /**
     * A gradient arrow from (x1, y1) to (x2, y2), its head at the end, the style's width times {@code scale}
     * (capped).
     */
    private static void arrow(Graphics2D g, double x1, double y1, double x2, double y2, GradientStyle st,
                              double scale, double cap) {
        double width = Math.max(1, Math.min(st.width() * scale, Math.max(1.5, cap)));
        Color c = new Color(st.red(), st.green(), st.blue(), (int) Math.round(255 * st.alpha()));
        g.setColor(c);
        double len = Math.hypot(x2 - x1, y2 - y1);
        if (len < 1) {
            return;
        }
        double ux = (x2 - x1) / len;
        double uy = (y2 - y1) / len;
        double head = Math.min(len * 0.6, Math.max(5 * scale, width * 1.6));
        double bx = x2 - ux * head;
        double by = y2 - uy * head;
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(x1, y1, bx, by));
        double half = Math.max(width, 4 * scale);
        Path2D p = new Path2D.Double();
        p.moveTo(x2, y2);
        p.lineTo(bx - uy * half, by + ux * half);
        p.lineTo(bx + uy * half, by - ux * half);
        p.closePath();
        Shape s = p;
        g.fill(s);
    }

    private static double widest(FontMetrics fm, List<String> texts) {
        double m = 0;
        for (String t : texts) {
            m = Math.max(m, fm.stringWidth(t));
        }
        return m;
    }

    /** Words wrapped to a width (a word longer than the width stands alone on its line). */
    static List<String> wrap(String text, FontMetrics fm, double width) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(next) <= width || line.length() == 0) {
                line.setLength(0);
                line.append(next);
            } else {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }
}
