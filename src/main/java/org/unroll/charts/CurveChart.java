package org.unroll.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A live curve over training updates: one or more named lines (loss, gradient norm before and
 * after clipping, each parameter's gradient norm, the test error, or one line per cell when
 * runs are compared), horizontal reference lines (the task's baseline, the clipping threshold)
 * and a linear or log y axis. Sized for a quarter of a 1280×720 window, so its fonts are
 * smaller than the full-size charts'. {@link #set} replaces every line in one redraw.
 *
 * <p>Touch it on one thread only (the JavaFX thread once it is on screen).
 */
public final class CurveChart {
    /** One line: its legend label and points. */
    public record Curve(String label, double[] x, double[] y) {
    }

    /** A horizontal reference line at {@code value}, dashed, labelled. */
    public record Level(String label, double value) {
    }

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** Curves of at most this many points show a marker at each. */
    static final int MARKED_POINTS = 40;

    private final XYPlot plot;
    private final JFreeChart chart;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final String yLabel;
    private final List<Level> levels = new ArrayList<>();
    private boolean log;

    /**
     * @param title  the chart's title
     * @param xLabel the x axis (updates)
     * @param yLabel the y axis
     */
    public CurveChart(String title, String xLabel, String yLabel) {
        this.yLabel = yLabel;
        NumberAxis x = ChartStyle.linearAxis(xLabel, true);
        small(x);
        plot = new XYPlot(data, x, linear(), renderer);
        ChartStyle.styleXYPlot(plot);
        chart = ChartStyle.newChart(title, plot, true);
        chart.getTitle().setFont(TITLE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABEL);
        }
    }

    private NumberAxis linear() {
        NumberAxis y = ChartStyle.linearAxis(yLabel, false);
        y.setAutoRangeIncludesZero(true);
        small(y);
        return y;
    }

    private static void small(ValueAxis a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
    }

    /** Replaces every line; one redraw. Points with y ≤ 0 are left out on a log axis. */
    public void set(List<Curve> curves) {
        ChartBatch.run(chart, () -> {
            while (data.getSeriesCount() > curves.size()) {
                data.removeSeries(data.getSeriesCount() - 1);
            }
            for (int i = 0; i < curves.size(); i++) {
                Curve c = curves.get(i);
                XYSeries s;
                if (i < data.getSeriesCount() && data.getSeriesKey(i).equals(c.label())) {
                    s = data.getSeries(i);
                } else {
                    s = new XYSeries(c.label(), false, true);
                    if (i < data.getSeriesCount()) {
                        data.removeSeries(i);
                    }
                    data.addSeries(s);
                }
                double[] xs = c.x();
                double[] ys = c.y();
                s.setNotify(false);
                s.clear();
                for (int k = 0; k < xs.length; k++) {
                    if (!log || ys[k] > 0) {
                        s.add(xs[k], ys[k], false);
                    }
                }
                s.setNotify(true);
                // a sparse curve (a test score every few hundred updates) marks its points: one alone draws no line
                ChartStyle.styleLine(renderer, i, i, i == 0 ? 0 : i, s.getItemCount() <= MARKED_POINTS ? i : -1);
                renderer.setSeriesStroke(i, ChartStyle.stroke(i, 2f));
            }
        });
    }

    /** The reference lines (the previous ones removed). */
    public void setLevels(List<Level> ls) {
        levels.clear();
        levels.addAll(ls);
        ChartBatch.run(chart, this::drawLevels);
    }

    private void drawLevels() {
        plot.clearRangeMarkers();
        for (Level l : levels) {
            if (!Double.isFinite(l.value()) || (log && l.value() <= 0)) {
                continue;
            }
            ValueMarker m = new ValueMarker(l.value(), new Color(0x555555),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            m.setLabel(l.label());
            ChartStyle.styleMarkerLabel(m);
            m.setLabelFont(TICK);
            // the label just under the line, at the right: a baseline at the top of the range stays readable
            m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
    }

    /** A log y axis (for losses that fall by decades) or a linear one. */
    public void setLogScale(boolean on) {
        if (on == log) {
            return;
        }
        log = on;
        ChartBatch.run(chart, () -> {
            if (on) {
                LogAxis a = ChartStyle.logAxis(yLabel);
                small(a);
                a.setTickLabelFont(LABEL);
                plot.setRangeAxis(a);
            } else {
                plot.setRangeAxis(linear());
            }
            drawLevels();
        });
    }

    public boolean isLogScale() {
        return log;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The lines drawn, for tests and export. */
    public XYSeriesCollection dataset() {
        return data;
    }

    /** The reference lines shown. */
    public List<Level> levels() {
        return List.copyOf(levels);
    }
}
