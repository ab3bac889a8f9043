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
    /** The σ slider's range (a lesson can set any σ > 0: the panel shows it as it is, see {@link #spectralNormProperty()}). */
    public static final double MIN_SPECTRAL = 0.25;
    public static final double MAX_SPECTRAL = 6.0;
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
    private final javafx.beans.property.ReadOnlyIntegerWrapper hiddenLimit =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "hiddenLimit", MAX_HIDDEN);
    private final Consumer<Setup> apply;
    private Consumer<OpenedModel> reopen = o -> { };
    /** Where a typed text waits before it is applied (the window: a short pause after the last key). */
    private Consumer<Runnable> textDelay = Runnable::run;
    private String typed;
    /** The model opened from files that the controls show, or null when they show a setup. */
    private OpenedModel opened;
    private final javafx.beans.property.ReadOnlyBooleanWrapper fromFiles =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "fromFiles", false);
    /** The controls that, changed, replace the opened model by a new one: cell, H, L, directions, seed. */
    private String openedShape;
    /** The edit of the opened model last handed on (so it is not handed on twice, nor loaded back). */
    private OpenedModel sent;
    private String sentKey;
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
            opened = null;
            sent = null;
            fromFiles.set(false);
            hiddenLimit.set(Math.max(MAX_HIDDEN, s.hiddenSize()));
            cell.set(CellChoice.of(s.cell(), s.activation()));
            hiddenSize.set(s.hiddenSize());
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

    /**
     * Shows a model opened from files (File › Open, an update stepped into) as it is: its cell,
     * H, layers, directions, text, σ_max(W_hh), initial state and learning rate. From then on a
     * change of the learning rate, of σ (W_hh scaled), of the initial state or of the text (read
     * through the model's vocabulary) edits the opened weights (handed to
     * {@link #setOnOpenedEdited}); a change of the cell, H, layers, directions or seed draws a new
     * model from the seed as before. The edit this panel handed on, shown back, is not reloaded.
     */
    public void showOpened(OpenedModel o) {
        if (o == null || (sent != null && o.scenario() == sent.scenario() && o.grid() == sent.grid())) {
            return;
        }
        loading = true;
        try {
            last = null;
            loaded = null;
            sent = null;
            sentKey = null;
            opened = o;
            fromFiles.set(true);
            hiddenLimit.set(Math.max(MAX_HIDDEN, o.hiddenSize()));
            cell.set(o.cell());
            hiddenSize.set(o.hiddenSize());
            layers.set(o.layers());
            bidirectional.set(o.bidirectional());
            text.set(o.text() == null ? "" : o.text());
            typed = null;
            scaleWhh.set(false);
            spectralNorm.set(o.spectralNorm());
            initialState.set(o.initialState());
            learningRate.set(trim(o.learningRate()));
            message.set("");
            openedShape = shape();
            openedText = text.get();
        } finally {
            loading = false;
        }
    }

    private String openedText;

    /** The model opened from files that the controls show, or null. */
    public OpenedModel opened() {
        return opened;
    }

    /** Whether the controls show a model opened from files (then the panel says what edits it). */
    public javafx.beans.property.ReadOnlyBooleanProperty fromFilesProperty() {
        return fromFiles.getReadOnlyProperty();
    }

    /** Where an edit of an opened model goes (the window: the session walks it). */
    public void setOnOpenedEdited(Consumer<OpenedModel> r) {
        reopen = r == null ? o -> { } : r;
    }

    /**
     * How a typed text waits before it is applied: given the application to run, the window runs it
     * after a short pause that each new key restarts, so a word typed quickly is computed once.
     * Plain JUnit: at once (the default), or held by the test.
     */
    public void setTextDelay(Consumer<Runnable> delay) {
        textDelay = delay == null ? Runnable::run : delay;
    }

    /** A text typed in the field, key by key: applied (as {@link #textProperty()}) once {@link #setTextDelay the delay} runs. */
    public void typeText(String t) {
        typed = t;
        textDelay.accept(() -> {
            if (typed != null) {
                String now = typed;
                typed = null;
                text.set(now);
            }
        });
    }

    private String shape() {
        return cell.get() + "/" + hiddenSize.get() + "/" + layers.get() + "/" + bidirectional.get() + "/" + seed.get();
    }

    private void changed() {
        if (loading) {
            return;
        }
        if (opened != null) {
            if (shape().equals(openedShape)) {
                editOpened();
                return;
            }
            opened = null; // a new model drawn from the seed: the controls say so
            sent = null;
            fromFiles.set(false);
        }
        toSetup().ifPresent(s -> {
            if (!s.equals(last)) {
                last = s;
                apply.accept(s);
            }
        });
    }

    /** Hands on the opened model with what the controls change in it, or says in one line why not. */
    private void editOpened() {
        double lr;
        try {
            lr = Double.parseDouble(learningRate.get() == null ? "" : learningRate.get().trim());
        } catch (NumberFormatException e) {
            lr = Double.NaN;
        }
        if (!(lr >= 0 && lr <= 100)) {
            message.set(I18n.get("modelpanel.error.learningRate"));
            return;
        }
        String newText = text.get() == null || text.get().equals(openedText) ? null : text.get();
        InitialState state = initialState.get() == opened.initialState() ? null : initialState.get();
        double sigma = scaleWhh.get() ? spectralNorm.get() : 0;
        if (opened.grid() != null && (newText != null || state != null || sigma > 0)) {
            message.set(I18n.get("modelpanel.opened.gridKept"));
            return;
        }
        if (scaleWhh.get() && !(sigma > 0 && sigma < Double.POSITIVE_INFINITY)) {
            message.set(I18n.get("modelpanel.error.spectralNorm"));
            return;
        }
        if (newText != null) {
            int chars = newText.codePointCount(0, newText.length());
            if (chars < 2) {
                message.set(I18n.get("modelpanel.error.textShort"));
                return;
            }
            if (chars > MAX_TEXT) {
                message.set(I18n.get("modelpanel.error.textLong", Integer.toString(MAX_TEXT)));
                return;
            }
            List<String> vocab = opened.scenario().model().vocab();
            if (vocab == null) {
                message.set(I18n.get("modelpanel.opened.numbers"));
                return;
            }
            for (int cp : newText.codePoints().toArray()) {
                String c = new String(Character.toChars(cp));
                if (!vocab.contains(c)) {
                    message.set(I18n.get("modelpanel.opened.notInVocab", c, String.join(" ", vocab)));
                    return;
                }
            }
        }
        long seedValue;
        try {
            seedValue = Long.parseLong(seed.get() == null ? "" : seed.get().trim());
        } catch (NumberFormatException e) {
            message.set(I18n.get("modelpanel.error.seed"));
            return;
        }
        String key = lr + "/" + sigma + "/" + state + "/" + newText + "/" + (state == null ? "" : seedValue);
        message.set("");
        if (key.equals(sentKey)) {
            return;
        }
        try {
            OpenedModel e = opened.edited(lr, sigma, state, seedValue, newText);
            sent = e;
            sentKey = key;
            reopen.accept(e);
        } catch (IllegalArgumentException ex) {
            message.set(ex.getMessage());
        }
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
                scaleWhh.get() ? spectralNorm.get() : 0.0, batch.isEmpty() ? text.get() : batch.get(0),
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
        if (hiddenSize.get() < 1 || hiddenSize.get() > hiddenLimit.get()) {
            return I18n.get("modelpanel.error.hiddenSize", Integer.toString(hiddenLimit.get()));
        }
        if (scaleWhh.get() && !(spectralNorm.get() > 0 && spectralNorm.get() < Double.POSITIVE_INFINITY)) {
            return I18n.get("modelpanel.error.spectralNorm");
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

    /**
     * H's largest value: {@value #MAX_HIDDEN}, or the H of the setup or model shown when a lesson or
     * a file has a larger one (the panel shows it as it is and keeps it).
     */
    public javafx.beans.property.ReadOnlyIntegerProperty hiddenLimitProperty() {
        return hiddenLimit.getReadOnlyProperty();
    }

    public BooleanProperty scaleWhhProperty() {
        return scaleWhh;
    }

    /**
     * σ, the value W_hh is scaled to: the setup's own value (a lesson's σ = 5 or 10⁻⁶ is kept as
     * it is, beyond the slider's range), or σ_max(W_hh) of a model opened from files.
     */
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
