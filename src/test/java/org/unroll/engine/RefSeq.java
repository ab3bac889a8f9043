package org.unroll.engine;

/**
 * One sequence for the references: inputs x_0 … x_{T−1}, the initial state, and the targets
 * (a class per step, −1 for none; or a vector per step, null for none).
 */
final class RefSeq {
    final double[][] x;
    final double[] h0;
    final double[] c0;
    final boolean crossEntropy;
    final int[] classes;
    final double[][] vectors;

    RefSeq(double[][] x, double[] h0, double[] c0, boolean crossEntropy, int[] classes, double[][] vectors) {
        this.x = x;
        this.h0 = h0;
        this.c0 = c0;
        this.crossEntropy = crossEntropy;
        this.classes = classes;
        this.vectors = vectors;
    }

    int steps() {
        return x.length;
    }

    boolean hasTarget(int t) {
        return crossEntropy ? classes[t] >= 0 : vectors[t] != null;
    }

    /** Sequence b of a batch, read row by row (row t·B + b). */
    static RefSeq of(SequenceBatch s, int b, int hidden) {
        int steps = s.steps();
        int batch = s.batch();
        int in = s.inputSize();
        double[][] x = new double[steps][in];
        int[] classes = new int[steps];
        double[][] vectors = new double[steps][];
        boolean ce = s.loss() == LossType.CROSS_ENTROPY;
        for (int t = 0; t < steps; t++) {
            int r = t * batch + b;
            for (int i = 0; i < in; i++) {
                x[t][i] = s.inputs().get(r, i);
            }
            if (ce) {
                classes[t] = s.classTarget(r);
            } else if (s.hasTarget(r)) {
                int o = s.vectorTargets().numCols;
                vectors[t] = new double[o];
                for (int j = 0; j < o; j++) {
                    vectors[t][j] = s.vectorTargets().get(r, j);
                }
            }
        }
        return new RefSeq(x, row(s.h0(), b, hidden), row(s.c0(), b, hidden), ce, classes, vectors);
    }

    private static double[] row(org.ejml.data.DMatrixRMaj m, int b, int hidden) {
        double[] out = new double[hidden];
        if (m != null) {
            for (int j = 0; j < hidden; j++) {
                out[j] = m.get(b, j);
            }
        }
        return out;
    }
}
