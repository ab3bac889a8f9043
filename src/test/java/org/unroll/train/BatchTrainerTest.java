package org.unroll.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unroll.engine.Activation;
import org.unroll.engine.Bptt;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.Sgd;

/**
 * The batch split over threads gives the loss and gradient of the whole batch run at once, and the same bits when the
 * shards run one after another during the JIT's warm-up.
 */
class BatchTrainerTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void shardsOnThreadsSumToTheWholeBatch(CellType cell) {
        Random rng = new Random(3);
        int steps = 5;
        int batch = 7;
        Model model = new Model(cell, Activation.TANH, 3, 4, 3, null, Params.uniform(cell.gates(), 3, 4, 3, rng));
        DMatrixRMaj x = new DMatrixRMaj(steps * batch, 3);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        int[] y = new int[steps * batch];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 4 == 0 ? -1 : rng.nextInt(3);
        }
        SequenceBatch seq = SequenceBatch.classification(steps, batch, x, y, null, null, null);

        Bptt whole = new Bptt(model, seq);
        double loss = whole.forward();
        Params expected = model.params().zerosLike();
        whole.backward(expected);

        // the first round with the shards one after another on this thread (the JIT's warm-up), the second on threads
        BatchTrainer trainer = new BatchTrainer(model, Shards.split(seq, 3), new Sgd(0.0), CompilerWarmUp.forRounds(1));
        double first = trainer.forwardBackward();
        Params firstGradients = trainer.gradients().copy();
        double second = trainer.forwardBackward();
        assertEquals(Double.doubleToLongBits(first), Double.doubleToLongBits(second), "the same loss either way");
        assertEquals(loss, second, 1e-12 * Math.abs(loss));
        for (int k = 0; k < Params.NAMES.size(); k++) {
            DMatrixRMaj e = expected.tensor(k);
            DMatrixRMaj a = trainer.gradients().tensor(k);
            DMatrixRMaj f = firstGradients.tensor(k);
            for (int i = 0; i < e.getNumElements(); i++) {
                String what = Params.NAMES.get(k) + "[" + i + "]";
                assertEquals(e.data[i], a.data[i], 1e-12 + 1e-12 * Math.abs(e.data[i]), what);
                assertEquals(Double.doubleToLongBits(f.data[i]), Double.doubleToLongBits(a.data[i]), what + " both ways");
            }
        }
        trainer.close();
        assertThrows(IllegalStateException.class, trainer::forwardBackward);
    }

    @Test
    void theWarmUpEndsAfterItsRoundsAndWatchingTheJitEndsByTheCap() {
        CompilerWarmUp two = CompilerWarmUp.forRounds(2);
        assertTrue(two.sequential());
        two.roundDone();
        assertTrue(two.sequential());
        two.roundDone();
        assertFalse(two.sequential());
        CompilerWarmUp jit = CompilerWarmUp.watchingTheJit();
        for (int r = 0; r < CompilerWarmUp.MAX_ROUNDS; r++) {
            jit.roundDone();
        }
        assertFalse(jit.sequential(), "at most " + CompilerWarmUp.MAX_ROUNDS + " rounds one after another");
    }
}
