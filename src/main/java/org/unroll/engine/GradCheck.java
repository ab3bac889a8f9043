package org.unroll.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Checks BPTT's analytic gradients against central finite differences of the loss, entry by
 * entry, in double precision and without clipping: the proof that backpropagation is right.
 */
public final class GradCheck {

    /** The check of one parameter tensor, entries in row-major order. */
    public record ParamCheck(String name, int rows, int cols, double[] analytic, double[] numeric,
                             double[] relativeError, int worstIndex, boolean passed) {
        public double worstRelativeError() {
            return relativeError.length == 0 ? 0 : relativeError[worstIndex];
        }
    }

    /** Every parameter's check and the verdict. */
    public record Report(List<ParamCheck> params, double worstRelativeError, boolean passed) {
    }

    private GradCheck() {
    }

    /** Checks every entry of every parameter of {@code model} on {@code seq}. The model is not modified. */
    public static Report run(Model model, SequenceBatch seq, GradCheckConfig config) {
        Model probe = model.withParams(model.params().copy());
        Bptt bptt = new Bptt(probe, seq);
        bptt.forward();
        Params analytic = probe.params().zerosLike();
        bptt.backward(analytic);
        List<ParamCheck> checks = new ArrayList<>();
        double worst = 0;
        boolean passed = true;
        for (String name : Params.NAMES) {
            DMatrixRMaj p = probe.params().get(name);
            DMatrixRMaj a = analytic.get(name);
            int n = p.getNumElements();
            double[] num = new double[n];
            double[] rel = new double[n];
            int worstIndex = 0;
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                double saved = p.data[i];
                p.data[i] = saved + config.epsilon();
                double plus = bptt.forward();
                p.data[i] = saved - config.epsilon();
                double minus = bptt.forward();
                p.data[i] = saved;
                // dL/dθ_i ≈ (L(θ + h e_i) − L(θ − h e_i)) / 2h
                num[i] = (plus - minus) / (2 * config.epsilon());
                rel[i] = relativeError(a.data[i], num[i]);
                if (rel[i] > rel[worstIndex]) {
                    worstIndex = i;
                }
                if (rel[i] > config.maxRelativeError() && Math.abs(a.data[i] - num[i]) > config.minAbsoluteError()) {
                    ok = false;
                }
            }
            checks.add(new ParamCheck(name, p.numRows, p.numCols, a.data.clone(), num, rel, worstIndex, ok));
            worst = Math.max(worst, n == 0 ? 0 : rel[worstIndex]);
            passed &= ok;
        }
        return new Report(List.copyOf(checks), worst, passed);
    }

    /** |a − n| / (|a| + |n|), and 0 when both are 0. */
    public static double relativeError(double a, double n) {
        double denom = Math.abs(a) + Math.abs(n);
        return denom == 0 ? 0 : Math.abs(a - n) / denom;
    }
}
