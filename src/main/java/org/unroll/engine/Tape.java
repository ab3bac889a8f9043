package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Every intermediate of every step of one forward and backward pass. Quantities of all T
 * steps share one matrix: step t (0-based) is rows [t·B, (t+1)·B). The states h and c have
 * T + 1 blocks: block 0 is the initial state, kept explicitly, and block t + 1 is the state
 * after step t. All buffers are allocated once, here, and reused by every pass.
 */
public final class Tape {
    /** T, B, I, H, O and G·H. */
    public final int steps;
    public final int batch;
    public final int inputSize;
    public final int hiddenSize;
    public final int outputSize;
    public final int gateRows;

    /** x: T·B × I, the inputs. */
    public final DMatrixRMaj x;
    /** h: (T+1)·B × H, block 0 = h_0. */
    public final DMatrixRMaj h;
    /** c: (T+1)·B × H, block 0 = c_0 (LSTM only, else null). */
    public final DMatrixRMaj c;
    /**
     * Whether every per-step matrix keeps every step. Not so on the tape of an LSTM's training pass, where what no
     * later step reads is kept briefly: the projections {@link #zIh} and {@link #zHh} for the step being computed
     * only (B rows, at {@link #projectionRow}), and the state gradients {@link #dhLocal}, {@link #dh}, {@link #dc},
     * {@link #dhBack} and {@link #dcBack} for that step and the one after it (2·B rows, at {@link #gradientRow}).
     * The gates, states, tanh(c_t), dy and dA, which the backward pass and the parameter gradients read across
     * steps, keep every step either way.
     */
    public final boolean keepsEveryStep;
    /** W_ih x_t + b_ih: T·B × G·H, or B × G·H without {@link #keepsEveryStep}. */
    public final DMatrixRMaj zIh;
    /** W_hh h_{t−1} + b_hh: T·B × G·H, or B × G·H without {@link #keepsEveryStep}. */
    public final DMatrixRMaj zHh;
    /** The activated gates (RNN: h_t; LSTM: i, f, g, o; GRU: r, z, n): T·B × G·H. */
    public final DMatrixRMaj gates;
    /** tanh(c_t): T·B × H (LSTM only, else null). */
    public final DMatrixRMaj tanhC;
    /** y_t = W_out h_t + b_out: T·B × O. */
    public final DMatrixRMaj y;
    /** softmax(y_t): T·B × O (cross-entropy only, else null). */
    public final DMatrixRMaj probs;
    /** The loss of each step, summed over the batch. */
    public final double[] stepLoss;

    /** dL/dy_t: T·B × O. Stage 1. */
    public final DMatrixRMaj dy;
    /** dL_t/dh_t = dy_t · W_out, the output's own share: T·B × H. Stage 1. */
    public final DMatrixRMaj dhLocal;
    /** dL/dh_t in total, the future included: T·B × H. Stage 2. */
    public final DMatrixRMaj dh;
    /** dL/dc_t in total: T·B × H (LSTM only). Stage 2. */
    public final DMatrixRMaj dc;
    /** dL/d(W_ih x_t + b_ih): T·B × G·H. Stage 3. */
    public final DMatrixRMaj dA;
    /** dL/d(W_hh h_{t−1} + b_hh): T·B × G·H; the same matrix as dA for RNN and LSTM. Stage 3. */
    public final DMatrixRMaj dR;
    /** dL/dh_{t−1} through step t, i.e. what step t passes back: T·B × H. Stage 4. */
    public final DMatrixRMaj dhBack;
    /** dL/dc_{t−1} through step t: T·B × H (LSTM only). Stage 4. */
    public final DMatrixRMaj dcBack;

    Tape(CellType cell, int steps, int batch, int inputSize, int hiddenSize, int outputSize,
         boolean crossEntropy) {
        this(cell, steps, batch, inputSize, hiddenSize, outputSize, crossEntropy, true);
    }

