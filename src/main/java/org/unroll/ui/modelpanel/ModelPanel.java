package org.unroll.ui.modelpanel;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.unroll.task.InitialState;
import org.unroll.ui.I18n;

/** The model and task panel on the left: every control edits {@link ModelPanelViewModel}. */
public final class ModelPanel extends VBox {
    private final ModelPanelViewModel vm;
    private final ChoiceBox<CellChoice> cell = new ChoiceBox<>();
    private final Spinner<Integer> hidden = new Spinner<>();
    private final TextField seed = new TextField();
    private final CheckBox scale = new CheckBox(I18n.get("modelpanel.scaleWhh"));
    private final Slider spectral = new Slider(ModelPanelViewModel.MIN_SPECTRAL, ModelPanelViewModel.MAX_SPECTRAL, 1.0);
    private final Label spectralValue = new Label();
    private final TextField text = new TextField();
    private final ChoiceBox<InitialState> initial = new ChoiceBox<>();
    private final TextField learningRate = new TextField();
    private final Spinner<Integer> layers = new Spinner<>();
    private final CheckBox bidirectional = new CheckBox(I18n.get("modelpanel.bidirectional"));
    private final ObjectProperty<Integer> layersObject;
    private final Label message = new Label();
    private final Button open = new Button(I18n.get("modelpanel.openFiles"));
    private final Button save = new Button(I18n.get("modelpanel.saveFiles"));
    private final ObjectProperty<Integer> hiddenObject;
    private final Label openedNote = new Label(I18n.get("modelpanel.opened.caption"));
    /** A typed text is applied this long after the last key, so a word typed quickly is computed once. */
    static final javafx.util.Duration TEXT_PAUSE = javafx.util.Duration.millis(300);
    private final javafx.animation.PauseTransition textPause = new javafx.animation.PauseTransition(TEXT_PAUSE);
    private boolean syncing;

    public ModelPanel(ModelPanelViewModel vm) {
        this.vm = vm;
        this.hiddenObject = vm.hiddenSizeProperty().asObject();
        this.layersObject = vm.layersProperty().asObject();
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("model-panel");
        Label title = new Label(I18n.get("model.title"));
        title.getStyleClass().add("section-title");

        cell.getItems().setAll(CellChoice.values());
        cell.setConverter(converter(c -> I18n.get(c.key())));
        cell.setMaxWidth(Double.MAX_VALUE);

        SpinnerValueFactory.IntegerSpinnerValueFactory hiddenValues =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, ModelPanelViewModel.MAX_HIDDEN, 4);
        // a lesson's or a file's larger H is shown as it is, not cut to the panel's own limit
        hiddenValues.maxProperty().bind(vm.hiddenLimitProperty());
        hidden.setValueFactory(hiddenValues);
        hidden.setEditable(true);
        hidden.setMaxWidth(Double.MAX_VALUE);

        spectral.setShowTickLabels(true);
        spectral.setShowTickMarks(true);
        spectral.setMajorTickUnit(1);
        spectral.setMinorTickCount(1);
        spectral.setLabelFormatter(converter(v -> v == Math.rint(v) ? Integer.toString(v.intValue()) : ""));
        Label legend = new Label(I18n.get("modelpanel.slider.legend"));
        legend.getStyleClass().add("muted");
        legend.setWrapText(true);
        scale.setMnemonicParsing(false);
        HBox scaleRow = new HBox(scale, spectralValue);
        scaleRow.setAlignment(Pos.CENTER_LEFT);
        scaleRow.setSpacing(6);

