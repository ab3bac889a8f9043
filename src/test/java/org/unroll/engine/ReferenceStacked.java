package org.unroll.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A second, independent stacked / bidirectional / masked network for tests: plain double
 * loops, one sequence at a time, only its real steps, the reverse direction literally
 * walking from the last real step to the first. Shares nothing with the engine but the
 * parameter names.
 */
final class ReferenceStacked {
    final String cell; // rnn_tanh, rnn_relu, lstm, gru
    final int layers;
    final int dirs;
    final int hs;
    final int in;
    final int out;
    final boolean mse;
    /** name → matrix (biases as one row). */
    final Map<String, double[][]> p;

    // results, per sequence b
    double loss;
    double[][] stepLoss;       // B x T
    double[][][] y;            // B x T x O
    double[][][] top;          // B x T x H·D
    double[][][] hn;           // L·D x B x H
    double[][][] cn;
    double[][][] dh0;
    double[][][] dc0;
    final Map<String, double[][]> g = new LinkedHashMap<>();

    ReferenceStacked(String cell, int layers, int dirs, int hs, int in, int out, boolean mse,
                     Map<String, double[][]> p) {
        this.cell = cell;
        this.layers = layers;
        this.dirs = dirs;
        this.hs = hs;
        this.in = in;
        this.out = out;
        this.mse = mse;
        this.p = p;
        p.forEach((k, v) -> g.put(k, new double[v.length][v[0].length]));
    }

    int gates() {
        return cell.equals("lstm") ? 4 : cell.equals("gru") ? 3 : 1;
    }

    String name(String base, int k, int d) {
        return layers == 1 && dirs == 1 ? base : base + "_l" + k + (d == 1 ? "_reverse" : "");
    }

    /** One step's record for the backward pass. */
    private static final class Step {
        double[] x;
        double[] hPrev;
        double[] cPrev;
        double[] gi; // W_ih x + b_ih
        double[] gh; // W_hh h + b_hh
        double[] act; // the activated gates
        double[] c;
        double[] h;
    }

