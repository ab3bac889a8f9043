package org.unroll.ui.modelpanel;

import org.unroll.engine.Model;
import org.unroll.engine.SpectralNorm;
import org.unroll.task.GridScenario;
import org.unroll.task.InitialState;
import org.unroll.task.Scenario;

/**
 * A model that came from files (File › Open, or an update stepped into from the training
 * window) as the model panel shows it: the scenario as it was opened, exactly one of
 * {@code scenario} (one layer, one direction, one sequence) and {@code grid} (stacked,
 * bidirectional or batched), and the learning rate its walk uses. The panel edits it without
 * replacing its weights: see {@link #edited}.
 */
public record OpenedModel(Scenario scenario, GridScenario grid, double learningRate) {

    public OpenedModel {
        if ((scenario == null) == (grid == null)) {
            throw new IllegalArgumentException("an opened model is one scenario or one grid");
        }
    }

    public CellChoice cell() {
        return scenario != null ? CellChoice.of(scenario.model().cell(), scenario.model().activation())
                : CellChoice.of(grid.model().cell(), grid.model().activation());
    }

    /** H. */
    public int hiddenSize() {
        return scenario != null ? scenario.model().hiddenSize() : grid.model().hiddenSize();
    }

    /** L. */
    public int layers() {
        return scenario != null ? 1 : grid.model().layers();
    }

    public boolean bidirectional() {
        return grid != null && grid.model().bidirectional();
    }

    /** The text as a person reads it, sequences of a batch between bars; null when there is none (numbers). */
    public String text() {
        if (scenario != null) {
            return scenario.shownText();
        }
        if (grid.words() != null) {
            return String.join(" | ", grid.words().words());
        }
        java.util.List<String> vocab = grid.model().vocab();
        var seq = grid.batch().sequences();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < grid.sequences(); i++) {
            int n = grid.batch().length(i);
            int lastRow = (n - 1) * grid.batch().batch() + i;
            if (vocab == null) {
                return null;
            }
            // the inputs, then the last target when the file gives one
            b.append(i == 0 ? "" : " | ").append(String.join("", grid.tokens(i)));
            if (seq.loss() == org.unroll.engine.LossType.CROSS_ENTROPY && seq.hasTarget(lastRow)
                    && seq.classTarget(lastRow) >= 0 && seq.classTarget(lastRow) < vocab.size()) {
                b.append(vocab.get(seq.classTarget(lastRow)));
            }
        }
        return b.toString();
    }

    /** σ_max(W_hh) of the weights as opened (of layer 1's forward direction for a grid). */
    public double spectralNorm() {
        Model m = scenario != null ? scenario.model() : null;
        return m != null ? SpectralNorm.of(m.params().weightHh)
                : SpectralNorm.of(grid.model().params().layer(0, 0).weightHh);
    }

    /** Whether the sequence starts from zeros (h_0 = 0 and, for an LSTM, c_0 = 0). */
    public InitialState initialState() {
        boolean zeros = scenario != null ? scenario.sequence().h0() == null && scenario.sequence().c0() == null
                : grid.batch().h0() == null && grid.batch().c0() == null;
        return zeros ? InitialState.ZEROS : InitialState.RANDOM;
    }

    /**
     * The opened weights with what the panel changes without replacing them: the learning rate,
     * W_hh scaled to σ (σ ≤ 0: as opened), the initial state ({@code null}: as opened; random drawn from
     * {@code seed}) and a text the model's vocabulary reads ({@code null}: as opened). A grid keeps its
     * weights and batch and takes only the learning rate.
     *
     * @throws IllegalArgumentException when the text has a character the vocabulary lacks
     */
    public OpenedModel edited(double lr, double sigma, InitialState state, long seed, String newText) {
        if (grid != null) {
            return new OpenedModel(null, grid, lr);
        }
        Scenario s = scenario;
        if (newText != null) {
            s = s.withText(newText);
        }
        if (state != null) {
            s = s.withInitialState(state, seed);
        }
        if (sigma > 0) {
            s = s.withSpectralNorm(sigma);
        }
        return new OpenedModel(s, null, lr);
    }
}
