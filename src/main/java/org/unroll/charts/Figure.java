package org.unroll.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * Anything that paints itself with Java2D into a given area: a chart, the unrolled
 * timeline, a composite of several. {@link ChartExport} writes any figure to PNG or SVG.
 */
@FunctionalInterface
public interface Figure {

    /**
     * Paints the figure.
     *
     * @param g    the graphics to paint with
     * @param area the area to fill, in {@code g}'s user space
     */
    void draw(Graphics2D g, Rectangle2D area);

    /**
     * A chart as a figure.
     *
     * @param chart the chart
     * @return a figure that draws it
     */
    static Figure of(JFreeChart chart) {
        Objects.requireNonNull(chart);
        return chart::draw;
    }
}
