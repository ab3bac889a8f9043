package org.unroll.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.unroll.i18n.Texts;

/**
 * The vanishing/exploding plot: ‖∂h_T/∂h_k‖ against k on a log y axis, with the bound
 * (γ·σ_max(W_hh))^(T−k) as a dashed line of the same colour beside it and, for an LSTM,
 * the cell path ‖∂c_T/∂c_k‖ dash-dotted. Up to three cells overlay (RNN vs LSTM vs GRU),
 * each in its own colour and marker shape, with a legend.
 *
 * <p>Touch it on one thread only (the JavaFX thread once it is on screen).
 */
public final class VanishingChart extends FlowOverlayChart {

    private final XYPlot plot;
    private final MarkedLines lines;

    /** An empty chart. */
    public VanishingChart() {
        plot = new XYPlot(null, ChartStyle.linearAxis(Texts.get("chart.vanishing.axisK"), true),
                ChartStyle.logAxis(Texts.get("chart.vanishing.axisNorm")), null);
        ChartStyle.styleXYPlot(plot);
        lines = new MarkedLines(plot, 0);
        setChart(ChartStyle.newChart(Texts.get("chart.vanishing.title"), plot, true));
    }





    /** @return the marks standing in for unplottable values (0, ∞, NaN) */
    public List<EdgeMarkAnnotation> marks() {
        return lines.marks();
    }

    /**
     * The legend text of a flow's bound, e.g. "RNN (tanh) bound 0.6^(T−k)".
     *
     * @param label the flow's legend label
     * @param flow  the flow
     * @return the text
     */
    static String boundKey(String label, GradientFlow flow) {
        return Texts.get("chart.vanishing.bound", label, TickNumberFormat.text(flow.gamma() * flow.sigmaMax()));
    }

    @Override
    protected void redraw() {
        List<MarkedLines.Line> ls = new ArrayList<>();
        for (int f = 0; f < flows().size(); f++) {
            GradientFlow g = flows().get(f);
            String label = Labels.unique(g.cellLabel(), f, flows());
            double[] k = new double[g.steps() + 1];
            for (int i = 0; i <= g.steps(); i++) {
                k[i] = i;
            }
            ls.add(new MarkedLines.Line(label, k, g.jacobianNorms(), f, 0, f, true));
            if (g.hasCellPath()) {
                ls.add(new MarkedLines.Line(Texts.get("chart.vanishing.cellPath", label), k, g.cellJacobianNorms(),
                        f, 3, f + 3, true));
            }
            ls.add(new MarkedLines.Line(boundKey(label, g), k, g.bound(), f, 1, -1, true));
        }
        lines.set(ls, true);
        int steps = flows().stream().mapToInt(GradientFlow::steps).max().orElse(0);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        if (steps > 0) {
            x.setAutoRange(false);
            x.setRange(-0.5, steps + 0.5);
            x.setTickUnit(ChartStyle.stepTickUnit(steps));
        } else {
            x.setAutoRange(true);
        }
        // the y range from the new data over the new steps: set after the x range, which the data
        // bounds are taken within (else a walk of another length keeps the old walk's y range)
        plot.configureRangeAxes();
    }
}
