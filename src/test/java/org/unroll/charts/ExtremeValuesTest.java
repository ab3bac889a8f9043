package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.charts.ExtremeValues.Kind;
import org.unroll.charts.ExtremeValues.Mark;

class ExtremeValuesTest {

    @Test
    void logAxisMarksZeroNegativeAndNonFinite() {
        assertEquals(Kind.PLOTTED, ExtremeValues.classify(1e-300, true));
        assertEquals(Kind.PLOTTED, ExtremeValues.classify(1e300, true));
        assertEquals(Kind.ZERO, ExtremeValues.classify(0.0, true));
        assertEquals(Kind.ZERO, ExtremeValues.classify(-0.0, true));
        assertEquals(Kind.NEGATIVE, ExtremeValues.classify(-2, true));
        assertEquals(Kind.POS_INF, ExtremeValues.classify(Double.POSITIVE_INFINITY, true));
        assertEquals(Kind.NEG_INF, ExtremeValues.classify(Double.NEGATIVE_INFINITY, true));
        assertEquals(Kind.NAN, ExtremeValues.classify(Double.NaN, true));
    }

    @Test
    void linearAxisPlotsEveryFiniteValue() {
        assertEquals(Kind.PLOTTED, ExtremeValues.classify(0, false));
        assertEquals(Kind.PLOTTED, ExtremeValues.classify(-3, false));
        assertEquals(Kind.POS_INF, ExtremeValues.classify(Double.POSITIVE_INFINITY, false));
        assertEquals(Kind.NAN, ExtremeValues.classify(Double.NaN, false));
    }

    @Test
    void splitReplacesUnplottableValuesByNaNAndMarksThem() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0.5, 0, Double.POSITIVE_INFINITY, 1e300, Double.NaN};
        ExtremeValues.Split s = ExtremeValues.split(x, y, true);
        assertArrayEquals(new double[] {0.5, Double.NaN, Double.NaN, 1e300, Double.NaN}, s.plottedY());
        assertEquals(List.of(new Mark(1, Kind.ZERO), new Mark(2, Kind.POS_INF), new Mark(4, Kind.NAN)), s.marks());
        assertTrue(Kind.POS_INF.atTop());
        assertTrue(!Kind.ZERO.atTop());
        assertEquals("∞", Kind.POS_INF.label());
    }

    @Test
    void splitRejectsMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> ExtremeValues.split(new double[2], new double[3], true));
    }

    @Test
    void tickFormatStaysShort() {
        assertEquals("0.25", TickNumberFormat.text(0.25));
        assertEquals("1.5e300", TickNumberFormat.text(1.5e300));
        assertEquals("-2e-9", TickNumberFormat.text(-2e-9));
        assertEquals("0", TickNumberFormat.text(-0.0));
        assertEquals("∞", TickNumberFormat.text(Double.POSITIVE_INFINITY));
        assertEquals("NaN", TickNumberFormat.text(Double.NaN));
    }
}
