package org.unroll.engine.kernel;

/**
 * The right-hand operand B (k × n) of {@link Gemm#mult(org.ejml.data.DMatrixRMaj, int, int, PackedMatrix,
 * org.ejml.data.DMatrixRMaj, int)}, copied once into the layout the selected kernel reads fastest, for a matrix that
 * many products reuse (W_hh over all the steps of a pass). The first n − n mod W columns are stored as panels of W
 * columns, each panel its k rows of W numbers one after the other, so the kernel's inner loop reads B at a constant
 * stride and the JIT can drop its bounds checks; the last n mod W columns follow as a k × (n mod W) row-major block.
 * W is the kernel's register block width (8 doubles with AVX2, 32 with AVX-512); the scalar kernel keeps B row-major.
 *
 * <p>Made once per shape and refilled by {@link Gemm#pack} or {@link Gemm#packTransposed}; nothing is allocated
 * when it is refilled. Not safe to refill on one thread while another multiplies with it.
 */
public final class PackedMatrix {
    final int rows;
    final int cols;
    /** Columns per panel; the panels cover {@link #panelColumns} columns. */
    final int width;
    final int panelColumns;
    final double[] data;

    PackedMatrix(int rows, int cols, int width) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("a " + rows + " × " + cols + " matrix cannot be packed");
        }
        this.rows = rows;
        this.cols = cols;
        this.width = width;
        this.panelColumns = width <= 0 ? 0 : cols - cols % width;
        this.data = new double[rows * cols];
    }

    public int numRows() {
        return rows;
    }

    public int numCols() {
        return cols;
    }

    /** Fills the pack from B[p][j] = src[p·rowStride + j·colStride] (colStride = 1: B as stored; rowStride 1: Bᵀ). */
    void fill(double[] src, int rowStride, int colStride) {
        int k = rows;
        int o = 0;
        for (int j0 = 0; j0 < panelColumns; j0 += width) {
            for (int p = 0; p < k; p++) {
                int s = p * rowStride + j0 * colStride;
                for (int v = 0; v < width; v++) {
                    data[o++] = src[s + v * colStride];
                }
            }
        }
        int tail = cols - panelColumns;
        for (int p = 0; p < k; p++) {
            int s = p * rowStride + panelColumns * colStride;
            for (int v = 0; v < tail; v++) {
                data[o++] = src[s + v * colStride];
            }
        }
    }

    /** Where the row-major block of the last n mod W columns starts in {@link #data}. */
    int tailOffset() {
        return rows * panelColumns;
    }
}
