package org.unroll.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link GradCheck} for a stacked, bidirectional or padded network: every parameter of
 * every layer and direction against central finite differences of the loss.
 */
public final class StackedGradCheck {

    private StackedGradCheck() {
    }

    /**
     * Checks at most {@code maxEntriesPerParam} entries of each tensor (spread as
     * {@link GradCheck#sample} spreads them). The model is not modified.
     */
    public static GradCheck.Report run(StackedModel model, PaddedBatch batch, GradCheckConfig config,
                                       int maxEntriesPerParam) {
        StackedModel probe = model.withParams(model.params().copy());
        StackedBptt pass = new StackedBptt(probe, batch);
        pass.forward();
        StackedParams analytic = probe.params().zerosLike();
        pass.backward(analytic);
        List<GradCheck.ParamCheck> checks = new ArrayList<>();
        double worst = 0;
        boolean passed = true;
        for (String name : probe.params().names()) {
            DMatrixRMaj p = probe.params().get(name);
            DMatrixRMaj a = analytic.get(name);
            int[] entries = GradCheck.sample(p.getNumElements(), maxEntriesPerParam);
            int n = entries.length;
            double[] ana = new double[n];
            double[] num = new double[n];
            double[] rel = new double[n];
            int worstIndex = 0;
            boolean ok = true;
            for (int k = 0; k < n; k++) {
                int i = entries[k];
                double saved = p.data[i];
                p.data[i] = saved + config.epsilon();
                double plus = pass.forward();
                p.data[i] = saved - config.epsilon();
                double minus = pass.forward();
                p.data[i] = saved;
                // dL/dθ_i ≈ (L(θ + h e_i) − L(θ − h e_i)) / 2h
                ana[k] = a.data[i];
                num[k] = (plus - minus) / (2 * config.epsilon());
                rel[k] = GradCheck.relativeError(ana[k], num[k]);
                if (!(rel[k] <= rel[worstIndex])) {
                    worstIndex = k;
                }
                ok &= !GradCheck.fails(config, ana[k], num[k]);
            }
            checks.add(new GradCheck.ParamCheck(name, p.numRows, p.numCols, ana, num, rel, worstIndex, ok, entries));
            double w = n == 0 ? 0 : rel[worstIndex];
            worst = Double.isNaN(w) || Double.isNaN(worst) ? Double.NaN : Math.max(worst, w);
            passed &= ok;
        }
        return new GradCheck.Report(List.copyOf(checks), worst, passed);
    }
}
