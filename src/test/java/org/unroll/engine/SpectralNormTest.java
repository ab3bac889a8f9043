package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The power iteration against an exact decomposition (cyclic Jacobi on AᵀA) on small matrices. */
class SpectralNormTest {

    private static double[][] random(int rows, int cols, Random rng, double scale) {
        double[][] a = new double[rows][cols];
        for (double[] r : a) {
            for (int j = 0; j < cols; j++) {
                r[j] = rng.nextGaussian() * scale;
            }
        }
        return a;
    }

    @Test
    void randomMatricesMatchTheExactNorm() {
        Random rng = new Random(11);
        for (int n = 1; n <= 9; n++) {
            for (int m = 1; m <= 9; m += 4) {
                double[][] a = random(n, m, rng, 1);
                double exact = Spectral.norm(a);
                assertEquals(exact, SpectralNorm.of(new DMatrixRMaj(a)), 1e-12 * exact, n + "x" + m);
                SpectralNorm it = new SpectralNorm(n, m);
                assertEquals(exact, it.block(new DMatrixRMaj(a).data, 0, m), 1e-9 * exact, "iteration " + n + "x" + m);
            }
        }
    }

    @Test
    void warmStartsOverASequenceOfBlocks() {
        // the blocks of a product change slowly, as a Jacobian product's do
        Random rng = new Random(12);
        double[][] a = random(6, 6, rng, 1);
        SpectralNorm it = new SpectralNorm(6, 6);
        for (int k = 0; k < 50; k++) {
            double[][] b = random(6, 6, rng, 0.3);
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    a[i][j] += b[i][j];
                }
            }
            double exact = Spectral.norm(a);
            assertEquals(exact, it.block(new DMatrixRMaj(a).data, 0, 6), 1e-9 * exact, "block " + k);
        }
    }

    @Test
    void aBlockInsideALargerMatrix() {
        Random rng = new Random(13);
        double[][] big = random(7, 9, rng, 1);
        double[][] block = new double[3][4];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(big[2 + i], 5, block[i], 0, 4);
        }
        double exact = Spectral.norm(block);
        DMatrixRMaj m = new DMatrixRMaj(big);
        assertEquals(exact, new SpectralNorm(3, 4).block(m.data, 2 * 9 + 5, 9), 1e-9 * exact);
    }

    @Test
    void hugeAndTinyMatricesDoNotFail() {
        Random rng = new Random(14);
        double[][] unit = random(5, 5, rng, 1);
        double exact = Spectral.norm(unit);
        for (double scale : new double[] {1e300, 1e-300, 0x1p-1060}) {
            double[][] a = new double[5][5];
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    a[i][j] = unit[i][j] * scale;
                }
            }
            double expected = exact * scale;
            double tolerance = scale < 1e-300 ? 1e-3 : 1e-11;
            assertEquals(expected, SpectralNorm.of(new DMatrixRMaj(a)), tolerance * expected, "× " + scale);
            assertEquals(expected, new SpectralNorm(5, 5).block(new DMatrixRMaj(a).data, 0, 5),
                    1e-3 * expected, "iteration × " + scale);
        }
        // every entry finite but the norm beyond a double: +∞
        DMatrixRMaj max = new DMatrixRMaj(3, 3);
        java.util.Arrays.fill(max.data, Double.MAX_VALUE);
        assertEquals(Double.POSITIVE_INFINITY, SpectralNorm.of(max));
        assertEquals(Double.POSITIVE_INFINITY, new SpectralNorm(3, 3).block(max.data, 0, 3));
    }

    @Test
    void specialMatrices() {
        assertEquals(0.0, SpectralNorm.of(new DMatrixRMaj(4, 4)));
        DMatrixRMaj id = new DMatrixRMaj(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertEquals(1.0, new SpectralNorm(3, 3).block(id.data, 0, 3), 1e-15);
        // rank one, and a start vector orthogonal to its row space
        DMatrixRMaj rankOne = new DMatrixRMaj(new double[][] {{1, -1}, {2, -2}});
        assertEquals(Math.sqrt(10), new SpectralNorm(2, 2).block(rankOne.data, 0, 2), 1e-12);
        DMatrixRMaj inf = new DMatrixRMaj(new double[][] {{1, Double.NEGATIVE_INFINITY}});
        assertEquals(Double.POSITIVE_INFINITY, SpectralNorm.of(inf));
        DMatrixRMaj nan = new DMatrixRMaj(new double[][] {{1, Double.NaN}});
        assertTrue(Double.isNaN(SpectralNorm.of(nan)));
        // equal singular values: any unit vector is a singular vector
        DMatrixRMaj rotation = new DMatrixRMaj(new double[][] {{0.6, -0.8}, {0.8, 0.6}});
        assertEquals(1.0, new SpectralNorm(2, 2).block(rotation.data, 0, 2), 1e-14);
    }
}