        text.setPromptText("jeep, 我爱你 …");
        text.setTooltip(new Tooltip(I18n.get("modelpanel.batchHint")));
        layers.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, ModelPanelViewModel.MAX_LAYERS, 1));
        layers.setMaxWidth(Double.MAX_VALUE);
        bidirectional.setMnemonicParsing(false);
        bidirectional.setTooltip(new Tooltip(I18n.get("modelpanel.bidirectionalHint")));
        VBox directions = new VBox(caption("modelpanel.directions"), bidirectional);
        directions.getStyleClass().add("panel-field");
        initial.getItems().setAll(InitialState.values());
        initial.setConverter(converter(s -> I18n.get(s == InitialState.ZEROS ? "model.initialState.zeros" : "modelpanel.initialState.random")));
        initial.setMaxWidth(Double.MAX_VALUE);

        openedNote.getStyleClass().add("muted");
        openedNote.setWrapText(true);
        openedNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        openedNote.visibleProperty().bind(vm.fromFilesProperty());
        openedNote.managedProperty().bind(openedNote.visibleProperty());

        message.getStyleClass().add("panel-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        VBox files = new VBox(open, save);
        files.setSpacing(6);
        open.setTooltip(new Tooltip(I18n.get("shell.dialog.openModel")));
        for (Button b : new Button[] {open, save}) {
            b.setMaxWidth(Double.MAX_VALUE);
        }

        getChildren().setAll(title, openedNote,
                field("model.cell", cell),
                field("model.text", text),
                row(field("model.hiddenSize", hidden), field("model.seed", seed)),
                row(field("modelpanel.layers", layers), directions),
                caption("model.spectralNorm"), scaleRow, spectral, legend,
                field("model.initialState", initial),
                field("model.learningRate", learningRate),
                message, files);
    }

    private void initListeners() {
        cell.valueProperty().bindBidirectional(vm.cellProperty());
        hidden.getValueFactory().valueProperty().bindBidirectional(hiddenObject);
        seed.textProperty().bindBidirectional(vm.seedProperty());
        scale.selectedProperty().bindBidirectional(vm.scaleWhhProperty());
        // the slider moves σ within its range; σ itself (a lesson's 5 or 10⁻⁶) is shown and kept as it is
        spectral.setValue(ModelPanelViewModel.clampSpectral(vm.spectralNormProperty().get()));
        vm.spectralNormProperty().addListener((o, a, v) -> {
            if (!syncing) {
                syncing = true;
                spectral.setValue(ModelPanelViewModel.clampSpectral(v.doubleValue()));
                syncing = false;
            }
        });
        spectral.valueProperty().addListener((o, a, v) -> {
            if (!syncing) {
                syncing = true;
                vm.spectralNormProperty().set(Math.round(v.doubleValue() * 100) / 100.0);
                syncing = false;
            }
        });
        spectral.disableProperty().bind(vm.scaleWhhProperty().not());
        spectralValue.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "σ = " + org.unroll.ui.Numbers.significant(vm.spectralNormProperty().get(), 3), vm.spectralNormProperty()));
        spectralValue.disableProperty().bind(vm.scaleWhhProperty().not());
        // each key goes to the view model, which applies the text after a pause (one computation per word)
        text.setText(vm.textProperty().get());
        vm.setTextDelay(apply -> {
            textPause.setOnFinished(e -> apply.run());
            textPause.playFromStart();
        });
        text.textProperty().addListener((o, a, t) -> {
            if (!syncing) {
                vm.typeText(t);
            }
        });
        vm.textProperty().addListener((o, a, t) -> {
            if (!t.equals(text.getText())) {
                textPause.stop();
                syncing = true;
                text.setText(t);
                syncing = false;
            }
        });
        layers.getValueFactory().valueProperty().bindBidirectional(layersObject);
        bidirectional.selectedProperty().bindBidirectional(vm.bidirectionalProperty());
        initial.valueProperty().bindBidirectional(vm.initialStateProperty());
        learningRate.textProperty().bindBidirectional(vm.learningRateProperty());
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
    }

    private static HBox row(VBox a, VBox b) {
        HBox r = new HBox(a, b);
        r.setSpacing(8);
        HBox.setHgrow(a, Priority.ALWAYS);
        HBox.setHgrow(b, Priority.ALWAYS);
        a.setPrefWidth(1);
        b.setPrefWidth(1);
        return r;
    }

    private static VBox field(String key, javafx.scene.Node control) {
        VBox box = new VBox(caption(key), control);
        box.getStyleClass().add("panel-field");
        return box;
    }

    private static Label caption(String key) {
        Label l = new Label(I18n.get(key));
        l.getStyleClass().add("field-caption");
        return l;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : f.apply(v);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    public Button openButton() {
        return open;
    }

    public Button saveButton() {
        return save;
    }

    public TextField textField() {
        return text;
    }

    public TextField learningRateField() {
        return learningRate;
    }

    public Spinner<Integer> hiddenSpinner() {
        return hidden;
    }

    public ModelPanelViewModel viewModel() {
        return vm;
    }
}
