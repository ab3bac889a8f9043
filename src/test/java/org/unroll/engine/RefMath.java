package org.unroll.engine;

/** Textbook helpers for the references: vectors are double[], matrices double[row][col]. */
final class RefMath {
    private RefMath() {
    }

    /** W[rows from, from + n) · v. */
    static double[] mulBlock(double[][] w, int from, int n, double[] v) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += w[from + i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    static double[] mul(double[][] w, double[] v) {
        return mulBlock(w, 0, w.length, v);
    }

    /** Wᵀ · v. */
    static double[] mulT(double[][] w, double[] v) {
        double[] out = new double[w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += w[i][j] * v[i];
            }
        }
        return out;
    }

    static double[] slice(double[] v, int from, int n) {
        double[] out = new double[n];
        System.arraycopy(v, from, out, 0, n);
        return out;
    }

    /** acc += a bᵀ. */
    static void addOuter(double[][] acc, double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                acc[i][j] += a[i] * b[j];
            }
        }
    }

    static void addInto(double[] acc, double[] v) {
        for (int i = 0; i < v.length; i++) {
            acc[i] += v[i];
        }
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    /** y = W_out h + b_out. */
    static double[] output(RefParams p, double[] h) {
        double[] y = mul(p.wout, h);
        for (int i = 0; i < y.length; i++) {
            y[i] += p.bout[i];
        }
        return y;
    }

    /** The loss at step t (0 without a target). */
    static double loss(RefSeq s, int t, double[] y) {
        if (!s.hasTarget(t)) {
            return 0;
        }
        if (s.crossEntropy) {
            return logSumExp(y) - y[s.classes[t]];
        }
        double l = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - s.vectors[t][i];
            l += d * d;
        }
        return l;
    }

    /** dL_t/dy_t: softmax − onehot, or 2 (y − target), or zeros without a target. */
    static double[] lossGradient(RefSeq s, int t, double[] y) {
        double[] dy = new double[y.length];
        if (!s.hasTarget(t)) {
            return dy;
        }
        if (s.crossEntropy) {
            double lse = logSumExp(y);
            for (int i = 0; i < y.length; i++) {
                dy[i] = Math.exp(y[i] - lse) - (i == s.classes[t] ? 1 : 0);
            }
        } else {
            for (int i = 0; i < y.length; i++) {
                dy[i] = 2 * (y[i] - s.vectors[t][i]);
            }
        }
        return dy;
    }

    /** log Σ_i e^{y_i}, shifted by the largest entry. */
    static double logSumExp(double[] y) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : y) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}
