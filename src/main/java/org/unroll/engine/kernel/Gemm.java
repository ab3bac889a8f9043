package org.unroll.engine.kernel;

import org.ejml.data.DMatrixRMaj;

/**
 * Dense matrix products on row-major {@link DMatrixRMaj} for the engine's hot path, in the argument order of
 * EJML's {@code CommonOps_DDRM} (output last). Only C is modified.
 *
 * <p>Runs on the JDK Vector API when the JVM is started with {@code --add-modules jdk.incubator.vector}, otherwise
 * on a register-blocked scalar kernel; both give the same results up to rounding.
 *
 * <p>Unlike EJML, C is never reshaped: every shape mismatch, and C being the same matrix as A or B, throws
 * {@link IllegalArgumentException}.
 *
 * <p>The row-range forms work on rows {@code [row0, row0 + rows)} of a larger matrix without copying, e.g. step t of a
 * sequence stored as T·B rows has {@code row0 = t·B, rows = B}. {@code rows = 0} leaves C unchanged.
 */
public final class Gemm {

    private static final Multiplier SELECTED = new Multiplier(Kernels.selected());

    private Gemm() {
    }

    /** True when the Vector API kernel is in use, false when the scalar fallback is. */
    public static boolean usesVectorApi() {
        return Kernels.vectorModulePresent();
    }

