package org.unroll.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unroll.engine.Activation;
import org.unroll.engine.Bptt;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.Sgd;

/** The batch split over threads gives the loss and gradient of the whole batch run at once. */
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

        BatchTrainer trainer = new BatchTrainer(model, seq, new Sgd(0.0), 3);
        assertEquals(loss, trainer.forwardBackward(), 1e-12 * Math.abs(loss));
        for (int k = 0; k < Params.NAMES.size(); k++) {
            DMatrixRMaj e = expected.tensor(k);
            DMatrixRMaj a = trainer.gradients().tensor(k);
            for (int i = 0; i < e.getNumElements(); i++) {
                assertEquals(e.data[i], a.data[i], 1e-12 + 1e-12 * Math.abs(e.data[i]), Params.NAMES.get(k) + "[" + i + "]");
            }
        }
        trainer.close();
        assertThrows(IllegalStateException.class, trainer::forwardBackward);
    }
}
