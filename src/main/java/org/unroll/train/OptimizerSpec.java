package org.unroll.train;

import org.unroll.engine.Adam;
import org.unroll.engine.Momentum;
import org.unroll.engine.Optimizer;
import org.unroll.engine.Sgd;

/**
 * An optimizer as bptt-train/1 names it, with torch.optim's semantics: "sgd" (lr), "momentum"
 * (lr, momentum; dampening 0, no Nesterov) or "adam" (lr, betas, eps).
 */
public record OptimizerSpec(String name, double lr, double momentum, double beta1, double beta2, double eps) {
    public static final String SGD = "sgd";
    public static final String MOMENTUM = "momentum";
    public static final String ADAM = "adam";

    public OptimizerSpec {
        if (!SGD.equals(name) && !MOMENTUM.equals(name) && !ADAM.equals(name)) {
            throw new IllegalArgumentException("unknown optimizer \"" + name + "\", expected sgd, momentum or adam");
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("the learning rate must be a positive finite number, got " + lr);
        }
    }

    public static OptimizerSpec sgd(double lr) {
        return new OptimizerSpec(SGD, lr, 0, 0, 0, 0);
    }

    public static OptimizerSpec momentum(double lr, double momentum) {
        return new OptimizerSpec(MOMENTUM, lr, momentum, 0, 0, 0);
    }

    public static OptimizerSpec adam(double lr) {
        return adam(lr, 0.9, 0.999, 1e-8);
    }

    public static OptimizerSpec adam(double lr, double beta1, double beta2, double eps) {
        return new OptimizerSpec(ADAM, lr, 0, beta1, beta2, eps);
    }

    /** A fresh optimizer (with empty state) of this kind. */
    public Optimizer create() {
        return switch (name) {
            case SGD -> new Sgd(lr);
            case MOMENTUM -> new Momentum(lr, momentum);
            default -> new Adam(lr, beta1, beta2, eps);
        };
    }
}
