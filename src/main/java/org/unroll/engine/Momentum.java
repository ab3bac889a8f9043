package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/** SGD with momentum as torch.optim.SGD(momentum=μ): b ← μ·b + g (b = g at first), θ ← θ − lr · b. */
public final class Momentum implements Optimizer {
    private final double lr;
    private final double mu;
    private Params buffer;

    public Momentum(double learningRate, double momentum) {
        this.lr = learningRate;
        this.mu = momentum;
    }

    @Override
    public void step(Params params, Params grads) {
        boolean first = buffer == null;
        if (first) {
            buffer = grads.copy();
        }
        for (int k = 0; k < Params.NAMES.size(); k++) {
            DMatrixRMaj p = params.tensor(k);
            DMatrixRMaj g = grads.tensor(k);
            DMatrixRMaj b = buffer.tensor(k);
            for (int i = 0; i < p.getNumElements(); i++) {
                if (!first) {
                    b.data[i] = mu * b.data[i] + g.data[i];
                }
                p.data[i] -= lr * b.data[i];
            }
        }
    }
}
