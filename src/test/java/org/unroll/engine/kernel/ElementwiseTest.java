package org.unroll.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unroll.engine.kernel.ElementKernel.Op;

/**
 * Both element kernels against the formula written out here, element by element: the arithmetic to the bit (the
 * vector kernel must not fuse or reorder), σ and tanh to a few ulps; every length from 0 to a few vectors (so both
 * the vector loops and the scalar tails run), at odd offsets, and in place.
 */
class ElementwiseTest {
    private final Random random = new Random(7);

    /** out[i] for op at inputs a, b, c, d, written from the operation's definition. */
    private static double expected(Op op, double a, double b, double c, double d) {
        return switch (op) {
            case SUM -> a + b;
            case PRODUCT -> a * b;
            case TWO_PRODUCTS -> a * b + c * d;
            case ADD_PRODUCT -> a + b * c;
            case INTERPOLATE -> (1 - a) * b + a * c;
            case SIGMOID_GRADIENT -> a * b * c * (1 - c);
            case TANH_GRADIENT -> a * b * (1 - c * c);
            case SIGMOID -> 1 / (1 + StrictMath.exp(-a));
            case TANH -> StrictMath.tanh(a);
        };
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void bothKernelsComputeTheOperation(Op op) {
        for (ElementKernel kernel : new ElementKernel[] {new ScalarElements(), new VectorElements()}) {
            for (int n = 0; n <= 37; n++) {
                double[] a = randoms(n + 3);
                double[] b = randoms(n + 5);
                double[] c = randoms(n + 2);
                double[] d = randoms(n + 1);
                double[] out = new double[n + 4];
                out[0] = 42;
                kernel.apply(op, a, 3, b, 5, c, 2, d, 1, out, 1, n);
                assertEquals(42, out[0], "wrote before the run");
                for (int i = 0; i < n; i++) {
                    double want = expected(op, a[3 + i], b[5 + i], c[2 + i], d[1 + i]);
                    String where = kernel.getClass().getSimpleName() + " " + op + " n=" + n + " i=" + i;
                    if (op == Op.SIGMOID || op == Op.TANH) {
                        assertEquals(want, out[1 + i], 4 * Math.ulp(want) + 1e-300, where);
                    } else {
                        assertEquals(want, out[1 + i], 0.0, where);
                    }
                }
                for (int i = n + 1; i < out.length; i++) {
                    assertEquals(0.0, out[i], "wrote past the run");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void rowFormsComputeEachRowAtItsStride(Op op) {
        for (ElementKernel kernel : new ElementKernel[] {new ScalarElements(), new VectorElements()}) {
            for (int n : new int[] {0, 1, 3, 4, 5, 8, 13, 32}) {
                int rows = 5;
                // strides: a and out like a gate block (wider than n), b a state (= n), c reused (0), d wider still
                int as = n + 7;
                int bs = n;
                int ds = 2 * n + 3;
                int os = n + 7;
                double[] a = randoms(2 + rows * as);
                double[] b = randoms(1 + rows * bs);
                double[] c = randoms(n + 3);
                double[] d = randoms(4 + rows * ds);
                double[] out = new double[1 + rows * os];
                double[] before = out.clone();
                kernel.apply(op, rows, n, a, 2, as, b, 1, bs, c, 3, 0, d, 4, ds, out, 1, os);
                boolean[] written = new boolean[out.length];
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < n; i++) {
                        int at = 1 + r * os + i;
                        written[at] = true;
                        double want = expected(op, a[2 + r * as + i], b[1 + r * bs + i], c[3 + i], d[4 + r * ds + i]);
                        String where = kernel.getClass().getSimpleName() + " " + op + " n=" + n + " r=" + r + " i=" + i;
                        if (op == Op.SIGMOID || op == Op.TANH) {
                            assertEquals(want, out[at], 4 * Math.ulp(want) + 1e-300, where);
                        } else {
                            assertEquals(want, out[at], 0.0, where);
                        }
                    }
                }
                for (int i = 0; i < out.length; i++) {
                    if (!written[i]) {
                        assertEquals(before[i], out[i], "wrote between the rows at " + i);
                    }
                }
            }
        }
    }

    @Test
    void rowFormInPlaceWithStrideZeroAccumulatesTheRowsInOrder() {
        double[] v = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        double[] a = randoms(3 * 6);
        for (ElementKernel kernel : new ElementKernel[] {new ScalarElements(), new VectorElements()}) {
            double[] sums = v.clone();
            kernel.apply(Op.SUM, 3, 6, sums, 0, 0, a, 0, 6, null, 0, 0, null, 0, 0, sums, 0, 0);
            for (int j = 0; j < 6; j++) {
                double want = ((v[j] + a[j]) + a[6 + j]) + a[12 + j];
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(sums[j]), "column " + j);
            }
        }
    }

    @Test
    void theLstmGradientPassGivesTheBitsOfTheSixRunsItStandsFor() {
        for (ElementKernel kernel : new ElementKernel[] {new ScalarElements(), new VectorElements()}) {
            for (int hs : new int[] {1, 3, 4, 5, 8, 13, 32}) {
                int rows = 3;
                int g4 = 4 * hs;
                double[] dh = randoms(2 + rows * hs);
                double[] tanhC = randoms(1 + rows * hs);
                double[] cPrev = randoms(3 + rows * hs);
                double[] dcNext = randoms(4 + rows * hs);
                double[] gates = randoms(5 + rows * g4);
                // the separate runs, as the stages compute them
                double[] dcWant = new double[1 + rows * hs];
                double[] dAWant = new double[2 + rows * g4];
                kernel.apply(Op.TANH_GRADIENT, rows, hs, dh, 2, hs, gates, 5 + 3 * hs, g4, tanhC, 1, hs, null, 0, 0,
                        dcWant, 1, hs);
                kernel.apply(Op.SUM, rows, hs, dcWant, 1, hs, dcNext, 4, hs, null, 0, 0, null, 0, 0, dcWant, 1, hs);
                kernel.apply(Op.SIGMOID_GRADIENT, rows, hs, dcWant, 1, hs, gates, 5 + 2 * hs, g4, gates, 5, g4, null, 0,
                        0, dAWant, 2, g4);
                kernel.apply(Op.SIGMOID_GRADIENT, rows, hs, dcWant, 1, hs, cPrev, 3, hs, gates, 5 + hs, g4, null, 0, 0,
                        dAWant, 2 + hs, g4);
                kernel.apply(Op.TANH_GRADIENT, rows, hs, dcWant, 1, hs, gates, 5, g4, gates, 5 + 2 * hs, g4, null, 0, 0,
                        dAWant, 2 + 2 * hs, g4);
                kernel.apply(Op.SIGMOID_GRADIENT, rows, hs, dh, 2, hs, tanhC, 1, hs, gates, 5 + 3 * hs, g4, null, 0, 0,
                        dAWant, 2 + 3 * hs, g4);
                double[] dc = new double[dcWant.length];
                double[] dA = new double[dAWant.length];
                kernel.lstmGradients(rows, hs, dh, 2, tanhC, 1, cPrev, 3, dcNext, 4, gates, 5, dc, 1, dA, 2);
                String where = kernel.getClass().getSimpleName() + " hs=" + hs;
                assertBits(dcWant, dc, where + " dc");
                assertBits(dAWant, dA, where + " dA");
            }
        }
    }

    private static void assertBits(double[] want, double[] got, String where) {
        for (int i = 0; i < want.length; i++) {
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), where + " at " + i);
        }
    }

