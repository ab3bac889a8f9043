package org.unroll.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.unroll.charts.CurveChart;
import org.unroll.engine.CellType;
import org.unroll.engine.Params;
import org.unroll.task.Scenario;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * The training panel: the run's choices on the left, Start / Pause / one update / Cancel /
 * Reset with a progress bar and the time left on top, and the live charts (loss with the
 * task's baseline, gradient norm before and after clipping with the threshold, each
 * parameter's gradient norm, the test error of an MSE task), fed by {@link TrainingViewModel}
 * at most 20 times a second. Clicking the loss chart, or "Step into" while paused, opens that
 * update in the stepping view through {@link #setOnStepInto}.
 */
public final class TrainingView extends BorderPane {
    private final TrainingViewModel vm;
    private final CurveChart lossChart = new CurveChart(I18n.get("train.chart.loss"), I18n.get("train.axis.update"),
            I18n.get("train.axis.loss"));
    private final CurveChart gradChart = new CurveChart(I18n.get("train.chart.grad"), I18n.get("train.axis.update"),
            I18n.get("train.axis.norm"));
    private final CurveChart paramChart = new CurveChart(I18n.get("train.chart.params"), I18n.get("train.axis.update"),
            I18n.get("train.axis.norm"));
    private final CurveChart testChart = new CurveChart(I18n.get("train.chart.test"), I18n.get("train.axis.update"),
            I18n.get("train.axis.mse"));
    private final ChartViewer lossViewer = new ChartViewer(lossChart.chart());
    private final ChoiceBox<TaskKind> task = new ChoiceBox<>();
    private final TextField text = field(16);
    private final ChoiceBox<CellType> cell = new ChoiceBox<>();
    private final TextField hidden = field(4);
    private final TextField layers = field(3);
    private final OptimizerStepPane updatePane = new OptimizerStepPane();
    private final Tab updateTab = new Tab(I18n.get("train.tab.update"), updatePane);
    private final TextField batch = field(4);
    private final TextField numSteps = field(4);
    private final CheckBox stateful = new CheckBox(I18n.get("train.stateful"));
    private final TextField length = field(5);
    private final TextField epochs = field(6);
    private final TextField iterations = field(7);
    private final ChoiceBox<String> optimizer = new ChoiceBox<>();
    private final TextField lr = field(6);
    private final CheckBox clip = new CheckBox(I18n.get("train.clip"));
    private final TextField threshold = field(5);
    private final TextField seed = field(6);
    private final TextField stream = field(3);
    private final Button start = new Button(I18n.get("train.start"));
    private final Button pause = new Button(I18n.get("train.pause"));
    private final Button step = new Button(I18n.get("train.step"));
    private final Button cancel = new Button(I18n.get("train.cancel"));
    private final Button reset = new Button(I18n.get("train.reset"));
    private final Button stepInto = new Button(I18n.get("train.stepInto"));
    private final Button saveModel = new Button(I18n.get("train.saveModel"));
    private final Button saveRun = new Button(I18n.get("train.saveRun"));
    private final CheckBox logLoss = new CheckBox(I18n.get("train.logAxis"));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label timeLeft = new Label();
    private final Label summary = new Label();
    private final Label problem = new Label();
    private final Label sample = new Label();
    private final TabPane tabs = new TabPane();
    private final javafx.beans.property.BooleanProperty takesBatch = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.beans.property.BooleanProperty takesWindows = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.beans.property.BooleanProperty takesLength = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.beans.property.BooleanProperty takesEpochs = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.beans.property.BooleanProperty takesIterations = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.scene.layout.Pane batchPane = new javafx.scene.layout.Pane();
    private final javafx.scene.canvas.Canvas batchCanvas = new javafx.scene.canvas.Canvas();
    private final org.jfree.fx.FXGraphics2D batchGraphics = new org.jfree.fx.FXGraphics2D(batchCanvas.getGraphicsContext2D());
    private org.unroll.figures.BatchPicture.Frame batchFrame;
    private final AnimationTimer pump;
    // generation
    private final TextField prime = field(8);
    private final TextField genLength = field(4);
    private final CheckBox greedy = new CheckBox(I18n.get("train.gen.greedy"));
    private final javafx.scene.control.Slider temperature = new javafx.scene.control.Slider(0.1, 2.0, 1.0);
    private final Label temperatureLabel = new Label();
    private final Button generate = new Button(I18n.get("train.gen.run"));
    private final Button openGenerated = new Button(I18n.get("train.gen.open"));
    private final Label generated = new Label();
    private final javafx.scene.canvas.Canvas freeCanvas = new javafx.scene.canvas.Canvas(1200, 150);
    private final javafx.scene.canvas.Canvas forcedCanvas = new javafx.scene.canvas.Canvas(1200, 170);
    private List<Generation.Step> freeSteps = List.of();
    private List<Generation.Step> forcedSteps = List.of();
    private org.unroll.engine.Model generatedFrom;
    private Consumer<org.unroll.task.Scenario> onOpenSequence = s -> { };
    // side by side
    private final SideBySide side = new SideBySide(UpdateBatcher.DEFAULT_PERIOD_NANOS);
    private final Button sideStart = new Button(I18n.get("train.side.start"));
    private final Button sideCancel = new Button(I18n.get("train.cancel"));
    private final Label sideStatus = new Label();
    private final CurveChart sideLoss = new CurveChart(I18n.get("train.side.loss"), I18n.get("train.axis.update"),
            I18n.get("train.axis.loss"));
    private final org.unroll.charts.VanishingChart sideUntrained = new org.unroll.charts.VanishingChart();
    private final org.unroll.charts.VanishingChart sideTrained = new org.unroll.charts.VanishingChart();
    private final org.unroll.charts.StepNormChart sideSteps = new org.unroll.charts.StepNormChart();
    private boolean sideFlowsAsked;
    private boolean sideFlowsShown;
    private boolean loading;
    private Consumer<SteppedUpdate> onStepInto = u -> { };

    public TrainingView(TrainingViewModel vm) {
        this.vm = vm;
        getStyleClass().add("unroll-training");
        setPadding(new Insets(6));
        setLeft(formPane());
        setTop(controls());
        GridPane charts = new GridPane();
        charts.setHgap(4);
        charts.setVgap(4);
        ChartViewer grad = new ChartViewer(gradChart.chart());
        ChartViewer params = new ChartViewer(paramChart.chart());
        ChartViewer test = new ChartViewer(testChart.chart());
        for (ChartViewer v : List.of(lossViewer, grad, params, test)) {
            v.setMinSize(100, 100);
            v.setPrefSize(420, 260);
        }
        charts.add(lossViewer, 0, 0);
        charts.add(grad, 1, 0);
        charts.add(params, 0, 1);
        charts.add(test, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            charts.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            charts.getRowConstraints().add(r);
        }
        Tab chartsTab = new Tab(I18n.get("train.tab.charts"), charts);
        Tab batchTab = new Tab(I18n.get("train.tab.batches"), batchPane);
        tabs.getTabs().addAll(chartsTab, batchTab, new Tab(I18n.get("train.tab.generate"), generatePane()),
                new Tab(I18n.get("train.tab.side"), sidePane()), updateTab);
        batchPane.getChildren().add(batchCanvas);
        batchPane.setMinSize(100, 100);
        batchCanvas.widthProperty().bind(batchPane.widthProperty());
        batchCanvas.heightProperty().bind(batchPane.heightProperty());
        batchCanvas.widthProperty().addListener((o, a, b) -> paintBatches());
        batchCanvas.heightProperty().addListener((o, a, b) -> paintBatches());
        vm.formProperty().addListener((o, a, b) -> paintBatches());
        vm.currentWindowProperty().addListener((o, a, b) -> paintBatches());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        sample.setWrapText(true);
        sample.getStyleClass().add("train-sample");
        sample.setStyle("-fx-font-family: monospace; -fx-font-size: 14px;");
        problem.setStyle("-fx-text-fill: #b2182b;");
        setBottom(new VBox(2, sample, problem));
        BorderPane.setMargin(getBottom(), new Insets(4, 0, 0, 0));
        bind();
        load(vm.getForm());
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pump(now);
                if (side.pump(now)) {
                    redrawSide();
                }
            }
        };
        sceneProperty().addListener((o, was, s) -> {
            if (s == null) {
                pump.stop();
            } else {
                pump.start();
            }
        });
    }

    /** Opens the panel in its own window; closing the window ends the run. */
    public static Stage open(Window owner, Session session) {
        TrainingViewModel vm = new TrainingViewModel();
        TrainingView view = new TrainingView(vm);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        view.setOnStepInto(u -> {
            session.open(new Scenario(u.snapshot().model(), u.sequence(), null), u.snapshot().window());
            if (owner instanceof Stage main) {
                main.toFront();
            }
        });
        stage.setTitle(I18n.get("train.title"));
        Scene scene = new Scene(view, 1280, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        view.setOnOpenSequence(session::open);
        stage.setOnHidden(e -> view.close());
        stage.show();
        return stage;
    }

    /** Puts {@code f} into the fields (and so into the view model). */
    public void setForm(TrainForm f) {
        load(f);
        readForm();
    }

    /** Ends the run, the side-by-side runs and their threads. */
    public void close() {
        pump.stop();
        vm.close();
        side.close();
    }

    /** What opens a generated text in the stepping view. */
    public void setOnOpenSequence(Consumer<org.unroll.task.Scenario> c) {
        onOpenSequence = c == null ? s -> { } : c;
    }

    /** What opens an update in the stepping view. */
    public void setOnStepInto(Consumer<SteppedUpdate> c) {
        onStepInto = c == null ? u -> { } : c;
    }

    private Node formPane() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(5);
        g.setPadding(new Insets(4, 8, 4, 4));
        // the captions keep their whole width; the fields take what is left
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(captions, fields);
        task.getItems().setAll(TaskKind.values());
        task.setConverter(converter(k -> I18n.get(k.key())));
        cell.getItems().setAll(CellType.RNN, CellType.LSTM, CellType.GRU);
        cell.setConverter(converter(c -> c.name()));
        optimizer.getItems().setAll("sgd", "momentum", "adam");
        int r = 0;
        r = row(g, r, "train.field.task", task);
        r = row(g, r, "train.field.text", text);
        r = row(g, r, "train.field.cell", cell);
        r = row(g, r, "train.field.hidden", hidden);
        r = row(g, r, "train.field.layers", layers);
        layers.setTooltip(new Tooltip(I18n.get("train.field.layers.tooltip")));
        r = row(g, r, "train.field.batch", batch);
        r = row(g, r, "train.field.numSteps", numSteps);
        g.add(stateful, 1, r++);
        r = row(g, r, "train.field.length", length);
        r = row(g, r, "train.field.epochs", epochs);
        r = row(g, r, "train.field.iterations", iterations);
        r = row(g, r, "train.field.optimizer", optimizer);
        r = row(g, r, "train.field.lr", lr);
        g.add(clip, 0, r);
        g.add(threshold, 1, r++);
        r = row(g, r, "train.field.seed", seed);
        r = row(g, r, "train.field.stream", stream);
        stream.setText("1");
        stream.setTooltip(new Tooltip(I18n.get("train.field.stream.tooltip")));
        ScrollPane s = new ScrollPane(g);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.setPrefWidth(315);
        s.setMinWidth(300);
        return s;
    }

    private static int row(GridPane g, int r, String key, Node control) {
        g.add(new Label(I18n.get(key)), 0, r);
        g.add(control, 1, r);
        return r + 1;
    }

    private Node controls() {
        progress.setPrefWidth(260);
        pause.setFocusTraversable(false);
        HBox buttons = new HBox(6, start, pause, step, cancel, reset, stepInto, progress, timeLeft, summary);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(0, 0, 6, 0));
        HBox extra = new HBox(6, logLoss, saveModel, saveRun);
        extra.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, buttons, extra);
    }

    private void bind() {
        start.disableProperty().bind(vm.canStartProperty().not());
        pause.disableProperty().bind(vm.canPauseProperty().not());
        step.disableProperty().bind(vm.canStepProperty().not());
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        stepInto.disableProperty().bind(vm.stateProperty().isEqualTo(RunState.READY)
                .or(vm.stateProperty().isEqualTo(RunState.RUNNING)).or(vm.updatesProperty().isEqualTo(0)));
        start.setOnAction(e -> vm.start());
        pause.setOnAction(e -> vm.pause());
        step.setOnAction(e -> vm.stepOnce());
        cancel.setOnAction(e -> vm.cancel());
        reset.setOnAction(e -> vm.reset());
        stepInto.setOnAction(e -> stepInto(vm.updatesProperty().get() - 1));
        saveModel.disableProperty().bind(vm.updatesProperty().isEqualTo(0));
        saveRun.disableProperty().bind(vm.updatesProperty().isEqualTo(0));
        saveModel.setOnAction(e -> save(false));
        saveRun.setOnAction(e -> save(true));
        progress.progressProperty().bind(vm.progressProperty());
        timeLeft.textProperty().bind(vm.timeLeftProperty());
        summary.textProperty().bind(vm.summaryProperty());
        problem.textProperty().bind(vm.problemProperty());
        sample.textProperty().bind(vm.sampleProperty());
        vm.revisionProperty().addListener((o, a, b) -> redraw());
        logLoss.selectedProperty().addListener((o, a, on) -> {
            lossChart.setLogScale(on);
            redraw();
        });
        // the form is frozen while a run exists; Reset frees it
        javafx.beans.binding.BooleanBinding locked = vm.stateProperty().isNotEqualTo(RunState.READY);
        for (Node n : List.of(task, text, cell, hidden, layers, optimizer, lr, clip, threshold, seed)) {
            n.disableProperty().bind(locked);
        }
        batch.disableProperty().bind(locked.or(takesBatch.not()));
        numSteps.disableProperty().bind(locked.or(takesWindows.not()));
        stateful.disableProperty().bind(locked.or(takesWindows.not()));
        length.disableProperty().bind(locked.or(takesLength.not()));
        epochs.disableProperty().bind(locked.or(takesEpochs.not()));
        iterations.disableProperty().bind(locked.or(takesIterations.not()));
        task.valueProperty().addListener((o, a, k) -> {
            if (!loading && k != null) {
                load(TrainForm.defaultsFor(k));
                readForm();
            }
        });
        for (TextField f : List.of(text, hidden, layers, batch, numSteps, length, epochs, iterations, lr, threshold, seed)) {
            f.textProperty().addListener((o, a, b) -> readForm());
        }
        cell.valueProperty().addListener((o, a, b) -> readForm());
        optimizer.valueProperty().addListener((o, a, b) -> readForm());
        stateful.selectedProperty().addListener((o, a, b) -> readForm());
        clip.selectedProperty().addListener((o, a, b) -> readForm());
        lossViewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (vm.getState() == RunState.READY || vm.getState() == RunState.RUNNING) {
                    return;
                }
                org.jfree.chart.plot.XYPlot plot = lossChart.chart().getXYPlot();
                java.awt.geom.Rectangle2D area = lossViewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
                double x = plot.getDomainAxis().java2DToValue(event.getTrigger().getX(), area, plot.getDomainAxisEdge());
                int index = (int) Math.round(Math.max(0, Math.min(vm.updatesProperty().get() - 1, x)));
                stepInto(index);
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                // nothing on hover
            }
        });
        Tooltip.install(lossViewer, new Tooltip(I18n.get("train.chart.loss.tooltip")));
    }

    private void save(boolean run) {
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setTitle(I18n.get(run ? "train.saveRun" : "train.saveModel"));
        c.setInitialFileName(run ? "run.train.json" : "trained.model.json");
        c.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("JSON", "*.json"));
        java.io.File out = c.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (out == null) {
            return;
        }
        java.util.concurrent.CompletableFuture<?> f = run ? vm.saveRun(out.toPath()) : vm.saveModel(out.toPath());
        f.whenComplete((ok, e) -> Platform.runLater(() -> {
            if (e != null) {
                Throwable t = e.getCause() != null ? e.getCause() : e;
                vm.report(I18n.get("train.saveFailed", out.getName(), t.getMessage() == null ? t.toString()
                        : t.getMessage().replaceAll("\\s+", " ")));
            } else {
                vm.report(I18n.get("train.saved", String.valueOf(ok)));
            }
        }));
    }

    /** Opens update {@code index} (0-based) of the run, the chosen stream, in the stepping view. */
    public void stepInto(int index) {
        int b = parse(stream.getText(), 1) - 1;
        vm.stepInto(index, b).whenComplete((u, e) -> Platform.runLater(() -> {
            if (e != null) {
                Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                vm.report(c.getMessage() == null ? org.unroll.ui.ErrorReason.of(c) : c.getMessage());
            } else if (u != null) {
                updatePane.show(u);
                tabs.getSelectionModel().select(updateTab);
                onStepInto.accept(u);
            }
        }));
    }

    private void load(TrainForm f) {
        loading = true;
        task.setValue(f.task());
        text.setText(f.text());
        cell.setValue(f.cell());
        hidden.setText(Integer.toString(f.hidden()));
        layers.setText(Integer.toString(f.layers()));
        batch.setText(Integer.toString(f.batch()));
        numSteps.setText(Integer.toString(f.numSteps()));
        stateful.setSelected(f.stateful());
        length.setText(Integer.toString(f.length()));
        epochs.setText(Integer.toString(f.epochs()));
        iterations.setText(Integer.toString(f.iterations()));
        optimizer.setValue(f.optimizer());
        lr.setText(number(f.lr()));
        clip.setSelected(f.clip());
        threshold.setText(number(f.threshold()));
        seed.setText(Long.toString(f.seed()));
        loading = false;
        applicable(f.task());
    }

    /** Greys out what the task does not take. */
    private void applicable(TaskKind k) {
        text.setVisible(k.takesText());
        takesBatch.set(k.takesBatch());
        takesWindows.set(k.takesWindows());
        takesLength.set(k.takesLength());
        takesEpochs.set(k.takesEpochs());
        takesIterations.set(k.takesIterations());
    }

    private void readForm() {
        if (loading) {
            return;
        }
        try {
            TrainForm f = new TrainForm(task.getValue(), text.getText(), cell.getValue(),
                    parseStrict(hidden, "train.field.hidden"), parseStrict(batch, "train.field.batch"),
                    parseStrict(numSteps, "train.field.numSteps"), stateful.isSelected(),
                    parseStrict(length, "train.field.length"), parseStrict(epochs, "train.field.epochs"),
                    parseStrict(iterations, "train.field.iterations"), optimizer.getValue(),
                    parseDouble(lr, "train.field.lr"), clip.isSelected(), parseDouble(threshold, "train.field.threshold"),
                    parseLong(seed), parseStrict(layers, "train.field.layers"));
            vm.setForm(f);
            vm.report("");
            applicable(f.task());
        } catch (IllegalArgumentException e) {
            vm.report(e.getMessage());
        }
    }

    private static int parseStrict(TextField f, String key) {
        try {
            return Integer.parseInt(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(I18n.get("train.badNumber", I18n.get(key), f.getText()));
        }
    }

    private static double parseDouble(TextField f, String key) {
        try {
            return Double.parseDouble(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(I18n.get("train.badNumber", I18n.get(key), f.getText()));
        }
    }

    private static long parseLong(TextField f) {
        try {
            return Long.parseLong(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(I18n.get("train.badNumber", I18n.get("train.field.seed"), f.getText()));
        }
    }

    private static int parse(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private Node generatePane() {
        prime.setText("j");
        genLength.setText("60");
        greedy.setSelected(true);
        temperature.disableProperty().bind(greedy.selectedProperty());
        temperature.setPrefWidth(160);
        temperatureLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> I18n.get("train.gen.temperature", String.format(Locale.ROOT, "%.2f", temperature.getValue())),
                temperature.valueProperty()));
        generate.setOnAction(e -> generateNow());
        openGenerated.setDisable(true);
        openGenerated.setOnAction(e -> {
            if (generatedFrom != null && generated.getText() != null && generated.getText().codePointCount(0,
                    generated.getText().length()) >= 2) {
                onOpenSequence.accept(new org.unroll.task.Scenario(generatedFrom,
                        Generation.asSequence(generatedFrom, generated.getText()), null));
            }
        });
        HBox bar = new HBox(6, new Label(I18n.get("train.gen.prime")), prime, new Label(I18n.get("train.gen.length")),
                genLength, greedy, temperatureLabel, temperature, generate, openGenerated);
        bar.setAlignment(Pos.CENTER_LEFT);
        generated.setWrapText(true);
        generated.setStyle("-fx-font-family: monospace; -fx-font-size: 15px;");
        Label hint = new Label(I18n.get("train.gen.hint"));
        hint.setWrapText(true);
        VBox box = new VBox(8, bar, generated, freeCanvas, forcedCanvas, hint);
        box.setPadding(new Insets(8));
        freeCanvas.widthProperty().bind(box.widthProperty().subtract(16));
        forcedCanvas.widthProperty().bind(box.widthProperty().subtract(16));
        freeCanvas.widthProperty().addListener((o, a, b) -> paintGeneration());
        return box;
    }

    /** Generates from the model as it is now, beside teacher forcing on the true text. */
    public void generateNow() {
        TrainForm f = vm.runningForm();
        if (f == null || !f.task().isText()) {
            vm.report(I18n.get("train.gen.needsText"));
            return;
        }
        String p = prime.getText();
        int n = parse(genLength.getText(), 60);
        boolean g = greedy.isSelected();
        double t = temperature.getValue();
        vm.trainedModel().whenComplete((m, e) -> Platform.runLater(() -> {
            if (e != null) {
                vm.report(e.getMessage());
                return;
            }
            try {
                freeSteps = Generation.freeRunning(m, p, Math.max(1, Math.min(400, n)), g, t, 0);
                String truth = f.runText();
                int limit = truth.offsetByCodePoints(0, Math.min(truth.codePointCount(0, truth.length()), 80));
                forcedSteps = Generation.teacherForced(m, truth.substring(0, limit));
                generatedFrom = m;
                generated.setText(Generation.text(p, freeSteps));
                openGenerated.setDisable(false);
                vm.report("");
                paintGeneration();
            } catch (IllegalArgumentException ex) {
                vm.report(ex.getMessage());
            }
        }));
    }

    private void paintGeneration() {
        paintStrip(freeCanvas, freeSteps, I18n.get("train.gen.free"));
        long right = forcedSteps.stream().filter(Generation.Step::right).count();
        paintStrip(forcedCanvas, forcedSteps, I18n.get("train.gen.forced", right, forcedSteps.size()));
    }

    private static void paintStrip(javafx.scene.canvas.Canvas c, List<Generation.Step> steps, String title) {
        c.getGraphicsContext2D().clearRect(0, 0, c.getWidth(), c.getHeight());
        if (steps.isEmpty()) {
            return;
        }
        org.jfree.fx.FXGraphics2D g = new org.jfree.fx.FXGraphics2D(c.getGraphicsContext2D());
        List<org.unroll.figures.GenerationStrip.Cell> cells = new ArrayList<>();
        for (Generation.Step s : steps) {
            cells.add(new org.unroll.figures.GenerationStrip.Cell(s.input(), s.predicted(), s.truth(), s.fedBack()));
        }
        org.unroll.figures.GenerationStrip.paint(g, org.unroll.figures.GenerationStrip.Layout.of(
                new java.awt.geom.Rectangle2D.Double(4, 4, c.getWidth() - 8, c.getHeight() - 8), cells.size()), cells, title);
    }

    /** The generated text shown (empty before any). */
    public String generatedText() {
        return generated.getText();
    }

    List<Generation.Step> forcedSteps() {
        return forcedSteps;
    }

    private Node sidePane() {
        sideStart.setOnAction(e -> startSideBySide());
        sideCancel.setOnAction(e -> side.cancel());
        sideCancel.setDisable(true);
        sideSteps.setLogScale(true);
        GridPane g = new GridPane();
        g.setHgap(4);
        g.setVgap(4);
        ChartViewer loss = new ChartViewer(sideLoss.chart());
        loss.setMinSize(100, 100);
        loss.setPrefSize(420, 240);
        ScaledChartView steps = new ScaledChartView(sideSteps.chart(), 0.5);
        ScaledChartView before = new ScaledChartView(sideUntrained.chart(), 0.5);
        ScaledChartView after = new ScaledChartView(sideTrained.chart(), 0.5);
        g.add(loss, 0, 0);
        g.add(steps, 1, 0);
        g.add(before, 0, 1);
        g.add(after, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            g.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            g.getRowConstraints().add(r);
        }
        HBox bar = new HBox(8, sideStart, sideCancel, sideStatus);
        bar.setAlignment(Pos.CENTER_LEFT);
        BorderPane p = new BorderPane(g);
        p.setTop(bar);
        BorderPane.setMargin(bar, new Insets(4));
        VBox.setVgrow(g, Priority.ALWAYS);
        return p;
    }

    /** Trains RNN, LSTM and GRU on the form's task, seed and H together. */
    public void startSideBySide() {
        try {
            sideFlowsAsked = false;
            sideFlowsShown = false;
            side.start(vm.getForm());
            sideUntrained.update(List.of());
            sideTrained.update(List.of());
            sideSteps.update(List.of());
            vm.report("");
        } catch (IllegalArgumentException e) {
            vm.report(e.getMessage());
        }
        redrawSide();
    }

    /** Whether the three runs have ended and their flows are drawn. */
    public boolean sideBySideDone() {
        return sideFlowsShown;
    }

    /** The side-by-side runs (for tests). */
    SideBySide sideBySide() {
        return side;
    }

    private void redrawSide() {
        List<CurveChart.Curve> curves = new ArrayList<>();
        StringBuilder status = new StringBuilder();
        for (CellType c : SideBySide.CELLS) {
            DownsampledSeries s = side.loss(c);
            if (s == null) {
                continue;
            }
            curves.add(new CurveChart.Curve(c.name(), s.xs(), s.ys()));
            double[] y = s.ys();
            status.append(c.name()).append(": ").append(I18n.get("train.side.state." + side.state(c).name()
                    .toLowerCase(Locale.ROOT))).append(y.length == 0 ? "" : String.format(Locale.ROOT, " (%.4g)", y[y.length - 1]))
                    .append("   ");
        }
        sideLoss.set(curves);
        TrainForm f = vm.getForm();
        if (f.task() == TaskKind.ADDING) {
            sideLoss.setLevels(List.of(new CurveChart.Level(I18n.get("train.baseline", "0.167"), 1.0 / 6)));
        }
        sideLoss.setLogScale(true);
        sideStatus.setText(status.toString().trim());
        sideCancel.setDisable(!side.running());
        if (side.done() && !sideFlowsAsked) {
            sideFlowsAsked = true;
            side.flows().whenComplete((flows, e) -> Platform.runLater(() -> {
                if (e != null) {
                    Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause() : e;
                    vm.report(c.getMessage());
                    return;
                }
                List<org.unroll.charts.GradientFlow> before = new ArrayList<>();
                List<org.unroll.charts.GradientFlow> after = new ArrayList<>();
                for (SideBySide.Flows fl : flows) {
                    before.add(org.unroll.charts.EngineCharts.flow(I18n.get("train.side.untrained", fl.cell().name()),
                            fl.untrained()));
                    after.add(org.unroll.charts.EngineCharts.flow(I18n.get("train.side.trained", fl.cell().name()),
                            fl.trained()));
                }
                sideUntrained.update(before);
                sideTrained.update(after);
                sideSteps.update(after);
                sideFlowsShown = true;
            }));
        }
    }

    /** The batch picture of the form (or of the run), the current update's window highlighted. */
    void paintBatches() {
        double w = batchCanvas.getWidth();
        double h = batchCanvas.getHeight();
        if (w < 40 || h < 40) {
            return;
        }
        TrainForm f = vm.runningForm() != null && vm.getState() != RunState.READY ? vm.runningForm() : vm.getForm();
        BatchShape shape;
        try {
            shape = BatchShape.of(f);
        } catch (IllegalArgumentException e) {
            vm.report(e.getMessage());
            return;
        }
        org.unroll.figures.BatchGeometry geo = new org.unroll.figures.BatchGeometry(shape.streams(), shape.length(),
                shape.numSteps(), shape.stateful(), new java.awt.geom.Rectangle2D.Double(16, 40, w - 32, h - 90));
        String legend = I18n.get(shape.stateful() ? "train.batches.stateful" : "train.batches.stateless",
                shape.streams(), shape.length(), shape.numSteps(), geo.windows());
        int current = vm.getState() == RunState.READY ? -1 : vm.currentWindowProperty().get();
        batchFrame = new org.unroll.figures.BatchPicture.Frame(geo, shape.labels(), current, legend);
        batchGraphics.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        batchCanvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        org.unroll.figures.BatchPicture.paint(batchGraphics, batchFrame);
    }

    /** What the batch picture shows now (null before it is first drawn). */
    public org.unroll.figures.BatchPicture.Frame batchFrame() {
        return batchFrame;
    }

    /** The charts from the view model's curves: one redraw each. */
    void redraw() {
        lossChart.set(List.of(curve(I18n.get("train.series.loss"), vm.loss())));
        List<CurveChart.Level> lossLevels = new ArrayList<>();
        if (Double.isFinite(vm.baseline())) {
            lossLevels.add(new CurveChart.Level(I18n.get("train.baseline", String.format(Locale.ROOT, "%.3f",
                    vm.baseline())), vm.baseline()));
        }
        lossChart.setLevels(lossLevels);
        gradChart.set(List.of(curve(I18n.get("train.series.before"), vm.gradBefore()),
                curve(I18n.get("train.series.after"), vm.gradAfter())));
        gradChart.setLevels(Double.isFinite(vm.threshold())
                ? List.of(new CurveChart.Level(I18n.get("train.threshold", number(vm.threshold())), vm.threshold()))
                : List.of());
        List<CurveChart.Curve> ps = new ArrayList<>();
        List<String> names = vm.paramNames();
        for (int k = 0; k < names.size(); k++) {
            ps.add(curve(OptimizerStepPane.display(names.get(k), true), vm.paramNorm(k)));
        }
        paramChart.set(ps);
        testChart.set(List.of(curve(I18n.get("train.series.test"), vm.testError())));
        if (vm.runningForm() != null && vm.runningForm().task() == TaskKind.ADDING) {
            testChart.setLevels(List.of(new CurveChart.Level(I18n.get("train.baseline", "0.167"), 1.0 / 6)));
        } else {
            testChart.setLevels(List.of());
        }
    }

    private static CurveChart.Curve curve(String label, DownsampledSeries s) {
        return new CurveChart.Curve(label, s.xs(), s.ys());
    }

    private static TextField field(int columns) {
        TextField f = new TextField();
        f.setPrefColumnCount(columns);
        return f;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    public CurveChart lossChart() {
        return lossChart;
    }

    public CurveChart gradChart() {
        return gradChart;
    }

    public CurveChart paramChart() {
        return paramChart;
    }

    public CurveChart testChart() {
        return testChart;
    }

    public TabPane tabs() {
        return tabs;
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    TextField batchField() {
        return batch;
    }

    TextField numStepsField() {
        return numSteps;
    }

    ChoiceBox<TaskKind> taskChoice() {
        return task;
    }

    Button startButton() {
        return start;
    }

    Button pauseButton() {
        return pause;
    }
}
