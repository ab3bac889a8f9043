package org.unroll.task;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.PaddedBatch;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;

/**
 * A stacked, bidirectional or batched network and the padded batch it is shown on: the grid
 * counterpart of {@link Scenario}, for the setups whose {@link Setup#isGrid()} is true.
 *
 * @param model the network
 * @param batch the sequences, padded to the longest, with their lengths and initial states
 * @param words the typed sequences and their characters, or null for a batch opened from a file
 */
public record GridScenario(StackedModel model, PaddedBatch batch, WordBatch words) {

    /**
     * Builds the network and batch a grid setup describes: every sequence one-hot over the batch's
     * characters predicting its next character, the weights PyTorch's uniform initialisation drawn
     * from the seed (each W_hh scaled to the spectral norm asked for), zero or random initial states.
     *
     * @throws IllegalArgumentException with a line for a person when the setup cannot be a grid
     */
    public static GridScenario build(Setup s) {
        if (s.numbers() != null) {
            throw new IllegalArgumentException("a numeric task runs on one layer, one direction and one sequence");
        }
        if (s.training() != null) {
            throw new IllegalArgumentException("training before the walk is for one layer, one direction and one sequence");
        }
        WordBatch wb = WordBatch.of(s.sequences());
        int v = wb.vocab().size();
        int dirs = s.bidirectional() ? 2 : 1;
        StackedParams p = StackedParams.uniform(s.cell(), v, s.hiddenSize(), v, s.layers(), dirs, new Random(s.seed()));
        if (s.spectralNorm() > 0) {
            for (int k = 0; k < s.layers(); k++) {
                for (int d = 0; d < dirs; d++) {
                    Scenario.scaleToSpectralNorm(p.layer(k, d).weightHh, s.spectralNorm());
                }
            }
        }
        StackedModel model = new StackedModel(s.cell(), s.activation(), v, s.hiddenSize(), v, s.layers(),
                s.bidirectional(), wb.vocab(), p);
        PaddedBatch batch = wb.batch();
        if (s.initialState() == InitialState.RANDOM) {
            // (L·D)·B rows of H, in PyTorch's order l0, l0_reverse, l1, …
            int rows = s.layers() * dirs * batch.batch();
            Random state = new Random(s.seed() ^ 0x5DEECE66DL);
            DMatrixRMaj h0 = random(rows, s.hiddenSize(), state);
            DMatrixRMaj c0 = s.cell().hasCellState() ? random(rows, s.hiddenSize(), state) : null;
            batch = new PaddedBatch(batch.sequences(), batch.lengths(), h0, c0);
        }
        return new GridScenario(model, batch, wb);
    }

    private static DMatrixRMaj random(int rows, int hidden, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, hidden);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextDouble() - 0.5;
        }
        return m;
    }

    /** B, the sequences of the batch. */
    public int sequences() {
        return batch.batch();
    }

    /** The name of sequence b: the word typed, or "sequence b" (1-based) for one from a file. */
    public String name(int b) {
        return words != null ? words.words().get(b) : "#" + (b + 1);
    }

    /** The input labels of sequence b, one per real step (its characters, or x_t). */
    public List<String> tokens(int b) {
        String[] out = new String[batch.length(b)];
        for (int t = 0; t < out.length; t++) {
            out[t] = inputLabel(b, t);
        }
        return List.of(out);
    }

    /** The label of input step t of sequence b: its character, "x_t", or "" at a padded step. */
    public String inputLabel(int b, int t) {
        if (!batch.isReal(t, b)) {
            return "";
        }
        if (words != null) {
            return words.tokens(b).get(t);
        }
        List<String> vocab = model.vocab();
        DMatrixRMaj x = batch.sequences().inputs();
        int row = t * batch.batch() + b;
        if (vocab != null && vocab.size() == x.numCols) {
            for (int j = 0; j < x.numCols; j++) {
                if (x.get(row, j) == 1.0) {
                    return vocab.get(j);
                }
            }
        }
        return "x" + (t + 1);
    }
}
