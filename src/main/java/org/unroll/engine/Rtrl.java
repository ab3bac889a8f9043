package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Real-time recurrent learning for the plain RNN: gradients computed forward in time.
 * Alongside h_t it carries the sensitivities S_t = ∂h_t/∂θ of the hidden state to every
 * recurrent parameter, S_t = D_t (∂z_t/∂θ|direct + W_hh S_{t−1}) with D_t = diag(act'(z_t)),
 * and adds (dL_t/dh_t)ᵀ S_t at each step. No backward pass, no stored history, but
 * O(H⁴) work per step instead of BPTT's O(H²): why BPTT is what everyone uses.
 */
public final class Rtrl {
    private Rtrl() {
    }

    /** The result: every parameter gradient and dL/dh_0, for a batch of sequences. */
    public record Result(Params grads, DMatrixRMaj dh0) {
    }

    public static Result run(Model model, SequenceBatch seq) {
        if (model.cell() != CellType.RNN) {
            throw new IllegalArgumentException("RTRL is written for the plain RNN cell");
        }
        // The forward values (h_t, z_t, y_t, dy_t) come from a forward pass; no backward pass runs.
        Bptt pass = new Bptt(model, seq);
        pass.forward();
        Tape tape = pass.tape();
        for (int t = 0; t < tape.steps; t++) {
            pass.backwardStage(t, BackwardStage.OUTPUT_GRADIENT);
        }
        Params p = model.params();
        int hs = model.hiddenSize();
        Params g = p.zerosLike();
        DMatrixRMaj dh0 = new DMatrixRMaj(tape.batch, hs);
        for (int b = 0; b < tape.batch; b++) {
            forwardSensitivities(model, tape, b, g, dh0);
        }
        // the output layer is not recurrent: dW_out = Σ_t dy_tᵀ h_t, db_out = Σ_t dy_t
        org.unroll.engine.kernel.Gemm.multAddTransA(tape.dy, 0, tape.steps * tape.batch, tape.h, tape.stateRow(1), g.weightOut);
        MatOps.addColumnSums(tape.dy, 0, tape.steps * tape.batch, g.biasOut);
        return new Result(g, dh0);
    }

    private static void forwardSensitivities(Model model, Tape tape, int b, Params g, DMatrixRMaj dh0) {
        Params p = model.params();
        Activation act = model.activation();
        int hs = model.hiddenSize();
        int in = model.inputSize();
        double[] w = p.weightHh.data;
        // S^{ih}: H × (H·I), S^{hh}: H × (H·H), S^{b}: H × H, S^{h0}: H × H (starts as I)
        double[][] sIh = new double[hs][hs * in];
        double[][] sHh = new double[hs][hs * hs];
        double[][] sB = new double[hs][hs];
        double[][] sH0 = new double[hs][hs];
        for (int i = 0; i < hs; i++) {
            sH0[i][i] = 1;
        }
        double[] d = new double[hs];
        for (int t = 0; t < tape.steps; t++) {
            int row = tape.row(t) + b;
            int prev = (tape.stateRow(t) + b) * hs;
            for (int i = 0; i < hs; i++) {
                double z = tape.zIh.data[row * hs + i] + tape.zHh.data[row * hs + i];
                d[i] = act.derivative(z, tape.gates.data[row * hs + i]);
            }
            // S_t = D_t (direct_t + W_hh S_{t−1}), row i of direct is e_i ⊗ x_t, e_i ⊗ h_{t−1}, e_i
            sIh = propagate(w, d, sIh, hs);
            sHh = propagate(w, d, sHh, hs);
            sB = propagate(w, d, sB, hs);
            sH0 = propagate(w, d, sH0, hs);
            for (int i = 0; i < hs; i++) {
                for (int q = 0; q < in; q++) {
                    sIh[i][i * in + q] += d[i] * tape.x.data[row * in + q];
                }
                for (int q = 0; q < hs; q++) {
                    sHh[i][i * hs + q] += d[i] * tape.h.data[prev + q];
                }
                sB[i][i] += d[i];
            }
            // dL/dθ += (dL_t/dh_t)ᵀ S_t, with dL_t/dh_t = dy_t · W_out (this step's loss only)
            for (int i = 0; i < hs; i++) {
                double e = tape.dhLocal.data[row * hs + i];
                if (e == 0) {
                    continue;
                }
                addScaled(g.weightIh.data, sIh[i], e);
                addScaled(g.weightHh.data, sHh[i], e);
                addScaled(g.biasIh.data, sB[i], e);
                addScaled(g.biasHh.data, sB[i], e);
                for (int q = 0; q < hs; q++) {
                    dh0.data[b * hs + q] += e * sH0[i][q];
                }
            }
        }
    }

    /** D (W S): row i is d_i Σ_j W[i,j] S[j]. */
    private static double[][] propagate(double[] w, double[] d, double[][] s, int hs) {
        int n = s[0].length;
        double[][] out = new double[hs][n];
        for (int i = 0; i < hs; i++) {
            for (int j = 0; j < hs; j++) {
                double c = d[i] * w[i * hs + j];
                if (c != 0) {
                    addScaled(out[i], s[j], c);
                }
            }
        }
        return out;
    }

    private static void addScaled(double[] acc, double[] v, double c) {
        for (int k = 0; k < v.length; k++) {
            acc[k] += c * v[k];
        }
    }
}
