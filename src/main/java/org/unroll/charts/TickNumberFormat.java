package org.unroll.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Formats tick labels and values so they stay short at any magnitude: plain decimals
 * between 0.001 and 100 000 ({@code 0.25}, {@code 1200}), scientific notation beyond
 * ({@code 1.5e300}, {@code -2e-9}), and {@code ∞}, {@code −∞}, {@code NaN} for the rest.
 */
public final class TickNumberFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    private final DecimalFormat plain = new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
    private final DecimalFormat sci = new DecimalFormat("0.##E0", DecimalFormatSymbols.getInstance(Locale.ROOT));

    /**
     * Formats one value as described in the class comment.
     *
     * @param v the value
     * @return its short text
     */
    public static String text(double v) {
        return new TickNumberFormat().format(v);
    }

    @Override
    public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
        if (Double.isNaN(v)) {
            return to.append("NaN");
        }
        if (Double.isInfinite(v)) {
            return to.append(v > 0 ? "∞" : "−∞");
        }
        double a = Math.abs(v);
        if (a == 0 || (a >= 1e-3 && a < 1e5)) {
            String s = plain.format(v);
            return to.append(s.equals("-0") ? "0" : s);
        }
        return to.append(sci.format(v).replace("E", "e"));
    }

    @Override
    public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
        return format((double) v, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        return plain.parse(source, pos);
    }
}
