package org.unroll.ui.inspector;

/**
 * A diverging colour scale symmetric around zero: blue for negative, near-white for zero, red for positive.
 * The stops are ColorBrewer's RdBu (9 classes), which stays distinguishable under the common forms of
 * colour blindness. Values beyond {@code ±maxAbs} saturate; NaN maps to a neutral grey (views also hatch
 * non-finite cells so they are never mistaken for a value).
 */
public final class HeatScale {

    /** RdBu from -1 (dark blue) through 0 (near white) to +1 (dark red), evenly spaced. */
    private static final int[] STOPS = {
        0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B
    };

    /** Colour of a NaN cell. */
    public static final int NAN_RGB = 0x9E9E9E;

    private final double maxAbs;

    /** @param maxAbs the magnitude that maps to the full colour at either end; positive and finite */
    public HeatScale(double maxAbs) {
        if (!(maxAbs > 0) || Double.isInfinite(maxAbs)) {
            throw new IllegalArgumentException("maxAbs must be positive and finite, was " + maxAbs);
        }
        this.maxAbs = maxAbs;
    }

    /** A scale whose ends are the largest finite |value| in {@code values}; 1 if there is none or all are 0. */
    public static HeatScale fitting(double[][] values) {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return new HeatScale(max > 0 ? max : 1);
    }

    public double maxAbs() {
        return maxAbs;
    }

    /** Where {@code v} sits on the scale, clamped to [-1, 1]; NaN gives 0. */
    public double position(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        return Math.max(-1, Math.min(1, v / maxAbs));
    }

    /** The colour of {@code v} as 0xRRGGBB. */
    public int rgb(double v) {
        if (Double.isNaN(v)) {
            return NAN_RGB;
        }
        double x = (position(v) + 1) / 2 * (STOPS.length - 1);
        int lower = Math.min((int) Math.floor(x), STOPS.length - 2);
        double f = x - lower;
        return mix(STOPS[lower], STOPS[lower + 1], f);
    }

    /** The colour of {@code v} as red, green, blue in [0, 1]. */
    public double[] rgbUnit(double v) {
        int rgb = rgb(v);
        return new double[] {(rgb >> 16 & 0xFF) / 255.0, (rgb >> 8 & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
    }

    /** Black (0x000000) or white (0xFFFFFF), whichever reads better on {@code background}. */
    public static int textRgbOn(int background) {
        return relativeLuminance(background) > 0.35 ? 0x000000 : 0xFFFFFF;
    }

    /** WCAG relative luminance of an 0xRRGGBB colour, in [0, 1]. */
    static double relativeLuminance(int rgb) {
        return 0.2126 * linear(rgb >> 16 & 0xFF) + 0.7152 * linear(rgb >> 8 & 0xFF) + 0.0722 * linear(rgb & 0xFF);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int mix(int a, int b, double f) {
        int r = channel(a >> 16, b >> 16, f);
        int g = channel(a >> 8, b >> 8, f);
        int bl = channel(a, b, f);
        return r << 16 | g << 8 | bl;
    }

    private static int channel(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
