package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Euclidean norms overflow only when the norm does, and agree with the plain formula elsewhere. */
class NormsTest {

    @Test
    void agreesWithTheSumOfSquaresInTheOrdinaryRange() {
        Random rng = new Random(3);
        for (int n = 1; n < 40; n++) {
            double[] v = new double[n];
            double s = 0;
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextGaussian();
                s += v[i] * v[i];
            }
            assertEquals(Math.sqrt(s), Norms.euclidean(v), 1e-14 * Math.sqrt(s));
        }
    }

    @Test
    void hugeEntriesDoNotOverflow() {
        // Σ x² would be 2.5e453 + …: ∞ in doubles, though the norm is 5.0e226
        double[] v = {3e226, 4e226};
        assertEquals(5e226, Norms.euclidean(v), 1e212);
        double[] near = {Double.MAX_VALUE / 2, Double.MAX_VALUE / 2};
        assertEquals(Double.MAX_VALUE / Math.sqrt(2), Norms.euclidean(near), 1e294);
        // the norm itself beyond the largest double is +∞
        assertEquals(Double.POSITIVE_INFINITY, Norms.euclidean(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}));
    }

    @Test
    void tinyEntriesDoNotUnderflow() {
        double[] v = {3e-200, 4e-200};
        assertEquals(5e-200, Norms.euclidean(v), 1e-214);
        double[] subnormal = {3 * Double.MIN_VALUE, 4 * Double.MIN_VALUE};
        assertEquals(5 * Double.MIN_VALUE, Norms.euclidean(subnormal), Double.MIN_VALUE);
    }

    @Test
    void nonFiniteEntries() {
        assertEquals(Double.POSITIVE_INFINITY, Norms.euclidean(new double[] {1, Double.NEGATIVE_INFINITY}));
        assertTrue(Double.isNaN(Norms.euclidean(new double[] {Double.POSITIVE_INFINITY, Double.NaN})));
        assertEquals(0.0, Norms.euclidean(new double[0]));
    }

    @Test
    void blocksOfRowsAndCombinedMatrices() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{1, 2}, {3e200, 4e200}, {0, 0}});
        assertEquals(Math.sqrt(5), Norms.rows(m, 0, 1), 1e-15);
        assertEquals(5e200, Norms.rows(m, 1, 2), 1e186);
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{3e300}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{4e300}});
        assertEquals(5e300, Norms.combined(List.of(a, b)), 1e286);
        assertEquals(0.0, Norms.combined(List.of(new DMatrixRMaj(2, 2))));
    }
}
