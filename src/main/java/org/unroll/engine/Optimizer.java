package org.unroll.engine;

/** Changes the parameters in place from their gradients, with PyTorch's semantics. */
public interface Optimizer {
    /** θ ← update(θ, ∇θ); modifies {@code params}, reads {@code grads}. */
    void step(Params params, Params grads);
}
