package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/** Plain gradient descent: θ ← θ − lr · g. */
public final class Sgd implements Optimizer {
    private final double lr;

    public Sgd(double learningRate) {
        this.lr = learningRate;
    }

    @Override
    public void step(Params params, Params grads) {
        for (int k = 0; k < Params.NAMES.size(); k++) {
            DMatrixRMaj p = params.tensor(k);
            DMatrixRMaj g = grads.tensor(k);
            for (int i = 0; i < p.getNumElements(); i++) {
                p.data[i] -= lr * g.data[i];
            }
        }
    }
}
