package org.unroll.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.unroll.i18n.Texts;

/**
 * Each time step's contribution to a shared parameter gradient, in one of two modes.
 *
 * <ul>
 *   <li>{@link Mode#ENTRY}: a waterfall of the chosen entry's signed per-step contributions.
 *   Bar t runs from the running sum before step t to the running sum after it (blue when
 *   the step adds, orange when it subtracts), and a black bar Σ at the right runs from 0 to
 *   the accumulated gradient, with a dashed line at that total across the plot: the steps
 *   visibly add up to the shared gradient.</li>
 *   <li>{@link Mode#NORMS}: the Frobenius norm of each step's whole contribution to one
 *   parameter (weight_ih, weight_hh, bias_ih, bias_hh, …) as bars.</li>
 * </ul>
 * Non-finite values become edge marks instead of bars.
 *
 * <p>Touch it on one thread only (the JavaFX thread once it is on screen).
 */
public final class StepContributionChart {

    /** What the chart shows. */
    public enum Mode {
        /** The chosen entry's signed per-step contributions and their total. */
        ENTRY,
        /** The per-step Frobenius norms of one parameter's contributions. */
        NORMS
    }

    /** Colour of a step that adds to the gradient entry. */
    public static final Color ADDS = ChartStyle.BLUE;
    /** Colour of a step that subtracts from it (lighter in grey print than {@link #ADDS}). */
    public static final Color SUBTRACTS = ChartStyle.ORANGE;
    /** Colour of the total bar. */
    public static final Color TOTAL = ChartStyle.BLACK;
    private static final double HALF_BAR = 0.38;

    private final NumberAxis steps = ChartStyle.linearAxis(Texts.get("chart.axis.timeStep"), true);
    private final XYPlot plot;
    private final JFreeChart chart;
    private final XYBarRenderer renderer = new XYBarRenderer();
    private final XYIntervalSeriesCollection entryData = new XYIntervalSeriesCollection();
    private final XYIntervalSeriesCollection normData = new XYIntervalSeriesCollection();
    private final List<Object> decorations = new ArrayList<>();
    private final List<EdgeMarkAnnotation> marks = new ArrayList<>();
    private StepContributions shown;
    private Mode mode = Mode.ENTRY;
    private String normParameter;

    /** An empty chart in {@link Mode#ENTRY}. */
    public StepContributionChart() {
        plot = new XYPlot(entryData, steps, ChartStyle.linearAxis(Texts.get("chart.contrib.axis"), false), renderer);
        plot.getRangeAxis().setUpperMargin(0.12);
        plot.getRangeAxis().setLowerMargin(0.12);
        ChartStyle.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(new Color(0x555555));
        plot.setRangeZeroBaselineStroke(new BasicStroke(1.5f));
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        chart = ChartStyle.newChart(Texts.get("chart.contrib.title"), plot, true);
    }

    /** @return the chart, for a ChartViewer or {@link ChartExport} */
    public JFreeChart chart() {
        return chart;
    }

    /**
     * Shows new contributions, replacing what was shown. The norm parameter stays when the
     * new data has it, else becomes the chosen entry's parameter.
     *
     * @param c the contributions
     */
    public void update(StepContributions c) {
        ChartBatch.run(chart, () -> {
            shown = c;
            if (normParameter == null || !c.stepNorms().containsKey(normParameter)) {
                normParameter = c.stepNorms().containsKey(c.parameter()) ? c.parameter()
                        : c.stepNorms().keySet().stream().findFirst().orElse(null);
            }
            fillEntry(c);
            fillNorms(c);
            redraw();
        });
    }

    /**
     * Switches between the entry waterfall and the per-step norms.
     *
     * @param m the mode
     */
    public void setMode(Mode m) {
        mode = java.util.Objects.requireNonNull(m);
        ChartBatch.run(chart, this::redraw);
    }

    /** @return the mode */
    public Mode mode() {
        return mode;
    }

    /**
     * Chooses the parameter whose per-step norms {@link Mode#NORMS} shows.
     *
     * @param name a parameter in the shown data's stepNorms
     */
    public void setNormParameter(String name) {
        if (shown != null && !shown.stepNorms().containsKey(name)) {
            throw new IllegalArgumentException("no parameter " + name + " among " + shown.stepNorms().keySet());
        }
        normParameter = name;
        ChartBatch.run(chart, () -> {
            if (shown != null) {
                fillNorms(shown);
            }
            redraw();
        });
    }

    /** @return the parameter {@link Mode#NORMS} shows, or null before any data */
    public String normParameter() {
        return normParameter;
    }

    /**
     * @return the waterfall data: series 0 steps that add, 1 steps that subtract, 2 the
     *         total bar; each item's x is the step (T+2 for the total) and its y interval
     *         runs from the sum before to the sum after
     */
    public XYIntervalSeriesCollection entryDataset() {
        return entryData;
    }

    /** @return the norm data: series 0, x = t, y interval 0..norm */
    public XYIntervalSeriesCollection normDataset() {
        return normData;
    }

    /** @return the marks standing in for non-finite values in the current mode */
    public List<EdgeMarkAnnotation> marks() {
        return List.copyOf(marks);
    }

    /**
     * @param c the contributions
     * @return the x of the total bar: T + 2, one empty slot after the last step
     */
    public static double totalX(StepContributions c) {
        return c.steps() + 2;
    }

