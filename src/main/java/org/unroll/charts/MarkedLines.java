package org.unroll.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.unroll.i18n.Texts;

/**
 * Styled lines on one dataset of an XY plot whose unplottable values (see
 * {@link ExtremeValues}) become {@link EdgeMarkAnnotation}s instead of points. Replacing
 * the lines replaces the series contents and the marks together.
 */
final class MarkedLines {

    /**
     * One line to draw.
     *
     * @param key    the legend text (unique within the plot)
     * @param x      domain values
     * @param y      range values (any doubles)
     * @param colour palette index
     * @param dash   dash pattern index
     * @param shape  shape index, or negative for none
     * @param joined whether points are joined by a line (else markers only)
     */
    record Line(String key, double[] x, double[] y, int colour, int dash, int shape, boolean joined) {
    }

    private final XYPlot plot;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    private final List<EdgeMarkAnnotation> marks = new ArrayList<>();

    /**
     * Installs an empty dataset and its renderer on the plot at dataset index {@code index}.
     */
    MarkedLines(XYPlot plot, int index) {
        this.plot = plot;
        renderer.setDrawSeriesLineAsPath(true);
        plot.setDataset(index, data);
        plot.setRenderer(index, renderer);
    }

    XYSeriesCollection dataset() {
        return data;
    }

    XYLineAndShapeRenderer renderer() {
        return renderer;
    }

    List<EdgeMarkAnnotation> marks() {
        return List.copyOf(marks);
    }

    /**
     * Replaces every line and every mark. Call inside {@link ChartBatch#run}.
     *
     * @param lines   the new lines
     * @param logAxis whether the range axis is logarithmic
     */
    void set(List<Line> lines, boolean logAxis) {
        boolean sameKeys = data.getSeriesCount() == lines.size();
        for (int i = 0; sameKeys && i < lines.size(); i++) {
            sameKeys = data.getSeriesKey(i).equals(lines.get(i).key());
        }
        if (!sameKeys) {
            data.removeAllSeries();
            for (Line l : lines) {
                data.addSeries(new XYSeries(l.key(), false, true));
            }
        }
        for (EdgeMarkAnnotation m : marks) {
            plot.removeAnnotation(m, false);
        }
        marks.clear();
        Map<String, Integer> slots = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            ChartStyle.styleLine(renderer, i, l.colour(), l.dash(), l.shape());
            renderer.setSeriesLinesVisible(i, l.joined());
            ExtremeValues.Split split = ExtremeValues.split(l.x(), l.y(), logAxis);
            ChartBatch.replace(data.getSeries(i), l.x(), split.plottedY());
            ExtremeValues.Mark previous = null;
            EdgeMarkAnnotation previousMark = null;
            for (ExtremeValues.Mark m : split.marks()) {
                String where = m.x() + (m.kind().atTop() ? "top" : "bottom");
                int slot = slots.merge(where, 1, Integer::sum) - 1;
                boolean continuesRun = previous != null && previous.kind() == m.kind()
                        && Math.abs(previous.x() - m.x()) <= 1.0;
                previous = m;
                EdgeMarkAnnotation a = new EdgeMarkAnnotation(m.x(), m.kind(), ChartStyle.color(l.colour()), slot,
                        !continuesRun);
                boolean adjacent = previousMark != null && previousMark.labelled()
                        && previousMark.kind().atTop() == m.kind().atTop()
                        && Math.abs(previousMark.x() - m.x()) <= 1.0;
                if (!continuesRun && adjacent) {
                    a.setLabelRow(1 - previousMark.labelRow());
                }
                previousMark = a;
                a.setToolTipText(Texts.get("chart.markTip", l.key(), TickNumberFormat.text(m.x()), m.kind().label()));
                marks.add(a);
                plot.addAnnotation(a, false);
            }
        }
    }
}
