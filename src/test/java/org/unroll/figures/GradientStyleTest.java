package org.unroll.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradientStyleTest {

    @Test
    void aUnitGradientIsAnOpaqueBlueArrowOfTheUnitWidth() {
        GradientStyle s = GradientStyle.of(1.0);
        assertEquals(GradientStyle.UNIT_WIDTH, s.width(), 1e-12);
        assertEquals(GradientStyle.BLUE, s.rgb());
        assertEquals(1.0, s.alpha(), 1e-12);
        assertFalse(s.broken());
    }

    @Test
    void widthGrowsWithTheLogOfTheNormAndIsBounded() {
        double[] norms = {1e-9, 1e-4, 1e-2, 0.1, 0.5, 1, 2, 10, 100, 1e4, 1e9};
        for (int i = 1; i < norms.length; i++) {
            assertTrue(GradientStyle.of(norms[i]).width() >= GradientStyle.of(norms[i - 1]).width(),
                    "monotone at " + norms[i]);
        }
        assertEquals(GradientStyle.UNIT_WIDTH + GradientStyle.WIDTH_PER_DECADE_UP, GradientStyle.of(10).width(), 1e-9);
        assertEquals(GradientStyle.UNIT_WIDTH - GradientStyle.WIDTH_PER_DECADE_DOWN, GradientStyle.of(0.1).width(), 1e-9);
        assertEquals(GradientStyle.MAX_WIDTH, GradientStyle.of(1e9).width(), 1e-12);
        assertEquals(GradientStyle.MIN_WIDTH, GradientStyle.of(1e-9).width(), 1e-12);
    }

    @Test
    void explodingIsRedAndVanishingFadesToGrey() {
        GradientStyle big = GradientStyle.of(1e3);
        assertEquals(GradientStyle.RED, big.rgb(), "from 100 on fully red");
        assertTrue(GradientStyle.of(10).red() > GradientStyle.of(1).red(), "redder as it grows");
        GradientStyle tiny = GradientStyle.of(1e-6);
        assertEquals(GradientStyle.MIN_ALPHA, tiny.alpha(), 1e-12);
        assertEquals(GradientStyle.GREY, tiny.rgb());
        assertTrue(GradientStyle.of(1e-2).alpha() < GradientStyle.of(0.5).alpha(), "fades as it shrinks");
        assertEquals(GradientStyle.of(1e-30).alpha(), GradientStyle.of(0.0).alpha(), 1e-12, "zero is as faint as can be");
    }

    @Test
    void nanAndInfinityAreMarkedBroken() {
        assertTrue(GradientStyle.of(Double.NaN).broken());
        assertTrue(GradientStyle.of(Double.POSITIVE_INFINITY).broken());
        assertEquals(GradientStyle.MAX_WIDTH, GradientStyle.of(Double.NaN).width(), 1e-12);
    }
}
