package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unroll.engine.Cases.assertBits;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Bptt#forTraining}, whose LSTM tape keeps one step of the projections and two of the state gradients, against
 * the pass that keeps them all: the same loss, gradients, states, gates, gate gradients and dL/dh_0, to the bit, with
 * and without the packed products (B ≥ 4 and B < 4); the shorter matrices only for the LSTM.
 */
class TrainingPassTest {

    @ParameterizedTest
    @CsvSource({"LSTM, 3, 2", "LSTM, 32, 16", "LSTM, 9, 5", "GRU, 6, 4", "RNN, 7, 5"})
    void aTrainingPassComputesTheSameBits(CellType cell, int hidden, int batch) {
        Random rng = new Random(hidden * 17L + batch);
        Model model = Cases.model(cell, Activation.TANH, 2, hidden, 1, rng);
        SequenceBatch seq = Cases.regression(model, 11, batch, Cases.Targets.SOME, true, 1.0, rng);
        Bptt full = new Bptt(model, seq);
        Bptt lean = Bptt.forTraining(model, seq);
        assertEquals(Double.doubleToLongBits(full.forward()), Double.doubleToLongBits(lean.forward()), "loss");
        Params a = model.params().zerosLike();
        Params b = model.params().zerosLike();
        full.backward(a);
        lean.backward(b);
        assertBits(a.weightIh, b.weightIh, "dW_ih");
        assertBits(a.weightHh, b.weightHh, "dW_hh");
        assertBits(a.biasIh, b.biasIh, "db_ih");
        assertBits(a.biasHh, b.biasHh, "db_hh");
        assertBits(a.weightOut, b.weightOut, "dW_out");
        assertBits(full.tape().h, lean.tape().h, "h");
        assertBits(full.tape().gates, lean.tape().gates, "gates");
        assertBits(full.tape().dA, lean.tape().dA, "dA");
        if (cell == CellType.LSTM) {
            assertBits(full.tape().c, lean.tape().c, "c");
            assertEquals(batch, lean.tape().zIh.numRows, "one step of W_ih x + b_ih");
            assertEquals(batch, lean.tape().zHh.numRows, "one step of W_hh h + b_hh");
            assertEquals(2 * batch, lean.tape().dc.numRows, "two steps of dc");
            assertBits(full.dh0(), lean.dh0(), "dh_0");
            assertBits(full.dc0(), lean.dc0(), "dc_0");
        } else {
            assertEquals(full.tape().zHh.numRows, lean.tape().zHh.numRows, "a GRU's or RNN's backward pass reads them all");
        }
    }
}
