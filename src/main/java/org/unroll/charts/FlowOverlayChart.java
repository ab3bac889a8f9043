package org.unroll.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * A chart of up to {@link #MAX_FLOWS} cells' gradient flows overlaid (compare mode), each in
 * its own colour, dash and marker: what {@link StepNormChart} and {@link VanishingChart} share.
 * An update replaces every series in one batch, with one redraw.
 *
 * <p>Touch it on one thread only (the JavaFX thread once it is on screen).
 */
public abstract class FlowOverlayChart {

    /** The most flows one plot overlays. */
    public static final int MAX_FLOWS = 3;

    private JFreeChart chart;
    private List<GradientFlow> flows = List.of();

    /** Set once, by the subclass's constructor, after it has built its plot. */
    protected final void setChart(JFreeChart c) {
        this.chart = c;
    }

    /** @return the chart, for a ChartViewer or {@link ChartExport} */
    public final JFreeChart chart() {
        return chart;
    }

    /** Shows one cell. */
    public final void update(GradientFlow flow) {
        update(List.of(flow));
    }

    /**
     * Shows up to {@link #MAX_FLOWS} cells overlaid, replacing what was shown; an empty list
     * clears the chart.
     */
    public final void update(List<GradientFlow> newFlows) {
        if (newFlows.size() > MAX_FLOWS) {
            throw new IllegalArgumentException("at most " + MAX_FLOWS + " flows, got " + newFlows.size());
        }
        flows = List.copyOf(newFlows);
        ChartBatch.run(chart, this::redraw);
    }

    /** @return the flows shown */
    public final List<GradientFlow> flows() {
        return flows;
    }

    /** Rebuilds every series from {@link #flows()}; runs with the chart's notifications off. */
    protected abstract void redraw();
}
