package org.unroll.train;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Optimizer;
import org.unroll.engine.Params;
import org.unroll.engine.StackedParams;

/**
 * One optimizer step over every tensor of a network. SGD, momentum and Adam update each entry
 * from its own gradient and its own running averages only (θ_i ← f(θ_i, g_i, m_i, v_i, t)), so
 * stepping each layer and direction with its own optimizer, and the output layer with another,
 * is the same as torch.optim over all the tensors at once. A one-layer, one-direction network
 * is stepped by one optimizer over its six tensors, as before.
 */
final class LayerOptimizers {
    private final Optimizer[] parts;

    LayerOptimizers(OptimizerSpec spec, StackedParams shape) {
        int n = shape.layers() == 1 && shape.directions() == 1 ? 1 : shape.layers() * shape.directions() + 1;
        parts = new Optimizer[n];
        for (int i = 0; i < n; i++) {
            parts[i] = spec.create();
        }
    }

    /** θ ← update(θ, ∇θ) for every tensor; modifies {@code params}, reads {@code grads}. */
    void step(StackedParams params, StackedParams grads) {
        if (parts.length == 1) {
            parts[0].step(whole(params), whole(grads));
            return;
        }
        int i = 0;
        for (int k = 0; k < params.layers(); k++) {
            for (int d = 0; d < params.directions(); d++) {
                parts[i++].step(params.layer(k, d), grads.layer(k, d));
            }
        }
        parts[i].step(outputLayer(params), outputLayer(grads));
    }

    /** The six tensors of a one-layer, one-direction network. */
    private static Params whole(StackedParams p) {
        return new Params(p.get("weight_ih"), p.get("weight_hh"), p.get("bias_ih"), p.get("bias_hh"),
                p.weightOut(), p.biasOut());
    }

    /** W_out and b_out, with empty recurrent tensors. */
    private static Params outputLayer(StackedParams p) {
        return new Params(new DMatrixRMaj(0, 0), new DMatrixRMaj(0, 0), new DMatrixRMaj(1, 0), new DMatrixRMaj(1, 0),
                p.weightOut(), p.biasOut());
    }
}
