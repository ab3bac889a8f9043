package org.unroll.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.unroll.i18n.Texts;

/**
 * The per-step gradient norm ‖dL/dh_t‖ against t (one line per cell, up to three for
 * compare mode), on a linear or logarithmic y axis, with the current step marked.
 *
 * <p>Touch it on one thread only (the JavaFX thread once it is on screen).
 */
public final class StepNormChart extends FlowOverlayChart {

    private final XYPlot plot;
    private final MarkedLines lines;
    private final ValueMarker stepMarker;
    private boolean logScale;
    private int currentStep = -1;
    /** The first time step (1-based) drawn: the backward pass computes ‖dL/dh_t‖ from t = T down. */
    private int firstShown = 1;
    /** Compare mode: the first step drawn of each flow (each side stands on its own point), or null. */
    private int[] firstShownPerFlow;

    /** An empty chart on a linear axis with no step marked. */
    public StepNormChart() {
        NumberAxis x = ChartStyle.linearAxis(Texts.get("chart.axis.timeStep"), true);
        plot = new XYPlot(null, x, ChartStyle.linearAxis(Texts.get("chart.stepNorms.axis"), false), null);
        ChartStyle.styleXYPlot(plot);
        lines = new MarkedLines(plot, 0);
        stepMarker = new ValueMarker(0, new Color(0xF0, 0xE4, 0x42, 170), new BasicStroke(22f));
        ChartStyle.styleMarkerLabel(stepMarker);
        // below the first rows of edge marks at the top
        stepMarker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(48, 2, 2, 2));
        stepMarker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        stepMarker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        setChart(ChartStyle.newChart(Texts.get("chart.stepNorms.title"), plot, true));
    }




    /**
     * Switches the y axis between linear and logarithmic; on a log axis a zero norm is
     * shown as a "0" mark at the bottom edge.
     *
     * @param log whether the y axis is logarithmic
     */
    public void setLogScale(boolean log) {
        if (log == logScale) {
            return;
        }
        logScale = log;
        ChartBatch.run(chart(), () -> {
            ValueAxis y = log ? ChartStyle.logAxis(Texts.get("chart.stepNorms.axisLog"))
                    : ChartStyle.linearAxis(Texts.get("chart.stepNorms.axis"), false);
            plot.setRangeAxis(y);
            redraw();
        });
    }

    /** @return whether the y axis is logarithmic */
    public boolean isLogScale() {
        return logScale;
    }

    /**
     * Marks time step {@code t} with a highlighted band labelled "t = …".
     *
     * @param t the step, 1..T, or −1 for no mark
     */
    public void setCurrentStep(int t) {
        if (t < -1) {
            throw new IllegalArgumentException("step must be -1 (none) or a time step, was " + t);
        }
        currentStep = t;
        ChartBatch.run(chart(), () -> {
            plot.removeDomainMarker(stepMarker, Layer.BACKGROUND);
            if (t >= 0) {
                stepMarker.setValue(t);
                stepMarker.setLabel(Texts.get("chart.stepMarker", String.valueOf(t)));
                plot.addDomainMarker(stepMarker, Layer.BACKGROUND);
            }
        });
    }

    /** @return the marked step, or −1 for none */
    public int currentStep() {
        return currentStep;
    }

    /**
     * Draws only time steps {@code first} … T, the norms the backward pass has computed at the
     * cursor (it runs from T down to 1): 1 draws every step, T + 1 or more none. The axes keep the
     * whole walk's steps, as the timeline does.
     *
     * @param first the first time step drawn, 1 or more
     */
    public void setFirstShownStep(int first) {
        if (first < 1) {
            throw new IllegalArgumentException("the first shown step is 1 or more, was " + first);
        }
        if (first == firstShown && firstShownPerFlow == null) {
            return;
        }
        firstShown = first;
        firstShownPerFlow = null;
        ChartBatch.run(chart(), this::redraw);
    }

    /**
     * As {@link #setFirstShownStep(int)}, one first step per flow, in the order of {@link #flows()}
     * (compare mode, where each side has run its own backward steps).
     *
     * @param perFlow the first time step drawn of each flow, 1 or more
     */
    public void setFirstShownSteps(int[] perFlow) {
        for (int f : perFlow) {
            if (f < 1) {
                throw new IllegalArgumentException("the first shown step is 1 or more, was " + f);
            }
        }
        if (java.util.Arrays.equals(perFlow, firstShownPerFlow)) {
            return;
        }
        firstShownPerFlow = perFlow.clone();
        ChartBatch.run(chart(), this::redraw);
    }

    /** @return the first time step drawn (1 = all) */
    public int firstShownStep() {
        return firstShown;
    }

    /** @return the marks standing in for unplottable values (0, ∞, NaN) */
    public List<EdgeMarkAnnotation> marks() {
        return lines.marks();
    }

    @Override
    protected void redraw() {
        List<MarkedLines.Line> ls = new ArrayList<>();
        for (int f = 0; f < flows().size(); f++) {
            GradientFlow g = flows().get(f);
            int first = firstShownPerFlow != null && f < firstShownPerFlow.length ? firstShownPerFlow[f] : firstShown;
            int from = Math.min(first, g.steps() + 1);
            double[] x = new double[g.steps() - from + 1];
            double[] y = new double[x.length];
            double[] norms = g.dhNorms();
            for (int t = from; t <= g.steps(); t++) {
                x[t - from] = t;
                y[t - from] = norms[t - 1];
            }
            ls.add(new MarkedLines.Line(Labels.unique(g.cellLabel(), f, flows()), x, y, f, f, f, true));
        }
        lines.set(ls, logScale);
        // one line needs no legend (the title names the norm, the window the model); overlaid cells do
        chart().getLegend().setVisible(flows().size() > 1);
        int steps = flows().stream().mapToInt(GradientFlow::steps).max().orElse(0);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        if (steps > 0) {
            x.setAutoRange(false);
            x.setRange(0.5, steps + 0.5);
            x.setTickUnit(ChartStyle.stepTickUnit(steps));
        } else {
            x.setAutoRange(true);
        }
        // the y range from the new data over the new steps: set after the x range, which the data
        // bounds are taken within (else a walk of another length keeps the old walk's y range)
        plot.configureRangeAxes();
    }
}
