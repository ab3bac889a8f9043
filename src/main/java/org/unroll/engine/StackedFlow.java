package org.unroll.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.unroll.engine.kernel.Gemm;

/**
 * How gradient travels through a stacked network for one sequence b, in time inside each
 * layer and direction and in depth from layer to layer (vanishing in both).
 *
 * @param directions   one entry per layer and direction, in PyTorch's order l0, l0_reverse, l1, …
 * @param layerNorms   L entries: ‖dL/d(output of layer k)‖ over all steps of the sequence, the
 *                     gradient that reaches layer k from above (k = L − 1: from the output layer)
 * @param inputNorm    ‖dL/dx‖ over all steps: what reaches the input below layer 0
 */
public record StackedFlow(List<DirectionFlow> directions, double[] layerNorms, double inputNorm) {

    /**
     * One layer in one direction.
     *
     * @param layer             k
     * @param direction         0 forward, 1 reverse
     * @param dhNorms           T entries in the sequence's time: ‖dL/dh_t‖ (total), 0 at padded steps
     * @param fromAboveNorms    T entries: ‖dL/dh_t‖ of the part that comes from the layer above
     * @param jacobianNorms     len + 1 entries in the direction's own order: ‖∂h_len/∂h_k‖₂ for
     *                          k = 0 … len (k = 0 the initial state; c_k held fixed for LSTM)
     * @param cellJacobianNorms len + 1 entries ‖∂c_len/∂c_k‖₂ (h_k held fixed), or null without a cell state
     */
    public record DirectionFlow(int layer, int direction, double[] dhNorms, double[] fromAboveNorms,
                                double[] jacobianNorms, double[] cellJacobianNorms) {
    }

    /** Reads the flow of sequence b from a pass whose backward is complete. */
    public static StackedFlow of(StackedBptt pass, int b) {
        StackedModel m = pass.model();
        PaddedBatch batch = pass.batch();
        int steps = batch.steps();
        int len = batch.length(b);
        int hs = m.hiddenSize();
        List<DirectionFlow> flows = new ArrayList<>();
        for (int k = 0; k < m.layers(); k++) {
            for (int d = 0; d < m.directions(); d++) {
                DirectionPass p = pass.pass(k, d);
                Tape tape = p.tape();
                double[] dh = new double[steps];
                double[] above = new double[steps];
                for (int t = 0; t < len; t++) {
                    int row = tape.row(p.time(t, b)) + b;
                    dh[t] = MatOps.blockNorm(tape.dh, row, 1);
                    above[t] = MatOps.blockNorm(tape.dhLocal, row, 1);
                }
                int s = p.cell().stateSize(hs);
                boolean lstm = s == 2 * hs;
                // P_k = ∂s_len/∂s_k = J_{len−1} · … · J_k, kept scaled (finite digits or +∞, never NaN)
                JacobianProduct.Steps jacobians = (j, out) -> p.stateJacobian(j, b, out);
                double[] hNorms = new JacobianProduct(jacobians, len, hs, s, 0).norms();
                double[] cNorms = lstm ? new JacobianProduct(jacobians, len, hs, s, hs).norms() : null;
                flows.add(new DirectionFlow(k, d, dh, above, hNorms, cNorms));
            }
        }
        double[] layerNorms = new double[m.layers()];
        for (int k = 0; k < m.layers(); k++) {
            layerNorms[k] = sequenceNorm(pass.layerOutputGradient(k), steps, batch.batch(), b, len);
        }
        // what layer 0 passes to the input: Σ_d dA_s · W_ih of each direction, at the real steps
        List<DMatrixRMaj> inputNorms = new java.util.ArrayList<>();
        DMatrixRMaj dx = new DMatrixRMaj(1, m.inputSize());
        DMatrixRMaj sum = new DMatrixRMaj(1, m.inputSize());
        for (int t = 0; t < len; t++) {
            sum.zero();
            for (int d = 0; d < m.directions(); d++) {
                DirectionPass p = pass.pass(0, d);
                int row = p.tape().row(p.time(t, b)) + b;
                Gemm.mult(p.tape().dA, row, 1, p.params().weightIh, dx, 0);
                CommonOps_DDRM.addEquals(sum, dx);
            }
            inputNorms.add(sum.copy());
        }
        return new StackedFlow(List.copyOf(flows), layerNorms, Norms.combined(inputNorms));
    }

    /** ‖rows t·B + b for t &lt; len‖ of a T·B × n matrix. */
    private static double sequenceNorm(DMatrixRMaj m, int steps, int nb, int b, int len) {
        double[] rows = new double[len];
        for (int t = 0; t < len; t++) {
            rows[t] = MatOps.blockNorm(m, t * nb + b, 1);
        }
        return Norms.euclidean(rows);
    }
}
