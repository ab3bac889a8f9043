package org.unroll.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.Objects;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A mark at the top or bottom edge of a vertical XY plot standing in for a value the axis
 * cannot draw (see {@link ExtremeValues}): a triangle pointing at the edge, filled with
 * the series colour and outlined in {@link ChartStyle#BAD_VALUE} (dark grey for an exact 0), labelled "0", "∞",
 * "NaN", … just inside it (a run of equal marks of one series is labelled once). It
 * does not take part in the axis range, so it can never stretch or break an axis.
 */
public final class EdgeMarkAnnotation extends AbstractXYAnnotation {

    private static final long serialVersionUID = 1L;
    private static final double HALF = 9;
    private static final Color ZERO_INK = new Color(0x444444);

    private final double x;
    private final ExtremeValues.Kind kind;
    private final transient Paint fill;
    private final int slot;
    private final boolean labelled;
    private int labelRow;

    /**
     * @param x    the domain value the mark sits at
     * @param kind what the value was; {@link ExtremeValues.Kind#PLOTTED} is not allowed
     * @param fill the series colour
     * @param slot 0 for the first mark at this edge and x, 1 for the next (drawn further
     *             in so marks of several series stay apart), …
     * @param labelled whether the label is drawn (false for the 2nd, 3rd, … mark of a run)
     */
    public EdgeMarkAnnotation(double x, ExtremeValues.Kind kind, Paint fill, int slot, boolean labelled) {
        if (kind == ExtremeValues.Kind.PLOTTED) {
            throw new IllegalArgumentException("a plotted value needs no mark");
        }
        this.x = x;
        this.kind = Objects.requireNonNull(kind);
        this.fill = Objects.requireNonNull(fill);
        this.slot = Math.max(0, slot);
        this.labelled = labelled;
    }

    /** @return the domain value the mark sits at */
    public double x() {
        return x;
    }

    /** @return what the value was */
    public ExtremeValues.Kind kind() {
        return kind;
    }

    /** @return whether the label is drawn */
    public boolean labelled() {
        return labelled;
    }

    /**
     * Moves the label one text line further in, so labels of neighbouring marks of
     * different kinds ("NaN" beside "∞") do not overlap.
     *
     * @param row 0 next to the triangle, 1 one line further in
     */
    public void setLabelRow(int row) {
        labelRow = Math.max(0, row);
    }

    /** @return the label row: 0 next to the triangle, 1 one line further in */
    public int labelRow() {
        return labelRow;
    }

    /** @return the slot: 0 at the edge, 1 further in, … */
    public int slot() {
        return slot;
    }

    /** @return the label drawn beside the mark */
    public String label() {
        return kind.label();
    }

    /**
     * The colour of the outline and the label: a bad value (∞, NaN, a negative on a log axis) in
     * {@link ChartStyle#BAD_VALUE}; an exact zero is no fault (a relative error of 0 is a perfect
     * match), so it is drawn in plain dark grey.
     */
    Color ink() {
        return kind == ExtremeValues.Kind.ZERO ? ZERO_INK : ChartStyle.BAD_VALUE;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis,
                     ValueAxis rangeAxis, int rendererIndex, PlotRenderingInfo info) {
        if (!domainAxis.getRange().contains(x)) {
            return;
        }
        RectangleEdge domainEdge = plot.getDomainAxisEdge();
        double jx = domainAxis.valueToJava2D(x, dataArea, domainEdge);
        double step = 2 * HALF + 46;
        double jy = kind.atTop()
                ? dataArea.getMinY() + HALF + 1 + slot * step
                : dataArea.getMaxY() - HALF - 1 - slot * step;
        Shape tri = ChartStyle.triangle(HALF, kind.atTop());
        Shape placed = AffineTransform.getTranslateInstance(jx, jy).createTransformedShape(tri);
        g2.setPaint(fill);
        g2.fill(placed);
        g2.setPaint(ink());
        g2.setStroke(new BasicStroke(2.5f));
        g2.draw(placed);

        if (labelled) {
            Font font = ChartStyle.MARK_FONT;
            g2.setFont(font);
            FontMetrics fm = g2.getFontMetrics();
            String text = kind.label();
            double w = fm.stringWidth(text);
            double tx = Math.min(Math.max(jx - w / 2, dataArea.getMinX() + 1), dataArea.getMaxX() - w - 1);
            double line = labelRow * (fm.getAscent() + fm.getDescent());
            double ty = kind.atTop() ? jy + HALF + 2 + fm.getAscent() + line : jy - HALF - 2 - fm.getDescent() - line;
            g2.setPaint(new Color(255, 255, 255, 210));
            g2.fill(new Rectangle2D.Double(tx - 2, ty - fm.getAscent(), w + 4, fm.getAscent() + fm.getDescent()));
            g2.setPaint(ink());
            g2.drawString(text, (float) tx, (float) ty);
        }
        String tip = getToolTipText();
        if (info != null && tip != null) {
            addEntity(info, placed, rendererIndex, tip, getURL());
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EdgeMarkAnnotation)) {
            return false;
        }
        EdgeMarkAnnotation m = (EdgeMarkAnnotation) o;
        return Double.compare(x, m.x) == 0 && kind == m.kind && slot == m.slot && labelled == m.labelled
                && fill.equals(m.fill);
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, kind, slot, labelled, fill);
    }
}
