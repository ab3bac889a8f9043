package org.unroll.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Plain-text number formatting shared by the views: short for cells, exact for hover read-outs. */
public final class Numbers {

    /** Magnitudes outside [SMALL, LARGE) are written in scientific notation. */
    static final double SMALL = 1e-3;
    static final double LARGE = 1e5;

    private Numbers() {
    }

    /** {@code v} rounded to {@code digits} significant digits, trailing zeros dropped: 0.1235, -2.5, 1.23e-5. */
    public static String significant(double v, int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be >= 1, was " + digits);
        }
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP));
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= SMALL && magnitude < LARGE) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        return scientific(rounded);
    }

    /** The shortest text that reads back as exactly {@code v}: 0.1 stays 0.1, 1/3 shows all 16 digits. */
    public static String exact(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(v));
        double magnitude = Math.abs(v);
        if (magnitude >= SMALL && magnitude < LARGE) {
            return shortest.stripTrailingZeros().toPlainString();
        }
        return scientific(shortest);
    }

    /** Mantissa and exponent of a non-zero value in scientific form, e.g. {"-1.23", "-5"} for -1.23e-5. */
    public static String[] mantissaExponent(String scientific) {
        int e = scientific.indexOf('e');
        return new String[] {scientific.substring(0, e), scientific.substring(e + 1)};
    }

    /** True if {@link #significant} or {@link #exact} would write {@code text} in scientific notation. */
    public static boolean isScientific(String text) {
        return text.indexOf('e') > 0 && !text.equals("NaN");
    }

    private static String scientific(BigDecimal value) {
        BigDecimal unscaled = value.stripTrailingZeros();
        int exponent = unscaled.precision() - unscaled.scale() - 1;
        BigDecimal mantissa = unscaled.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }

    private static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return v > 0 ? "∞" : "-∞";
    }
}
