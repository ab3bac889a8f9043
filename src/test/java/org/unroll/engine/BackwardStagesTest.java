package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unroll.engine.Cases.assertBits;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A full forward pass (the outputs of all steps in one product) and a full backward pass (which runs a cell's stages 2
 * and 3 at once, see {@link Cell#cellGradients}) against the same
 * passes taken one step and one stage at a time, as the window steps through them: every value on the tape to the bit, so that
 * what the window shows at a stage is what the training computed. Steps without a target (where the full pass skips
 * the product dy · W_out, whose every term is 0) are among them.
 */
class BackwardStagesTest {

    @ParameterizedTest
    @CsvSource({"LSTM, 5, 3, ALL", "LSTM, 32, 16, LAST", "LSTM, 13, 9, SOME", "GRU, 6, 4, LAST", "RNN, 7, 3, SOME"})
    void theFullPassEqualsItsStagesToTheBit(CellType cell, int hidden, int batch, Cases.Targets targets) {
        Random rng = new Random(hidden * 31L + batch);
        Model model = Cases.model(cell, Activation.TANH, 3, hidden, 2, rng);
        SequenceBatch seq = Cases.regression(model, 9, batch, targets, true, 1.0, rng);
        Bptt full = new Bptt(model, seq);
        full.forward();
        full.backward(model.params().zerosLike());
        Bptt staged = new Bptt(model, seq);
        staged.forward();
        for (int t = seq.steps() - 1; t >= 0; t--) {
            for (BackwardStage stage : BackwardStage.values()) {
                staged.backwardStage(t, stage);
            }
        }
        Tape a = full.tape();
        Tape b = staged.tape();
        assertBits(a.dy, b.dy, "dy");
        assertBits(a.dhLocal, b.dhLocal, "dL_t/dh_t");
        assertBits(a.dh, b.dh, "dh");
        assertBits(a.dA, b.dA, "dA");
        assertBits(a.dR, b.dR, "dR");
        assertBits(a.dhBack, b.dhBack, "dh_back");
        if (a.dc != null) {
            assertBits(a.dc, b.dc, "dc");
            assertBits(a.dcBack, b.dcBack, "dc_back");
        }
    }

    /** forward() takes the outputs of all steps as one product after the recurrence; forwardStep(t) one at a time. */
    @ParameterizedTest
    @CsvSource({"LSTM, 5, 1, 1", "LSTM, 32, 16, 1", "LSTM, 7, 3, 9", "GRU, 6, 4, 28", "RNN, 7, 5, 3", "RNN, 9, 13, 30"})
    void theFullForwardPassEqualsItsStepsToTheBit(CellType cell, int hidden, int batch, int outputs) {
        Random rng = new Random(hidden * 7L + batch + outputs);
        Model regression = Cases.model(cell, Activation.TANH, 3, hidden, outputs, rng);
        Model characters = Cases.model(cell, Activation.TANH, outputs, hidden, outputs, rng);
        Model[] models = {regression, characters};
        SequenceBatch[] batches = {
            Cases.regression(regression, 6, batch, Cases.Targets.SOME, true, 1.0, rng),
            Cases.characters(characters, 6, batch, Cases.Targets.ALL, false, rng)};
        for (int k = 0; k < models.length; k++) {
            Bptt whole = new Bptt(models[k], batches[k]);
            double loss = whole.forward();
            Bptt stepped = new Bptt(models[k], batches[k]);
            for (int t = 0; t < batches[k].steps(); t++) {
                stepped.forwardStep(t);
            }
            assertEquals(Double.doubleToLongBits(stepped.loss()), Double.doubleToLongBits(loss), "loss");
            assertBits(stepped.tape().y, whole.tape().y, "y");
            assertBits(stepped.tape().h, whole.tape().h, "h");
            if (whole.tape().probs != null) {
                assertBits(stepped.tape().probs, whole.tape().probs, "softmax(y)");
            }
        }
    }
}
