package org.unroll.engine;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures (prints, asserts nothing) the time of every Jacobian norm of one sequence,
 * {@link GradientFlow#of}, against the previous method (the same backward product, then EJML's
 * SVD of each block), alternating the two in one run: LSTM and RNN (tanh), T = 1000, H = 128.
 * Run with {@code mvn test -Dtest=JacobianNormMeasurement -Dunroll.measure=true}.
 */
@EnabledIfSystemProperty(named = "unroll.measure", matches = "true")
class JacobianNormMeasurement {

    @Test
    void measure() {
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.RNN}) {
            Random rng = new Random(5);
            Model m = Cases.model(cell, Activation.TANH, 8, 128, 8, rng);
            SequenceBatch s = Cases.characters(m, 1000, 1, Cases.Targets.ALL, false, rng);
            Bptt bptt = new Bptt(m, s);
            Cases.engineGradients(bptt);
            double[] fast = new double[5];
            double[] svd = new double[3];
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                GradientFlow.of(bptt, 0);
                fast[round] = (System.nanoTime() - t0) / 1e6;
                if (round < 3) {
                    t0 = System.nanoTime();
                    bySvd(bptt);
                    svd[round] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Arrays.sort(fast);
            Arrays.sort(svd);
            System.out.printf("%s T=1000 H=128: GradientFlow.of median %.0f ms (runs %s); product + SVD per block"
                    + " median %.0f ms (runs %s); ratio %.1f%n", cell, fast[2], Arrays.toString(fast), svd[1],
                    Arrays.toString(svd), svd[1] / fast[2]);
        }
    }

    /** The method before: P_{k−1} = P_k J_{k−1} with EJML, then an SVD of each block. */
    static double[] bySvd(Bptt bptt) {
        Tape tape = bptt.tape();
        int hs = tape.hiddenSize;
        int s = bptt.stateSize();
        double[] out = new double[tape.steps + 1];
        DMatrixRMaj product = CommonOps_DDRM.identity(s);
        DMatrixRMaj jacobian = new DMatrixRMaj(s, s);
        DMatrixRMaj next = new DMatrixRMaj(s, s);
        DMatrixRMaj block = new DMatrixRMaj(hs, hs);
        for (int k = tape.steps; k >= 0; k--) {
            if (k < tape.steps) {
                bptt.stateJacobian(k, 0, jacobian);
                CommonOps_DDRM.mult(product, jacobian, next);
                product.setTo(next);
            }
            CommonOps_DDRM.extract(product, 0, hs, 0, hs, block, 0, 0);
            out[k] = NormOps_DDRM.inducedP2(block.copy());
            if (s == 2 * hs) {
                CommonOps_DDRM.extract(product, hs, 2 * hs, hs, 2 * hs, block, 0, 0);
                NormOps_DDRM.inducedP2(block.copy());
            }
        }
        return out;
    }
}
