package org.unroll.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look shared by every Unroll chart: readable from the back of a room on a
 * 1280×720 projector and distinguishable in grey print.
 *
 * <p>Fonts are sized in points that equal pixels on a chart drawn at 1280×720 (ticks 18,
 * axis labels 21, title 26). Colours come from the Okabe–Ito colour-blind-safe palette,
 * ordered so neighbouring series also differ in grey; every line series additionally gets
 * its own dash pattern and shape marker so the print survives without colour.
 */
public final class ChartStyle {

    /** Okabe–Ito blue. */
    public static final Color BLUE = new Color(0x0072B2);
    /** Okabe–Ito vermillion. */
    public static final Color VERMILLION = new Color(0xD55E00);
    /** Okabe–Ito bluish green. */
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    /** Okabe–Ito reddish purple. */
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** Okabe–Ito orange. */
    public static final Color ORANGE = new Color(0xE69F00);
    /** Okabe–Ito sky blue. */
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    /** Okabe–Ito yellow (too light for lines on white; used for highlights). */
    public static final Color YELLOW = new Color(0xF0E442);
    /** Okabe–Ito black. */
    public static final Color BLACK = Color.BLACK;
    /** Dark red of the marks that stand in for 0, ∞ and NaN on an axis. */
    public static final Color BAD_VALUE = new Color(0xB2182B);
    /** Grid line colour. */
    public static final Color GRID = new Color(0xD9D9D9);

    /** Series colours in the order they are handed out. */
    public static final List<Color> PALETTE =
            List.of(BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLACK);

    /** Width of every data line, in pixels at scale 1. */
    public static final float LINE_WIDTH = 3.5f;

