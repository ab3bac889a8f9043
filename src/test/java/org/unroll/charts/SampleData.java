package org.unroll.charts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Realistic chart inputs with a fixed seed, shared by the tests and {@link ChartGallery}. */
final class SampleData {

    static final int T = 40;

    private SampleData() {
    }

    /** A flow whose ‖∂h_T/∂h_k‖ decays like rate^(T−k) with ±20 % noise. */
    static GradientFlow decaying(String label, double rate, Double cellRate, double gamma, double sigma, long seed) {
        Random rnd = new Random(seed);
        double[] jac = new double[T + 1];
        for (int k = 0; k <= T; k++) {
            jac[k] = k == T ? 1 : Math.pow(rate, T - k) * (0.8 + 0.4 * rnd.nextDouble());
        }
        double[] cell = null;
        if (cellRate != null) {
            cell = new double[T + 1];
            for (int k = 0; k <= T; k++) {
                cell[k] = Math.pow(cellRate, T - k);
            }
        }
        double[] dh = new double[T];
        for (int t = T; t >= 1; t--) {
            double local = 0.25 + 0.2 * rnd.nextDouble();
            dh[t - 1] = local + (t < T ? rate * dh[t] : 0);
        }
        return GradientFlow.withBound(label, dh, jac, cell, gamma, sigma);
    }

    static GradientFlow rnn() {
        return decaying("RNN (tanh)", 0.6, null, 1, 0.65, 1);
    }

    static GradientFlow lstm() {
        return decaying("LSTM", 0.95, 0.97, 1, 1.05, 2);
    }

    static GradientFlow gru() {
        return decaying("GRU", 0.85, null, 1, 0.9, 3);
    }

    /** An exploding RNN: 1.8^(T−k) growth that overflows to 1e300, ∞ and NaN at the far end. */
    static GradientFlow exploding() {
        double[] jac = new double[T + 1];
        double[] dh = new double[T];
        for (int k = 0; k <= T; k++) {
            jac[k] = Math.pow(1.8, T - k);
        }
        jac[4] = 1e150;
        jac[3] = 1e300;
        jac[2] = Double.POSITIVE_INFINITY;
        jac[1] = Double.POSITIVE_INFINITY;
        jac[0] = Double.NaN;
        for (int t = 1; t <= T; t++) {
            dh[t - 1] = 0.5 * Math.pow(1.8, T - t);
        }
        dh[2] = 1e300;
        dh[1] = Double.POSITIVE_INFINITY;
        dh[0] = Double.NaN;
        return GradientFlow.withBound("RNN (tanh), exploding", dh, jac, null, 1, 1.9);
    }

    /** A ReLU RNN whose gradient dies: exact zeros for the earliest steps. */
    static GradientFlow dead() {
        GradientFlow g = decaying("RNN (ReLU)", 0.7, null, 1, 0.75, 4);
        double[] jac = g.jacobianNorms();
        double[] dh = g.dhNorms();
        for (int k = 0; k < 6; k++) {
            jac[k] = 0;
            dh[k] = 0;
        }
        return GradientFlow.withBound(g.cellLabel(), dh, jac, null, 1, 0.75);
    }

    static double[][][] gates(int gates, int steps, int units, java.util.Set<Integer> tanh, long seed) {
        Random rnd = new Random(seed);
        double[][][] v = new double[gates][steps][units];
        for (int g = 0; g < gates; g++) {
            for (int t = 0; t < steps; t++) {
                for (int u = 0; u < units; u++) {
                    double r = rnd.nextDouble();
                    v[g][t][u] = tanh.contains(g) ? 2 * r - 1 : r;
                }
            }
        }
        return v;
    }

    static GateActivations lstmGates() {
        return GateActivations.lstm(gates(4, T, 12, java.util.Set.of(2), 5));
    }

    static GateActivations gruGates() {
        return GateActivations.gru(gates(3, T, 12, java.util.Set.of(2), 6));
    }

    /** Per-step contributions of an RNN with H = 4, loss at every step. */
    static StepContributions contributions() {
        Random rnd = new Random(7);
        Map<String, double[][][]> per = new LinkedHashMap<>();
        int[][] shapes = {{4, 3}, {4, 4}, {4, 1}, {4, 1}};
        String[] names = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"};
        for (int p = 0; p < names.length; p++) {
            double[][][] m = new double[T][shapes[p][0]][shapes[p][1]];
            for (int t = 0; t < T; t++) {
                double scale = 0.05 * (0.3 + Math.pow(0.93, T - 1 - t));
                for (double[] row : m[t]) {
                    for (int c = 0; c < row.length; c++) {
                        row[c] = scale * (rnd.nextGaussian() + 0.35);
                    }
                }
            }
            per.put(names[p], m);
        }
        return StepContributions.fromPerStep("RNN (tanh)", per, "weight_hh", 2, 1);
    }

    static GradCheckResult gradCheck() {
        Random rnd = new Random(8);
        String[] names = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"};
        List<GradCheckResult.Row> rows = new java.util.ArrayList<>();
        for (String n : names) {
            for (int i = 0; i < 4; i++) {
                double a = (rnd.nextDouble() - 0.5) * 0.8;
                double rel = Math.pow(10, -11 + 3 * rnd.nextDouble());
                double num = a * (1 + 2 * rel);
                boolean bias = n.startsWith("bias");
                rows.add(bias ? GradCheckResult.Row.of(n, a, num, i) : GradCheckResult.Row.of(n, a, num, i, (i * 3) % 4));
            }
        }
        rows.set(10, GradCheckResult.Row.of("bias_ih", 0.125, 0.125, 2));
        return new GradCheckResult("LSTM", rows, 1e-6);
    }

    static GradCheckResult brokenGradCheck() {
        List<GradCheckResult.Row> rows = new java.util.ArrayList<>(gradCheck().rows());
        rows.set(3, GradCheckResult.Row.of("weight_ih", 0.31, 0.12, 3, 1));
        rows.set(6, new GradCheckResult.Row("weight_hh", List.of(2, 0), Double.NaN, 0.2, Double.NaN));
        return new GradCheckResult("LSTM", rows, 1e-6);
    }
}
