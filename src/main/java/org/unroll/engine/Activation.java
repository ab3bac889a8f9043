package org.unroll.engine;

/** The nonlinearity of a plain RNN cell. */
public enum Activation {
    TANH,
    RELU;

    /** act(z). */
    public double apply(double z) {
        return this == TANH ? Squash.tanh(z) : (z > 0 ? z : 0.0);
    }

    /** act'(z) written with the output a = act(z): 1 − a² for tanh, [z > 0] for ReLU. */
    public double derivative(double z, double a) {
        return this == TANH ? 1.0 - a * a : (z > 0 ? 1.0 : 0.0);
    }

    /** γ: the bound of |act'|, which enters the vanishing/exploding bound (γ·σ_max(W_hh))^(T−k). */
    public double derivativeBound() {
        return 1.0;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
