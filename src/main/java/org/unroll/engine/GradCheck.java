package org.unroll.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Checks BPTT's analytic gradients against central finite differences of the loss, entry by
 * entry, in double precision and without clipping: the proof that backpropagation is right.
 */
public final class GradCheck {

    /**
     * The check of one parameter tensor. {@code entries} lists the checked entries' row-major
     * indices in the tensor; analytic, numeric and relativeError are parallel to it (every
     * entry, in row-major order, unless the check was capped to a sample).
     */
    public record ParamCheck(String name, int rows, int cols, double[] analytic, double[] numeric,
                             double[] relativeError, int worstIndex, boolean passed, int[] entries,
                             Unreliable[] unreliable) {
        /** A check of every entry, in row-major order. */
        public ParamCheck(String name, int rows, int cols, double[] analytic, double[] numeric,
                          double[] relativeError, int worstIndex, boolean passed) {
            this(name, rows, cols, analytic, numeric, relativeError, worstIndex, passed, range(analytic.length));
        }

        /** A check whose failures are not explained. */
        public ParamCheck(String name, int rows, int cols, double[] analytic, double[] numeric,
                          double[] relativeError, int worstIndex, boolean passed, int[] entries) {
            this(name, rows, cols, analytic, numeric, relativeError, worstIndex, passed, entries,
                    none(analytic.length));
        }

        /** Why entry k's finite difference cannot be trusted, {@link Unreliable#NO} when it can (or the entry passes). */
        public Unreliable unreliable(int k) {
            return unreliable == null || k >= unreliable.length ? Unreliable.NO : unreliable[k];
        }

        public double worstRelativeError() {
            return relativeError.length == 0 ? 0 : relativeError[worstIndex];
        }
    }

    /** Told how far a check has come; answers false to stop it. */
    @FunctionalInterface
    public interface Progress {
        /** Never stops. */
        Progress NONE = (done, total) -> true;

        /**
         * @param done  entries checked so far
         * @param total entries to check
         * @return whether to go on
         */
        boolean report(int done, int total);
    }

    /**
     * Why a failing entry's central difference is not a fair judge of BPTT: the loss is not smooth
     * within ±h, or its rounding swamps the difference, or it is not a number at all.
     */
    public enum Unreliable {
        /** The finite difference can be trusted (or the entry passes). */
        NO,
        /** A ReLU unit's pre-activation changes sign between θ − h and θ + h: L has a kink inside the nudge. */
        RELU_KINK,
        /** The loss is so large that its rounding error over 2h exceeds the tolerance on the gradient. */
        HUGE_LOSS,
        /** The gradient or the loss is NaN or infinite. */
        NOT_FINITE
    }

    /** Every parameter's check and the verdict. */
    public record Report(List<ParamCheck> params, double worstRelativeError, boolean passed) {
    }

    private GradCheck() {
    }

    /** Checks every entry of every parameter of {@code model} on {@code seq}. The model is not modified. */
    public static Report run(Model model, SequenceBatch seq, GradCheckConfig config) {
        return run(model, seq, config, Integer.MAX_VALUE, Progress.NONE);
    }

