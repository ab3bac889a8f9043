package org.unroll.charts;

import java.awt.Color;
import java.awt.Paint;
import java.util.Arrays;
import org.jfree.chart.renderer.PaintScale;

/**
 * A continuous colour scale interpolated between evenly spaced anchor colours, with a
 * separate colour for NaN. Both built-in ramps (viridis and magma) grow steadily lighter
 * from low to high, so the order of values survives colour blindness and grey print.
 * Values outside the bounds are clamped to the end colours.
 */
public final class ColorRamp implements PaintScale {

    private static final long serialVersionUID = 1L;

    private static final int[] VIRIDIS = {0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
        0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725};
    private static final int[] MAGMA = {0x000004, 0x140E36, 0x3B0F70, 0x641A80, 0x8C2981, 0xB73779,
        0xDE4968, 0xF7705C, 0xFE9F6D, 0xFECF92, 0xFCFDBF};

    /** The colour of a NaN cell: a neutral grey absent from both ramps. */
    public static final Color NAN_COLOR = new Color(0x9E9E9E);

    private final double lower;
    private final double upper;
    private final int[] anchors;

    /**
     * @param lower   the value drawn in the first anchor colour
     * @param upper   the value drawn in the last anchor colour, &gt; lower
     * @param anchors RGB anchor colours, at least two, evenly spaced from lower to upper
     */
    public ColorRamp(double lower, double upper, int... anchors) {
        if (!(upper > lower) || Double.isInfinite(upper - lower)) {
            throw new IllegalArgumentException("need lower < upper, got " + lower + ".." + upper);
        }
        if (anchors.length < 2) {
            throw new IllegalArgumentException("need at least two anchor colours");
        }
        this.lower = lower;
        this.upper = upper;
        this.anchors = anchors.clone();
    }

    /**
     * Viridis (dark purple → teal → yellow) from {@code lower} to {@code upper}.
     *
     * @param lower the lowest value
     * @param upper the highest value
     * @return the ramp
     */
    public static ColorRamp viridis(double lower, double upper) {
        return new ColorRamp(lower, upper, VIRIDIS);
    }

    /**
     * Magma (black → purple → orange → pale yellow) from {@code lower} to {@code upper}.
     *
     * @param lower the lowest value
     * @param upper the highest value
     * @return the ramp
     */
    public static ColorRamp magma(double lower, double upper) {
        return new ColorRamp(lower, upper, MAGMA);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return NAN_COLOR;
        }
        double u = (Math.min(Math.max(value, lower), upper) - lower) / (upper - lower);
        double pos = u * (anchors.length - 1);
        int i = Math.min((int) pos, anchors.length - 2);
        double f = pos - i;
        Color a = new Color(anchors[i]);
        Color b = new Color(anchors[i + 1]);
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColorRamp r && lower == r.lower && upper == r.upper && Arrays.equals(anchors, r.anchors);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lower) * 31 + Double.hashCode(upper) * 17 + Arrays.hashCode(anchors);
    }
}
