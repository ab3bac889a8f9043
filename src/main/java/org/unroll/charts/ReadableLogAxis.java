package org.unroll.charts;

import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis that always carries at least three labelled ticks. Over a wide range it
 * labels whole decades (10ⁿ) as {@link LogAxis} does; over a short one (a walk whose norms span
 * less than two decades) it labels m × 10ⁿ for m = 1, 2, 5, then for every m = 1 … 9, so that a
 * reader can still tell the values apart.
 */
final class ReadableLogAxis extends LogAxis {

    /** Labelled ticks the axis keeps at the least. */
    static final int MIN_LABELLED = 3;

    private static final int[][] MANTISSAS = {{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};

    ReadableLogAxis(String label) {
        super(label);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List decades = super.refreshTicks(g2, state, dataArea, edge);
        if (labelled(decades) >= MIN_LABELLED) {
            return decades;
        }
        double lo = getLowerBound();
        double hi = getUpperBound();
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            return decades;
        }
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT
                : edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT
                : edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        List<Tick> best = null;
        for (int[] mantissas : MANTISSAS) {
            best = ticks(lo, hi, mantissas, anchor);
            if (best.size() >= MIN_LABELLED) {
                break;
            }
        }
        return best.size() > labelled(decades) ? best : decades;
    }

    private List<Tick> ticks(double lo, double hi, int[] mantissas, TextAnchor anchor) {
        List<Tick> out = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        for (int e = first; e <= last; e++) {
            for (int m : mantissas) {
                double v = m * Math.pow(10, e);
                if (v >= lo && v <= hi) {
                    out.add(new LogTick(TickType.MAJOR, v, label(m, e), anchor));
                }
            }
        }
        return out;
    }

    /** "m×10ⁿ" with the exponent raised, or "10ⁿ" for m = 1, in the tick label font. */
    private AttributedString label(int m, int e) {
        String base = (m == 1 ? "" : m + "×") + "10";
        String exponent = Integer.toString(e);
        AttributedString s = new AttributedString(base + exponent);
        s.addAttributes(getTickLabelFont().getAttributes(), 0, base.length() + exponent.length());
        s.addAttribute(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUPER, base.length(),
                base.length() + exponent.length());
        return s;
    }

    /** How many ticks carry a label. */
    @SuppressWarnings("rawtypes")
    static int labelled(List ticks) {
        int n = 0;
        for (Object o : ticks) {
            Tick t = (Tick) o;
            boolean attributed = t instanceof LogTick lt && lt.getAttributedLabel() != null
                    && lt.getAttributedLabel().getIterator().getEndIndex() > 0;
            if (attributed || t.getText() != null && !t.getText().isBlank()) {
                n++;
            }
        }
        return n;
    }
}
