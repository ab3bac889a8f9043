package org.unroll.engine;

/** The tolerances every engine test uses, in one place. */
final class Tolerances {
    /** Engine vs. the independent reference, and sums of step contributions: relative … */
    static final double REL = 1e-12;
    /** … with this absolute floor near zero. */
    static final double ABS = 1e-14;
    /** RTRL vs. BPTT (a different summation order of O(H⁴) terms). */
    static final double RTRL = 1e-10;
    /** Spectral norms of the analytic Jacobian product vs. a central-difference Jacobian. */
    static final double FD_JACOBIAN = 1e-6;
    /** The step of the central-difference Jacobian. */
    static final double FD_STEP = 1e-6;

    private Tolerances() {
    }
}
