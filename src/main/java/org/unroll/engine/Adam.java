package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Adam as torch.optim.Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * θ ← θ − lr · (m / (1−β₁ᵗ)) / (√v / √(1−β₂ᵗ) + ε).
 */
public final class Adam implements Optimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private Params m;
    private Params v;
    private int t;

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(double learningRate, double beta1, double beta2, double eps) {
        this.lr = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public void step(Params params, Params grads) {
        if (m == null) {
            m = params.zerosLike();
            v = params.zerosLike();
        }
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double sqrtBc2 = Math.sqrt(1 - Math.pow(beta2, t));
        double stepSize = lr / bc1;
        for (int k = 0; k < Params.NAMES.size(); k++) {
            DMatrixRMaj p = params.tensor(k);
            DMatrixRMaj g = grads.tensor(k);
            DMatrixRMaj mk = m.tensor(k);
            DMatrixRMaj vk = v.tensor(k);
            for (int i = 0; i < p.getNumElements(); i++) {
                double gi = g.data[i];
                mk.data[i] = beta1 * mk.data[i] + (1 - beta1) * gi;
                vk.data[i] = beta2 * vk.data[i] + (1 - beta2) * gi * gi;
                p.data[i] -= stepSize * mk.data[i] / (Math.sqrt(vk.data[i]) / sqrtBc2 + eps);
            }
        }
    }
}
