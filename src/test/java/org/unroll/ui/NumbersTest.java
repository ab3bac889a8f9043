package org.unroll.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void roundsToSignificantDigitsAndDropsTrailingZeros() {
        assertEquals("0.123", Numbers.significant(0.123456, 3));
        assertEquals("0.1235", Numbers.significant(0.123456, 4));
        assertEquals("-0.5", Numbers.significant(-0.5, 3));
        assertEquals("12.3", Numbers.significant(12.345, 3));
        assertEquals("1230", Numbers.significant(1234.5, 3));
        assertEquals("0.00123", Numbers.significant(0.0012345, 3));
        assertEquals("2", Numbers.significant(1.9996, 3));
    }

    @Test
    void usesScientificNotationForVerySmallAndLargeMagnitudes() {
        assertEquals("1.23e-5", Numbers.significant(1.2345e-5, 3));
        assertEquals("-4e-7", Numbers.significant(-4e-7, 3));
        assertEquals("1.23e8", Numbers.significant(123456789, 3));
        assertEquals("1e5", Numbers.significant(99999.7, 3));
    }

    @Test
    void zeroAndNonFinite() {
        assertEquals("0", Numbers.significant(0.0, 3));
        assertEquals("0", Numbers.significant(-0.0, 3));
        assertEquals("NaN", Numbers.significant(Double.NaN, 3));
        assertEquals("∞", Numbers.significant(Double.POSITIVE_INFINITY, 3));
        assertEquals("-∞", Numbers.exact(Double.NEGATIVE_INFINITY));
    }

    @Test
    void exactReadsBackAsTheSameDouble() {
        double[] samples = {0.1, 1.0 / 3, -2.5e-9, 123456.789, 0.001, 7};
        for (double v : samples) {
            String text = Numbers.exact(v);
            assertEquals(v, Double.parseDouble(text), 0.0, text);
        }
        assertEquals("0.1", Numbers.exact(0.1));
        assertEquals("7", Numbers.exact(7));
        assertEquals("-2.5e-9", Numbers.exact(-2.5e-9));
    }

    @Test
    void rejectsZeroDigits() {
        assertThrows(IllegalArgumentException.class, () -> Numbers.significant(1, 0));
    }
}
