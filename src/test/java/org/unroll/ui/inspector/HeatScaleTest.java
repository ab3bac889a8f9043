package org.unroll.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatScaleTest {

    private final HeatScale scale = new HeatScale(2.0);

    @Test
    void zeroIsNearWhiteAndEndsAreDarkBlueAndDarkRed() {
        assertEquals(0xF7F7F7, scale.rgb(0));
        assertEquals(0x2166AC, scale.rgb(-2));
        assertEquals(0xB2182B, scale.rgb(2));
    }

    @Test
    void negativeIsBlueishAndPositiveReddish() {
        int neg = scale.rgb(-1);
        int pos = scale.rgb(1);
        assertTrue((neg & 0xFF) > (neg >> 16 & 0xFF), "blue > red for negatives");
        assertTrue((pos >> 16 & 0xFF) > (pos & 0xFF), "red > blue for positives");
    }

    @Test
    void saturatesBeyondTheScaleAndInfinitiesTakeTheEnds() {
        assertEquals(scale.rgb(2), scale.rgb(50));
        assertEquals(scale.rgb(-2), scale.rgb(Double.NEGATIVE_INFINITY));
        assertEquals(scale.rgb(2), scale.rgb(Double.POSITIVE_INFINITY));
    }

    @Test
    void nanIsNeutralGrey() {
        assertEquals(HeatScale.NAN_RGB, scale.rgb(Double.NaN));
        assertEquals(0, scale.position(Double.NaN));
    }

    @Test
    void colourIntensityGrowsMonotonicallyWithMagnitude() {
        double previous = HeatScale.relativeLuminance(scale.rgb(0));
        for (double v = 0.1; v <= 2.0; v += 0.1) {
            double lum = HeatScale.relativeLuminance(scale.rgb(v));
            assertTrue(lum <= previous + 1e-9, "luminance should fall as |v| grows, at " + v);
            previous = lum;
        }
    }

    @Test
    void symmetricMagnitudesAreEquallyIntense() {
        for (double v = 0.2; v <= 2.0; v += 0.2) {
            double neg = HeatScale.relativeLuminance(scale.rgb(-v));
            double pos = HeatScale.relativeLuminance(scale.rgb(v));
            assertEquals(neg, pos, 0.08, "at ±" + v);
        }
    }

    @Test
    void unitRgbMatchesIntRgb() {
        double[] unit = scale.rgbUnit(2);
        assertEquals(0xB2 / 255.0, unit[0], 1e-12);
        assertEquals(0x18 / 255.0, unit[1], 1e-12);
        assertEquals(0x2B / 255.0, unit[2], 1e-12);
    }

    @Test
    void fittingUsesLargestFiniteMagnitude() {
        double[][] m = {{0.5, -3}, {Double.NaN, Double.POSITIVE_INFINITY}};
        assertEquals(3, HeatScale.fitting(m).maxAbs());
        assertEquals(1, HeatScale.fitting(new double[][] {{0, 0}}).maxAbs());
    }

    @Test
    void textIsWhiteOnDarkEndsAndBlackInTheMiddle() {
        assertEquals(0xFFFFFF, HeatScale.textRgbOn(scale.rgb(-2)));
        assertEquals(0xFFFFFF, HeatScale.textRgbOn(scale.rgb(2)));
        assertEquals(0x000000, HeatScale.textRgbOn(scale.rgb(0)));
        assertNotEquals(HeatScale.textRgbOn(0x000000), HeatScale.textRgbOn(0xFFFFFF));
    }

    @Test
    void rejectsNonPositiveScale() {
        assertThrows(IllegalArgumentException.class, () -> new HeatScale(0));
        assertThrows(IllegalArgumentException.class, () -> new HeatScale(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new HeatScale(Double.POSITIVE_INFINITY));
    }
}
