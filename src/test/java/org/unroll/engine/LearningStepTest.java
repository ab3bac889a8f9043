package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One small SGD step along the BPTT gradient lowers the loss, by lr‖g‖² to first order. */
class LearningStepTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 1200;
        for (BpttReferenceTest.Variant v : BpttReferenceTest.VARIANTS) {
            for (LossType loss : LossType.values()) {
                out.add(Arguments.of(v, loss, seed++));
            }
        }
        return out.stream();
    }

    private static SequenceBatch sequence(Model m, LossType loss, Random rng) {
        return loss == LossType.CROSS_ENTROPY
                ? Cases.characters(m, 8, 1, Cases.Targets.SOME, true, rng)
                : Cases.regression(m, 8, 1, Cases.Targets.ALL, true, 1.0, rng);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void oneSgdStepLowersTheLoss(BpttReferenceTest.Variant v, LossType loss, long seed) {
        Random rng = new Random(seed);
        Model m = Cases.model(v.cell(), v.act(), 4, 5, 4, rng);
        SequenceBatch s = sequence(m, loss, rng);
        Params before = m.params().copy();
        double lr = 1e-2;

        Walkthrough w = new Walkthrough(m, s, lr);
        double lossBefore = w.loss();

        assertEquals(new Bptt(m, s).forward(), lossBefore, 0.0);
        assertTrue(w.lossAfterUpdate() < lossBefore, v + " " + loss + ": " + w.lossAfterUpdate() + " ≥ " + lossBefore);
        assertEquals(lr, w.learningRate(), 0.0);
        Cases.assertParamsClose(before, m.params(), 0, 0, "the original model is untouched");
        // the updated model is θ − lr·g, and the loss after is a fresh forward pass on it
        Params g = w.gradients();
        for (String name : Params.NAMES) {
            DMatrixRMaj p0 = before.get(name);
            DMatrixRMaj p1 = w.updatedModel().params().get(name);
            for (int i = 0; i < p0.data.length; i++) {
                assertEquals(p0.data[i] - lr * g.get(name).data[i], p1.data[i], 0.0, name);
            }
        }
        assertEquals(new Bptt(w.updatedModel(), s).forward(), w.lossAfterUpdate(), 0.0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theDecreaseIsLrTimesTheSquaredGradientNormToFirstOrder(BpttReferenceTest.Variant v, LossType loss, long seed) {
        Random rng = new Random(seed);
        Model m = Cases.model(v.cell(), v.act(), 4, 5, 4, rng);
        SequenceBatch s = sequence(m, loss, rng);
        double lr = 1e-6;
        Walkthrough w = new Walkthrough(m, s, lr);
        double g2 = Math.pow(w.gradients().globalNorm(), 2);
        double ratio = (w.loss() - w.lossAfterUpdate()) / (lr * g2);
        assertEquals(1.0, ratio, 1e-3, v + " " + loss);
    }
}
