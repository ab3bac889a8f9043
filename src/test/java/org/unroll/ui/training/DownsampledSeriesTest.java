package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DownsampledSeriesTest {
    @Test
    void keepsEveryPointWhileThereIsRoom() {
        DownsampledSeries s = new DownsampledSeries(8);
        for (int i = 0; i < 7; i++) {
            s.add(i, 10 + i);
        }
        assertEquals(7, s.pointCount());
        assertEquals(1, s.bucketWidth());
        assertEquals(16.0, s.ys()[6]);
        assertEquals(6.0, s.xs()[6]);
        // the eighth fills the slots: neighbours merge, the width doubles
        s.add(7, 17);
        assertEquals(4, s.pointCount());
        assertEquals(2, s.bucketWidth());
        assertEquals(10.5, s.ys()[0]);
    }

    @Test
    void aHundredThousandUpdatesStayBoundedAndEachPointIsTheMeanOfItsBucket() {
        DownsampledSeries s = new DownsampledSeries(1000);
        for (int i = 0; i < 100_000; i++) {
            s.add(i, 3.0 * i + 1);
        }
        int n = s.pointCount();
        assertTrue(n <= 1000 && n >= 500, "points: " + n);
        assertEquals(128, s.bucketWidth());
        double[] x = s.xs();
        double[] y = s.ys();
        for (int k = 0; k < n; k++) {
            // y = 3x + 1 is linear, so the mean of a bucket lies on the same line
            assertEquals(3.0 * x[k] + 1, y[k], 1e-6);
            if (k > 0) {
                assertTrue(x[k] > x[k - 1]);
            }
        }
        // the first bucket holds updates 0…127, the open bucket ends at the newest update
        assertEquals(63.5, x[0], 1e-9);
        assertTrue(x[n - 1] > 99_800, "last x " + x[n - 1]);
        assertEquals(100_000, s.added());
    }

    @Test
    void theMeanOfAllPointsIsKept() {
        DownsampledSeries s = new DownsampledSeries(4);
        double[] v = {4, 0, 2, 2, 8, 0, 1, 3};
        for (int i = 0; i < v.length; i++) {
            s.add(i, v[i]);
        }
        // 8 values, 4 slots: merged twice, into 2 buckets of 4 whose means are those of their values
        assertEquals(2, s.pointCount());
        assertEquals(4, s.bucketWidth());
        double[] y = s.ys();
        assertEquals(2.0, y[0]);
        assertEquals(3.0, y[1]);
        assertEquals(1.5, s.xs()[0]);
        s.add(8, 9);
        assertEquals(3, s.pointCount());
        assertEquals(9.0, s.ys()[2]);
        assertEquals(8.0, s.xs()[2]);
    }

    @Test
    void skipsNonFiniteValuesAndClears() {
        DownsampledSeries s = new DownsampledSeries(4);
        s.add(0, Double.NaN);
        s.add(1, Double.POSITIVE_INFINITY);
        s.add(2, 1.5);
        assertEquals(1, s.pointCount());
        assertEquals(1.5, s.ys()[0]);
        s.clear();
        assertEquals(0, s.pointCount());
        assertEquals(1, s.bucketWidth());
        assertThrows(IllegalArgumentException.class, () -> new DownsampledSeries(3));
    }
}
