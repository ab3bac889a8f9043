package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.kernel.Elementwise;

/**
 * The GRU cell, gates r, z, n stacked in PyTorch's order, the reset applied to W_hn h + b_hn:
 * n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),  h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}.
 */
final class GruCell implements Cell {

    @Override
    public void forward(Tape tape, int t) {
        int hs = tape.hiddenSize;
        int g3 = tape.gateRows;
        int rows = tape.batch;
        double[] gates = tape.gates.data;
        double[] zIh = tape.zIh.data;
        double[] zHh = tape.zHh.data;
        // each call covers one block of the whole batch: row b of the gates at (row(t) + b)·3H, of a state at ·H
        int g = tape.row(t) * g3;
        int n = g + 2 * hs;
        int prev = tape.stateRow(t) * hs;
        int next = tape.stateRow(t + 1) * hs;
        // r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz)
        Elementwise.sumRows(rows, 2 * hs, zIh, g, g3, zHh, g, g3, gates, g, g3);
        Elementwise.sigmoidRows(rows, 2 * hs, gates, g, g3, gates, g, g3);
        // n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
        Elementwise.addProductRows(rows, hs, zIh, n, g3, gates, g, g3, zHh, n, g3, gates, n, g3);
        Elementwise.tanhRows(rows, hs, gates, n, g3, gates, n, g3);
        // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
        Elementwise.interpolateRows(rows, hs, gates, g + hs, g3, gates, n, g3, tape.h.data, prev, hs,
                tape.h.data, next, hs);
    }

    @Override
    public void gateGradients(Tape tape, int t) {
        int hs = tape.hiddenSize;
        for (int b = 0; b < tape.batch; b++) {
            int g = (tape.row(t) + b) * tape.gateRows;
            int s = (tape.row(t) + b) * hs;
            int prev = (tape.stateRow(t) + b) * hs;
            for (int j = 0; j < hs; j++) {
                double r = tape.gates.data[g + j];
                double z = tape.gates.data[g + hs + j];
                double n = tape.gates.data[g + 2 * hs + j];
                double dh = tape.dh.data[s + j];
                // dn = dh ⊙ (1 − z) through tanh;  dz = dh ⊙ (h_{t−1} − n) through σ
                double dnPre = dh * (1 - z) * (1 - n * n);
                double dzPre = dh * (tape.h.data[prev + j] - n) * z * (1 - z);
                // dr = dn_pre ⊙ (W_hn h + b_hn) through σ
                double drPre = dnPre * tape.zHh.data[g + 2 * hs + j] * r * (1 - r);
                tape.dA.data[g + j] = drPre;
                tape.dA.data[g + hs + j] = dzPre;
                tape.dA.data[g + 2 * hs + j] = dnPre;
                // on the hidden side the n block is scaled by the reset gate: r ⊙ dn_pre
                tape.dR.data[g + j] = drPre;
                tape.dR.data[g + hs + j] = dzPre;
                tape.dR.data[g + 2 * hs + j] = dnPre * r;
            }
        }
    }

    @Override
    public void passBackDirect(Tape tape, int t) {
        int hs = tape.hiddenSize;
        int g = tape.row(t) * tape.gateRows;
        int s = tape.row(t) * hs;
        // the direct path: dh_{t−1} += z ⊙ dh_t
        Elementwise.addProductRows(tape.batch, hs, tape.dhBack.data, s, hs, tape.gates.data, g + hs, tape.gateRows,
                tape.dh.data, s, hs, tape.dhBack.data, s, hs);
    }

    @Override
    public void stateJacobian(Tape tape, Params p, int t, int b, DMatrixRMaj out) {
        int hs = tape.hiddenSize;
        int g = (tape.row(t) + b) * tape.gateRows;
        int prev = (tape.stateRow(t) + b) * hs;
        double[] w = p.weightHh.data;
        for (int i = 0; i < hs; i++) {
            double r = tape.gates.data[g + i];
            double z = tape.gates.data[g + hs + i];
            double n = tape.gates.data[g + 2 * hs + i];
            double hn = tape.zHh.data[g + 2 * hs + i];
            // ∂h/∂h_{t−1} = diag(z) + diag((h_{t−1} − n) z(1−z)) W_hz
            //             + diag((1−z)(1−n²)) [diag(r) W_hn + diag(hn r(1−r)) W_hr]
            double dz = (tape.h.data[prev + i] - n) * z * (1 - z);
            double dn = (1 - z) * (1 - n * n);
            for (int j = 0; j < hs; j++) {
                double v = dz * w[(hs + i) * hs + j]
                        + dn * (r * w[(2 * hs + i) * hs + j] + hn * r * (1 - r) * w[i * hs + j]);
                out.data[i * hs + j] = v + (i == j ? z : 0.0);
            }
        }
    }
}
