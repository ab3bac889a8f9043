package org.unroll.figures;

import java.nio.file.Path;
import java.util.Random;
import org.unroll.engine.Activation;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridWalk;
import org.unroll.engine.Lane;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;
import org.unroll.task.WordBatch;

/** The scenes of the README's grid screenshots, shared with the figure's tests; {@link #main} writes the PNGs. */
final class GridScenes {
    private GridScenes() {
    }

    static StackedModel model(CellType cell, int vocab, int hidden, int layers, boolean bi, long seed) {
        return new StackedModel(cell, Activation.TANH, vocab, hidden, vocab, layers, bi, null,
                StackedParams.uniform(cell, vocab, hidden, vocab, layers, bi ? 2 : 1, new Random(seed)));
    }

    /** A 2-layer bidirectional LSTM on three words, in the backward pass: layer 1 ←, stage 2, at the chosen word. */
    static GridTimelineFigure.Frame lstmMidBackward(WordBatch words, int b) {
        GridWalk w = new GridWalk(model(CellType.LSTM, words.vocab().size(), 6, 2, true, 12), words.batch());
        int t = Math.max(0, words.batch().length(b) / 2);
        int at = w.order(b).indexOf(GridCursor.backward(new Lane(0, Lane.Direction.BACKWARD), t, BackwardStage.ADD_FUTURE));
        return new GridTimelineFigure.Frame(w, b, at, words.tokens(b), GridTimelineFigure.ENGLISH);
    }

    /** The same at the loss: every forward cell done, L_t on top, padding's L_t = 0. */
    static GridTimelineFigure.Frame atLoss(WordBatch words, int b, CellType cell, int layers, boolean bi) {
        GridWalk w = new GridWalk(model(cell, words.vocab().size(), 5, layers, bi, 7), words.batch());
        int at = w.order(b).indexOf(GridCursor.LOSS);
        return new GridTimelineFigure.Frame(w, b, at, words.tokens(b), GridTimelineFigure.ENGLISH);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets");
        WordBatch words = WordBatch.parse("unrolling, time, rnn");
        TimelineExport.writePng(lstmMidBackward(words, 1), 1280, 720, 1, dir.resolve("grid-lstm-2layer-bi-backward.png"));
        WordBatch twenty = WordBatch.parse("backpropagationintime, deep, unrolled");
        GridWalk w3 = new GridWalk(model(CellType.GRU, twenty.vocab().size(), 4, 3, true, 3), twenty.batch());
        int mid = w3.order(0).indexOf(GridCursor.backward(new Lane(1, Lane.Direction.FORWARD), 9, BackwardStage.ADD_FUTURE));
        TimelineExport.writePng(new GridTimelineFigure.Frame(w3, 0, mid, twenty.tokens(0), GridTimelineFigure.ENGLISH),
                1280, 720, 1, dir.resolve("grid-3layer-bi-t20.png"));
    }
}
