package org.unroll.charts;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;

/**
 * How much room a chart gets when drawn at a size: each plot's data area, the labelled ticks of
 * each axis, and which texts (titles, axis labels) do not fit whole. Drawn off screen with Java2D,
 * the way JFreeChart lays a chart out on a canvas or in an export of the same size.
 */
public final class ChartRoom {

    /** One plot: its data area and, per axis, the ticks that carry a label. */
    public record PlotRoom(String name, Rectangle2D dataArea, int domainTicks, int rangeTicks) {
        public boolean atLeast(double w, double h, int ticks) {
            return dataArea.getWidth() >= w && dataArea.getHeight() >= h && domainTicks >= ticks && rangeTicks >= ticks;
        }
    }

    /** The plots and the texts that do not fit whole. */
    public record Room(List<PlotRoom> plots, List<String> cut) {
        /** Every plot at least w × h px with at least {@code ticks} labelled ticks on each axis, and nothing cut. */
        public boolean readable(double w, double h, int ticks) {
            return cut.isEmpty() && !plots.isEmpty() && plots.stream().allMatch(p -> p.atLeast(w, h, ticks));
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (PlotRoom p : plots) {
                b.append(String.format(java.util.Locale.ROOT, "%s %.0f×%.0f ticks x %d y %d; ", p.name(),
                        p.dataArea().getWidth(), p.dataArea().getHeight(), p.domainTicks(), p.rangeTicks()));
            }
            if (!cut.isEmpty()) {
                b.append("cut: ").append(cut);
            }
            return b.toString();
        }
    }

    private ChartRoom() {
    }

    /** Draws {@code chart} at {@code width} × {@code height} px and measures it. */
    public static Room measure(JFreeChart chart, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = img.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            Rectangle2D area = new Rectangle2D.Double(0, 0, width, height);
            chart.draw(g2, area, info);
            List<PlotRoom> plots = new ArrayList<>();
            List<String> cut = new ArrayList<>();
            Plot plot = chart.getPlot();
            PlotRenderingInfo pi = info.getPlotInfo();
            if (plot instanceof CombinedDomainXYPlot combined) {
                List<XYPlot> subs = combined.getSubplots();
                // stacked plots share the x axis: the room is the stack's whole data area, the y ticks are each plot's least
                Rectangle2D union = null;
                int leastY = Integer.MAX_VALUE;
                for (int i = 0; i < subs.size(); i++) {
                    Rectangle2D d = pi.getSubplotInfo(i).getDataArea();
                    union = union == null ? (Rectangle2D) d.clone() : union.createUnion(d);
                    leastY = Math.min(leastY, labelled(g2, subs.get(i).getRangeAxis(), d, subs.get(i).getRangeAxisEdge()));
                }
                if (union != null) {
                    plots.add(new PlotRoom("stack of " + subs.size(), union, labelled(g2, combined.getDomainAxis(),
                            pi.getSubplotInfo(subs.size() - 1).getDataArea(), combined.getDomainAxisEdge()), leastY));
                }
                for (int i = 0; i < subs.size(); i++) {
                    Rectangle2D d = pi.getSubplotInfo(i).getDataArea();
                    XYPlot sub = subs.get(i);
                    axisLabel(g2, sub.getRangeAxis(), d.getHeight(), cut);
                }
                Rectangle2D last = pi.getSubplotInfo(subs.size() - 1).getDataArea();
                axisLabel(g2, combined.getDomainAxis(), last.getWidth(), cut);
            } else if (plot instanceof XYPlot xy) {
                Rectangle2D d = pi.getDataArea();
                plots.add(new PlotRoom("plot", d, labelled(g2, xy.getDomainAxis(), d, xy.getDomainAxisEdge()),
                        labelled(g2, xy.getRangeAxis(), d, xy.getRangeAxisEdge())));
                axisLabel(g2, xy.getDomainAxis(), d.getWidth(), cut);
                axisLabel(g2, xy.getRangeAxis(), d.getHeight(), cut);
            }
            if (chart.getTitle() != null) {
                title(g2, chart.getTitle(), width, cut);
            }
            for (int i = 0; i < chart.getSubtitleCount(); i++) {
                Title t = chart.getSubtitle(i);
                if (t instanceof TextTitle tt) {
                    title(g2, tt, width, cut);
                }
            }
            return new Room(plots, cut);
        } finally {
            g2.dispose();
        }
    }

    private static int labelled(Graphics2D g2, ValueAxis axis, Rectangle2D dataArea, RectangleEdge edge) {
        if (axis == null || !axis.isVisible() || !axis.isTickLabelsVisible()) {
            return 0;
        }
        int n = 0;
        for (Object o : axis.refreshTicks(g2, new AxisState(), dataArea, edge)) {
            Tick t = (Tick) o;
            boolean attributed = t instanceof org.jfree.chart.axis.LogTick lt && lt.getAttributedLabel() != null
                    && lt.getAttributedLabel().getIterator().getEndIndex() > 0;
            if (attributed || t.getText() != null && !t.getText().isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static void axisLabel(Graphics2D g2, Axis axis, double room, List<String> cut) {
        if (axis == null || axis.getLabel() == null || axis.getLabel().isEmpty() || !axis.isVisible()) {
            return;
        }
        if (width(g2, axis.getLabelFont(), axis.getLabel()) > room) {
            cut.add("axis label \"" + axis.getLabel() + "\"");
        }
    }

    private static void title(Graphics2D g2, TextTitle t, double chartWidth, List<String> cut) {
        if (!t.isVisible() || t.getText() == null || t.getText().isEmpty()) {
            return;
        }
        // a title that JFreeChart would wrap onto more lines than it allows, or that is wider than the chart
        double room = chartWidth - t.getMargin().getLeft() - t.getMargin().getRight() - t.getPadding().getLeft()
                - t.getPadding().getRight();
        double need = width(g2, t.getFont(), t.getText());
        int lines = (int) Math.ceil(need / Math.max(1, room));
        if (lines > Math.max(1, t.getMaximumLinesToDisplay() == Integer.MAX_VALUE ? 3 : t.getMaximumLinesToDisplay())) {
            cut.add("title \"" + t.getText() + "\"");
        }
    }

    private static double width(Graphics2D g2, Font f, String s) {
        FontMetrics m = g2.getFontMetrics(f);
        double w = 0;
        for (String line : s.split("\n")) {
            w = Math.max(w, m.getStringBounds(line, g2).getWidth());
        }
        return w;
    }
}
