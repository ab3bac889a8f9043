package org.unroll.charts;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;
import org.unroll.i18n.Texts;

/**
 * The gradient check as proof that BPTT is right: for every checked entry (labelled
 * e.g. weight_hh[2,1] along a shared x axis) the top plot shows the analytic gradient
 * (filled circle) and the finite-difference estimate (hollow square around it: they
 * coincide when all is well); the bottom plot shows the relative error on a log axis
 * with the tolerance as a dashed line, passes as green circles and failures (NaN
 * included) as vermillion triangles. A relative error of exactly 0 is a "0" mark at the
 * bottom edge, a NaN one a "NaN" mark at the top.
 *
 * <p>Touch it on one thread only (the JavaFX thread once it is on screen).
 */
public final class GradCheckChart {

    private final CombinedDomainXYPlot plot;
    private final XYPlot values;
    private final XYPlot errors;
    private final MarkedLines valueLines;
    private final MarkedLines errorLines;
    private final ValueMarker tolerance = new ValueMarker(1e-6, ChartStyle.BLACK, ChartStyle.stroke(1, 2.5f));
    private final JFreeChart chart;
    /** Under the plots: why some failures say nothing about BPTT, and what to check instead. */
    private final org.jfree.chart.title.TextTitle why = new org.jfree.chart.title.TextTitle("", ChartStyle.LABEL_FONT);
    private GradCheckResult shown;

    /** An empty chart. */
    public GradCheckChart() {
        plot = new CombinedDomainXYPlot(symbolAxis(List.of()));
        plot.setGap(4);
        values = new XYPlot(null, null, ChartStyle.linearAxis(Texts.get("chart.gradcheck.axisGradient"), false), null);
        errors = new XYPlot(null, null, ChartStyle.logAxis(Texts.get("chart.gradcheck.axisError")), null);
        ChartStyle.styleXYPlot(values);
        ChartStyle.styleXYPlot(errors);
        valueLines = new MarkedLines(values, 0);
        errorLines = new MarkedLines(errors, 0);
        ChartStyle.styleMarkerLabel(tolerance);
        tolerance.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        tolerance.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        errors.addRangeMarker(0, tolerance, Layer.FOREGROUND, false);
        plot.add(values, 1);
        plot.add(errors, 1);
        chart = ChartStyle.newChart(Texts.get("chart.gradcheck.title"), plot, true);
        // four legend items on one row under the stack
        chart.getLegend().setItemFont(ChartStyle.LEGEND_FONT.deriveFont(15f));
        why.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        why.setPaint(ChartStyle.VERMILLION.darker());
        why.setTextAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        why.setMargin(8, 16, 4, 16);
    }

    /** @return the chart, for a ChartViewer or {@link ChartExport} */
    public JFreeChart chart() {
        return chart;
    }

