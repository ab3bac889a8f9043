package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The LSTM cell, gates i, f, g, o stacked in PyTorch's order:
 * c_t = f ⊙ c_{t−1} + i ⊙ g,  h_t = o ⊙ tanh(c_t).
 */
final class LstmCell implements Cell {

    @Override
    public void forward(Tape tape, int t) {
        int hs = tape.hiddenSize;
        int g4 = tape.gateRows;
        double[] gates = tape.gates.data;
        // the pre-activations W_ih x + b_ih + W_hh h + b_hh of all four blocks, the whole batch at once
        MatOps.sum(tape.zIh.data, tape.zHh.data, gates, tape.row(t) * g4, tape.batch * g4);
        for (int b = 0; b < tape.batch; b++) {
            int z = (tape.row(t) + b) * g4;
            int s = (tape.row(t) + b) * hs;
            int prev = (tape.stateRow(t) + b) * hs;
            int next = (tape.stateRow(t + 1) + b) * hs;
            // i, f = σ(·);  g = tanh(·);  o = σ(·)
            Squash.sigmoid(gates, z, gates, z, 2 * hs);
            Squash.tanh(gates, z + 2 * hs, gates, z + 2 * hs, hs);
            Squash.sigmoid(gates, z + 3 * hs, gates, z + 3 * hs, hs);
            // c_t = f ⊙ c_{t−1} + i ⊙ g
            for (int j = 0; j < hs; j++) {
                tape.c.data[next + j] = gates[z + hs + j] * tape.c.data[prev + j] + gates[z + j] * gates[z + 2 * hs + j];
            }
            // h_t = o ⊙ tanh(c_t)
            Squash.tanh(tape.c.data, next, tape.tanhC.data, s, hs);
            for (int j = 0; j < hs; j++) {
                tape.h.data[next + j] = gates[z + 3 * hs + j] * tape.tanhC.data[s + j];
            }
        }
    }

    @Override
    public void addFutureCellGradient(Tape tape, int t) {
        int hs = tape.hiddenSize;
        boolean last = t == tape.steps - 1;
        for (int b = 0; b < tape.batch; b++) {
            int s = (tape.row(t) + b) * hs;
            int next = (tape.row(t + 1) + b) * hs;
            int o = (tape.row(t) + b) * tape.gateRows + 3 * hs;
            for (int j = 0; j < hs; j++) {
                // dc_t = dc_next + dh_t ⊙ o ⊙ (1 − tanh²(c_t))
                double tc = tape.tanhC.data[s + j];
                double fromFuture = last ? 0.0 : tape.dcBack.data[next + j];
                tape.dc.data[s + j] = fromFuture + tape.dh.data[s + j] * tape.gates.data[o + j] * (1 - tc * tc);
            }
        }
    }

    @Override
    public void gateGradients(Tape tape, int t) {
        int hs = tape.hiddenSize;
        for (int b = 0; b < tape.batch; b++) {
            int z = (tape.row(t) + b) * tape.gateRows;
            int s = (tape.row(t) + b) * hs;
            int prev = (tape.stateRow(t) + b) * hs;
            for (int j = 0; j < hs; j++) {
                double i = tape.gates.data[z + j];
                double f = tape.gates.data[z + hs + j];
                double g = tape.gates.data[z + 2 * hs + j];
                double o = tape.gates.data[z + 3 * hs + j];
                double dc = tape.dc.data[s + j];
                // di = dc ⊙ g, df = dc ⊙ c_{t−1}, dg = dc ⊙ i, do = dh ⊙ tanh(c_t),
                // each through its own activation: σ' = σ(1 − σ), tanh' = 1 − tanh²
                tape.dA.data[z + j] = dc * g * i * (1 - i);
                tape.dA.data[z + hs + j] = dc * tape.c.data[prev + j] * f * (1 - f);
                tape.dA.data[z + 2 * hs + j] = dc * i * (1 - g * g);
                tape.dA.data[z + 3 * hs + j] = tape.dh.data[s + j] * tape.tanhC.data[s + j] * o * (1 - o);
            }
        }
    }

    @Override
    public void passBackDirect(Tape tape, int t) {
        int hs = tape.hiddenSize;
        for (int b = 0; b < tape.batch; b++) {
            int z = (tape.row(t) + b) * tape.gateRows;
            int s = (tape.row(t) + b) * hs;
            // the cell path: dc_{t−1} = dc_t ⊙ f_t
            for (int j = 0; j < hs; j++) {
                tape.dcBack.data[s + j] = tape.dc.data[s + j] * tape.gates.data[z + hs + j];
            }
        }
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
