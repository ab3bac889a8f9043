package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.kernel.Elementwise;

/**
 * The LSTM cell, gates i, f, g, o stacked in PyTorch's order:
 * c_t = f ⊙ c_{t−1} + i ⊙ g,  h_t = o ⊙ tanh(c_t).
 */
final class LstmCell implements Cell {

    @Override
    public void forward(Tape tape, int t) {
        int hs = tape.hiddenSize;
        int g4 = tape.gateRows;
        int rows = tape.batch;
        double[] gates = tape.gates.data;
        double[] c = tape.c.data;
        double[] tanhC = tape.tanhC.data;
        // each call covers one block of the whole batch: row b of the gates at (row(t) + b)·4H, of a state at ·H
        int i = tape.row(t) * g4;
        int f = i + hs;
        int g = i + 2 * hs;
        int o = i + 3 * hs;
        int s = tape.row(t) * hs;
        int prev = tape.stateRow(t) * hs;
        int next = tape.stateRow(t + 1) * hs;
        // the pre-activations W_ih x + b_ih + W_hh h + b_hh of all four blocks
        int z = tape.projectionRow(t) * g4;
        Elementwise.sum(tape.zIh.data, z, tape.zHh.data, z, gates, i, rows * g4);
        // i, f = σ(·);  g = tanh(·);  o = σ(·)
        Elementwise.sigmoidRows(rows, 2 * hs, gates, i, g4, gates, i, g4);
        Elementwise.tanhRows(rows, hs, gates, g, g4, gates, g, g4);
        Elementwise.sigmoidRows(rows, hs, gates, o, g4, gates, o, g4);
        // c_t = f ⊙ c_{t−1} + i ⊙ g
        Elementwise.twoProductsRows(rows, hs, gates, f, g4, c, prev, hs, gates, i, g4, gates, g, g4, c, next, hs);
        // h_t = o ⊙ tanh(c_t)
        Elementwise.tanh(c, next, tanhC, s, rows * hs);
        Elementwise.productRows(rows, hs, gates, o, g4, tanhC, s, hs, tape.h.data, next, hs);
    }

    @Override
    public void addFutureCellGradient(Tape tape, int t) {
        int hs = tape.hiddenSize;
        int n = tape.batch * hs;
        int s = tape.row(t) * hs;
        int d = tape.gradientRow(t) * hs;
        int o = tape.row(t) * tape.gateRows + 3 * hs;
        // dc_t = dh_t ⊙ o ⊙ (1 − tanh²(c_t)) ...
        Elementwise.tanhGradientRows(tape.batch, hs, tape.dh.data, d, hs, tape.gates.data, o, tape.gateRows,
                tape.tanhC.data, s, hs, tape.dc.data, d, hs);
        if (t < tape.steps - 1) {
            // ... + dc_next
            Elementwise.sum(tape.dc.data, d, tape.dcBack.data, tape.gradientRow(t + 1) * hs, tape.dc.data, d, n);
        }
    }

    @Override
    public void gateGradients(Tape tape, int t) {
        int hs = tape.hiddenSize;
        int g4 = tape.gateRows;
        int rows = tape.batch;
        double[] gates = tape.gates.data;
        double[] dA = tape.dA.data;
        double[] dc = tape.dc.data;
        int i = tape.row(t) * g4;
        int f = i + hs;
        int g = i + 2 * hs;
        int o = i + 3 * hs;
        int s = tape.row(t) * hs;
        int d = tape.gradientRow(t) * hs;
        int prev = tape.stateRow(t) * hs;
        // di = dc ⊙ g, df = dc ⊙ c_{t−1}, dg = dc ⊙ i, do = dh ⊙ tanh(c_t),
        // each through its own activation: σ' = σ(1 − σ), tanh' = 1 − tanh²
        Elementwise.sigmoidGradientRows(rows, hs, dc, d, hs, gates, g, g4, gates, i, g4, dA, i, g4);
        Elementwise.sigmoidGradientRows(rows, hs, dc, d, hs, tape.c.data, prev, hs, gates, f, g4, dA, f, g4);
        Elementwise.tanhGradientRows(rows, hs, dc, d, hs, gates, i, g4, gates, g, g4, dA, g, g4);
        Elementwise.sigmoidGradientRows(rows, hs, tape.dh.data, d, hs, tape.tanhC.data, s, hs, gates, o, g4, dA, o, g4);
    }

