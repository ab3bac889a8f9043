package org.unroll.engine;

/** Everything a reference pass produces for one sequence. Step t is 0-based; h[t] is the state after step t. */
final class RefResult {
    double loss;
    double[] stepLoss;
    double[][] h;
    double[][] c;
    double[][] y;
    RefParams grads;
    RefParams[] stepGrads;
    double[] dh0;
    double[] dc0;
    /** dL/dh_t in total (this step's output and the future). */
    double[][] dh;
    /** dL/dc_t in total (LSTM). */
    double[][] dc;
}