    /**
     * C = A·Bᵀ.
     *
     * @param a m × k, read
     * @param b n × k, read
     * @param c m × n, overwritten
     */
    public static void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireSameRows(a, c);
        SELECTED.timesTransposed(a, 0, a.numRows, b, c, 0, false);
    }

    /**
     * C[cRow0 + r] = A[aRow0 + r] · Bᵀ for 0 ≤ r &lt; rows (rows of C outside the range are untouched).
     *
     * @param a at least aRow0 + rows rows, k columns, read
     * @param b n × k, read
     * @param c at least cRow0 + rows rows, n columns; rows [cRow0, cRow0 + rows) overwritten
     */
    public static void multTransB(DMatrixRMaj a, int aRow0, int rows, DMatrixRMaj b, DMatrixRMaj c, int cRow0) {
        SELECTED.timesTransposed(a, aRow0, rows, b, c, cRow0, false);
    }

    /**
     * C += A·Bᵀ.
     *
     * @param a m × k, read
     * @param b n × k, read
     * @param c m × n, added to
     */
    public static void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireSameRows(a, c);
        SELECTED.timesTransposed(a, 0, a.numRows, b, c, 0, true);
    }

    /**
     * C[cRow0 + r] += A[aRow0 + r] · Bᵀ for 0 ≤ r &lt; rows.
     *
     * @param a at least aRow0 + rows rows, k columns, read
     * @param b n × k, read
     * @param c at least cRow0 + rows rows, n columns; rows [cRow0, cRow0 + rows) added to
     */
    public static void multAddTransB(DMatrixRMaj a, int aRow0, int rows, DMatrixRMaj b, DMatrixRMaj c, int cRow0) {
        SELECTED.timesTransposed(a, aRow0, rows, b, c, cRow0, true);
    }

    /**
     * C = A·B.
     *
     * @param a m × k, read
     * @param b k × n, read
     * @param c m × n, overwritten
     */
    public static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireSameRows(a, c);
        SELECTED.times(a, 0, a.numRows, b, c, 0, false);
    }

    /**
     * C[cRow0 + r] = A[aRow0 + r] · B for 0 ≤ r &lt; rows (rows of C outside the range are untouched).
     *
     * @param a at least aRow0 + rows rows, k columns, read
     * @param b k × n, read
     * @param c at least cRow0 + rows rows, n columns; rows [cRow0, cRow0 + rows) overwritten
     */
    public static void mult(DMatrixRMaj a, int aRow0, int rows, DMatrixRMaj b, DMatrixRMaj c, int cRow0) {
        SELECTED.times(a, aRow0, rows, b, c, cRow0, false);
    }

    /**
     * C += A·B.
     *
     * @param a m × k, read
     * @param b k × n, read
     * @param c m × n, added to
     */
    public static void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        requireSameRows(a, c);
        SELECTED.times(a, 0, a.numRows, b, c, 0, true);
    }

    /**
     * C[cRow0 + r] += A[aRow0 + r] · B for 0 ≤ r &lt; rows, e.g. dh_{t-1} += dz_t · W_hh.
     *
     * @param a at least aRow0 + rows rows, k columns, read
     * @param b k × n, read
     * @param c at least cRow0 + rows rows, n columns; rows [cRow0, cRow0 + rows) added to
     */
    public static void multAdd(DMatrixRMaj a, int aRow0, int rows, DMatrixRMaj b, DMatrixRMaj c, int cRow0) {
        SELECTED.times(a, aRow0, rows, b, c, cRow0, true);
    }

    /**
     * C += Aᵀ·B.
     *
     * @param a k × m, read
     * @param b k × n, read
     * @param c m × n, added to
     */
    public static void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numRows != b.numRows) {
            throw new IllegalArgumentException("A.numRows = " + a.numRows + " must equal B.numRows = " + b.numRows);
        }
        SELECTED.transposedTimesAdd(a, 0, a.numRows, b, 0, c);
    }

    /**
     * C += Σ_{r &lt; rows} A[aRow0 + r]ᵀ · B[bRow0 + r], i.e. C += A[aRow0 .. aRow0+rows)ᵀ · B[bRow0 .. bRow0+rows),
     * e.g. dW_xh += dz_tᵀ · x_t.
     *
     * @param a at least aRow0 + rows rows, m columns, read
     * @param b at least bRow0 + rows rows, n columns, read
     * @param c m × n, added to
     */
    public static void multAddTransA(DMatrixRMaj a, int aRow0, int rows, DMatrixRMaj b, int bRow0, DMatrixRMaj c) {
        SELECTED.transposedTimesAdd(a, aRow0, rows, b, bRow0, c);
    }

    /** An empty pack for a k × n right-hand operand, in the layout of the kernel in use; fill it with {@link #pack}. */
    public static PackedMatrix packed(int k, int n) {
        return SELECTED.packed(k, n);
    }

    /** Copies B (k × n) into {@code into} (k × n), e.g. W_hh once per backward pass for every dh_{t−1} = dz_t · W_hh. */
    public static void pack(DMatrixRMaj b, PackedMatrix into) {
        SELECTED.pack(b, false, into);
    }

    /** Copies Bᵀ into {@code into} (B n × k, the pack k × n), e.g. W_hhᵀ once per pass for every step's h·W_hhᵀ. */
    public static void packTransposed(DMatrixRMaj b, PackedMatrix into) {
        SELECTED.pack(b, true, into);
    }

    /**
     * C[cRow0 + r] = A[aRow0 + r] · B for 0 ≤ r &lt; rows, B packed: the same numbers as
     * {@link #mult(DMatrixRMaj, int, int, DMatrixRMaj, DMatrixRMaj, int)} on the unpacked B, to the bit, faster
     * from about 4 rows on.
     *
     * @param a at least aRow0 + rows rows, k columns, read
     * @param b k × n, packed, read
     * @param c at least cRow0 + rows rows, n columns; rows [cRow0, cRow0 + rows) overwritten
     */
    public static void mult(DMatrixRMaj a, int aRow0, int rows, PackedMatrix b, DMatrixRMaj c, int cRow0) {
        SELECTED.times(a, aRow0, rows, b, null, c, cRow0, false);
    }

    /**
     * C[cRow0 + r] = A[aRow0 + r] · B + v for 0 ≤ r &lt; rows, B packed, v a 1 × n bias: the same bits as the product
     * followed by {@code MatOps.addRowVector}, in one pass over C (e.g. W_hh h_{t−1} + b_hh).
     *
     * @param a at least aRow0 + rows rows, k columns, read
     * @param b k × n, packed, read
     * @param bias 1 × n, read
     * @param c at least cRow0 + rows rows, n columns; rows [cRow0, cRow0 + rows) overwritten
     */
    public static void multAddBias(DMatrixRMaj a, int aRow0, int rows, PackedMatrix b, DMatrixRMaj bias,
                                   DMatrixRMaj c, int cRow0) {
        SELECTED.times(a, aRow0, rows, b, bias, c, cRow0, false);
    }

    private static void requireSameRows(DMatrixRMaj a, DMatrixRMaj c) {
        if (a.numRows != c.numRows) {
            throw new IllegalArgumentException("C.numRows = " + c.numRows + " must equal A.numRows = " + a.numRows);
        }
    }
}