    /**
     * dc_t and dA of step t in one pass over the batch (the last step, which has no dc_next, takes the two stages in
     * turn); the formulas are those of {@link #addFutureCellGradient} and {@link #gateGradients}, and so are the bits.
     */
    @Override
    public void cellGradients(Tape tape, int t) {
        if (t == tape.steps - 1) {
            Cell.super.cellGradients(tape, t);
            return;
        }
        int hs = tape.hiddenSize;
        int s = tape.row(t) * hs;
        int d = tape.gradientRow(t) * hs;
        int i = tape.row(t) * tape.gateRows;
        Elementwise.lstmGradientsRows(tape.batch, hs, tape.dh.data, d, tape.tanhC.data, s, tape.c.data,
                tape.stateRow(t) * hs, tape.dcBack.data, tape.gradientRow(t + 1) * hs, tape.gates.data, i, tape.dc.data,
                d, tape.dA.data, i);
    }

    @Override
    public void passBackDirect(Tape tape, int t) {
        int hs = tape.hiddenSize;
        int f = tape.row(t) * tape.gateRows + hs;
        int d = tape.gradientRow(t) * hs;
        // the cell path: dc_{t−1} = dc_t ⊙ f_t
        Elementwise.productRows(tape.batch, hs, tape.dc.data, d, hs, tape.gates.data, f, tape.gateRows,
                tape.dcBack.data, d, hs);
    }

    @Override
    public int stateSize(int hiddenSize) {
        return 2 * hiddenSize;
    }

    @Override
    public void stateJacobian(Tape tape, Params p, int t, int b, DMatrixRMaj out) {
        int hs = tape.hiddenSize;
        int n = 2 * hs;
        int z = (tape.row(t) + b) * tape.gateRows;
        int s = (tape.row(t) + b) * hs;
        int prev = (tape.stateRow(t) + b) * hs;
        double[] w = p.weightHh.data;
        out.zero();
        for (int r = 0; r < hs; r++) {
            double i = tape.gates.data[z + r];
            double f = tape.gates.data[z + hs + r];
            double g = tape.gates.data[z + 2 * hs + r];
            double o = tape.gates.data[z + 3 * hs + r];
            double tc = tape.tanhC.data[s + r];
            double cPrev = tape.c.data[prev + r];
            // ∂c/∂h_{t−1} = diag(c_{t−1} f(1−f)) W_f + diag(g i(1−i)) W_i + diag(i (1−g²)) W_g
            double ci = g * i * (1 - i);
            double cf = cPrev * f * (1 - f);
            double cg = i * (1 - g * g);
            // ∂h/∂h_{t−1} = diag(tanh(c) o(1−o)) W_o + diag(o (1−tanh²c)) ∂c/∂h_{t−1}
            double ho = tc * o * (1 - o);
            double hc = o * (1 - tc * tc);
            for (int j = 0; j < hs; j++) {
                double dcdh = ci * w[r * hs + j] + cf * w[(hs + r) * hs + j] + cg * w[(2 * hs + r) * hs + j];
                out.data[(hs + r) * n + j] = dcdh;
                out.data[r * n + j] = ho * w[(3 * hs + r) * hs + j] + hc * dcdh;
            }
            // ∂c/∂c_{t−1} = diag(f);  ∂h/∂c_{t−1} = diag(o (1−tanh²c) f)
            out.data[(hs + r) * n + hs + r] = f;
            out.data[r * n + hs + r] = hc * f;
        }
    }
}
