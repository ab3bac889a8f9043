package org.unroll.engine;

import static org.unroll.engine.RefMath.addInto;
import static org.unroll.engine.RefMath.addOuter;
import static org.unroll.engine.RefMath.mulBlock;
import static org.unroll.engine.RefMath.mulT;
import static org.unroll.engine.RefMath.sigmoid;

/**
 * An LSTM, one sequence, from the equations (gates i, f, g, o in PyTorch's order):
 * i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o) with a_• = W_i• x + b_i• + W_h• h + b_h•;
 * c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t). Backward carries dh_next and dc_next.
 */
final class ReferenceLstm {
    private final RefParams p;
    private final int hidden;

    ReferenceLstm(RefParams p) {
        this.p = p;
        this.hidden = p.whh[0].length;
    }

    /** The gates of one step: {i, f, g, o}. */
    double[][] gates(double[] x, double[] h) {
        double[][] out = new double[4][];
        for (int k = 0; k < 4; k++) {
            double[] a = mulBlock(p.wih, k * hidden, hidden, x);
            double[] r = mulBlock(p.whh, k * hidden, hidden, h);
            out[k] = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double pre = a[j] + p.bih[k * hidden + j] + r[j] + p.bhh[k * hidden + j];
                out[k][j] = k == 2 ? Math.tanh(pre) : sigmoid(pre);
            }
        }
        return out;
    }

    /** One step: {h_t, c_t} from x_t, h_{t−1}, c_{t−1}. */
    double[][] step(double[] x, double[] h, double[] c) {
        double[][] g = gates(x, h);
        double[] cNew = new double[hidden];
        double[] hNew = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            cNew[j] = g[1][j] * c[j] + g[0][j] * g[2][j];
            hNew[j] = g[3][j] * Math.tanh(cNew[j]);
        }
        return new double[][] {hNew, cNew};
    }

    RefResult run(RefSeq s) {
        int steps = s.steps();
        RefResult r = new RefResult();
        double[][] hs = new double[steps + 1][];
        double[][] cs = new double[steps + 1][];
        double[][][] gs = new double[steps][][];
        r.y = new double[steps][];
        r.stepLoss = new double[steps];
        hs[0] = s.h0.clone();
        cs[0] = s.c0.clone();
        for (int t = 0; t < steps; t++) {
            gs[t] = gates(s.x[t], hs[t]);
            double[][] next = step(s.x[t], hs[t], cs[t]);
            hs[t + 1] = next[0];
            cs[t + 1] = next[1];
            r.y[t] = RefMath.output(p, hs[t + 1]);
            r.stepLoss[t] = RefMath.loss(s, t, r.y[t]);
            r.loss += r.stepLoss[t];
        }
        r.h = new double[steps][];
        r.c = new double[steps][];
        System.arraycopy(hs, 1, r.h, 0, steps);
        System.arraycopy(cs, 1, r.c, 0, steps);

        r.grads = p.zerosLike();
        r.stepGrads = new RefParams[steps];
        r.dh = new double[steps][];
        r.dc = new double[steps][];
        double[] dhNext = new double[hidden];
        double[] dcNext = new double[hidden];
        for (int t = steps - 1; t >= 0; t--) {
            RefParams grad = p.zerosLike();
            double[] dy = RefMath.lossGradient(s, t, r.y[t]);
            addOuter(grad.wout, dy, hs[t + 1]);
            addInto(grad.bout, dy);
            double[] dh = mulT(p.wout, dy);
            addInto(dh, dhNext);
            double[] i = gs[t][0];
            double[] f = gs[t][1];
            double[] g = gs[t][2];
            double[] o = gs[t][3];
            double[] dc = new double[hidden];
            double[] da = new double[4 * hidden];
            for (int j = 0; j < hidden; j++) {
                double tc = Math.tanh(cs[t + 1][j]);
                dc[j] = dcNext[j] + dh[j] * o[j] * (1 - tc * tc);
                double dI = dc[j] * g[j];
                double dF = dc[j] * cs[t][j];
                double dG = dc[j] * i[j];
                double dO = dh[j] * tc;
                da[j] = dI * i[j] * (1 - i[j]);
                da[hidden + j] = dF * f[j] * (1 - f[j]);
                da[2 * hidden + j] = dG * (1 - g[j] * g[j]);
                da[3 * hidden + j] = dO * o[j] * (1 - o[j]);
            }
            r.dh[t] = dh;
            r.dc[t] = dc;
            addOuter(grad.wih, da, s.x[t]);
            addOuter(grad.whh, da, hs[t]);
            addInto(grad.bih, da);
            addInto(grad.bhh, da);
            dhNext = mulT(p.whh, da);
            dcNext = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                dcNext[j] = dc[j] * f[j];
            }
            r.stepGrads[t] = grad;
            r.grads.add(grad);
        }
        r.dh0 = dhNext;
        r.dc0 = dcNext;
        return r;
    }
}
