package org.unroll.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which values an axis can plot and which must be shown as a mark at the plot's
 * edge instead, so that 0, NaN, ±∞ (and, on a log axis, negatives) never throw or break
 * an axis range.
 *
 * <p>On a linear axis every finite value is plotted; on a log axis only finite values
 * greater than 0. Values that cannot be plotted are replaced by {@code NaN} in the plotted
 * series (JFreeChart leaves a gap in the line there and ignores them for the axis range)
 * and reported as {@link Mark}s.
 */
public final class ExtremeValues {

    /** What a value is, as far as an axis is concerned. */
    public enum Kind {
        /** A value the axis can draw. */
        PLOTTED("", false),
        /** Exactly zero on a log axis (drawn at the bottom edge). */
        ZERO("0", false),
        /** A finite negative value on a log axis (drawn at the bottom edge). */
        NEGATIVE("<0", false),
        /** Negative infinity (drawn at the bottom edge). */
        NEG_INF("−∞", false),
        /** Positive infinity, an overflow (drawn at the top edge). */
        POS_INF("∞", true),
        /** Not a number (drawn at the top edge: in a run it follows an overflow). */
        NAN("NaN", true);

        private final String label;
        private final boolean top;

        Kind(String label, boolean top) {
            this.label = label;
            this.top = top;
        }

        /** @return the text written beside the mark: "0", "&lt;0", "−∞", "∞" or "NaN" */
        public String label() {
            return label;
        }

        /** @return whether the mark sits at the top edge of the plot (else the bottom) */
        public boolean atTop() {
            return top;
        }
    }

    /**
     * A value that is not plotted, with the x where its mark goes.
     *
     * @param x    the domain value of the point
     * @param kind why it is not plotted
     */
    public record Mark(double x, Kind kind) {
    }

    /**
     * The plottable series and the marks for the rest.
     *
     * @param plottedY the y values with every unplottable one replaced by NaN
     * @param marks    one mark per unplottable value, in order of x
     */
    public record Split(double[] plottedY, List<Mark> marks) {
        /**
         * @param plottedY the plotted values (not copied: the record is a transient result)
         * @param marks    the marks
         */
        public Split {
            marks = List.copyOf(marks);
        }
    }

    private ExtremeValues() {
    }

    /**
     * Classifies one value.
     *
     * @param v       the value
     * @param logAxis whether it goes on a logarithmic axis
     * @return {@link Kind#PLOTTED} or why not
     */
    public static Kind classify(double v, boolean logAxis) {
        if (Double.isNaN(v)) {
            return Kind.NAN;
        }
        if (v == Double.POSITIVE_INFINITY) {
            return Kind.POS_INF;
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return Kind.NEG_INF;
        }
        if (logAxis && v == 0) {
            return Kind.ZERO;
        }
        if (logAxis && v < 0) {
            return Kind.NEGATIVE;
        }
        return Kind.PLOTTED;
    }

    /**
     * Splits a series into plotted values and marks.
     *
     * @param x       domain values
     * @param y       range values, as long as {@code x}
     * @param logAxis whether y goes on a logarithmic axis
     * @return the split
     */
    public static Split split(double[] x, double[] y, boolean logAxis) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, y " + y.length);
        }
        double[] plotted = new double[y.length];
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            Kind k = classify(y[i], logAxis);
            if (k == Kind.PLOTTED) {
                plotted[i] = y[i];
            } else {
                plotted[i] = Double.NaN;
                marks.add(new Mark(x[i], k));
            }
        }
        return new Split(plotted, marks);
    }
}