    /**
     * Shows a new check, replacing what was shown.
     *
     * @param r the result
     */
    public void update(GradCheckResult r) {
        ChartBatch.run(chart, () -> {
            shown = r;
            List<GradCheckResult.Row> rows = r.rows();
            int n = rows.size();
            double[] x = new double[n];
            double[] analytic = new double[n];
            double[] numeric = new double[n];
            java.util.List<double[]> pass = new java.util.ArrayList<>();
            java.util.List<double[]> fail = new java.util.ArrayList<>();
            java.util.List<double[]> unreliable = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                GradCheckResult.Row row = rows.get(i);
                x[i] = i;
                analytic[i] = row.analytic();
                numeric[i] = row.numeric();
                (r.passes(row) ? pass : r.explanation(row) != null ? unreliable : fail)
                        .add(new double[] {i, row.relativeError()});
            }
            int failures = fail.size() + unreliable.size();
            plot.setDomainAxis(symbolAxis(rows.stream().map(row -> row.displayLabel(r.twoBiases())).toList()));
            valueLines.set(List.of(
                    new MarkedLines.Line(Texts.get("chart.gradcheck.analytic"), x, analytic, 0, 0, 0, false),
                    new MarkedLines.Line(Texts.get("chart.gradcheck.numeric"), x, numeric, 1, 0, 1, false)), false);
            valueLines.renderer().setSeriesShapesFilled(1, false);
            valueLines.renderer().setSeriesShape(1, new java.awt.geom.Rectangle2D.Double(-10, -10, 20, 20));
            valueLines.renderer().setSeriesStroke(1, ChartStyle.stroke(0, 2.5f));
            List<MarkedLines.Line> errorSeries = new java.util.ArrayList<>(List.of(
                    new MarkedLines.Line(Texts.get("chart.gradcheck.passes"), column(pass, 0), column(pass, 1), 2, 0, 0, false),
                    new MarkedLines.Line(Texts.get("chart.gradcheck.fails"), column(fail, 0), column(fail, 1), 1, 0, 2, false)));
            if (!unreliable.isEmpty()) {
                errorSeries.add(new MarkedLines.Line(Texts.get("chart.gradcheck.unreliable"), column(unreliable, 0),
                        column(unreliable, 1), 4, 0, 3, false));
            }
            errorLines.set(errorSeries, true);
            tolerance.setValue(r.tolerance());
            errors.getRangeAxis().setRange(errorRange(r));
            tolerance.setLabel(r.absoluteTolerance() > 0
                    ? Texts.get("chart.gradcheck.toleranceOrAbsolute", TickNumberFormat.text(r.tolerance()),
                            TickNumberFormat.text(r.absoluteTolerance()))
                    : Texts.get("chart.gradcheck.tolerance", TickNumberFormat.text(r.tolerance())));
            chart.removeSubtitle(why);
            java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
            for (GradCheckResult.Row row : rows) {
                String e = r.explanation(row);
                if (e != null) {
                    reasons.add(e);
                }
            }
            if (!reasons.isEmpty()) {
                why.setText(Texts.get("chart.gradcheck.why", String.join("  ", reasons)));
                chart.addSubtitle(why);
            }
            chart.setTitle(failures == 0
                    ? Texts.get("chart.gradcheck.allPass", r.cellLabel(), String.valueOf(n))
                    : unreliable.isEmpty()
                    ? Texts.get("chart.gradcheck.someFail", r.cellLabel(), String.valueOf(failures), String.valueOf(n))
                    : Texts.get("chart.gradcheck.someUnreliable", r.cellLabel(), String.valueOf(failures),
                            String.valueOf(n), String.valueOf(unreliable.size())));
        });
    }

    /** @return the explanation under the plots, or null when every failure (if any) is unexplained */
    public String explanation() {
        return chart.getSubtitles().contains(why) ? why.getText() : null;
    }

    /** @return the analytic (series 0) and numeric (series 1) values, x = row number */
    public XYSeriesCollection valueDataset() {
        return valueLines.dataset();
    }

    /** @return the relative errors: series 0 passes, series 1 failures, series 2 (when any) failures where the finite difference is unreliable; x = row number */
    public XYSeriesCollection errorDataset() {
        return errorLines.dataset();
    }

    /** @return the marks standing in for relative errors of 0, ∞ or NaN */
    public List<EdgeMarkAnnotation> marks() {
        return errorLines.marks();
    }

    /** @return the value marks (analytic or numeric gradients that are ±∞ or NaN) */
    public List<EdgeMarkAnnotation> valueMarks() {
        return valueLines.marks();
    }

    /** @return the tolerance line's value */
    public double toleranceShown() {
        return tolerance.getValue();
    }

    /**
     * The relative-error axis range: every finite positive error and the tolerance, with
     * half a decade to spare at each end (the tolerance line always shows).
     */
    static org.jfree.data.Range errorRange(GradCheckResult r) {
        double lo = r.tolerance();
        double hi = r.tolerance();
        for (GradCheckResult.Row row : r.rows()) {
            double e = row.relativeError();
            if (e > 0 && Double.isFinite(e)) {
                lo = Math.min(lo, e);
                hi = Math.max(hi, e);
            }
        }
        return new org.jfree.data.Range(lo / Math.sqrt(10) / 10, hi * Math.sqrt(10) * 10);
    }

    private static double[] column(List<double[]> points, int c) {
        return points.stream().mapToDouble(p -> p[c]).toArray();
    }

    private static SymbolAxis symbolAxis(List<String> labels) {
        // no axis label: the tick labels name the checked entries themselves (the room goes to the plots)
        SymbolAxis a = new SymbolAxis(null, labels.toArray(new String[0]));
        ChartStyle.styleAxis(a);
        a.setGridBandsVisible(false);
        a.setVerticalTickLabels(true);
        a.setAutoRange(false);
        a.setRange(-0.5, Math.max(labels.size(), 1) - 0.5);
        a.setTickLabelFont(ChartStyle.TICK_FONT.deriveFont(12f));
        return a;
    }

    /** @return the result shown, or null */
    public GradCheckResult shown() {
        return shown;
    }
}
