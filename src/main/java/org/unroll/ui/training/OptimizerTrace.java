package org.unroll.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.StackedParams;
import org.unroll.train.OptimizerSpec;

/**
 * The optimizer's running state, kept beside a run from the gradients it applies, so that the
 * step of the last update can be shown: torch.optim's rules, entry by entry,
 * <pre>
 *   SGD:       Δθ = −lr · g
 *   momentum:  b ← g (first step), b ← μ·b + g;   Δθ = −lr · b
 *   Adam:      m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,
 *              Δθ = −(lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)
 * </pre>
 * The engine's optimizer owns the real state; this one is checked against it (θ_before + Δθ equals
 * θ_after). {@link #observe} copies into buffers made once; {@link #last} builds the picture only
 * when it is asked for. Not thread-safe: it lives on the run's thread.
 */
final class OptimizerTrace {
    private final OptimizerSpec spec;
    private List<String> names;
    private int[][] shapes;
    private double[][] m;
    private double[][] v;
    private double[][] mBefore;
    private double[][] vBefore;
    private double[][] gLast;
    private int t;

    OptimizerTrace(OptimizerSpec spec) {
        this.spec = spec;
    }

    /** One more update with gradient {@code g} (the reduced, clipped gradient the optimizer was handed). */
    void observe(StackedParams g) {
        if (names == null) {
            allocate(g);
        }
        t++;
        int k = 0;
        for (DMatrixRMaj x : g.tensors().values()) {
            System.arraycopy(x.data, 0, gLast[k], 0, gLast[k].length);
            System.arraycopy(m[k], 0, mBefore[k], 0, m[k].length);
            System.arraycopy(v[k], 0, vBefore[k], 0, v[k].length);
            advance(gLast[k], m[k], v[k], null);
            k++;
        }
    }

    /** The step of the last update observed, or null before any. */
    OptimizerStep last() {
        if (t == 0) {
            return null;
        }
        boolean adam = OptimizerSpec.ADAM.equals(spec.name());
        boolean momentum = OptimizerSpec.MOMENTUM.equals(spec.name());
        List<OptimizerStep.Tensor> out = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            double[] mk = mBefore[k].clone();
            double[] vk = vBefore[k].clone();
            double[] step = new double[gLast[k].length];
            advance(gLast[k], mk, vk, step);
            out.add(new OptimizerStep.Tensor(names.get(k), shapes[k][0], shapes[k][1], gLast[k].clone(),
                    adam || momentum ? mk : null, adam ? vk : null, step));
        }
        return new OptimizerStep(spec.name(), t, out);
    }

    /** The rule for step {@link #t}: updates m and v in place and writes Δθ into {@code step} (when given). */
    private void advance(double[] g, double[] mk, double[] vk, double[] step) {
        switch (spec.name()) {
            case OptimizerSpec.SGD -> {
                if (step != null) {
                    for (int i = 0; i < g.length; i++) {
                        step[i] = -(spec.lr() * g[i]);
                    }
                }
            }
            case OptimizerSpec.MOMENTUM -> {
                for (int i = 0; i < g.length; i++) {
                    mk[i] = t == 1 ? g[i] : spec.momentum() * mk[i] + g[i];
                    if (step != null) {
                        step[i] = -(spec.lr() * mk[i]);
                    }
                }
            }
            default -> {
                double b1 = spec.beta1();
                double b2 = spec.beta2();
                double stepSize = spec.lr() / (1 - Math.pow(b1, t));
                double sqrtBc2 = Math.sqrt(1 - Math.pow(b2, t));
                for (int i = 0; i < g.length; i++) {
                    mk[i] = b1 * mk[i] + (1 - b1) * g[i];
                    vk[i] = b2 * vk[i] + (1 - b2) * g[i] * g[i];
                    if (step != null) {
                        step[i] = -(stepSize * mk[i] / (Math.sqrt(vk[i]) / sqrtBc2 + spec.eps()));
                    }
                }
            }
        }
    }

    private void allocate(StackedParams g) {
        names = List.copyOf(g.tensors().keySet());
        int n = names.size();
        shapes = new int[n][];
        m = new double[n][];
        v = new double[n][];
        mBefore = new double[n][];
        vBefore = new double[n][];
        gLast = new double[n][];
        int k = 0;
        for (Map.Entry<String, DMatrixRMaj> e : g.tensors().entrySet()) {
            int size = e.getValue().getNumElements();
            shapes[k] = new int[] {e.getValue().numRows, e.getValue().numCols};
            m[k] = new double[size];
            v[k] = new double[size];
            mBefore[k] = new double[size];
            vBefore[k] = new double[size];
            gLast[k] = new double[size];
            k++;
        }
    }
}
