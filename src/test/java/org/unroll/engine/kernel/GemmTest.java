package org.unroll.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/** Every product of both kernels against EJML's CommonOps_DDRM, to 1e-12 relative to the largest entry. */
class GemmTest {

    private static final double RELATIVE_TOLERANCE = 1e-12;

    /** (m, k, n): odd, even, vector-length multiples and not, 1 to 3 rows (A·Bᵀ by dot products), depth beyond one chunk. */
    private static final int[][] SIZES = {
        {1, 1, 1}, {3, 5, 7}, {2, 3, 2}, {32, 32, 128}, {32, 128, 32}, {1, 32, 128}, {13, 17, 19},
        {6, 9, 43}, {33, 40, 41}, {5, 7, 8}, {7, 300, 45}, {32, 2, 128}, {4, 64, 1}, {3, 19, 9}, {1, 300, 6}, {2, 16, 4},
        {5, 1, 19}, {6, 3, 24}, {3, 4, 17}, {2, 2, 9},
    };

    private final Random random = new Random(20240611L);

    static Stream<Arguments> kernels() {
        return Stream.of(
                Arguments.of("scalar", new Multiplier(new ScalarKernel())),
                Arguments.of("vector", new Multiplier(new VectorKernel())));
    }

    static Stream<Arguments> kernelsAndSizes() {
        return kernels().flatMap(kernel -> Arrays.stream(SIZES).map(size -> Arguments.of(
                kernel.get()[0], kernel.get()[1], size[0], size[1], size[2])));
    }

    @ParameterizedTest(name = "{0} {2}x{3}·({4}x{3})ᵀ")
    @MethodSource("kernelsAndSizes")
    void multTransBMatchesEjml(String name, Multiplier multiplier, int m, int k, int n) {
        DMatrixRMaj a = random(m, k);
        DMatrixRMaj b = random(n, k);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(a, b, expected);
        DMatrixRMaj actual = filled(m, n, Double.NaN);

        multiplier.timesTransposed(a, 0, m, b, actual, 0, false);

        assertClose(expected, actual);
    }

    @ParameterizedTest(name = "{0} {2}x{3}·({4}x{3})ᵀ")
    @MethodSource("kernelsAndSizes")
    void multAddTransBMatchesEjml(String name, Multiplier multiplier, int m, int k, int n) {
        DMatrixRMaj a = random(m, k);
        DMatrixRMaj b = random(n, k);
        DMatrixRMaj expected = random(m, n);
        DMatrixRMaj actual = expected.copy();
        CommonOps_DDRM.multAddTransB(a, b, expected);

        multiplier.timesTransposed(a, 0, m, b, actual, 0, true);

        assertClose(expected, actual);
    }

    @ParameterizedTest(name = "{0} {2}x{3}·{3}x{4}")
    @MethodSource("kernelsAndSizes")
    void multMatchesEjml(String name, Multiplier multiplier, int m, int k, int n) {
        DMatrixRMaj a = random(m, k);
        DMatrixRMaj b = random(k, n);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(a, b, expected);
        DMatrixRMaj actual = filled(m, n, Double.NaN);

        multiplier.times(a, 0, m, b, actual, 0, false);

        assertClose(expected, actual);
    }

    @ParameterizedTest(name = "{0} {2}x{3}·{3}x{4}")
    @MethodSource("kernelsAndSizes")
    void multAddMatchesEjml(String name, Multiplier multiplier, int m, int k, int n) {
        DMatrixRMaj a = random(m, k);
        DMatrixRMaj b = random(k, n);
        DMatrixRMaj expected = random(m, n);
        DMatrixRMaj actual = expected.copy();
        CommonOps_DDRM.multAdd(a, b, expected);

        multiplier.times(a, 0, m, b, actual, 0, true);

        assertClose(expected, actual);
    }

