package org.unroll.engine.kernel;

/** {@link ElementKernel} in plain Java, one element at a time: the reference the vector kernel must equal. */
final class ScalarElements implements ElementKernel {

    @Override
    public void apply(Op op, int rows, int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] c,
                      int co, int cs, double[] d, int dOff, int ds, double[] out, int oo, int os) {
        for (int r = 0; r < rows; r++) {
            run(op, a, ao + r * as, b, bo + r * bs, c, co + r * cs, d, dOff + r * ds, out, oo + r * os, n);
        }
    }

    @Override
    public void lstmGradients(int rows, int hs, double[] dh, int dhOff, double[] tanhC, int tOff, double[] cPrev,
                              int pOff, double[] dcNext, int nOff, double[] gates, int gOff, double[] dc, int dcOff,
                              double[] dA, int aOff) {
        for (int r = 0; r < rows; r++) {
            int s = r * hs;
            int g = r * 4 * hs;
            for (int j = 0; j < hs; j++) {
                ElementKernel.lstmGradient(hs, dh, dhOff + s + j, tanhC, tOff + s + j, cPrev, pOff + s + j,
                        dcNext, nOff + s + j, gates, gOff + g + j, dc, dcOff + s + j, dA, aOff + g + j);
            }
        }
    }

    /** One run of n elements. */
    private static void run(Op op, double[] a, int ao, double[] b, int bo, double[] c, int co, double[] d, int dOff,
                            double[] out, int oo, int n) {
        // one loop per operation, so that no element pays for the dispatch
        switch (op) {
            case SUM -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] + b[bo + i];
                }
            }
            case PRODUCT -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] * b[bo + i];
                }
            }
            case TWO_PRODUCTS -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] * b[bo + i] + c[co + i] * d[dOff + i];
                }
            }
            case SIGMOID_GRADIENT -> {
                for (int i = 0; i < n; i++) {
                    double s = c[co + i];
                    out[oo + i] = a[ao + i] * b[bo + i] * s * (1 - s);
                }
            }
            case TANH_GRADIENT -> {
                for (int i = 0; i < n; i++) {
                    double t = c[co + i];
                    out[oo + i] = a[ao + i] * b[bo + i] * (1 - t * t);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = Elementwise.sigmoid(a[ao + i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = Elementwise.tanh(a[ao + i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = element(op, a, ao + i, b, bo + i, c, co + i, d, dOff + i);
                }
            }
        }
    }

    /** One element of {@link #apply}; the vector kernel's tails use it too, so both agree to the bit. */
    static double element(Op op, double[] a, int ai, double[] b, int bi, double[] c, int ci, double[] d, int di) {
        return switch (op) {
            case SUM -> a[ai] + b[bi];
            case PRODUCT -> a[ai] * b[bi];
            case TWO_PRODUCTS -> a[ai] * b[bi] + c[ci] * d[di];
            case ADD_PRODUCT -> a[ai] + b[bi] * c[ci];
            case INTERPOLATE -> (1 - a[ai]) * b[bi] + a[ai] * c[ci];
            case SIGMOID_GRADIENT -> a[ai] * b[bi] * c[ci] * (1 - c[ci]);
            case TANH_GRADIENT -> a[ai] * b[bi] * (1 - c[ci] * c[ci]);
            case SIGMOID -> Elementwise.sigmoid(a[ai]);
            case TANH -> Elementwise.tanh(a[ai]);
        };
    }
}