    /**
     * Checks at most {@code maxEntriesPerParam} entries of each parameter: all of them when
     * there are that few, else a deterministic sample spread evenly over the tensor (entry
     * ⌊i·n/max⌋ for i = 0 … max−1), so every gate block and row is visited.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} answers false
     */
    public static Report run(Model model, SequenceBatch seq, GradCheckConfig config, int maxEntriesPerParam,
                             Progress progress) {
        if (maxEntriesPerParam < 1) {
            throw new IllegalArgumentException("check at least one entry per parameter");
        }
        int total = 0;
        for (String name : Params.NAMES) {
            total += Math.min(model.params().get(name).getNumElements(), maxEntriesPerParam);
        }
        int done = 0;
        if (!progress.report(0, total)) {
            throw new java.util.concurrent.CancellationException("gradient check cancelled");
        }
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
            int[] entries = sample(p.getNumElements(), maxEntriesPerParam);
            int n = entries.length;
            double[] ana = new double[n];
            double[] num = new double[n];
            double[] rel = new double[n];
            Unreliable[] why = none(n);
            int worstIndex = 0;
            boolean ok = true;
            for (int k = 0; k < n; k++) {
                int i = entries[k];
                double saved = p.data[i];
                p.data[i] = saved + config.epsilon();
                double plus = bptt.forward();
                p.data[i] = saved - config.epsilon();
                double minus = bptt.forward();
                p.data[i] = saved;
                // dL/dθ_i ≈ (L(θ + h e_i) − L(θ − h e_i)) / 2h
                ana[k] = a.data[i];
                num[k] = (plus - minus) / (2 * config.epsilon());
                rel[k] = relativeError(ana[k], num[k]);
                if (!(rel[k] <= rel[worstIndex])) {
                    worstIndex = k; // a NaN error is the worst of all
                }
                if (fails(config, ana[k], num[k])) {
                    ok = false;
                    why[k] = unreliable(bptt, p, i, saved, config, ana[k], num[k], plus, minus);
                }
                if (!progress.report(++done, total)) {
                    throw new java.util.concurrent.CancellationException("gradient check cancelled");
                }
            }
            checks.add(new ParamCheck(name, p.numRows, p.numCols, ana, num, rel, worstIndex, ok, entries, why));
            double w = n == 0 ? 0 : rel[worstIndex];
            worst = Double.isNaN(w) || Double.isNaN(worst) ? Double.NaN : Math.max(worst, w);
            passed &= ok;
        }
        return new Report(List.copyOf(checks), worst, passed);
    }

    /**
     * Why the central difference of a failing entry cannot be trusted, if it cannot.
     * NaN/∞ first; then rounding: L is known to about ulp(L), so (L₊ − L₋)/2h is uncertain by
     * about ulp(L)/h, and when that exceeds what the tolerance allows the difference proves
     * nothing; then, for a ReLU cell, whether some unit is on at θ + h and off at θ − h (or the
     * other way round): the loss then has a kink within the nudge.
     */
    static Unreliable unreliable(Bptt bptt, DMatrixRMaj p, int i, double saved, GradCheckConfig config,
                                 double analytic, double numeric, double plus, double minus) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric) || !Double.isFinite(plus) || !Double.isFinite(minus)) {
            return Unreliable.NOT_FINITE;
        }
        double noise = Math.ulp(Math.max(Math.abs(plus), Math.abs(minus))) / config.epsilon();
        if (noise >= config.maxRelativeError() * (Math.abs(analytic) + Math.abs(numeric))
                && noise > config.minAbsoluteError()) {
            return Unreliable.HUGE_LOSS;
        }
        Model m = bptt.model();
        if (m.cell() == CellType.RNN && m.activation() == Activation.RELU) {
            p.data[i] = saved + config.epsilon();
            bptt.forward();
            boolean[] on = active(bptt.tape().h);
            p.data[i] = saved - config.epsilon();
            bptt.forward();
            boolean[] offOrOn = active(bptt.tape().h);
            p.data[i] = saved;
            if (!java.util.Arrays.equals(on, offOrOn)) {
                return Unreliable.RELU_KINK;
            }
        }
        return Unreliable.NO;
    }

    /** Which entries of the states are positive: a ReLU unit that is on. */
    private static boolean[] active(DMatrixRMaj h) {
        boolean[] out = new boolean[h.getNumElements()];
        for (int k = 0; k < out.length; k++) {
            out[k] = h.data[k] > 0;
        }
        return out;
    }

    private static Unreliable[] none(int n) {
        Unreliable[] out = new Unreliable[n];
        java.util.Arrays.fill(out, Unreliable.NO);
        return out;
    }

    /** The row-major indices a capped check visits: all n when n ≤ max, else ⌊i·n/max⌋ for i &lt; max. */
    public static int[] sample(int n, int max) {
        if (n <= max) {
            return range(n);
        }
        int[] out = new int[max];
        for (int i = 0; i < max; i++) {
            out[i] = (int) ((long) i * n / max);
        }
        return out;
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /**
     * Whether an entry fails: its relative error is above the tolerance and so is its absolute
     * difference. Written so that a NaN or infinite gradient fails instead of slipping through
     * both comparisons.
     */
    public static boolean fails(GradCheckConfig config, double analytic, double numeric) {
        return !passes(relativeError(analytic, numeric), analytic - numeric,
                config.maxRelativeError(), config.minAbsoluteError());
    }

    /** An entry passes when its relative error or its absolute difference is within tolerance (NaN passes neither). */
    public static boolean passes(double relativeError, double difference, double maxRelative, double maxAbsolute) {
        return relativeError <= maxRelative || Math.abs(difference) <= maxAbsolute;
    }

    /** |a − n| / (|a| + |n|), and 0 when both are 0. */
    public static double relativeError(double a, double n) {
        double denom = Math.abs(a) + Math.abs(n);
        return denom == 0 ? 0 : Math.abs(a - n) / denom;
    }
}
