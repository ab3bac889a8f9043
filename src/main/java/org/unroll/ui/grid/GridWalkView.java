package org.unroll.ui.grid;

import java.awt.geom.Rectangle2D;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.fx.FXGraphics2D;
import org.unroll.engine.CellType;
import org.unroll.engine.GridWalk;
import org.unroll.engine.StackedFlow;
import org.unroll.figures.GridTimelineFigure;
import org.unroll.ui.I18n;

/**
 * The deep-network walk in its own window: words, layers, directions and cell on top; the grid
 * timeline of the chosen word; the per-layer, per-direction curves of ‖dL/dh_t‖ underneath. "Compare
 * depths…" opens compare mode on the chosen word, one layer against this depth, stepped by the main
 * view's stepper (compare mode owns comparing). Binds to {@link GridWalkViewModel}.
 */
public final class GridWalkView extends BorderPane {
    private final GridWalkViewModel vm;
    private final TextField words = new TextField();
    private final Spinner<Integer> layers = new Spinner<>(1, GridWalkViewModel.MAX_LAYERS, 2);
    private final CheckBox bidirectional = new CheckBox(I18n.get("grid.bidirectional"));
    private final ComboBox<CellType> cell = new ComboBox<>();
    private final Button compare = new Button(I18n.get("grid.compareDepths"));
    private final ComboBox<String> sequence = new ComboBox<>();
    private final Label position = new Label();
    private final Label error = new Label();
    private final Pane holder = new Pane();
    private final Canvas canvas = new Canvas();
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());

    public GridWalkView(GridWalkViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
        refreshControls();
        redraw();
    }

    private void createView() {
        getStyleClass().add("grid-walk-view");
        words.setPrefColumnCount(24);
        words.setPromptText(I18n.get("grid.wordsPrompt"));
        cell.getItems().setAll(CellType.values());
        compare.setTooltip(new javafx.scene.control.Tooltip(I18n.get("grid.compareDepths.tooltip")));
        Button start = new Button("|◀");
        Button back = new Button("◀");
        Button next = new Button("▶");
        Button end = new Button("▶|");
        start.setOnAction(e -> vm.jumpStart());
        back.setOnAction(e -> vm.stepBack());
        next.setOnAction(e -> vm.stepForward());
        end.setOnAction(e -> vm.jumpEnd());
        HBox model = new HBox(8, new Label(I18n.get("grid.words")), words, new Label(I18n.get("grid.layers")), layers,
                bidirectional, cell, compare);
        HBox stepping = new HBox(8, new Label(I18n.get("grid.sequence")), sequence, start, back, next, end, position, error);
        error.getStyleClass().add("error-text");
        error.setStyle("-fx-text-fill: #b00020;");
        HBox.setHgrow(words, Priority.ALWAYS);
        VBox top = new VBox(6, model, stepping);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);
        holder.getChildren().addAll(canvas);
        holder.setMinSize(0, 0);
        canvas.setManaged(false);
        setCenter(holder);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(170);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        chart.setMinHeight(120);
        chart.setTitle(I18n.get("grid.chartTitle"));
        chart.getXAxis().setLabel("t");
        setBottom(chart);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.RIGHT) {
                vm.stepForward();
                e.consume();
            } else if (e.getCode() == KeyCode.LEFT) {
                vm.stepBack();
                e.consume();
            }
        });
    }

    private void initListeners() {
        words.setOnAction(e -> apply());
        words.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                apply();
            }
        });
        layers.valueProperty().addListener((o, a, b) -> apply());
        bidirectional.selectedProperty().addListener((o, a, b) -> apply());
        cell.valueProperty().addListener((o, a, b) -> apply());
        compare.setOnAction(e -> {
            try {
                org.unroll.ui.compare.CompareView.open(getScene() == null ? null : getScene().getWindow(),
                        org.unroll.ui.compare.CompareViewModel.defaultSetup().withText(vm.shownWord()),
                        vm.depthComparison(), null, null, null);
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        sequence.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && b.intValue() != vm.sequenceProperty().get()) {
                vm.chooseSequence(b.intValue());
            }
        });
        vm.indexProperty().addListener((o, a, b) -> redraw());
        vm.sequenceProperty().addListener((o, a, b) -> {
            redraw();
            refreshChart();
        });
        vm.walkProperty().addListener((o, a, b) -> {
            refreshControls();
            redraw();
        });
        vm.errorProperty().addListener((o, a, b) -> error.setText(b));
        holder.widthProperty().addListener((o, a, b) -> redraw());
        holder.heightProperty().addListener((o, a, b) -> redraw());
    }

    private boolean applying;

    private void apply() {
        if (applying) {
            return;
        }
        vm.wordsProperty().set(words.getText());
        vm.layersProperty().set(layers.getValue());
        vm.bidirectionalProperty().set(bidirectional.isSelected());
        vm.cellProperty().set(cell.getValue());
        vm.rebuild();
    }

    private void refreshControls() {
        applying = true;
        try {
            words.setText(vm.wordsProperty().get());
            layers.getValueFactory().setValue(vm.layersProperty().get());
            bidirectional.setSelected(vm.bidirectionalProperty().get());
            cell.setValue(vm.cellProperty().get());
            sequence.getItems().setAll(vm.batchProperty().get().words());
            sequence.getSelectionModel().select(vm.sequenceProperty().get());
        } finally {
            applying = false;
        }
        refreshChart();
    }

    /** ‖dL/dh_t‖ of every layer and direction for the chosen word, a curve each, named in the legend. */
    private void refreshChart() {
        GridWalk w = vm.walkProperty().get();
        StackedFlow flow = w.flow(vm.sequenceProperty().get());
        chart.getData().clear();
        for (StackedFlow.DirectionFlow d : flow.directions()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(GridCurves.name(d.layer(), d.direction()));
            double[] n = d.dhNorms();
            for (int t = 0; t < n.length; t++) {
                s.getData().add(new XYChart.Data<>(t + 1, n[t]));
            }
            chart.getData().add(s);
        }
    }

    private void redraw() {
        double w = holder.getWidth();
        double h = holder.getHeight();
        if (w < 10 || h < 10 || vm.walkProperty().get() == null) {
            return;
        }
        paint(canvas, vm.frame(GridTimelineFigure.TRANSLATED), w, h, 0);
        position.setText(I18n.get("shell.position", Integer.toString(vm.indexProperty().get() + 1),
                Integer.toString(vm.positions())));
    }

    private static void paint(Canvas c, GridTimelineFigure.Frame f, double w, double h, double y) {
        c.setWidth(w);
        c.setHeight(h);
        c.setLayoutY(y);
        FXGraphics2D g = new FXGraphics2D(c.getGraphicsContext2D());
        GridTimelineFigure.paint(g, new Rectangle2D.Double(0, 0, w, h), f);
    }

    /** Opens the deep-network walk in a window of its own. */
    public static Stage open(Window owner) {
        GridWalkView view = new GridWalkView(new GridWalkViewModel(12));
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(I18n.get("grid.title"));
        Scene scene = new Scene(view, 1280, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        view.requestFocus();
        return stage;
    }
}
