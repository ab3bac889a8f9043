package org.unroll.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The six parameter tensors as plain Java arrays, for the textbook reference implementations.
 * Weights are [row][col] with gate blocks stacked by rows in PyTorch's order.
 */
final class RefParams {
    final double[][] wih;
    final double[][] whh;
    final double[] bih;
    final double[] bhh;
    final double[][] wout;
    final double[] bout;

    RefParams(int gh, int in, int hidden, int out) {
        wih = new double[gh][in];
        whh = new double[gh][hidden];
        bih = new double[gh];
        bhh = new double[gh];
        wout = new double[out][hidden];
        bout = new double[out];
    }

    static RefParams of(Params p) {
        RefParams r = new RefParams(p.weightIh.numRows, p.weightIh.numCols, p.weightHh.numCols, p.weightOut.numRows);
        copy(p.weightIh, r.wih);
        copy(p.weightHh, r.whh);
        System.arraycopy(p.biasIh.data, 0, r.bih, 0, r.bih.length);
        System.arraycopy(p.biasHh.data, 0, r.bhh, 0, r.bhh.length);
        copy(p.weightOut, r.wout);
        System.arraycopy(p.biasOut.data, 0, r.bout, 0, r.bout.length);
        return r;
    }

    RefParams zerosLike() {
        return new RefParams(wih.length, wih[0].length, whh[0].length, wout.length);
    }

    /** this += other. */
    void add(RefParams o) {
        addTo(wih, o.wih);
        addTo(whh, o.whh);
        addTo(bih, o.bih);
        addTo(bhh, o.bhh);
        addTo(wout, o.wout);
        addTo(bout, o.bout);
    }

    /** The tensor of a parameter name, flattened row-major. */
    double[] flat(String name) {
        return switch (name) {
            case "weight_ih" -> flatten(wih);
            case "weight_hh" -> flatten(whh);
            case "bias_ih" -> bih.clone();
            case "bias_hh" -> bhh.clone();
            case "weight_out" -> flatten(wout);
            case "bias_out" -> bout.clone();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static double[] flatten(double[][] m) {
        int cols = m.length == 0 ? 0 : m[0].length;
        double[] out = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * cols, cols);
        }
        return out;
    }

    private static void copy(DMatrixRMaj m, double[][] out) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                out[i][j] = m.get(i, j);
            }
        }
    }

    private static void addTo(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) {
            addTo(a[i], b[i]);
        }
    }

    private static void addTo(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }
}