    @ParameterizedTest(name = "{0} ({3}x{2})ᵀ·{3}x{4}")
    @MethodSource("kernelsAndSizes")
    void multAddTransAMatchesEjml(String name, Multiplier multiplier, int m, int k, int n) {
        DMatrixRMaj a = random(k, m);
        DMatrixRMaj b = random(k, n);
        DMatrixRMaj expected = random(m, n);
        DMatrixRMaj actual = expected.copy();
        CommonOps_DDRM.multAddTransA(a, b, expected);

        multiplier.transposedTimesAdd(a, 0, k, b, 0, actual);

        assertClose(expected, actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void multAddTransAOverWholeSequenceMatchesEjml(String name, Multiplier multiplier) {
        DMatrixRMaj dz = random(1920, 128);
        DMatrixRMaj hPrev = random(1920, 32);
        DMatrixRMaj expected = random(128, 32);
        DMatrixRMaj actual = expected.copy();
        CommonOps_DDRM.multAddTransA(dz, hPrev, expected);

        multiplier.transposedTimesAdd(dz, 0, 1920, hPrev, 0, actual);

        assertClose(expected, actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void rowRangeProductsTouchOnlyTheirRows(String name, Multiplier multiplier) {
        int batch = 5;
        int steps = 4;
        int t = 2;
        DMatrixRMaj h = random(steps * batch, 33);
        DMatrixRMaj w = random(36, 33);
        DMatrixRMaj wt = CommonOps_DDRM.transpose(w, null);
        DMatrixRMaj ht = CommonOps_DDRM.extract(h, t * batch, (t + 1) * batch, 0, 33);
        DMatrixRMaj zt = new DMatrixRMaj(batch, 36);
        CommonOps_DDRM.multTransB(ht, w, zt);

        // Z[t] = H[t]·Wᵀ and Z[t] += H[t]·Wᵀ, written into step t + 1 of Z
        DMatrixRMaj z = random(steps * batch, 36);
        DMatrixRMaj expected = z.copy();
        CommonOps_DDRM.insert(zt, expected, (t + 1) * batch, 0);
        multiplier.timesTransposed(h, t * batch, batch, w, z, (t + 1) * batch, false);
        assertClose(expected, z);
        multiplier.times(h, t * batch, batch, wt, z, (t + 1) * batch, true);
        CommonOps_DDRM.insert(scaled(2, zt), expected, (t + 1) * batch, 0);
        assertClose(expected, z);

        // same rows with A·B, overwriting then adding
        multiplier.times(h, t * batch, batch, wt, z, (t + 1) * batch, false);
        multiplier.timesTransposed(h, t * batch, batch, w, z, (t + 1) * batch, true);
        assertClose(expected, z);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void rowRangeTransposedProductSumsOverTheRange(String name, Multiplier multiplier) {
        DMatrixRMaj dz = random(20, 36);
        DMatrixRMaj x = random(24, 3);
        DMatrixRMaj dzt = CommonOps_DDRM.extract(dz, 5, 10, 0, 36);
        DMatrixRMaj xt = CommonOps_DDRM.extract(x, 15, 20, 0, 3);
        DMatrixRMaj expected = random(36, 3);
        DMatrixRMaj actual = expected.copy();
        CommonOps_DDRM.multAddTransA(dzt, xt, expected);

        multiplier.transposedTimesAdd(dz, 5, 5, x, 15, actual);

        assertClose(expected, actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void emptyInnerDimensionGivesZeroOrLeavesCUnchanged(String name, Multiplier multiplier) {
        DMatrixRMaj a = new DMatrixRMaj(3, 0);
        DMatrixRMaj product = filled(3, 4, Double.NaN);
        multiplier.times(a, 0, 3, new DMatrixRMaj(0, 4), product, 0, false);
        assertClose(new DMatrixRMaj(3, 4), product);

        DMatrixRMaj sum = random(3, 4);
        DMatrixRMaj before = sum.copy();
        multiplier.timesTransposed(a, 0, 3, new DMatrixRMaj(4, 0), sum, 0, true);
        assertClose(before, sum);
    }

    @Test
    void publicMethodsMatchEjml() {
        DMatrixRMaj a = random(9, 11);
        DMatrixRMaj bt = random(13, 11);
        DMatrixRMaj b = random(11, 13);
        DMatrixRMaj expected = new DMatrixRMaj(9, 13);
        DMatrixRMaj actual = new DMatrixRMaj(9, 13);

        CommonOps_DDRM.multTransB(a, bt, expected);
        Gemm.multTransB(a, bt, actual);
        assertClose(expected, actual);
        CommonOps_DDRM.multAddTransB(a, bt, expected);
        Gemm.multAddTransB(a, bt, actual);
        assertClose(expected, actual);
        CommonOps_DDRM.mult(a, b, expected);
        Gemm.mult(a, b, actual);
        assertClose(expected, actual);
        CommonOps_DDRM.multAdd(a, b, expected);
        Gemm.multAdd(a, b, actual);
        assertClose(expected, actual);

        DMatrixRMaj c = random(9, 13);
        DMatrixRMaj expectedT = random(11, 13);
        DMatrixRMaj actualT = expectedT.copy();
        CommonOps_DDRM.multAddTransA(a, c, expectedT);
        Gemm.multAddTransA(a, c, actualT);
        assertClose(expectedT, actualT);
    }

    @Test
    void publicRowRangeMethodsMatchFullMethodsOnExtractedRows() {
        DMatrixRMaj a = random(12, 5);
        DMatrixRMaj w = random(7, 5);
        DMatrixRMaj wt = CommonOps_DDRM.transpose(w, null);
        DMatrixRMaj rows = CommonOps_DDRM.extract(a, 4, 8, 0, 5);
        DMatrixRMaj step = new DMatrixRMaj(4, 7);
        Gemm.multTransB(rows, w, step);

        DMatrixRMaj c = new DMatrixRMaj(12, 7);
        DMatrixRMaj expected = new DMatrixRMaj(12, 7);
        CommonOps_DDRM.insert(step, expected, 8, 0);
        Gemm.multTransB(a, 4, 4, w, c, 8);
        assertClose(expected, c);
        Gemm.mult(a, 4, 4, wt, c, 8);
        assertClose(expected, c);
        CommonOps_DDRM.insert(scaled(3, step), expected, 8, 0);
        Gemm.multAddTransB(a, 4, 4, w, c, 8);
        Gemm.multAdd(a, 4, 4, wt, c, 8);
        assertClose(expected, c);

        DMatrixRMaj dw = new DMatrixRMaj(5, 7);
        Gemm.multAddTransA(a, 4, 4, c, 8, dw);
        DMatrixRMaj expectedDw = new DMatrixRMaj(5, 7);
        CommonOps_DDRM.multTransA(rows, scaled(3, step), expectedDw);
        assertClose(expectedDw, dw);
    }

    @Test
    void shapeMismatchesAreRejected() {
        DMatrixRMaj a = new DMatrixRMaj(3, 4);
        assertThrows(IllegalArgumentException.class, () -> Gemm.multTransB(a, new DMatrixRMaj(5, 3), new DMatrixRMaj(3, 5)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multTransB(a, new DMatrixRMaj(5, 4), new DMatrixRMaj(3, 4)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multTransB(a, new DMatrixRMaj(5, 4), new DMatrixRMaj(4, 5)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAddTransB(a, new DMatrixRMaj(5, 4), new DMatrixRMaj(2, 5)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.mult(a, new DMatrixRMaj(3, 5), new DMatrixRMaj(3, 5)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.mult(a, new DMatrixRMaj(4, 5), new DMatrixRMaj(3, 6)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAdd(a, new DMatrixRMaj(4, 5), new DMatrixRMaj(4, 5)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAddTransA(a, new DMatrixRMaj(2, 5), new DMatrixRMaj(4, 5)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAddTransA(a, new DMatrixRMaj(3, 5), new DMatrixRMaj(3, 5)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAddTransA(a, new DMatrixRMaj(3, 5), new DMatrixRMaj(4, 6)));
    }

    @Test
    void rowRangesOutsideTheMatrixAreRejected() {
        DMatrixRMaj a = new DMatrixRMaj(6, 4);
        DMatrixRMaj w = new DMatrixRMaj(5, 4);
        DMatrixRMaj c = new DMatrixRMaj(6, 5);
        assertThrows(IllegalArgumentException.class, () -> Gemm.multTransB(a, 4, 3, w, c, 0));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAddTransB(a, 0, 3, w, c, 4));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAddTransB(a, -1, 3, w, c, 0));
        assertThrows(IllegalArgumentException.class, () -> Gemm.mult(a, 0, -1, new DMatrixRMaj(4, 5), c, 0));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAdd(a, 0, 7, new DMatrixRMaj(4, 5), c, 0));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAddTransA(a, 3, 3, c, 4, new DMatrixRMaj(4, 5)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAddTransA(a, 4, 3, c, 0, new DMatrixRMaj(4, 5)));
    }

    @Test
    void outputAliasingAnInputIsRejected() {
        DMatrixRMaj square = new DMatrixRMaj(4, 4);
        DMatrixRMaj other = new DMatrixRMaj(4, 4);
        assertThrows(IllegalArgumentException.class, () -> Gemm.mult(square, other, square));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAdd(other, square, square));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multTransB(square, other, square));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAddTransA(other, square, square));
    }

    @Test
    void comparisonDetectsASmallError() {
        DMatrixRMaj expected = random(3, 5);
        DMatrixRMaj actual = expected.copy();
        actual.set(2, 4, actual.get(2, 4) + 1e-9);
        assertThrows(AssertionFailedError.class, () -> assertClose(expected, actual));
    }

    @Test
    void testsRunWithTheVectorModule() {
        assertTrue(Gemm.usesVectorApi(), "surefire's argLine must add the jdk.incubator.vector module");
    }

    @ParameterizedTest(name = "{0} {2}x{3}·packed {3}x{4}")
    @MethodSource("kernelsAndSizes")
    void packedProductEqualsThePlainOneToTheBit(String name, Multiplier multiplier, int m, int k, int n) {
        DMatrixRMaj a = random(m + 3, k);
        DMatrixRMaj b = random(k, n);
        DMatrixRMaj bt = new DMatrixRMaj(n, k);
        CommonOps_DDRM.transpose(b, bt);
        PackedMatrix packed = multiplier.packed(k, n);
        PackedMatrix packedFromTranspose = multiplier.packed(k, n);
        multiplier.pack(b, false, packed);
        multiplier.pack(bt, true, packedFromTranspose);
        DMatrixRMaj plain = filled(m + 2, n, 7.0);
        DMatrixRMaj fromPack = filled(m + 2, n, 7.0);
        DMatrixRMaj fromTransposedPack = filled(m + 2, n, 7.0);

        // rows [2, 2 + m) of A into rows [1, 1 + m) of C; the rows around them stay as they were
        multiplier.times(a, 2, m, b, plain, 1, false);
        multiplier.times(a, 2, m, packed, null, fromPack, 1, false);
        multiplier.times(a, 2, m, packedFromTranspose, null, fromTransposedPack, 1, false);

        for (int i = 0; i < plain.getNumElements(); i++) {
            assertEquals(Double.doubleToLongBits(plain.data[i]), Double.doubleToLongBits(fromPack.data[i]),
                    name + " entry " + i);
            assertEquals(Double.doubleToLongBits(plain.data[i]), Double.doubleToLongBits(fromTransposedPack.data[i]),
                    name + " entry " + i + " (packed from Bᵀ)");
        }
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(CommonOps_DDRM.extract(a, 2, 2 + m, 0, k), b, expected);
        assertClose(expected, CommonOps_DDRM.extract(fromPack, 1, 1 + m, 0, n));

        // with a bias: the product, then the bias added to each row, as addRowVector adds it
        DMatrixRMaj bias = random(1, n);
        DMatrixRMaj withBias = filled(m + 2, n, 7.0);
        multiplier.times(a, 2, m, packed, bias, withBias, 1, false);
        Elementwise.addRowVector(bias.data, plain.data, n, m, n);
        for (int i = 0; i < plain.getNumElements(); i++) {
            assertEquals(Double.doubleToLongBits(plain.data[i]), Double.doubleToLongBits(withBias.data[i]),
                    name + " entry " + i + " with the bias");
        }
    }

    @Test
    void packedOperandsOfTheWrongShapeOrKernelAreRejected() {
        Multiplier vector = new Multiplier(new VectorKernel());
        Multiplier scalar = new Multiplier(new ScalarKernel());
        PackedMatrix packed = vector.packed(4, 16);
        assertThrows(IllegalArgumentException.class, () -> vector.pack(new DMatrixRMaj(4, 15), false, packed));
        assertThrows(IllegalArgumentException.class, () -> vector.pack(new DMatrixRMaj(4, 16), true, packed));
        assertThrows(IllegalArgumentException.class,
                () -> scalar.times(new DMatrixRMaj(2, 4), 0, 2, packed, null, new DMatrixRMaj(2, 16), 0, false));
        assertThrows(IllegalArgumentException.class,
                () -> vector.times(new DMatrixRMaj(2, 5), 0, 2, packed, null, new DMatrixRMaj(2, 16), 0, false));
        assertThrows(IllegalArgumentException.class,
                () -> vector.times(new DMatrixRMaj(2, 4), 1, 2, packed, null, new DMatrixRMaj(2, 16), 0, false));
    }

    private DMatrixRMaj random(int rows, int cols) {
        return RandomMatrices_DDRM.rectangle(rows, cols, -1, 1, random);
    }

    private static DMatrixRMaj scaled(double alpha, DMatrixRMaj matrix) {
        DMatrixRMaj result = new DMatrixRMaj(matrix.numRows, matrix.numCols);
        CommonOps_DDRM.scale(alpha, matrix, result);
        return result;
    }

    private static DMatrixRMaj filled(int rows, int cols, double value) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        Arrays.fill(matrix.data, value);
        return matrix;
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual) {
        assertEquals(expected.numRows, actual.numRows, "rows");
        assertEquals(expected.numCols, actual.numCols, "columns");
        double scale = 1.0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            scale = Math.max(scale, Math.abs(expected.data[i]));
        }
        double tolerance = RELATIVE_TOLERANCE * scale;
        for (int r = 0; r < expected.numRows; r++) {
            for (int c = 0; c < expected.numCols; c++) {
                double e = expected.get(r, c);
                double a = actual.get(r, c);
                if (!(Math.abs(e - a) <= tolerance)) {
                    throw new AssertionFailedError("C[" + r + "][" + c + "]: expected " + e + " but was " + a
                            + " (tolerance " + tolerance + ")");
                }
            }
        }
    }
}
