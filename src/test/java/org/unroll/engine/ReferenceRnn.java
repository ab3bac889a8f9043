package org.unroll.engine;

import static org.unroll.engine.RefMath.addInto;
import static org.unroll.engine.RefMath.addOuter;
import static org.unroll.engine.RefMath.mul;
import static org.unroll.engine.RefMath.mulT;

/**
 * A plain Elman RNN, one sequence, written from the equations and nothing else:
 * z_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh, h_t = act(z_t), y_t = W_out h_t + b_out.
 * Forward stores every z_t and h_t; backward runs t = T−1 … 0 carrying dh_next.
 */
final class ReferenceRnn {
    private final RefParams p;
    private final boolean relu;

    ReferenceRnn(RefParams p, boolean relu) {
        this.p = p;
        this.relu = relu;
    }

    /** The pre-activation z = W_ih x + b_ih + W_hh h + b_hh. */
    double[] preActivation(double[] x, double[] h) {
        double[] a = mul(p.wih, x);
        double[] r = mul(p.whh, h);
        double[] z = new double[a.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = a[i] + p.bih[i] + r[i] + p.bhh[i];
        }
        return z;
    }

    double act(double z) {
        return relu ? Math.max(z, 0.0) : Math.tanh(z);
    }

    double actPrime(double z) {
        if (relu) {
            return z > 0 ? 1.0 : 0.0;
        }
        double th = Math.tanh(z);
        return 1 - th * th;
    }

    /** One step: h_t from x_t and h_{t−1}. */
    double[] step(double[] x, double[] h) {
        double[] z = preActivation(x, h);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = act(z[i]);
        }
        return out;
    }

    RefResult run(RefSeq s) {
        int steps = s.steps();
        int hidden = p.whh[0].length;
        RefResult r = new RefResult();
        double[][] hs = new double[steps + 1][];
        double[][] zs = new double[steps][];
        r.y = new double[steps][];
        r.stepLoss = new double[steps];
        hs[0] = s.h0.clone();
        // forward: store everything
        for (int t = 0; t < steps; t++) {
            zs[t] = preActivation(s.x[t], hs[t]);
            hs[t + 1] = new double[hidden];
            for (int i = 0; i < hidden; i++) {
                hs[t + 1][i] = act(zs[t][i]);
            }
            r.y[t] = RefMath.output(p, hs[t + 1]);
            r.stepLoss[t] = RefMath.loss(s, t, r.y[t]);
            r.loss += r.stepLoss[t];
        }
        r.h = new double[steps][];
        System.arraycopy(hs, 1, r.h, 0, steps);

        // backward: t = T−1 … 0, carrying dh_next
        r.grads = p.zerosLike();
        r.stepGrads = new RefParams[steps];
        r.dh = new double[steps][];
        double[] dhNext = new double[hidden];
        for (int t = steps - 1; t >= 0; t--) {
            RefParams g = p.zerosLike();
            double[] dy = RefMath.lossGradient(s, t, r.y[t]);
            addOuter(g.wout, dy, hs[t + 1]);
            addInto(g.bout, dy);
            double[] dh = mulT(p.wout, dy);
            addInto(dh, dhNext);
            r.dh[t] = dh;
            double[] dz = new double[hidden];
            for (int i = 0; i < hidden; i++) {
                dz[i] = dh[i] * actPrime(zs[t][i]);
            }
            addOuter(g.wih, dz, s.x[t]);
            addOuter(g.whh, dz, hs[t]);
            addInto(g.bih, dz);
            addInto(g.bhh, dz);
            dhNext = mulT(p.whh, dz);
            r.stepGrads[t] = g;
            r.grads.add(g);
        }
        r.dh0 = dhNext;
        return r;
    }
}
