package org.unroll.ui.modelpanel;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import org.unroll.task.InitialState;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;

/**
 * The model panel's state: control values in, a {@link Setup} out. Every change that gives a
 * valid setup is applied at once (to {@code Session::apply}); an invalid one leaves the model as it
 * was and sets a one-line {@link #messageProperty() message}. Plain JUnit testable.
 */
public final class ModelPanelViewModel {
    public static final int MAX_HIDDEN = 64;
    /** T ≤ 1000, so at most 1001 characters. */
    public static final int MAX_TEXT = 1001;
    public static final double MIN_SPECTRAL = 0.5;
    public static final double MAX_SPECTRAL = 3.0;
    /** Stacked layers: 1 … 4. */
    public static final int MAX_LAYERS = Setup.MAX_LAYERS;
    /** At most this many sequences in a typed batch. */
    public static final int MAX_BATCH = 8;
    /** Each sequence of a batch at most this many characters (T ≤ 63). */
    public static final int MAX_BATCH_TEXT = 64;

    private final ObjectProperty<CellChoice> cell = new SimpleObjectProperty<>(this, "cell", CellChoice.RNN_TANH);
    private final IntegerProperty hiddenSize = new SimpleIntegerProperty(this, "hiddenSize", 4);
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "7");
    private final BooleanProperty scaleWhh = new SimpleBooleanProperty(this, "scaleWhh", false);
    private final DoubleProperty spectralNorm = new SimpleDoubleProperty(this, "spectralNorm", 1.0);
    private final StringProperty text = new SimpleStringProperty(this, "text", "jeep");
    private final ObjectProperty<InitialState> initialState = new SimpleObjectProperty<>(this, "initialState", InitialState.ZEROS);
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate", "0.1");
    private final IntegerProperty layers = new SimpleIntegerProperty(this, "layers", 1);
    private final BooleanProperty bidirectional = new SimpleBooleanProperty(this, "bidirectional", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Consumer<Setup> apply;
    private boolean loading;
    private Setup last;
    /**
     * The setup last loaded: what the controls do not show (a lesson's training, its numeric
     * sequence) is kept from it, so that editing a control does not silently drop them.
     */
    private Setup loaded;

    /** @param apply what a valid new setup is handed to, e.g. {@code session::apply} */
    public ModelPanelViewModel(Consumer<Setup> apply) {
        this.apply = apply;
        ChangeListener<Object> changed = (o, a, b) -> changed();
        cell.addListener(changed);
        hiddenSize.addListener(changed);
        seed.addListener(changed);
        scaleWhh.addListener(changed);
        spectralNorm.addListener(changed);
        text.addListener(changed);
        initialState.addListener(changed);
        learningRate.addListener(changed);
        layers.addListener(changed);
        bidirectional.addListener(changed);
    }

    /** Shows {@code s} in the controls without applying it (e.g. the session's setup). */
    public void load(Setup s) {
        if (s == null || s.equals(last)) {
            return;
        }
        loading = true;
        try {
            cell.set(CellChoice.of(s.cell(), s.activation()));
            hiddenSize.set(Math.min(MAX_HIDDEN, s.hiddenSize()));
            seed.set(Long.toString(s.seed()));
            scaleWhh.set(s.spectralNorm() > 0);
            if (s.spectralNorm() > 0) {
                spectralNorm.set(s.spectralNorm());
            }
            text.set(s.batch().isEmpty() ? s.text() : s.batchText());
            layers.set(s.layers());
            bidirectional.set(s.bidirectional());
            initialState.set(s.initialState());
            learningRate.set(trim(s.learningRate()));
            message.set("");
            last = s;
            loaded = s;
        } finally {
            loading = false;
        }
    }

    private void changed() {
        if (loading) {
            return;
        }
        toSetup().ifPresent(s -> {
            if (!s.equals(last)) {
                last = s;
                apply.accept(s);
            }
        });
    }

    /** The setup the controls describe, or empty with {@link #messageProperty()} saying why. */
    public Optional<Setup> toSetup() {
        String error = validate();
        message.set(error == null ? "" : error);
        if (error != null) {
            return Optional.empty();
        }
        CellChoice c = cell.get();
        List<String> batch = batchOf(text.get());
        Setup s = new Setup(c.cell(), c.activation(), hiddenSize.get(), Long.parseLong(seed.get().trim()),
                scaleWhh.get() ? clampSpectral(spectralNorm.get()) : 0.0, batch.isEmpty() ? text.get() : batch.get(0),
                initialState.get(), Double.parseDouble(learningRate.get().trim()));
        Setup grid = keepHidden(s).withLayers(layers.get()).withBidirectional(bidirectional.get()).withBatch(batch);
        // a stacked, bidirectional or batched network is a character task, untrained before the walk
        return Optional.of(grid.isGrid() ? grid.withTraining(null).withNumbers(null) : grid);
    }

    /**
     * The sequences of a batch typed in the text field: one per line or separated by "|"
     * ("jeep | cat | horse"); empty when the text is one sequence (no "|" and no new line).
     */
    public static List<String> batchOf(String typed) {
        if (typed == null || (typed.indexOf('|') < 0 && typed.indexOf('\n') < 0)) {
            return List.of();
        }
        return Setup.parseBatch(typed);
    }

    /** The batch's own rules (also for a lesson's setup): one line, or null when every sequence can be used. */
    static String batchProblem(List<String> batch) {
        if (batch.size() > MAX_BATCH) {
            return I18n.get("modelpanel.error.batchSize", Integer.toString(MAX_BATCH));
        }
        for (String b : batch) {
            int n = b.codePointCount(0, b.length());
            if (n < 2) {
                return I18n.get("modelpanel.error.batchShort", b);
            }
            if (n > MAX_BATCH_TEXT) {
                return I18n.get("modelpanel.error.batchLong", Integer.toString(MAX_BATCH_TEXT));
            }
        }
        return null;
    }

    private static String layersProblem(int l) {
        return l < 1 || l > MAX_LAYERS ? I18n.get("modelpanel.error.layers", Integer.toString(MAX_LAYERS)) : null;
    }

    /**
     * {@code s} with the loaded setup's training (a lesson step that trains keeps training the
     * edited model, as a later setup line of a lesson does) and its numeric sequence, unless the
     * text was edited: a new text is a character task again, as {@link Setup#withText} says.
     */
    private Setup keepHidden(Setup s) {
        if (loaded == null) {
            return s;
        }
        if (loaded.numbers() != null && s.text().equals(loaded.text())) {
            s = s.withNumbers(loaded.numbers());
        }
        return s.withTraining(loaded.training());
    }

    /**
     * The panel's rules applied to a whole setup (compare mode validates with these too): one line
     * saying what is wrong, or null when the setup is one the panel would accept.
     */
    public static String problemWith(Setup s) {
        String t = s.text() == null ? "" : s.text();
        int chars = t.codePointCount(0, t.length());
        if (chars < 2) {
            return I18n.get("modelpanel.error.textShort");
        }
        if (chars > MAX_TEXT) {
            return I18n.get("modelpanel.error.textLong", Integer.toString(MAX_TEXT));
        }
        if (s.hiddenSize() < 1 || s.hiddenSize() > MAX_HIDDEN) {
            return I18n.get("modelpanel.error.hiddenSize", Integer.toString(MAX_HIDDEN));
        }
        if (!(s.learningRate() >= 0 && s.learningRate() <= 100)) {
            return I18n.get("modelpanel.error.learningRate");
        }
        String grid = layersProblem(s.layers());
        return grid != null ? grid : batchProblem(s.batch());
    }

    private String validate() {
        String t = text.get() == null ? "" : text.get();
        int chars = t.codePointCount(0, t.length());
        List<String> batch = batchOf(t);
        if (batch.size() == 1) {
            t = batch.get(0);
            chars = t.codePointCount(0, t.length());
        } else if (!batch.isEmpty()) {
            String problem = batchProblem(batch);
            if (problem != null) {
                return problem;
            }
            chars = 2; // each sequence checked above
        } else if (t.indexOf('|') >= 0 || t.indexOf('\n') >= 0) {
            chars = 0; // only separators
        }
        String layerProblem = layersProblem(layers.get());
        if (layerProblem != null) {
            return layerProblem;
        }
        if (chars < 2) {
            return I18n.get("modelpanel.error.textShort");
        }
        if (chars > MAX_TEXT) {
            return I18n.get("modelpanel.error.textLong", Integer.toString(MAX_TEXT));
        }
        if (hiddenSize.get() < 1 || hiddenSize.get() > MAX_HIDDEN) {
            return I18n.get("modelpanel.error.hiddenSize", Integer.toString(MAX_HIDDEN));
        }
        try {
            Long.parseLong(seed.get() == null ? "" : seed.get().trim());
        } catch (NumberFormatException e) {
            return I18n.get("modelpanel.error.seed");
        }
        try {
            double lr = Double.parseDouble(learningRate.get() == null ? "" : learningRate.get().trim());
            if (!(lr >= 0 && lr <= 100)) {
                return I18n.get("modelpanel.error.learningRate");
            }
        } catch (NumberFormatException e) {
            return I18n.get("modelpanel.error.learningRate");
        }
        return null;
    }

    static double clampSpectral(double v) {
        return Math.max(MIN_SPECTRAL, Math.min(MAX_SPECTRAL, v));
    }

    private static String trim(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    public ObjectProperty<CellChoice> cellProperty() {
        return cell;
    }

    public IntegerProperty hiddenSizeProperty() {
        return hiddenSize;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public BooleanProperty scaleWhhProperty() {
        return scaleWhh;
    }

    public DoubleProperty spectralNormProperty() {
        return spectralNorm;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<InitialState> initialStateProperty() {
        return initialState;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    /** L, the stacked layers (1 … {@value #MAX_LAYERS}). */
    public IntegerProperty layersProperty() {
        return layers;
    }

    /** Whether every layer also runs a reverse direction. */
    public BooleanProperty bidirectionalProperty() {
        return bidirectional;
    }

    /** One line: why the controls do not describe a model, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
