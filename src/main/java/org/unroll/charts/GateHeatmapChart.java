package org.unroll.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.GridArrangement;
import org.jfree.chart.title.CompositeTitle;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.unroll.i18n.Texts;

/**
 * Gate activations as time × unit heat maps in one plot: one band per gate (LSTM i, f, g, o; GRU
 * r, z, n) from top to bottom on a shared time axis, each band's rows its hidden units 1 … H from
 * the bottom up, the gate's symbol as the band's tick label. Sigmoid gates use viridis on 0..1,
 * tanh gates magma on −1..1, each explained by a colour scale under the plot (side by side, so
 * the plot keeps the chart's width); {@link #tipAt(double, double)} names the gate, step(s), unit
 * and value under a point.
 *
 * <p>It draws a {@link GateMap}: at most {@link GateMap#MAX_COLUMNS} columns, each band one image
 * painted when the map was built. So an update hands the plot one image per gate and no cells, and
 * a redraw costs a few scaled images whatever T and H are (a walk of T = 1000, H = 128 used to hand
 * JFreeChart 512,000 blocks, drawn one by one on the JavaFX thread).
 *
 * <p>Touch it on one thread only (the JavaFX thread once it is on screen).
 */
public final class GateHeatmapChart {

    /** The empty share of a band's height above and below its units (the gap between bands). */
    static final double BAND_PAD = 0.07;

    private final NumberAxis time = ChartStyle.linearAxis(Texts.get("chart.axis.timeStep"), true);
    private final XYPlot plot = new XYPlot(null, time, new NumberAxis(), null);
    private final JFreeChart chart;
    private GateMap shown;
    private int shownSteps;
    private int shownColumns;

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
     * Shows new activations, reduced to a {@link GateMap} on the calling thread (the headless
     * renderers; the window passes a map built off its thread).
     *
     * @param a the activations
     */
    public void update(GateActivations a) {
        update(GateMap.of(a));
    }

    /**
     * As {@link #update(GateMap, int)} for activations, reduced on the calling thread.
     *
     * @param a         the activations
     * @param lastShown the last time step drawn, 0 (none) … T
     */
    public void update(GateActivations a, int lastShown) {
        update(GateMap.of(a), lastShown);
    }

    /** Shows every step of a map. */
    public void update(GateMap m) {
        update(m, m.steps());
    }

    /**
     * Shows the columns of time steps 1 … {@code lastShown} only (what the forward pass has
     * computed at the cursor; with more steps than columns, the columns whose steps have all
     * run); the time axis keeps every step of the walk. The bands are rebuilt only when the
     * gates, T or H change. Costs one image per gate, whatever T and H are.
     *
     * @param m         the map
     * @param lastShown the last time step drawn, 0 (none) … T
     */
    public void update(GateMap m, int lastShown) {
        int last = Math.max(0, Math.min(m.steps(), lastShown));
        ChartBatch.run(chart, () -> {
            boolean sameShape = shown != null && shown.gateNames().equals(m.gateNames())
                    && shown.tanhGates().equals(m.tanhGates())
                    && shown.steps() == m.steps() && shown.units() == m.units();
            if (!sameShape) {
                rebuild(m);
            }
            int columns = m.columnsThrough(last);
            plot.clearAnnotations();
            int gates = m.gateNames().size();
            if (columns > 0) {
                double x0 = m.firstStep(0) - 0.5;
                double x1 = m.lastStep(columns - 1) + 0.5;
                for (int g = 0; g < gates; g++) {
                    int band = gates - 1 - g;
                    double y0 = band - 0.5 + BAND_PAD;
                    plot.addAnnotation(new XYDataImageAnnotation(m.imageThrough(g, columns), x0, y0, x1 - x0,
                            1 - 2 * BAND_PAD), false);
                }
            }
            chart.setTitle(Texts.get("chart.gates.titleOf", m.cellLabel(), String.valueOf(m.units())));
            shown = m;
            shownSteps = last;
            shownColumns = columns;
        });
    }

    /** @return the last time step asked for, 0 before any */
    public int lastShownStep() {
        return shownSteps;
    }

    /** @return how many columns of each band are drawn (at most {@link GateMap#MAX_COLUMNS}) */
    public int shownColumns() {
        return shownColumns;
    }

    /** @return the map shown, or null before the first */
    public GateMap map() {
        return shown;
    }

    /** @return the plot: one band per gate */
    public XYPlot plot() {
        return plot;
    }

    /** The band labels from top to bottom (the gates' symbols). */
    public List<String> bandLabels() {
        return shown == null ? List.of() : List.copyOf(shown.gateNames());
    }

    /** The y of the middle of unit u's row (0-based) of gate g among {@code gates} gates with {@code units} units. */
    static double y(int g, int u, int gates, int units) {
        int band = gates - 1 - g;
        return band - 0.5 + BAND_PAD + (u + 0.5) * rowHeight(units);
    }

    /** The y of the middle of unit u's row (0-based) of gate g in the shown map. */
    public double yOf(int g, int u) {
        return y(g, u, shown.gateNames().size(), shown.units());
    }

    private static double rowHeight(int units) {
        return (1 - 2 * BAND_PAD) / units;
    }

    /**
     * The unit (1-based, as a person counts) of a cell of gate {@code gate} at height y.
     *
     * @param gate the gate index
     * @param y    a height inside the gate's band
     * @return the unit, 1 … H
     */
    public int unitAt(int gate, double y) {
        int gates = shown.gateNames().size();
        int band = gates - 1 - gate;
        return (int) Math.round((y - (band - 0.5 + BAND_PAD)) / rowHeight(shown.units()) - 0.5) + 1;
    }

    /**
     * What a pointer at (x, y) in the plot's data coordinates is over, e.g. "f  t = 3, unit 2:
     * 0.8123" (with more steps than columns: "t = 3–4" and their mean), or null off the drawn cells.
     *
     * @param x the time axis' value
     * @param y the band axis' value
     * @return the tooltip, or null
     */
    public String tipAt(double x, double y) {
        GateMap m = shown;
        if (m == null || shownColumns == 0 || !(x >= m.firstStep(0) - 0.5) || !(x < m.lastStep(shownColumns - 1) + 0.5)) {
            return null;
        }
        int gates = m.gateNames().size();
        int band = (int) Math.round(y);
        if (band < 0 || band >= gates) {
            return null;
        }
        int g = gates - 1 - band;
        double inBand = (y - (band - 0.5 + BAND_PAD)) / rowHeight(m.units());
        if (!(inBand >= 0) || inBand >= m.units()) {
            return null;
        }
        int u = (int) inBand;
        int t = (int) Math.max(1, Math.min(m.steps(), Math.round(x)));
        int c = m.columnOf(t);
        String steps = m.firstStep(c) == m.lastStep(c) ? String.valueOf(m.firstStep(c))
                : m.firstStep(c) + "–" + m.lastStep(c);
        return Texts.get("chart.gates.tip", m.gateNames().get(g), steps, String.valueOf(u + 1),
                String.format(java.util.Locale.ROOT, "%.4f", m.value(g, c, u)));
    }

    private void rebuild(GateMap a) {
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