    Tape(CellType cell, int steps, int batch, int inputSize, int hiddenSize, int outputSize,
         boolean crossEntropy, boolean keepsEveryStep) {
        this.steps = steps;
        this.batch = batch;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.outputSize = outputSize;
        this.gateRows = cell.gates() * hiddenSize;
        int n = steps * batch;
        boolean lstm = cell.hasCellState();
        x = new DMatrixRMaj(n, inputSize);
        h = new DMatrixRMaj(n + batch, hiddenSize);
        c = lstm ? new DMatrixRMaj(n + batch, hiddenSize) : null;
        if (!keepsEveryStep && cell != CellType.LSTM) {
            throw new IllegalArgumentException("only an LSTM's backward pass can do without every step's projections");
        }
        this.keepsEveryStep = keepsEveryStep;
        int kept = keepsEveryStep ? n : 2 * batch;
        zIh = new DMatrixRMaj(keepsEveryStep ? n : batch, gateRows);
        zHh = new DMatrixRMaj(keepsEveryStep ? n : batch, gateRows);
        gates = new DMatrixRMaj(n, gateRows);
        tanhC = lstm ? new DMatrixRMaj(n, hiddenSize) : null;
        y = new DMatrixRMaj(n, outputSize);
        probs = crossEntropy ? new DMatrixRMaj(n, outputSize) : null;
        stepLoss = new double[steps];
        dy = new DMatrixRMaj(n, outputSize);
        dhLocal = new DMatrixRMaj(kept, hiddenSize);
        dh = new DMatrixRMaj(kept, hiddenSize);
        dc = lstm ? new DMatrixRMaj(kept, hiddenSize) : null;
        dA = new DMatrixRMaj(n, gateRows);
        dR = cell == CellType.GRU ? new DMatrixRMaj(n, gateRows) : dA;
        dhBack = new DMatrixRMaj(kept, hiddenSize);
        dcBack = lstm ? new DMatrixRMaj(kept, hiddenSize) : null;
    }

    /** The first row of step t in the per-step matrices. */
    public int row(int t) {
        return t * batch;
    }

    /** The first row of step t in {@link #zIh} and {@link #zHh}: {@link #row}, or 0 when they keep one step only. */
    public int projectionRow(int t) {
        return keepsEveryStep ? row(t) : 0;
    }

    /**
     * The first row of step t in {@link #dhLocal}, {@link #dh}, {@link #dc}, {@link #dhBack} and {@link #dcBack}:
     * {@link #row}, or B·(t mod 2) when they keep two steps (step t reads step t + 1's and writes its own).
     */
    public int gradientRow(int t) {
        return keepsEveryStep ? row(t) : (t & 1) * batch;
    }

    /** The first row of h_t / c_t in {@link #h} and {@link #c} (t = 0 is the initial state). */
    public int stateRow(int t) {
        return t * batch;
    }

    /** Entry (row, col) of m; for a per-step matrix, row t·B + b is sequence b at step t. */
    public static double at(DMatrixRMaj m, int row, int col) {
        return m.data[row * m.numCols + col];
    }

    /** A copy of rows [row, row + rows) as its own matrix (for display and files). */
    public static DMatrixRMaj block(DMatrixRMaj m, int row, int rows) {
        DMatrixRMaj out = new DMatrixRMaj(rows, m.numCols);
        System.arraycopy(m.data, row * m.numCols, out.data, 0, rows * m.numCols);
        return out;
    }

    /** How many numbers this tape holds (each 8 bytes): O(T·B·(G·H + I + O)), nothing quadratic in T or H. */
    public long storedValues() {
        long n = stepLoss.length;
        for (DMatrixRMaj m : new DMatrixRMaj[] {x, h, c, zIh, zHh, gates, tanhC, y, probs, dy, dhLocal, dh, dc, dA,
                dR == dA ? null : dR, dhBack, dcBack}) {
            n += m == null ? 0 : m.getNumElements();
        }
        return n;
    }
}
