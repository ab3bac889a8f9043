package org.unroll.engine;

import static org.unroll.engine.RefMath.addInto;
import static org.unroll.engine.RefMath.addOuter;
import static org.unroll.engine.RefMath.concat;
import static org.unroll.engine.RefMath.mulBlock;
import static org.unroll.engine.RefMath.mulT;
import static org.unroll.engine.RefMath.sigmoid;

/**
 * A GRU, one sequence, from PyTorch's equations (gates r, z, n; the reset multiplies
 * W_hn h + b_hn): r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(…),
 * n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}.
 */
final class ReferenceGru {
    private final RefParams p;
    private final int hidden;

    ReferenceGru(RefParams p) {
        this.p = p;
        this.hidden = p.whh[0].length;
    }

    /** {r, z, n, W_hn h + b_hn} for one step. */
    double[][] gates(double[] x, double[] h) {
        int hd = hidden;
        double[] r = new double[hd];
        double[] z = new double[hd];
        double[] n = new double[hd];
        double[] hn = new double[hd];
        double[] xr = mulBlock(p.wih, 0, hd, x);
        double[] xz = mulBlock(p.wih, hd, hd, x);
        double[] xn = mulBlock(p.wih, 2 * hd, hd, x);
        double[] hr = mulBlock(p.whh, 0, hd, h);
        double[] hz = mulBlock(p.whh, hd, hd, h);
        double[] hh = mulBlock(p.whh, 2 * hd, hd, h);
        for (int j = 0; j < hd; j++) {
            r[j] = sigmoid(xr[j] + p.bih[j] + hr[j] + p.bhh[j]);
            z[j] = sigmoid(xz[j] + p.bih[hd + j] + hz[j] + p.bhh[hd + j]);
            hn[j] = hh[j] + p.bhh[2 * hd + j];
            n[j] = Math.tanh(xn[j] + p.bih[2 * hd + j] + r[j] * hn[j]);
        }
        return new double[][] {r, z, n, hn};
    }

    /** One step: h_t from x_t and h_{t−1}. */
    double[] step(double[] x, double[] h) {
        double[][] g = gates(x, h);
        double[] out = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            out[j] = (1 - g[1][j]) * g[2][j] + g[1][j] * h[j];
        }
        return out;
    }

    RefResult run(RefSeq s) {
        int steps = s.steps();
        RefResult res = new RefResult();
        double[][] hs = new double[steps + 1][];
        double[][][] gs = new double[steps][][];
        res.y = new double[steps][];
        res.stepLoss = new double[steps];
        hs[0] = s.h0.clone();
        for (int t = 0; t < steps; t++) {
            gs[t] = gates(s.x[t], hs[t]);
            hs[t + 1] = step(s.x[t], hs[t]);
            res.y[t] = RefMath.output(p, hs[t + 1]);
            res.stepLoss[t] = RefMath.loss(s, t, res.y[t]);
            res.loss += res.stepLoss[t];
        }
        res.h = new double[steps][];
        System.arraycopy(hs, 1, res.h, 0, steps);

        res.grads = p.zerosLike();
        res.stepGrads = new RefParams[steps];
        res.dh = new double[steps][];
        double[] dhNext = new double[hidden];
        for (int t = steps - 1; t >= 0; t--) {
            RefParams grad = p.zerosLike();
            double[] dy = RefMath.lossGradient(s, t, res.y[t]);
            addOuter(grad.wout, dy, hs[t + 1]);
            addInto(grad.bout, dy);
            double[] dh = mulT(p.wout, dy);
            addInto(dh, dhNext);
            res.dh[t] = dh;
            double[] r = gs[t][0];
            double[] z = gs[t][1];
            double[] n = gs[t][2];
            double[] hn = gs[t][3];
            double[] daR = new double[hidden];
            double[] daZ = new double[hidden];
            double[] daN = new double[hidden];
            double[] dHn = new double[hidden];
            double[] direct = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double dn = dh[j] * (1 - z[j]);
                double dz = dh[j] * (hs[t][j] - n[j]);
                direct[j] = dh[j] * z[j];
                daN[j] = dn * (1 - n[j] * n[j]);
                double dr = daN[j] * hn[j];
                dHn[j] = daN[j] * r[j];
                daR[j] = dr * r[j] * (1 - r[j]);
                daZ[j] = dz * z[j] * (1 - z[j]);
            }
            double[] inputSide = concat(daR, daZ, daN);
            double[] hiddenSide = concat(daR, daZ, dHn);
            addOuter(grad.wih, inputSide, s.x[t]);
            addInto(grad.bih, inputSide);
            addOuter(grad.whh, hiddenSide, hs[t]);
            addInto(grad.bhh, hiddenSide);
            dhNext = mulT(p.whh, hiddenSide);
            addInto(dhNext, direct);
            res.stepGrads[t] = grad;
            res.grads.add(grad);
        }
        res.dh0 = dhNext;
        return res;
    }
}
