package org.unroll.figures;

/**
 * How a gradient arrow looks, from the size of the gradient it carries: width and colour follow
 * log₁₀‖dh‖, so vanishing gradients are thin and fade out, exploding ones are thick and red.
 * Toolkit-free; sizes are in pixels at zoom 1.
 *
 * <ul>
 *   <li>‖dh‖ = 1: {@value #UNIT_WIDTH} px, blue, opaque.</li>
 *   <li>each factor 10 larger: {@value #WIDTH_PER_DECADE_UP} px wider and redder, red from 100 on,
 *       at most {@value #MAX_WIDTH} px;</li>
 *   <li>each factor 10 smaller: {@value #WIDTH_PER_DECADE_DOWN} px thinner, greyer and more transparent,
 *       at least {@value #MIN_WIDTH} px and alpha {@value #MIN_ALPHA}.</li>
 *   <li>NaN or infinite: maximal width, dark red, {@link #broken()} true.</li>
 * </ul>
 *
 * @param width  stroke width in px at zoom 1
 * @param rgb    0xRRGGBB
 * @param alpha  0 … 1
 * @param broken true when the norm is NaN or infinite
 */
public record GradientStyle(double width, int rgb, double alpha, boolean broken) {
    public static final double UNIT_WIDTH = 5;
    public static final double WIDTH_PER_DECADE_UP = 4;
    public static final double WIDTH_PER_DECADE_DOWN = 1.2;
    public static final double MIN_WIDTH = 1;
    public static final double MAX_WIDTH = 18;
    public static final double MIN_ALPHA = 0.18;
    /** Decades below 1 over which the arrow fades to {@link #MIN_ALPHA}. */
    public static final double FADE_DECADES = 5;

    static final int BLUE = 0x1F5FBF;
    static final int RED = 0xD00000;
    static final int GREY = 0x8A8A8A;
    static final int BROKEN = 0x7A0000;

    /** The style of an arrow carrying a gradient of norm {@code norm} (≥ 0). */
    public static GradientStyle of(double norm) {
        if (!Double.isFinite(norm)) {
            return new GradientStyle(MAX_WIDTH, BROKEN, 1.0, true);
        }
        double decades = norm <= 0 ? -FADE_DECADES * 2 : Math.log10(norm);
        if (decades >= 0) {
            double w = Math.min(MAX_WIDTH, UNIT_WIDTH + WIDTH_PER_DECADE_UP * decades);
            return new GradientStyle(w, mix(BLUE, RED, Math.min(1, decades / 2)), 1.0, false);
        }
        double down = Math.min(FADE_DECADES, -decades);
        double w = Math.max(MIN_WIDTH, UNIT_WIDTH - WIDTH_PER_DECADE_DOWN * down);
        double alpha = 1 - (1 - MIN_ALPHA) * down / FADE_DECADES;
        return new GradientStyle(w, mix(BLUE, GREY, down / FADE_DECADES), alpha, false);
    }

    /** Linear mix of two colours, f = 0 → a, f = 1 → b. */
    static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return (r << 16) | (g << 8) | bl;
    }

    public int red() {
        return (rgb >> 16) & 255;
    }

    public int green() {
        return (rgb >> 8) & 255;
    }

    public int blue() {
        return rgb & 255;
    }
}
