package org.unroll.ui.grid;

import java.util.List;
import java.util.Random;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;
import org.unroll.figures.GridTimelineFigure;
import org.unroll.task.WordBatch;

/**
 * The deep-network walk: words typed by a person (a batch of sequences of different lengths),
 * a network of 1 … 4 layers, one or both directions, and a point of the walk over its grid for
 * the sequence chosen. Comparing depths is compare mode's ({@link #depthComparison()}: one layer
 * against this depth on the chosen word). Plain properties; no toolkit.
 */
public final class GridWalkViewModel {
    public static final int MAX_LAYERS = 4;
    public static final int HIDDEN = 5;

    private final StringProperty words = new SimpleStringProperty(this, "words", "unrolling, time, rnn");
    private final IntegerProperty layers = new SimpleIntegerProperty(this, "layers", 2);
    private final BooleanProperty bidirectional = new SimpleBooleanProperty(this, "bidirectional", true);
    private final ObjectProperty<CellType> cell = new SimpleObjectProperty<>(this, "cell", CellType.LSTM);
    private final ReadOnlyObjectWrapper<WordBatch> batch = new ReadOnlyObjectWrapper<>(this, "batch");
    private final ReadOnlyObjectWrapper<GridWalk> walk = new ReadOnlyObjectWrapper<>(this, "walk");
    private final ReadOnlyIntegerWrapper sequence = new ReadOnlyIntegerWrapper(this, "sequence", 0);
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final long seed;

    public GridWalkViewModel(long seed) {
        this.seed = seed;
        rebuild();
    }

    public StringProperty wordsProperty() {
        return words;
    }

    public IntegerProperty layersProperty() {
        return layers;
    }

    public BooleanProperty bidirectionalProperty() {
        return bidirectional;
    }

    public ObjectProperty<CellType> cellProperty() {
        return cell;
    }

    public ReadOnlyObjectProperty<GridWalk> walkProperty() {
        return walk.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WordBatch> batchProperty() {
        return batch.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty sequenceProperty() {
        return sequence.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** Why the last words could not be used, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private StackedModel network(int l, int vocab) {
        CellType c = cell.get();
        boolean bi = bidirectional.get();
        // the same seed for every shape, so a comparison differs only in its depth
        return new StackedModel(c, Activation.TANH, vocab, HIDDEN, vocab, l, bi, null,
                StackedParams.uniform(c, vocab, HIDDEN, vocab, l, bi ? 2 : 1, new Random(seed)));
    }

    /**
     * Computes the walk(s) for the words and the network as they are now; keeps the point shown
     * where the new grid has it. Words that cannot be used leave everything as it was and say why.
     */
    public void rebuild() {
        WordBatch wb;
        try {
            wb = WordBatch.parse(words.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        int l = Math.max(1, Math.min(MAX_LAYERS, layers.get()));
        layers.set(l);
        GridCursor keep = walk.get() == null ? null : cursor();
        error.set("");
        batch.set(wb);
        GridWalk w = new GridWalk(network(l, wb.vocab().size()), wb.batch());
        int b = Math.min(sequence.get(), wb.words().size() - 1);
        int at = keep == null ? 0 : placeOf(w, b, keep);
        // the sequence first (valid in the old walk and the new), then the walk, then the point in it
        sequence.set(b);
        walk.set(w);
        index.set(at);
    }

    /** Where a point is in another walk's order: the same cell if it has it, else its phase's start or end. */
    static int placeOf(GridWalk w, int b, GridCursor c) {
        return w.order(b).placeOf(c);
    }

    public GridCursor cursor() {
        return walk.get().order(sequence.get()).at(index.get());
    }

    public GridWalkPoint point() {
        return walk.get().at(sequence.get(), index.get());
    }

    /** Shows sequence b of the batch at the same point of the grid. */
    public void chooseSequence(int b) {
        GridWalk w = walk.get();
        if (b < 0 || b >= w.sequences()) {
            return;
        }
        GridCursor c = cursor();
        sequence.set(b);
        index.set(w.order(b).indexOf(c));
    }

    public int positions() {
        return walk.get().order(sequence.get()).size();
    }

    public void stepForward() {
        index.set(Math.min(index.get() + 1, positions() - 1));
    }

    public void stepBack() {
        index.set(Math.max(0, index.get() - 1));
    }

    public void jumpStart() {
        index.set(0);
    }

    public void jumpEnd() {
        index.set(positions() - 1);
    }

    public void jumpTo(int i) {
        index.set(Math.max(0, Math.min(i, positions() - 1)));
    }

    /** The picture of the point shown. */
    public GridTimelineFigure.Frame frame(java.util.function.Function<String, String> texts) {
        WordBatch wb = batch.get();
        return new GridTimelineFigure.Frame(walk.get(), sequence.get(), index.get(), wb.tokens(sequence.get()), texts);
    }

    /**
     * Compare mode's sides for this network: one layer against this depth (two when it is one),
     * the same cell and directions; compare mode steps them together with the main view's stepper.
     */
    public List<org.unroll.ui.compare.CompareViewModel.Side> depthComparison() {
        int l = Math.max(2, layers.get());
        return List.of(new org.unroll.ui.compare.CompareViewModel.Side(cell.get(), 1, bidirectional.get()),
                new org.unroll.ui.compare.CompareViewModel.Side(cell.get(), l, bidirectional.get()));
    }

    /** The word shown, which compare mode takes as its text. */
    public String shownWord() {
        return batch.get().words().get(sequence.get());
    }
}