    /** Chart title font. */
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    /** Axis label font. */
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 21);
    /** Tick label font. */
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    /** Legend item font. */
    public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    /** Tick label font of log axes: exponents are drawn smaller, so the base is bigger. */
    public static final Font LOG_TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
    /** Font of annotations: marker labels and bad-value marks. */
    public static final Font MARK_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);

    private static final float[][] DASHES = {
        null,                    // solid
        {14f, 8f},               // dashed
        {2f, 8f},                // dotted (round caps make dots)
        {16f, 6f, 2f, 6f},       // dash-dot
        {6f, 6f},                // short dash
    };

    static {
        // JFreeChart draws rotated text (the y axis labels) as glyph outlines by default, a workaround
        // for a JDK 1.4 bug: text stays text instead, so an exported SVG keeps its y axis label
        // searchable and translatable like every other label.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartStyle() {
    }

    /**
     * The colour of series number {@code i}, cycling through {@link #PALETTE}.
     *
     * @param i series number, 0 or more
     * @return its colour
     */
    public static Color color(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    /**
     * A line stroke of {@link #LINE_WIDTH} with dash pattern number {@code i}
     * (0 solid, 1 dashed, 2 dotted, 3 dash-dot, 4 short dash, then repeating).
     *
     * @param i dash pattern number
     * @return the stroke
     */
    public static Stroke stroke(int i) {
        return stroke(i, LINE_WIDTH);
    }

    /**
     * A stroke of the given width with dash pattern number {@code i}.
     *
     * @param i     dash pattern number, as in {@link #stroke(int)}
     * @param width line width in pixels
     * @return the stroke
     */
    public static Stroke stroke(int i, float width) {
        float[] dash = DASHES[Math.floorMod(i, DASHES.length)];
        if (dash == null) {
            return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /**
     * Shape marker number {@code i}: circle, square, triangle up, diamond, triangle down,
     * then repeating; about 12 pixels across.
     *
     * @param i shape number
     * @return the shape, centred on the origin
     */
    public static Shape shape(int i) {
        double s = 6.5;
        switch (Math.floorMod(i, 5)) {
            case 0:
                return new Ellipse2D.Double(-s, -s, 2 * s, 2 * s);
            case 1:
                return new Rectangle2D.Double(-s + 0.5, -s + 0.5, 2 * s - 1, 2 * s - 1);
            case 2:
                return triangle(s + 1, true);
            case 3: {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(0, -s - 1.5);
                p.lineTo(s + 1.5, 0);
                p.lineTo(0, s + 1.5);
                p.lineTo(-s - 1.5, 0);
                p.closePath();
                return p;
            }
            default:
                return triangle(s + 1, false);
        }
    }

    /**
     * An isosceles triangle centred on the origin.
     *
     * @param s  half its width
     * @param up whether it points up (towards smaller y in Java2D)
     * @return the triangle
     */
    static Shape triangle(double s, boolean up) {
        double d = up ? -1 : 1;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, d * s);
        p.lineTo(s, -d * s);
        p.lineTo(-s, -d * s);
        p.closePath();
        return p;
    }

    /**
     * Makes a chart from a plot in the shared style: white background, big title, legend
     * (when asked for) at the bottom in the legend font.
     *
     * @param title  the title
     * @param plot   the plot
     * @param legend whether to show a legend
     * @return the styled chart
     */
    public static JFreeChart newChart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        TextTitle t = chart.getTitle();
        t.setPaint(BLACK);
        t.setMargin(new RectangleInsets(4, 0, 8, 0));
        LegendTitle l = chart.getLegend();
        if (l != null) {
            styleLegend(l);
        }
        return chart;
    }

    /**
     * Applies the legend look: big font, no frame, white background.
     *
     * @param legend the legend
     */
    public static void styleLegend(LegendTitle legend) {
        legend.setItemFont(LEGEND_FONT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 18));
        legend.setMargin(new RectangleInsets(8, 0, 0, 0));
    }

    /**
     * Applies the plot look: white background, light grid, no outline clutter.
     *
     * @param plot the plot
     */
    public static void styleXYPlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(new Color(0x888888));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        plot.setInsets(new RectangleInsets(8, 4, 4, 20));
    }

    /**
     * Applies the axis look: big tick and label fonts, black text.
     *
     * @param axis the axis
     */
    public static void styleAxis(Axis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(BLACK);
        axis.setTickLabelPaint(BLACK);
        axis.setAxisLinePaint(new Color(0x888888));
        axis.setTickMarkPaint(new Color(0x888888));
    }

    /**
     * A linear axis in the shared style whose tick labels stay short for any magnitude.
     *
     * @param label     the axis label
     * @param integers  whether ticks are whole numbers (time steps)
     * @return the axis
     */
    public static NumberAxis linearAxis(String label, boolean integers) {
        NumberAxis axis = new NumberAxis(label);
        styleAxis(axis);
        if (integers) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        } else {
            axis.setNumberFormatOverride(new TickNumberFormat());
        }
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /**
     * A base-10 logarithmic axis in the shared style, with ticks labelled 10ⁿ. Its smallest
     * value is {@link Double#MIN_NORMAL}, so even 1e-300 is drawn rather than clipped.
     *
     * @param label the axis label
     * @return the axis
     */
    public static LogAxis logAxis(String label) {
        // at least three labelled ticks: whole decades, or m × 10ⁿ over a short range
        LogAxis axis = new ReadableLogAxis(label);
        styleAxis(axis);
        axis.setBase(10);
        axis.setSmallestValue(Double.MIN_NORMAL);
        axis.setMinorTickMarksVisible(false);
        // whole decades only, and a bigger font so the superscript exponents stay legible
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setTickLabelFont(LOG_TICK_FONT);
        return axis;
    }

    /**
     * Gives a marker's label the mark font and a white, slightly see-through background.
     *
     * @param marker the marker
     */
    public static void styleMarkerLabel(Marker marker) {
        marker.setLabelFont(MARK_FONT);
        marker.setLabelPaint(BLACK);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
    }

    /**
     * A tick unit for a time-step axis with {@code steps} steps: 1, 2, 5, 10, 20, 50, …,
     * the smallest that leaves at most about 12 labels (three-digit steps stay legible on a
     * half-width chart).
     *
     * @param steps the number of steps
     * @return the tick unit
     */
    public static NumberTickUnit stepTickUnit(int steps) {
        double unit = 1;
        int i = 0;
        while (steps / unit > 12) {
            unit *= (i++ % 3 == 1) ? 2.5 : 2;
        }
        return new NumberTickUnit(unit, new java.text.DecimalFormat("0"));
    }

    /**
     * Gives series {@code series} of a line renderer colour {@code colour}, dash pattern
     * {@code dash} and (when {@code shape} is 0 or more) shape marker {@code shape}; a
     * negative {@code shape} draws the line without markers.
     *
     * @param r      the renderer
     * @param series the series index in the renderer's dataset
     * @param colour palette index
     * @param dash   dash pattern index
     * @param shape  shape index, or negative for none
     */
    public static void styleLine(XYLineAndShapeRenderer r, int series, int colour, int dash, int shape) {
        r.setSeriesPaint(series, color(colour));
        r.setSeriesStroke(series, stroke(dash));
        r.setSeriesLinesVisible(series, true);
        if (shape >= 0) {
            r.setSeriesShape(series, shape(shape));
            r.setSeriesShapesVisible(series, true);
            r.setSeriesShapesFilled(series, true);
        } else {
            r.setSeriesShapesVisible(series, false);
        }
    }
}