    @Test
    void vectorAndScalarGiveTheSameBitsInPlace() {
        double[] x = randoms(50);
        double[] y = x.clone();
        new ScalarElements().apply(Op.TWO_PRODUCTS, x, 3, x, 10, x, 20, x, 30, x, 3, 17);
        new VectorElements().apply(Op.TWO_PRODUCTS, y, 3, y, 10, y, 20, y, 30, y, 3, 17);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToLongBits(x[i]), Double.doubleToLongBits(y[i]), "element " + i);
        }
    }

    @Test
    void tanhIsOddAndExactNearZeroAndSaturates() {
        double[] z = {1e-10, -1e-10, 0.03, -0.0624, 0.0626, 20, -20, 400, -400};
        double[] out = new double[z.length];
        new VectorElements().apply(Op.TANH, z, 0, null, 0, null, 0, null, 0, out, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(StrictMath.tanh(z[i]), out[i], 4 * Math.ulp(StrictMath.tanh(z[i])), "z = " + z[i]);
        }
        assertTrue(Double.isNaN(Elementwise.tanh(Double.NaN)));
    }

    @Test
    void rowVectorAndColumnSumsAddRowByRow() {
        double[] v = {1, 2, 3, 4, 5};
        double[] c = new double[3 * 5 + 2];
        Elementwise.addRowVector(v, c, 2, 3, 5);
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(v[j], c[2 + r * 5 + j]);
            }
        }
        double[] sums = {10, 0, 0, 0, 0};
        Elementwise.addColumnSums(c, 2, 3, 5, sums);
        assertEquals(13, sums[0]);
        assertEquals(15, sums[4]);
    }

    private double[] randoms(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() * 3;
        }
        return x;
    }
}
