package org.unroll.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.GridArrangement;
import org.jfree.chart.title.CompositeTitle;
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
 * Gate activations as time × unit heat maps in one plot: one band per gate (LSTM i, f, g, o; GRU
 * r, z, n) from top to bottom on a shared time axis, each band's rows its hidden units 1 … H from
 * the bottom up, the gate's symbol as the band's tick label. Sigmoid gates use viridis on 0..1,
 * tanh gates magma on −1..1, each explained by a colour scale under the plot (side by side, so
 * the plot keeps the chart's width); hovering a cell shows its gate, step, unit and value.
 *
 * <p>Touch it on one thread only (the JavaFX thread once it is on screen).
 */
public final class GateHeatmapChart {

    /** The empty share of a band's height above and below its units (the gap between bands). */
    static final double BAND_PAD = 0.07;

    private final NumberAxis time = ChartStyle.linearAxis(Texts.get("chart.axis.timeStep"), true);
    private final XYPlot plot = new XYPlot(null, time, new NumberAxis(), null);
    private final JFreeChart chart;
    private final List<DefaultXYZDataset> datasets = new ArrayList<>();
    private GateActivations shown;
    private int shownSteps;

    /** An empty chart. */
    public GateHeatmapChart() {
        ChartStyle.styleXYPlot(plot);
        // the title names the time axis ("… per time step t"): its height goes to the colour scales
        time.setLabel(null);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        chart = ChartStyle.newChart(Texts.get("chart.gates.title"), plot, false);
    }

    /** @return the chart, for a ChartViewer or {@link ChartExport} */
    public JFreeChart chart() {
        return chart;
    }

    /**
     * Shows new activations, replacing what was shown. The bands are rebuilt only when the
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
     * @return its dataset: series 0 with x = t, y = the cell's place in the gate's band (see
     *         {@link #unitAt(int, double)}), z = activation
     */
    public XYZDataset dataset(int gate) {
        return datasets.get(gate);
    }

    /** @return the renderer of a gate's band (its colour scale and tooltips) */
    public XYBlockRenderer renderer(int gate) {
        return (XYBlockRenderer) plot.getRenderer(gate);
    }

    /** @return the plot: one band per gate */
    public XYPlot plot() {
        return plot;
    }

    /** The band labels from top to bottom (the gates' symbols). */
    public List<String> bandLabels() {
        return shown == null ? List.of() : List.copyOf(shown.gateNames());
    }

    /** The y of unit u (0-based) of gate g among {@code gates} gates with {@code units} units. */
    static double y(int g, int u, int gates, int units) {
        int band = gates - 1 - g;
        return band - 0.5 + BAND_PAD + (u + 0.5) * rowHeight(units);
    }

    private static double rowHeight(int units) {
        return (1 - 2 * BAND_PAD) / units;
    }

    /**
     * The unit (1-based, as a person counts) of a cell of gate {@code gate} at height y.
     *
     * @param gate the gate index
     * @param y    the cell's y in {@link #dataset(int)}
     * @return the unit, 1 … H
     */
    public int unitAt(int gate, double y) {
        int gates = shown.gateNames().size();
        int band = gates - 1 - gate;
        return (int) Math.round((y - (band - 0.5 + BAND_PAD)) / rowHeight(shown.units()) - 0.5) + 1;
    }

    private static double[][] cells(GateActivations a, int g, int last) {
        int n = last * a.units();
        double[][] xyz = new double[3][n];
        int gates = a.gateNames().size();
        for (int t = 1; t <= last; t++) {
            for (int u = 0; u < a.units(); u++) {
                int i = (t - 1) * a.units() + u;
                xyz[0][i] = t;
                xyz[1][i] = y(g, u, gates, a.units());
                xyz[2][i] = a.value(g, t, u);
            }
        }
        return xyz;
    }

    private void rebuild(GateActivations a) {
        for (int i = 0; i < datasets.size(); i++) {
            plot.setDataset(i, null);
            plot.setRenderer(i, null);
        }
        datasets.clear();
        time.setAutoRange(false);
        time.setRange(0.5, a.steps() + 0.5);
        time.setTickUnit(ChartStyle.stepTickUnit(a.steps()));
        int gates = a.gateNames().size();
        // one tick per band, labelled with the gate's symbol, top to bottom in the gates' order
        String[] symbols = new String[gates];
        List<String> sigmoidNames = new ArrayList<>();
        List<String> tanhNames = new ArrayList<>();
        for (int g = 0; g < gates; g++) {
            String name = a.gateNames().get(g);
            symbols[gates - 1 - g] = name;
            String key = "chart.gates.name." + name;
            (a.isTanh(g) ? tanhNames : sigmoidNames).add(Texts.has(key) ? Texts.get(key) : name);
            boolean tanh = a.isTanh(g);
            XYBlockRenderer r = new XYBlockRenderer();
            r.setPaintScale(scale(tanh));
            r.setBlockAnchor(RectangleAnchor.CENTER);
            r.setBlockWidth(1);
            r.setBlockHeight(rowHeight(a.units()));
            r.setDefaultToolTipGenerator(tooltips(name, g, gates, a.units()));
            DefaultXYZDataset d = new DefaultXYZDataset();
            datasets.add(d);
            plot.setDataset(g, d);
            plot.setRenderer(g, r);
        }
        SymbolAxis bands = new SymbolAxis(Texts.get("chart.gates.axisGate"), symbols);
        ChartStyle.styleAxis(bands);
        bands.setTickLabelFont(ChartStyle.LABEL_FONT.deriveFont(java.awt.Font.BOLD));
        bands.setGridBandsVisible(false);
        bands.setAutoRange(false);
        bands.setRange(-0.5, gates - 0.5);
        plot.setRangeAxis(bands);
        chart.clearSubtitles();
        List<PaintScaleLegend> legends = new ArrayList<>();
        if (!sigmoidNames.isEmpty()) {
            legends.add(legend(false, Texts.get(tanhNames.isEmpty() ? "chart.gates.legendValueOf" : "chart.gates.legendSigmoidsOf",
                    String.join(", ", sigmoidNames))));
        }
        if (!tanhNames.isEmpty()) {
            legends.add(legend(true, Texts.get("chart.gates.legendTanhOf", String.join(", ", tanhNames))));
        }
        // the colour scales side by side under the plot: the plot keeps the chart's whole width
        BlockContainer row = new BlockContainer(new GridArrangement(1, legends.size()));
        legends.forEach(row::add);
        CompositeTitle scales = new CompositeTitle(row);
        scales.setPosition(RectangleEdge.BOTTOM);
        scales.setMargin(new RectangleInsets(2, 0, 0, 0));
        chart.addSubtitle(scales);
    }

    /** The colour scales under the plot (sigmoid gates first, then tanh gates). */
    public List<PaintScaleLegend> legends() {
        List<PaintScaleLegend> out = new ArrayList<>();
        for (Object t : chart.getSubtitles()) {
            if (t instanceof CompositeTitle c) {
                for (Object b : c.getContainer().getBlocks()) {
                    if (b instanceof PaintScaleLegend l) {
                        out.add(l);
                    }
                }
            }
        }
        return out;
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
     * @param name  the gate name
     * @param g     the gate's index
     * @param gates how many gates
     * @param units H
     * @return the generator
     */
    static XYToolTipGenerator tooltips(String name, int g, int gates, int units) {
        return (dataset, series, item) -> {
            XYZDataset d = (XYZDataset) dataset;
            double y = d.getYValue(series, item);
            int band = gates - 1 - g;
            int unit = (int) Math.round((y - (band - 0.5 + BAND_PAD)) / rowHeight(units) - 0.5) + 1;
            return Texts.get("chart.gates.tip", name, String.valueOf((int) d.getXValue(series, item)),
                    String.valueOf(unit), String.format(java.util.Locale.ROOT, "%.4f", d.getZValue(series, item)));
        };
    }

    private static PaintScaleLegend legend(boolean tanh, String title) {
        ColorRamp s = scale(tanh);
        NumberAxis axis = new NumberAxis(title);
        ChartStyle.styleAxis(axis);
        axis.setTickLabelFont(ChartStyle.TICK_FONT.deriveFont(15f));
        axis.setLabelFont(ChartStyle.LEGEND_FONT.deriveFont(16f));
        axis.setTickLabelInsets(new RectangleInsets(1, 2, 1, 2));
        axis.setLabelInsets(new RectangleInsets(1, 2, 1, 2));
        axis.setRange(s.getLowerBound(), s.getUpperBound());
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(tanh ? 0.5 : 0.25));
        PaintScaleLegend l = new PaintScaleLegend(s, axis);
        l.setPosition(RectangleEdge.BOTTOM);
        l.setAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        l.setStripWidth(12);
        l.setSubdivisionCount(200);
        l.setAxisOffset(2);
        l.setMargin(new RectangleInsets(0, 16, 0, 16));
        l.setStripOutlineVisible(true);
        l.setBackgroundPaint(Color.WHITE);
        // a size of its own: the row under the plot arranges its blocks unconstrained first
        l.setHeight(54);
        l.setWidth(300);
        return l;
    }
}