    /**
     * @param x       B sequences, x[b][t][i] for t &lt; T (padded steps are ignored)
     * @param len     lengths
     * @param cls     class targets [b][t] (−1 none), or null for mse
     * @param vec     mse targets [b][t][o] (null entry none), or null
     * @param h0      [L·D][b][H] or null
     * @param c0      the same, or null
     */
    void run(double[][][] x, int[] len, int[][] cls, double[][][] vec, double[][][] h0, double[][][] c0) {
        int nb = x.length;
        int steps = x[0].length;
        stepLoss = new double[nb][steps];
        y = new double[nb][steps][out];
        top = new double[nb][steps][hs * dirs];
        hn = new double[layers * dirs][nb][];
        cn = new double[layers * dirs][nb][];
        dh0 = new double[layers * dirs][nb][];
        dc0 = new double[layers * dirs][nb][];
        loss = 0;
        for (int b = 0; b < nb; b++) {
            int n = len[b];
            double[][] u = new double[n][];
            for (int t = 0; t < n; t++) {
                u[t] = x[b][t].clone();
            }
            Step[][][] rec = new Step[layers][dirs][n];
            double[][][] inputs = new double[layers][][];
            for (int k = 0; k < layers; k++) {
                inputs[k] = u;
                double[][] o = new double[n][hs * dirs];
                for (int d = 0; d < dirs; d++) {
                    int ld = k * dirs + d;
                    double[] h = h0 == null ? new double[hs] : h0[ld][b].clone();
                    double[] c = c0 == null ? new double[hs] : c0[ld][b].clone();
                    for (int i = 0; i < n; i++) {
                        int t = d == 0 ? i : n - 1 - i;
                        Step s = forwardStep(k, d, u[t], h, c);
                        rec[k][d][t] = s;
                        h = s.h;
                        c = s.c;
                        for (int j = 0; j < hs; j++) {
                            o[t][d * hs + j] = h[j];
                        }
                    }
                    hn[ld][b] = h;
                    cn[ld][b] = c;
                }
                u = o;
            }
            double[][] dTop = new double[n][hs * dirs];
            double[][] wOut = p.get("weight_out");
            for (int t = 0; t < n; t++) {
                top[b][t] = u[t].clone();
                double[] yt = new double[out];
                for (int r = 0; r < out; r++) {
                    double s = p.get("bias_out")[0][r];
                    for (int j = 0; j < hs * dirs; j++) {
                        s += wOut[r][j] * u[t][j];
                    }
                    yt[r] = s;
                }
                y[b][t] = yt;
                double[] dy = new double[out];
                if (!mse && cls[b][t] >= 0) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (double v : yt) {
                        m = Math.max(m, v);
                    }
                    double z = 0;
                    for (double v : yt) {
                        z += Math.exp(v - m);
                    }
                    double lse = m + Math.log(z);
                    stepLoss[b][t] = lse - yt[cls[b][t]];
                    for (int r = 0; r < out; r++) {
                        dy[r] = Math.exp(yt[r] - lse) - (r == cls[b][t] ? 1 : 0);
                    }
                } else if (mse && vec[b][t] != null) {
                    for (int r = 0; r < out; r++) {
                        double e = yt[r] - vec[b][t][r];
                        stepLoss[b][t] += e * e;
                        dy[r] = 2 * e;
                    }
                }
                loss += stepLoss[b][t];
                for (int r = 0; r < out; r++) {
                    g.get("bias_out")[0][r] += dy[r];
                    for (int j = 0; j < hs * dirs; j++) {
                        g.get("weight_out")[r][j] += dy[r] * u[t][j];
                        dTop[t][j] += wOut[r][j] * dy[r];
                    }
                }
            }
            double[][] dOut = dTop;
            for (int k = layers - 1; k >= 0; k--) {
                int width = k == 0 ? in : hs * dirs;
                double[][] dIn = new double[n][width];
                for (int d = 0; d < dirs; d++) {
                    int ld = k * dirs + d;
                    double[] dhNext = new double[hs];
                    double[] dcNext = new double[hs];
                    for (int i = n - 1; i >= 0; i--) {
                        int t = d == 0 ? i : n - 1 - i;
                        double[] dh = new double[hs];
                        for (int j = 0; j < hs; j++) {
                            dh[j] = dOut[t][d * hs + j] + dhNext[j];
                        }
                        double[][] back = backwardStep(k, d, rec[k][d][t], dh, dcNext, dIn[t]);
                        dhNext = back[0];
                        dcNext = back[1];
                    }
                    dh0[ld][b] = dhNext;
                    dc0[ld][b] = dcNext;
                }
                dOut = dIn;
            }
        }
    }

    private static double sig(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private double[] affine(double[][] w, double[][] bias, double[] v) {
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double s = bias[0][i];
            for (int j = 0; j < v.length; j++) {
                s += w[i][j] * v[j];
            }
            r[i] = s;
        }
        return r;
    }

    private Step forwardStep(int k, int d, double[] x, double[] h, double[] c) {
        Step s = new Step();
        s.x = x;
        s.hPrev = h;
        s.cPrev = c;
        s.gi = affine(p.get(name("weight_ih", k, d)), p.get(name("bias_ih", k, d)), x);
        s.gh = affine(p.get(name("weight_hh", k, d)), p.get(name("bias_hh", k, d)), h);
        s.act = new double[gates() * hs];
        s.h = new double[hs];
        s.c = new double[hs];
        for (int j = 0; j < hs; j++) {
            switch (cell) {
                case "rnn_tanh", "rnn_relu" -> {
                    double a = s.gi[j] + s.gh[j];
                    s.act[j] = cell.equals("rnn_tanh") ? Math.tanh(a) : Math.max(0, a);
                    s.h[j] = s.act[j];
                }
                case "lstm" -> {
                    double i = sig(s.gi[j] + s.gh[j]);
                    double f = sig(s.gi[hs + j] + s.gh[hs + j]);
                    double gg = Math.tanh(s.gi[2 * hs + j] + s.gh[2 * hs + j]);
                    double o = sig(s.gi[3 * hs + j] + s.gh[3 * hs + j]);
                    s.act[j] = i;
                    s.act[hs + j] = f;
                    s.act[2 * hs + j] = gg;
                    s.act[3 * hs + j] = o;
                    s.c[j] = f * c[j] + i * gg;
                    s.h[j] = o * Math.tanh(s.c[j]);
                }
                default -> {
                    double r = sig(s.gi[j] + s.gh[j]);
                    double z = sig(s.gi[hs + j] + s.gh[hs + j]);
                    double nn = Math.tanh(s.gi[2 * hs + j] + r * s.gh[2 * hs + j]);
                    s.act[j] = r;
                    s.act[hs + j] = z;
                    s.act[2 * hs + j] = nn;
                    s.h[j] = (1 - z) * nn + z * h[j];
                }
            }
        }
        return s;
    }

    /** Adds the step's parameter gradients and dL/dx into dx; returns {dh_prev, dc_prev}. */
    private double[][] backwardStep(int k, int d, Step s, double[] dh, double[] dcNext, double[] dx) {
        int gh = gates() * hs;
        double[] dgi = new double[gh];
        double[] dgh = new double[gh];
        double[] dhPrev = new double[hs];
        double[] dcPrev = new double[hs];
        for (int j = 0; j < hs; j++) {
            switch (cell) {
                case "rnn_tanh" -> dgi[j] = dh[j] * (1 - s.act[j] * s.act[j]);
                case "rnn_relu" -> dgi[j] = dh[j] * (s.gi[j] + s.gh[j] > 0 ? 1 : 0);
                case "lstm" -> {
                    double i = s.act[j];
                    double f = s.act[hs + j];
                    double gg = s.act[2 * hs + j];
                    double o = s.act[3 * hs + j];
                    double tc = Math.tanh(s.c[j]);
                    double dc = dcNext[j] + dh[j] * o * (1 - tc * tc);
                    dgi[j] = dc * gg * i * (1 - i);
                    dgi[hs + j] = dc * s.cPrev[j] * f * (1 - f);
                    dgi[2 * hs + j] = dc * i * (1 - gg * gg);
                    dgi[3 * hs + j] = dh[j] * tc * o * (1 - o);
                    dcPrev[j] = dc * f;
                }
                default -> {
                    double r = s.act[j];
                    double z = s.act[hs + j];
                    double nn = s.act[2 * hs + j];
                    double dn = dh[j] * (1 - z) * (1 - nn * nn);
                    double dz = dh[j] * (s.hPrev[j] - nn) * z * (1 - z);
                    double dr = dn * s.gh[2 * hs + j] * r * (1 - r);
                    dgi[j] = dr;
                    dgi[hs + j] = dz;
                    dgi[2 * hs + j] = dn;
                    dgh[j] = dr;
                    dgh[hs + j] = dz;
                    dgh[2 * hs + j] = dn * r;
                    dhPrev[j] += dh[j] * z;
                }
            }
        }
        if (!cell.equals("gru")) {
            dgh = dgi;
        }
        double[][] wih = p.get(name("weight_ih", k, d));
        double[][] whh = p.get(name("weight_hh", k, d));
        double[][] gWih = g.get(name("weight_ih", k, d));
        double[][] gWhh = g.get(name("weight_hh", k, d));
        double[][] gBih = g.get(name("bias_ih", k, d));
        double[][] gBhh = g.get(name("bias_hh", k, d));
        for (int r = 0; r < gh; r++) {
            gBih[0][r] += dgi[r];
            gBhh[0][r] += dgh[r];
            for (int j = 0; j < s.x.length; j++) {
                gWih[r][j] += dgi[r] * s.x[j];
                dx[j] += wih[r][j] * dgi[r];
            }
            for (int j = 0; j < hs; j++) {
                gWhh[r][j] += dgh[r] * s.hPrev[j];
                dhPrev[j] += whh[r][j] * dgh[r];
            }
        }
        return new double[][] {dhPrev, dcPrev};
    }
}