    private void fillEntry(StepContributions c) {
        entryData.removeAllSeries();
        XYIntervalSeries adds = new XYIntervalSeries(Texts.get("chart.contrib.adds"), false, true);
        XYIntervalSeries subs = new XYIntervalSeries(Texts.get("chart.contrib.subtracts"), false, true);
        XYIntervalSeries total = new XYIntervalSeries(Texts.get("chart.contrib.total", c.entryLabel(),
                TickNumberFormat.text(c.total())), false, true);
        double[] v = c.entryContributions();
        double before = 0;
        for (int t = 1; t <= v.length; t++) {
            double after = before + v[t - 1];
            if (Double.isFinite(before) && Double.isFinite(after)) {
                (v[t - 1] >= 0 ? adds : subs).add(t, t - HALF_BAR, t + HALF_BAR, after,
                        Math.min(before, after), Math.max(before, after));
            }
            before = after;
        }
        double tx = totalX(c);
        if (Double.isFinite(c.total())) {
            total.add(tx, tx - HALF_BAR, tx + HALF_BAR, c.total(), Math.min(0, c.total()), Math.max(0, c.total()));
        }
        entryData.addSeries(adds);
        entryData.addSeries(subs);
        entryData.addSeries(total);
    }

    private void fillNorms(StepContributions c) {
        normData.removeAllSeries();
        if (normParameter == null) {
            return;
        }
        XYIntervalSeries s = new XYIntervalSeries(Texts.get("chart.contrib.stepNorm", c.parameterLabel(normParameter)), false, true);
        double[] n = c.stepNorms(normParameter);
        for (int t = 1; t <= n.length; t++) {
            if (Double.isFinite(n[t - 1])) {
                s.add(t, t - HALF_BAR, t + HALF_BAR, n[t - 1], 0, n[t - 1]);
            }
        }
        normData.addSeries(s);
    }

    private void redraw() {
        for (Object d : decorations) {
            if (d instanceof ValueMarker m) {
                plot.removeRangeMarker(m, Layer.FOREGROUND);
            } else {
                plot.removeAnnotation((XYTextAnnotation) d, false);
            }
        }
        decorations.clear();
        for (EdgeMarkAnnotation m : marks) {
            plot.removeAnnotation(m, false);
        }
        marks.clear();
        if (mode == Mode.ENTRY) {
            plot.setDataset(entryData);
            renderer.setSeriesPaint(0, ADDS);
            renderer.setSeriesPaint(1, SUBTRACTS);
            renderer.setSeriesPaint(2, TOTAL);
        } else {
            plot.setDataset(normData);
            renderer.setSeriesPaint(0, ChartStyle.BLUISH_GREEN);
        }
        if (shown == null) {
            return;
        }
        StepContributions c = shown;
        steps.setAutoRange(false);
        int last = mode == Mode.ENTRY ? (int) totalX(c) : c.steps();
        steps.setRange(0.3, last + 0.7);
        steps.setTickUnit(ChartStyle.stepTickUnit(c.steps()));
        steps.setNumberFormatOverride(new StepFormat(c.steps()));
        // the y range from the data over the new steps (the data bounds are taken within the x range)
        plot.configureRangeAxes();
        if (mode == Mode.ENTRY) {
            chart.setTitle(Texts.get("chart.contrib.entryTitle", c.cellLabel(), c.entryLabel()));
            plot.getRangeAxis().setLabel(Texts.get("chart.contrib.entryAxis", c.entryLabel()));
            decorateEntry(c);
        } else {
            chart.setTitle(Texts.get("chart.contrib.normTitle", c.cellLabel(), c.parameterLabel(normParameter)));
            plot.getRangeAxis().setLabel(Texts.get("chart.contrib.normAxis"));
            double[] n = c.stepNorms(normParameter);
            for (int t = 1; t <= n.length; t++) {
                addMark(t, n[t - 1], ChartStyle.BLUISH_GREEN);
            }
        }
    }

    private void decorateEntry(StepContributions c) {
        double[] v = c.entryContributions();
        double before = 0;
        for (int t = 1; t <= v.length; t++) {
            double after = before + v[t - 1];
            if (!Double.isFinite(after)) {
                addMark(t, after, Double.isFinite(v[t - 1]) && v[t - 1] < 0 ? SUBTRACTS : ADDS);
            }
            before = after;
        }
        double tx = totalX(c);
        if (Double.isFinite(c.total())) {
            ValueMarker m = new ValueMarker(c.total(), TOTAL, ChartStyle.stroke(1, 2.5f));
            m.setLabel(Texts.get("chart.contrib.totalMarker", TickNumberFormat.text(c.total())));
            ChartStyle.styleMarkerLabel(m);
            boolean up = c.total() >= 0;
            m.setLabelAnchor(up ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
            m.setLabelTextAnchor(up ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
            m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 8, 4, 8));
            plot.addRangeMarker(0, m, Layer.FOREGROUND, false);
            decorations.add(m);
            XYTextAnnotation sigma = new XYTextAnnotation("Σ", tx, c.total());
            sigma.setFont(ChartStyle.TITLE_FONT);
            sigma.setPaint(TOTAL);
            sigma.setTextAnchor(up ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
            plot.addAnnotation(sigma, false);
            decorations.add(sigma);
        } else {
            addMark(tx, c.total(), TOTAL);
        }
    }

    private void addMark(double x, double value, Color fill) {
        ExtremeValues.Kind k = ExtremeValues.classify(value, false);
        if (k != ExtremeValues.Kind.PLOTTED) {
            EdgeMarkAnnotation a = new EdgeMarkAnnotation(x, k, fill, 0, true);
            a.setToolTipText(Texts.get("chart.contrib.markTip", String.valueOf((int) x), k.label()));
            marks.add(a);
            plot.addAnnotation(a, false);
        }
    }

    /** Labels step ticks 1..T and leaves the rest of the axis (the total's slot) blank. */
    private static final class StepFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final int last;

        StepFormat(int last) {
            this.last = last;
        }

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            return v < 0.5 || v > last + 0.5 ? to : to.append(Math.round(v));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }
}
