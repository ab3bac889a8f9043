package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Cross-entropy with logits near the largest double: log-softmax taken in the shifted frame. */
class StableLossTest {

    private static Bptt run(int[] targets) {
        Random rng = new Random(21);
        Model m = Cases.model(CellType.RNN, Activation.TANH, 3, 4, 3, rng);
        m.params().biasOut.data[0] = 1e308;
        m.params().biasOut.data[1] = -1e308;
        m.params().biasOut.data[2] = 1e308;
        DMatrixRMaj x = new DMatrixRMaj(targets.length, 3);
        for (int t = 0; t < targets.length; t++) {
            x.set(t, t % 3, 1.0);
        }
        SequenceBatch s = SequenceBatch.classification(targets.length, 1, x, targets, null, null, null);
        Bptt bptt = new Bptt(m, s);
        bptt.forward();
        return bptt;
    }

    @Test
    void twoEqualHugeLogitsGiveLnTwoPerStep() {
        // logits (1e308, −1e308, 1e308) + W_out h: softmax = (½, 0, ½) in doubles, −log ½ = ln 2
        Bptt bptt = run(new int[] {0, 2, 0, 2, 0});
        assertEquals(5 * Math.log(2), bptt.loss(), 1e-12);
        for (double l : bptt.tape().stepLoss) {
            assertEquals(Math.log(2), l, 1e-12);
        }
        Params grads = bptt.model().params().zerosLike();
        bptt.backward(grads);
        // dy = softmax − onehot: (−½, 0, ½) or (½, 0, −½), finite
        assertEquals(-0.5, bptt.tape().dy.get(0, 0), 1e-12);
        assertEquals(0.5, bptt.tape().dy.get(0, 2), 1e-12);
    }

    @Test
    void aTargetWhoseLogitIsFarBelowTheOthersCostsInfinity() {
        // y_target − max = −2e308 is −∞: the probability is 0 in doubles, as in PyTorch
        Bptt bptt = run(new int[] {1});
        assertEquals(Double.POSITIVE_INFINITY, bptt.loss());
    }
}
