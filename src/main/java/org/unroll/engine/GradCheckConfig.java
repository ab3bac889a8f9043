package org.unroll.engine;

/**
 * How a gradient check perturbs and judges.
 *
 * @param epsilon          the step h of the central difference (L(θ+h) − L(θ−h)) / 2h
 * @param maxRelativeError an entry fails when |a − n| / (|a| + |n|) exceeds this …
 * @param minAbsoluteError … and |a − n| exceeds this too (tiny gradients are judged absolutely)
 */
public record GradCheckConfig(double epsilon, double maxRelativeError, double minAbsoluteError) {
    /** Central differences with h = 1e−6 in double precision. */
    public static final GradCheckConfig DEFAULT = new GradCheckConfig(1e-6, 1e-5, 1e-8);

    public GradCheckConfig {
        if (!(epsilon > 0) || !(maxRelativeError > 0) || !(minAbsoluteError >= 0)) {
            throw new IllegalArgumentException("epsilon and tolerances must be positive");
        }
    }
}
