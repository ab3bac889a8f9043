package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.kernel.Elementwise;

/** The plain (Elman) cell: h_t = act(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh). */
final class RnnCell implements Cell {
    private final Activation act;

    RnnCell(Activation act) {
        this.act = act;
    }

    @Override
    public void forward(Tape tape, int t) {
        int n = tape.batch * tape.hiddenSize;
        int from = tape.row(t) * tape.hiddenSize;
        int out = tape.stateRow(t + 1) * tape.hiddenSize;
        // h_t = act(z_t),  z_t = (W_ih x_t + b_ih) + (W_hh h_{t−1} + b_hh)
        if (act == Activation.TANH) {
            Elementwise.sum(tape.zIh.data, from, tape.zHh.data, from, tape.gates.data, from, n);
            Elementwise.tanh(tape.gates.data, from, tape.gates.data, from, n);
            System.arraycopy(tape.gates.data, from, tape.h.data, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            double z = tape.zIh.data[from + i] + tape.zHh.data[from + i];
            double a = act.apply(z);
            tape.gates.data[from + i] = a;
            tape.h.data[out + i] = a;
        }
    }

    @Override
    public void gateGradients(Tape tape, int t) {
        int n = tape.batch * tape.hiddenSize;
        int from = tape.row(t) * tape.hiddenSize;
        // δ_t = dh_t ⊙ act'(z_t)   (tanh' = 1 − h_t², ReLU' = [z_t > 0])
        for (int i = 0; i < n; i++) {
            double z = tape.zIh.data[from + i] + tape.zHh.data[from + i];
            tape.dA.data[from + i] = tape.dh.data[from + i] * act.derivative(z, tape.gates.data[from + i]);
        }
    }

    @Override
    public void stateJacobian(Tape tape, Params p, int t, int b, DMatrixRMaj out) {
        int hs = tape.hiddenSize;
        int row = (tape.row(t) + b) * hs;
        // ∂h_t/∂h_{t−1} = diag(act'(z_t)) · W_hh
        for (int i = 0; i < hs; i++) {
            double z = tape.zIh.data[row + i] + tape.zHh.data[row + i];
            double d = act.derivative(z, tape.gates.data[row + i]);
            for (int j = 0; j < hs; j++) {
                out.data[i * hs + j] = d * p.weightHh.data[i * hs + j];
            }
        }
    }
}
