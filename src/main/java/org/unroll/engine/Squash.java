package org.unroll.engine;

import org.unroll.engine.kernel.Elementwise;

/**
 * The squashing functions of the cells, σ and tanh, for single values; the formulas live in the kernel
 * ({@link Elementwise#sigmoid(double)}, {@link Elementwise#tanh(double)}), whose range forms the cells call
 * on whole gate blocks. Both are within a few ulps of the exact value over the whole real line.
 */
public final class Squash {

    private Squash() {
    }

    /** σ(z) = 1 / (1 + e^−z). */
    public static double sigmoid(double z) {
        return Elementwise.sigmoid(z);
    }

    /** tanh(z), see {@link Elementwise#tanh(double)}. */
    public static double tanh(double z) {
        return Elementwise.tanh(z);
    }
}
