package org.unroll.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.PaddedBatch;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.StackedBptt;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;

/** Sampling a stacked character model one step at a time equals running the whole text through the network. */
class StackedSamplerTest {
    private static final List<String> VOCAB = List.of("a", "b", "c", "d");

    private static StackedModel network(CellType cell, int layers, boolean both, long seed) {
        return new StackedModel(cell, Activation.TANH, 4, 5, 4, layers, both, VOCAB,
                StackedParams.uniform(cell, 4, 5, 4, layers, both ? 2 : 1, new Random(seed)));
    }

    /** The most likely character after {@code text}, from one pass over all of it. */
    private static int nextByWholePass(StackedModel m, String text) {
        int n = text.length();
        DMatrixRMaj x = new DMatrixRMaj(n, 4);
        int[] none = new int[n];
        for (int t = 0; t < n; t++) {
            x.set(t, VOCAB.indexOf(text.substring(t, t + 1)), 1.0);
            none[t] = -1;
        }
        StackedBptt pass = new StackedBptt(m, new PaddedBatch(SequenceBatch.classification(n, 1, x, none, null, null,
                null), new int[] {n}, null, null));
        pass.forward();
        DMatrixRMaj y = pass.outputs();
        int best = 0;
        for (int j = 1; j < 4; j++) {
            if (y.get(n - 1, j) > y.get(n - 1, best)) {
                best = j;
            }
        }
        return best;
    }

    @Test
    void greedyStepsEqualWholePassesForEveryCell() {
        for (CellType cell : CellType.values()) {
            StackedModel m = network(cell, 3, false, cell.ordinal() + 11);
            String text = Sampler.generate(m, "abca", 12, true, 1.0, 0);
            assertEquals(16, text.length());
            for (int i = 4; i < text.length(); i++) {
                assertEquals(VOCAB.get(nextByWholePass(m, text.substring(0, i))), text.substring(i, i + 1),
                        cell + ": character " + i + " of " + text);
            }
        }
    }

    @Test
    void oneLayerIsSampledAsTheSingleLayerModel() {
        Model single = new Model(CellType.LSTM, Activation.TANH, 4, 5, 4, VOCAB,
                Params.uniform(4, 4, 5, 4, new Random(3)));
        assertEquals(Sampler.generate(single, "dab", 15, false, 0.7, 9),
                Sampler.generate(StackedModel.of(single), "dab", 15, false, 0.7, 9));
    }

    @Test
    void drawsDependOnTheSeedAndBidirectionalIsRefused() {
        StackedModel m = network(CellType.GRU, 2, false, 5);
        assertEquals(Sampler.generate(m, "ab", 30, false, 1.5, 1), Sampler.generate(m, "ab", 30, false, 1.5, 1));
        assertTrue(!Sampler.generate(m, "ab", 30, false, 1.5, 1).equals(Sampler.generate(m, "ab", 30, false, 1.5, 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sampler.generate(network(CellType.RNN, 2, true, 1), "ab", 3, true, 1, 0));
        assertTrue(e.getMessage().contains("bidirectional"), e.getMessage());
    }
}
