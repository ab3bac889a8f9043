package org.unroll.ui;

import org.unroll.i18n.Notation;

/** Plain-text number formatting shared by the views: short for cells, exact for hover read-outs. */
public final class Numbers {

    /** Magnitudes outside [SMALL, LARGE) are written in scientific notation. */
    static final double SMALL = Notation.SMALL;
    static final double LARGE = Notation.LARGE;

    private Numbers() {
    }

    /** {@code v} rounded to {@code digits} significant digits, trailing zeros dropped: 0.1235, -2.5, 1.23e-5. */
    public static String significant(double v, int digits) {
        return Notation.significant(v, digits);
    }

    /** The shortest text that reads back as exactly {@code v}: 0.1 stays 0.1, 1/3 shows all 16 digits. */
    public static String exact(double v) {
        return Notation.exact(v);
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
}
