package org.unroll.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYZDataset;
import org.unroll.i18n.Texts;

/**
 * Gate activations as time × unit heat maps: one sub-plot per gate (LSTM i, f, g, o; GRU
 * r, z, n) stacked on a shared time axis. Sigmoid gates use viridis on 0..1, tanh gates
 * magma on −1..1, each explained by a colour legend at the right; hovering a cell shows
 * its gate, step, unit and value.
 *
 * <p>Touch it on one thread only (the JavaFX thread once it is on screen).
 */
public final class GateHeatmapChart {

    private final NumberAxis time = ChartStyle.linearAxis(Texts.get("chart.axis.timeStep"), true);
    private final CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    private final JFreeChart chart;
    private final List<DefaultXYZDataset> datasets = new ArrayList<>();
    private GateActivations shown;
    private int shownSteps;

    /** An empty chart. */
    public GateHeatmapChart() {
        plot.setGap(14);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        chart = ChartStyle.newChart(Texts.get("chart.gates.title"), plot, false);
    }

    /** @return the chart, for a ChartViewer or {@link ChartExport} */
    public JFreeChart chart() {
        return chart;
    }

    /**
     * Shows new activations, replacing what was shown. Sub-plots are rebuilt only when the
     * gates, T or H change; otherwise only their data is replaced.
     *
     * @param a the activations
     */
    public void update(GateActivations a) {
        update(a, a.steps());
    }

    /**
     * Shows the activations of time steps 1 … {@code lastShown} only (what the forward pass has
     * computed at the cursor); the time axis keeps every step of the walk.
     *
     * @param a         the activations
     * @param lastShown the last time step drawn, 0 (none) … T
     */
    public void update(GateActivations a, int lastShown) {
        int last = Math.max(0, Math.min(a.steps(), lastShown));
        ChartBatch.run(chart, () -> {
            boolean sameShape = shown != null && shown.gateNames().equals(a.gateNames())
                    && shown.tanhGates().equals(a.tanhGates())
                    && shown.steps() == a.steps() && shown.units() == a.units();
            if (!sameShape) {
                rebuild(a);
            }
            for (int g = 0; g < a.gateNames().size(); g++) {
                datasets.get(g).addSeries(a.gateNames().get(g), cells(a, g, last));
            }
            chart.setTitle(Texts.get("chart.gates.titleOf", a.cellLabel(), String.valueOf(a.units())));
            shown = a;
            shownSteps = last;
        });
    }

    /** @return the last time step drawn, 0 before any */
    public int lastShownStep() {
        return shownSteps;
    }

    /**
     * @param gate the gate index in the shown activations
     * @return its dataset: series 0 with x = t, y = unit, z = activation
     */
    public XYZDataset dataset(int gate) {
        return datasets.get(gate);
    }

    /** @return the sub-plots, one per gate, top to bottom */
    public List<XYPlot> subplots() {
        return List.copyOf(plot.getSubplots());
    }

    private static double[][] cells(GateActivations a, int g, int last) {
        int n = last * a.units();
        double[][] xyz = new double[3][n];
        for (int t = 1; t <= last; t++) {
            for (int u = 0; u < a.units(); u++) {
                int i = (t - 1) * a.units() + u;
                xyz[0][i] = t;
                xyz[1][i] = u + 1;
                xyz[2][i] = a.value(g, t, u);
            }
        }
        return xyz;
    }

    private void rebuild(GateActivations a) {
        for (XYPlot p : List.copyOf(plot.getSubplots())) {
            plot.remove(p);
        }
        datasets.clear();
        time.setAutoRange(false);
        time.setRange(0.5, a.steps() + 0.5);
        time.setTickUnit(ChartStyle.stepTickUnit(a.steps()));
        boolean anySigmoid = false;
        boolean anyTanh = false;
        for (int g = 0; g < a.gateNames().size(); g++) {
            String name = a.gateNames().get(g);
            boolean tanh = a.isTanh(g);
            anyTanh |= tanh;
            anySigmoid |= !tanh;
            String key = "chart.gates.name." + name;
            NumberAxis units = ChartStyle.linearAxis(Texts.has(key) ? Texts.get(key) : name, true);
            units.setAutoRange(false);
            // units are counted from 1, as a person reads them
            units.setRange(0.5, a.units() + 0.5);
            XYBlockRenderer r = new XYBlockRenderer();
            r.setPaintScale(scale(tanh));
            r.setBlockAnchor(RectangleAnchor.CENTER);
            r.setDefaultToolTipGenerator(tooltips(name));
            DefaultXYZDataset d = new DefaultXYZDataset();
            datasets.add(d);
            XYPlot sub = new XYPlot(d, null, units, r);
            ChartStyle.styleXYPlot(sub);
            sub.setDomainGridlinesVisible(false);
            sub.setRangeGridlinesVisible(false);
            sub.setInsets(new RectangleInsets(2, 4, 2, 8));
            plot.add(sub, 1);
        }
        chart.clearSubtitles();
        // the first legend added sits outermost: tanh outside, sigmoid next to the plots
        if (anyTanh) {
            chart.addSubtitle(legend(true, Texts.get("chart.gates.legendTanh", String.join(", ", a.tanhGates()))));
        }
        if (anySigmoid) {
            chart.addSubtitle(legend(false, Texts.get(anyTanh ? "chart.gates.legendSigmoids" : "chart.gates.legendValue")));
        }
    }

    /**
     * @param tanh whether the gate is a tanh gate
     * @return the colour scale for it
     */
    static ColorRamp scale(boolean tanh) {
        return tanh ? ColorRamp.magma(-1, 1) : ColorRamp.viridis(0, 1);
    }

    /**
     * The tooltip of gate {@code name}'s cells, e.g. "f  t = 3, unit 2: 0.8123".
     *
     * @param name the gate name
     * @return the generator
     */
    static XYToolTipGenerator tooltips(String name) {
        return (dataset, series, item) -> {
            XYZDataset d = (XYZDataset) dataset;
            return Texts.get("chart.gates.tip", name, String.valueOf((int) d.getXValue(series, item)),
                    String.valueOf((int) d.getYValue(series, item)),
                    String.format(java.util.Locale.ROOT, "%.4f", d.getZValue(series, item)));
        };
    }

    private static PaintScaleLegend legend(boolean tanh, String title) {
        ColorRamp s = scale(tanh);
        NumberAxis axis = new NumberAxis(title);
        ChartStyle.styleAxis(axis);
        axis.setRange(s.getLowerBound(), s.getUpperBound());
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(tanh ? 0.5 : 0.25));
        PaintScaleLegend l = new PaintScaleLegend(s, axis);
        l.setPosition(RectangleEdge.RIGHT);
        l.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        l.setStripWidth(26);
        l.setSubdivisionCount(200);
        l.setAxisOffset(4);
        l.setMargin(new RectangleInsets(40, 12, 40, 4));
        l.setStripOutlineVisible(true);
        l.setBackgroundPaint(Color.WHITE);
        return l;
    }
}
