package org.unroll.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.function.BiFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.unroll.charts.ChartStyle;
import org.unroll.engine.StackedFlow;

/**
 * The charts of a grid's gradient flow for one sequence, from {@link StackedFlow}: in time,
 * ‖dL/dh_t‖ of every layer and direction, a curve each named in the legend ("layer 2 ←");
 * in depth, the norm of the gradient that reaches each layer from above and, at 0, the input.
 * Plain JFreeChart, no toolkit: the window shows them, an export can write them.
 */
public final class GridFlowCharts {
    private static final Color[] COLORS = {ChartStyle.BLUE, ChartStyle.VERMILLION, ChartStyle.BLUISH_GREEN,
        ChartStyle.REDDISH_PURPLE, ChartStyle.ORANGE, ChartStyle.SKY_BLUE, ChartStyle.BLACK, new Color(0x8C6D31)};

    private GridFlowCharts() {
    }

    /**
     * ‖dL/dh_t‖ per layer and direction over t = 1 … T (0 at padding).
     *
     * @param names the legend name of (layer, direction), both 0-based
     */
    public static JFreeChart inTime(StackedFlow flow, String title, String xLabel,
                                    BiFunction<Integer, Integer, String> names) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int i = 0;
        for (StackedFlow.DirectionFlow d : flow.directions()) {
            XYSeries s = new XYSeries(names.apply(d.layer(), d.direction()), false, true);
            double[] n = d.dhNorms();
            for (int t = 0; t < n.length; t++) {
                s.add(t + 1, n[t]);
            }
            data.addSeries(s);
            r.setSeriesPaint(i, COLORS[d.layer() * 2 % COLORS.length + d.direction()]);
            // the reverse direction dashed: a legend in black and white still tells them apart
            r.setSeriesStroke(i, d.direction() == 1
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
            i++;
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("‖dL/dh_t‖");
        return chart(title, new XYPlot(data, x, y, r));
    }

    /** The norm of the gradient reaching layer k = 1 … L from above, and the input at 0. */
    public static JFreeChart inDepth(StackedFlow flow, String title, String xLabel, String seriesName) {
        XYSeries s = new XYSeries(seriesName, true, false);
        s.add(0, flow.inputNorm());
        double[] l = flow.layerNorms();
        for (int k = 0; k < l.length; k++) {
            s.add(k + 1, l[k]);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, ChartStyle.VERMILLION);
        r.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("‖dL/d(output of layer k)‖");
        return chart(title, new XYPlot(new XYSeriesCollection(s), x, y, r));
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart c = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        c.setBackgroundPaint(Color.WHITE);
        return c;
    }
}
