package org.unroll.charts;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the gradient flows back through one unrolled sequence of one cell: the input of
 * {@link StepNormChart} and {@link VanishingChart}.
 *
 * <p>Arrays are copied in and out. Norms may be {@code +∞} or {@code NaN} (an exploding
 * run) but never negative.
 *
 * @param cellLabel         what the legend calls the cell, e.g. "RNN (tanh)", "LSTM", "GRU"
 * @param steps             T, the number of time steps (1 or more)
 * @param dhNorms           ‖dL/dh_t‖ for t = 1..T, at index t−1 (T values)
 * @param jacobianNorms     ‖∂h_T/∂h_k‖ for k = 0..T, at index k (T+1 values; index T is 1)
 * @param cellJacobianNorms for an LSTM ‖∂c_T/∂c_k‖ for k = 0..T (T+1 values), else null
 * @param bound             (γ·σ_max(W_hh))^(T−k) for k = 0..T (T+1 values)
 * @param gamma             γ, the bound on the activation's derivative (1 for tanh)
 * @param sigmaMax          σ_max(W_hh), the largest singular value of the recurrent weight
 */
public record GradientFlow(String cellLabel, int steps, double[] dhNorms, double[] jacobianNorms,
                           double[] cellJacobianNorms, double[] bound, double gamma, double sigmaMax) {

    /** Validates and copies; see the record description for the rules. */
    public GradientFlow {
        Checks.label(cellLabel, "cellLabel");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be 1 or more, was " + steps);
        }
        dhNorms = Checks.norms(Checks.copyOfLength(dhNorms, steps, "dhNorms"), "dhNorms");
        jacobianNorms = Checks.norms(Checks.copyOfLength(jacobianNorms, steps + 1, "jacobianNorms"),
                "jacobianNorms");
        if (cellJacobianNorms != null) {
            cellJacobianNorms = Checks.norms(
                    Checks.copyOfLength(cellJacobianNorms, steps + 1, "cellJacobianNorms"), "cellJacobianNorms");
        }
        bound = Checks.norms(Checks.copyOfLength(bound, steps + 1, "bound"), "bound");
    }

    /**
     * Builds a flow whose bound is computed here: bound[k] = (γ·σ_max)^(T−k).
     *
     * @param cellLabel         the cell's label
     * @param dhNorms           ‖dL/dh_t‖, t = 1..T
     * @param jacobianNorms     ‖∂h_T/∂h_k‖, k = 0..T
     * @param cellJacobianNorms ‖∂c_T/∂c_k‖, k = 0..T, or null
     * @param gamma             γ
     * @param sigmaMax          σ_max(W_hh)
     * @return the flow
     */
    public static GradientFlow withBound(String cellLabel, double[] dhNorms, double[] jacobianNorms,
                                         double[] cellJacobianNorms, double gamma, double sigmaMax) {
        int t = dhNorms.length;
        double[] bound = new double[t + 1];
        for (int k = 0; k <= t; k++) {
            bound[k] = Math.pow(gamma * sigmaMax, t - k);
        }
        return new GradientFlow(cellLabel, t, dhNorms, jacobianNorms, cellJacobianNorms, bound, gamma, sigmaMax);
    }

    /** @return whether the LSTM cell path ‖∂c_T/∂c_k‖ is present */
    public boolean hasCellPath() {
        return cellJacobianNorms != null;
    }

    @Override
    public double[] dhNorms() {
        return dhNorms.clone();
    }

    @Override
    public double[] jacobianNorms() {
        return jacobianNorms.clone();
    }

    @Override
    public double[] cellJacobianNorms() {
        return cellJacobianNorms == null ? null : cellJacobianNorms.clone();
    }

    @Override
    public double[] bound() {
        return bound.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradientFlow g && cellLabel.equals(g.cellLabel) && steps == g.steps
                && Arrays.equals(dhNorms, g.dhNorms) && Arrays.equals(jacobianNorms, g.jacobianNorms)
                && Arrays.equals(cellJacobianNorms, g.cellJacobianNorms) && Arrays.equals(bound, g.bound)
                && Double.compare(gamma, g.gamma) == 0 && Double.compare(sigmaMax, g.sigmaMax) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cellLabel, steps, Arrays.hashCode(dhNorms), Arrays.hashCode(jacobianNorms),
                Arrays.hashCode(cellJacobianNorms), Arrays.hashCode(bound), gamma, sigmaMax);
    }

    @Override
    public String toString() {
        return "GradientFlow[" + cellLabel + ", T=" + steps + ", γ=" + gamma + ", σ_max=" + sigmaMax + "]";
    }
}
