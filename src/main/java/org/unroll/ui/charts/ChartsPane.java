package org.unroll.ui.charts;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.ejml.data.DMatrixRMaj;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.unroll.charts.ChartExport;
import org.unroll.charts.EngineCharts;
import org.unroll.charts.Figure;
import org.unroll.charts.GateActivations;
import org.unroll.charts.GateHeatmapChart;
import org.unroll.charts.GradCheckChart;
import org.unroll.charts.GradCheckResult;
import org.unroll.charts.MessageFigure;
import org.unroll.charts.StepContributionChart;
import org.unroll.charts.StepNormChart;
import org.unroll.charts.VanishingChart;
import org.unroll.engine.Cursor;
import org.unroll.engine.GradCheckConfig;
import org.unroll.engine.Params;
import org.unroll.engine.Walkthrough;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * The five charts of a session as pages: gradient norm per step, vanishing/exploding, gate
 * activations, each step's share, gradient check. It only builds the nodes, binds them to its
 * {@link ChartsViewModel} (which chart is in front, the entry and mode of the contributions, the
 * log scale, what exists at the cursor, the gradient check, export) and delegates the controls to
 * it. Each page is the chart with its own controls and the export menu on one bar above it; a
 * chart with nothing to show at the cursor shows its one-line reason instead.
 */
public final class ChartsPane extends BorderPane {

    /** The font size of each page's bar, px: the window's base size, also in presenter mode. */
    static final double BAR_FONT_PX = 15;

    private final ChartsViewModel model;
    private final java.util.Map<ChartsViewModel.Kind, ChartViewer> viewers = new java.util.EnumMap<>(ChartsViewModel.Kind.class);
    private final java.util.Map<ChartsViewModel.Kind, Label> reasons = new java.util.EnumMap<>(ChartsViewModel.Kind.class);
    private final TabPane tabs = new TabPane();

    private final ComboBox<String> parameter = new ComboBox<>(FXCollections.observableList(EngineCharts.offerOrder()));
    private final Spinner<Integer> row = new Spinner<>(0, 0, 0);
    private final Spinner<Integer> col = new Spinner<>(0, 0, 0);
    private final RadioButton entryMode = new RadioButton(I18n.get("charts.contrib.entry"));
    private final RadioButton normMode = new RadioButton(I18n.get("charts.contrib.norms"));
    private final ToggleButton logScale = new ToggleButton(I18n.get("charts.logScale"));
    private final Button runCheck = new Button(I18n.get("charts.gradcheck.run"));
    private final Button cancelCheck = new Button(I18n.get("charts.gradcheck.cancel"));
    private final ProgressBar checkProgress = new ProgressBar(0);
    private final Label checkStatus = new Label();
    private boolean filling;
    private Consumer<String> errors = m -> { };

    public ChartsPane(Session session) {
        this(ChartsViewModel.withOwnCheckThread(session, javafx.application.Platform::runLater), session);
    }

    /** A pane over {@code model}, which follows {@code session}. */
    public ChartsPane(ChartsViewModel model, Session session) {
        this.model = model;
        getStyleClass().add("unroll-charts");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                page(ChartsViewModel.Kind.STEP_NORMS, logScale),
                page(ChartsViewModel.Kind.VANISHING),
                page(ChartsViewModel.Kind.GATES),
                page(ChartsViewModel.Kind.CONTRIBUTIONS, entryMenu()),
                page(ChartsViewModel.Kind.GRADCHECK, runCheck, cancelCheck, checkProgress, checkStatus));
        setCenter(tabs);
        gateTips(viewers.get(ChartsViewModel.Kind.GATES));
        // the charts are chosen from a box at the start of each page's bar (one row, not a row of tab
        // headers that a narrow column cuts or hides behind an overflow menu); the tab pane only holds the pages
        tabs.getStyleClass().add("chart-pages");
        for (Tab t : tabs.getTabs()) {
            javafx.scene.layout.Pane bar = (javafx.scene.layout.Pane) ((BorderPane) t.getContent()).getTop();
            bar.getChildren().add(0, chartBox());
        }
        tabs.getSelectionModel().select(model.selectedProperty().get().ordinal());
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                model.selectedProperty().set(ChartsViewModel.Kind.values()[i.intValue()]);
            }
        });
        model.selectedProperty().addListener((o, a, k) -> tabs.getSelectionModel().select(k.ordinal()));
        model.gradCheckChartProperty().addListener((o, a, c) -> viewers.get(ChartsViewModel.Kind.GRADCHECK).setChart(c.chart()));

        logScale.selectedProperty().bindBidirectional(model.logScaleProperty());
        ToggleGroup mode = new ToggleGroup();
        entryMode.setToggleGroup(mode);
        normMode.setToggleGroup(mode);
        entryMode.setSelected(model.modeProperty().get() == StepContributionChart.Mode.ENTRY);
        normMode.setSelected(!entryMode.isSelected());
        mode.selectedToggleProperty().addListener((o, a, b) -> model.modeProperty().set(
                b == normMode ? StepContributionChart.Mode.NORMS : StepContributionChart.Mode.ENTRY));
        parameter.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : org.unroll.i18n.Notation.parameterWithFileName(name, true);
            }

            @Override
            public String fromString(String text) {
                return EngineCharts.offerOrder().stream().filter(n -> toString(n).equals(text)).findFirst().orElse(null);
            }
        });
        parameter.setValue(model.parameterProperty().get());
        parameter.valueProperty().addListener((o, a, b) -> {
            if (!filling && b != null) {
                model.parameterProperty().set(b);
            }
        });
        javafx.beans.InvalidationListener entry = o -> showEntry();
        model.parameterProperty().addListener(entry);
        model.rowProperty().addListener(entry);
        model.colProperty().addListener(entry);
        model.rowsProperty().addListener(entry);
        model.colsProperty().addListener(entry);
        showEntry();
        row.valueProperty().addListener((o, a, b) -> {
            if (!filling && b != null) {
                model.setRow(b);
            }
        });
        col.valueProperty().addListener((o, a, b) -> {
            if (!filling && b != null) {
                model.setCol(b);
            }
        });
        row.setPrefWidth(76);
        col.setPrefWidth(76);

        // the check's verdict wraps under its buttons rather than ending in "…"
        GradCheckViewModel check = model.gradCheck();
        checkStatus.setWrapText(true);
        checkStatus.setMinHeight(Region.USE_PREF_SIZE);
        runCheck.disableProperty().bind(check.stateProperty().isEqualTo(GradCheckViewModel.State.RUNNING));
        cancelCheck.disableProperty().bind(runCheck.disableProperty().not());
        checkProgress.visibleProperty().bind(runCheck.disableProperty());
        // while a check runs: its progress and Cancel; else Run alone (the bar stays one row)
        checkProgress.managedProperty().bind(checkProgress.visibleProperty());
        cancelCheck.visibleProperty().bind(runCheck.disableProperty());
        cancelCheck.managedProperty().bind(cancelCheck.visibleProperty());
        runCheck.setMinWidth(Region.USE_PREF_SIZE);
        cancelCheck.setMinWidth(Region.USE_PREF_SIZE);
        checkProgress.setPrefWidth(90);
        HBox.setHgrow(checkStatus, javafx.scene.layout.Priority.ALWAYS);
        checkStatus.setMaxWidth(Double.MAX_VALUE);
        checkProgress.progressProperty().bind(check.progressProperty());
        checkStatus.textProperty().bind(check.statusProperty());
        check.explanationProperty().addListener((o, a, why) -> checkStatus.setTooltip(
                why == null ? null : new javafx.scene.control.Tooltip(why)));
        runCheck.setOnAction(e -> runGradCheck());
        cancelCheck.setOnAction(e -> cancelGradCheck());

        if (session != null) {
            session.cursorProperty().addListener((o, a, c) -> followVisibility());
            // a stacked, bidirectional or batched network: its per-layer, per-direction curves instead of the pages
            org.unroll.ui.grid.GridChartsView grid = new org.unroll.ui.grid.GridChartsView(session);
            session.gridWalkProperty().addListener((o, a, g) -> setCenter(g != null ? grid : tabs));
        }
    }

    /**
     * The heat map's tooltip: its bands are images, not one entity per cell, so the pointer's place
     * is turned into data coordinates here and the chart names the cell under it.
     */
    private void gateTips(ChartViewer viewer) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.setShowDelay(javafx.util.Duration.millis(150));
        org.jfree.chart.fx.ChartCanvas canvas = viewer.getCanvas();
        boolean[] installed = {false};
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> {
            org.jfree.chart.ChartRenderingInfo info = canvas.getRenderingInfo();
            String text = null;
            if (info != null && info.getPlotInfo() != null) {
                java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
                org.jfree.chart.plot.XYPlot plot = model.gateChart().plot();
                double x = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
                double y = plot.getRangeAxis().java2DToValue(e.getY(), area, plot.getRangeAxisEdge());
                text = model.gateChart().tipAt(x, y);
            }
            if (text != null) {
                tip.setText(text);
            }
            if ((text != null) != installed[0]) {
                installed[0] = text != null;
                if (installed[0]) {
                    javafx.scene.control.Tooltip.install(canvas, tip);
                } else {
                    javafx.scene.control.Tooltip.uninstall(canvas, tip);
                }
            }
        });
    }

    /** The pane's view model. */
    public ChartsViewModel model() {
        return model;
    }

    /** Where export failures are reported (an error dialog in the window). */
    public void setErrorHandler(Consumer<String> handler) {
        this.errors = handler;
    }

    /** One page: the chart (or its reason) under a bar of its controls and the export menu. */
    private Tab page(ChartsViewModel.Kind kind, Node... controls) {
        ChartViewer viewer = new ChartViewer(model.chart(kind));
        viewer.getStyleClass().add("chart-viewer");
        Label reason = new Label();
        reason.setWrapText(true);
        reason.getStyleClass().add("unroll-charts-message");
        reason.setStyle("-fx-font-size: 20px; -fx-padding: 40;");
        reason.textProperty().bind(model.placeholderProperty(kind));
        reason.visibleProperty().bind(model.placeholderProperty(kind).isNotNull());
        viewer.visibleProperty().bind(reason.visibleProperty().not());
        viewers.put(kind, viewer);
        reasons.put(kind, reason);
        StackPane area = new StackPane(viewer, reason);
        Tab t = new Tab(I18n.get(ChartsViewModel.tabKey(kind)), withBar(area, controls));
        t.setClosable(false);
        return t;
    }

    /**
     * The contributions' entry and mode behind one button that names the entry ("W_hh[6,3] ▾"),
     * so that the page's bar stays one row and the chart keeps its height.
     */
    private Node entryMenu() {
        javafx.scene.control.MenuButton entry = new javafx.scene.control.MenuButton();
        entry.getStyleClass().add("chart-entry");
        entry.setMinWidth(Region.USE_PREF_SIZE);
        entry.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> I18n.get("charts.contrib.entryButton", model.entryTextProperty().get(),
                        I18n.get(model.modeProperty().get() == StepContributionChart.Mode.NORMS
                                ? "charts.contrib.norms" : "charts.contrib.entry")),
                model.entryTextProperty(), model.modeProperty()));
        javafx.scene.layout.GridPane form = new javafx.scene.layout.GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(6));
        form.addRow(0, new Label(I18n.get("charts.contrib.parameter")), parameter);
        form.addRow(1, new Label(I18n.get("charts.contrib.row")), row);
        form.addRow(2, new Label(I18n.get("charts.contrib.col")), col);
        form.add(group(entryMode, normMode), 0, 3, 2, 1);
        javafx.scene.control.CustomMenuItem item = new javafx.scene.control.CustomMenuItem(form, false);
        entry.getItems().add(item);
        return entry;
    }

    private void showEntry() {
        filling = true;
        try {
            parameter.setValue(model.parameterProperty().get());
            row.setValueFactory(countedFromOne(model.rowsProperty().get() - 1, model.rowProperty().get()));
            col.setValueFactory(countedFromOne(model.colsProperty().get() - 1, model.colProperty().get()));
            row.setDisable(model.rowsProperty().get() == 1);
        } finally {
            filling = false;
        }
    }

    private Node withBar(Node chart, Node... controls) {
        // one menu for the exports: PNG at 1× to 4×, or SVG
        javafx.scene.control.MenuButton export = new javafx.scene.control.MenuButton(I18n.get("charts.export.menu"));
        export.setMinWidth(Region.USE_PREF_SIZE);
        for (int k = 1; k <= 4; k++) {
            int scale = k;
            javafx.scene.control.MenuItem png = new javafx.scene.control.MenuItem(I18n.get("charts.export.png") + "  " + k + "×");
            png.setOnAction(e -> exportWithChooser(false, scale));
            export.getItems().add(png);
        }
        javafx.scene.control.MenuItem svg = new javafx.scene.control.MenuItem(I18n.get("charts.export.svg"));
        svg.setOnAction(e -> exportWithChooser(true, 1));
        export.getItems().add(svg);
        // one row: the chooser, the chart's own controls, the export menu at the end; the bar keeps the
        // base font in presenter mode (it is for the hands at the laptop; the chart is for the room)
        HBox bar = new HBox(10);
        bar.getStyleClass().add("chart-page-bar");
        bar.setStyle("-fx-font-size: " + BAR_FONT_PX + "px;");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 6, 3, 6));
        bar.getChildren().addAll(controls);
        Region gap = new Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.SOMETIMES);
        bar.getChildren().addAll(gap, export);
        BorderPane p = new BorderPane(chart);
        p.setTop(bar);
        return p;
    }

    /** Controls that belong together and wrap as one: each keeps its whole text. */
    private static HBox group(Node... nodes) {
        HBox g = new HBox(6, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof Region r && !(n instanceof ProgressBar)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return g;
    }

    /** The chart chooser of one page's bar, kept in step with the pages. */
    private Node chartBox() {
        ChoiceBox<String> c = new ChoiceBox<>();
        for (Tab t : tabs.getTabs()) {
            c.getItems().add(t.getText());
        }
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.setFocusTraversable(false);
        c.getStyleClass().add("chart-choice");
        c.getSelectionModel().select(tabs.getSelectionModel().getSelectedIndex());
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> c.getSelectionModel().select(b.intValue()));
        c.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && b.intValue() != tabs.getSelectionModel().getSelectedIndex()) {
                tabs.getSelectionModel().select(b.intValue());
            }
        });
        return c;
    }

    /** A spinner over 0-based indices 0 … max that shows and reads them counted from 1, as a person counts. */
    private static SpinnerValueFactory<Integer> countedFromOne(int max, int value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                Math.max(0, max), Math.max(0, Math.min(max, value)));
        f.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return i == null ? "" : Integer.toString(i + 1);
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Math.max(0, Math.min(max, Integer.parseInt(text.trim()) - 1));
                } catch (NumberFormatException e) {
                    return f.getValue();
                }
            }
        });
        return f;
    }

    /**
     * While the pane is hidden (the charts tab not selected) the view model only notes the cursor;
     * it catches up when the pane shows again, so stepping does not repaint a chart nobody sees.
     */
    private void followVisibility() {
        Node hidden = hiddenAncestor();
        model.setActive(hidden == null);
        if (hidden != null && waitingOn != hidden) {
            if (waitingOn != null) {
                waitingOn.visibleProperty().removeListener(becameVisible);
            }
            waitingOn = hidden;
            hidden.visibleProperty().addListener(becameVisible);
        }
    }

    /** The pane itself or an ancestor that is not visible, or null (also when not in a scene yet). */
    private Node hiddenAncestor() {
        if (getScene() == null) {
            return null;
        }
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return n;
            }
        }
        return null;
    }

    /** The hidden node whose visibility the view model waits for. */
    private Node waitingOn;
    private final javafx.beans.InvalidationListener becameVisible = o -> {
        if (waitingOn != null && waitingOn.isVisible()) {
            waitingOn.visibleProperty().removeListener(this.becameVisible);
            waitingOn = null;
            followVisibility();
        }
    };

    /** Starts the gradient check of the shown model in the background. */
    public java.util.concurrent.CompletableFuture<GradCheckResult> runGradCheck() {
        return model.gradCheck().run();
    }

    /** Stops a running gradient check (it stops after the entry it is on). */
    public void cancelGradCheck() {
        model.gradCheck().cancel();
    }

    /** The gradient check's view model. */
    public GradCheckViewModel gradCheckModel() {
        return model.gradCheck();
    }

    /** Whether a gradient check runs. */
    public boolean isCheckRunning() {
        return model.gradCheck().isRunning();
    }

    private void exportWithChooser(boolean svg, int scale) {
        ChartsViewModel.Kind kind = model.selectedProperty().get();
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.get(svg ? "menu.exportSvg" : "menu.exportPng"));
        fc.setInitialFileName(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + (svg ? ".svg" : ".png"));
        fc.getExtensionFilters().add(svg ? new FileChooser.ExtensionFilter("SVG", "*.svg")
                : new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            export(kind, f.toPath(), svg, scale);
        } catch (IOException | RuntimeException ex) {
            errors.accept(I18n.get("charts.export.failed", f.getName(), String.valueOf(ex.getMessage())));
        }
    }

    /**
     * Writes one chart as on screen (its current size, or 1280 × 720 when not laid out).
     *
     * @param kind  the chart
     * @param file  the file
     * @param svg   SVG, else PNG
     * @param scale the PNG's pixel density 1–4
     * @throws IOException when the file cannot be written
     */
    public void export(ChartsViewModel.Kind kind, Path file, boolean svg, int scale) throws IOException {
        int[] size = exportSize();
        model.export(kind, file, svg, size[0], size[1], scale);
    }

    /** The size a chart exports at, width and height in px: as on screen, or 1280 × 720 when not laid out. */
    public int[] exportSize() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && t.getContent() instanceof BorderPane p && p.getCenter() != null) {
            return ChartsViewModel.exportSize(p.getCenter().getLayoutBounds().getWidth(), p.getCenter().getLayoutBounds().getHeight());
        }
        return ChartsViewModel.exportSize(0, 0);
    }

    /** What a chart exports as: the chart, or the message that stands in for it. */
    public Figure figure(ChartsViewModel.Kind kind) {
        return model.figure(kind);
    }

    /** Brings a chart's page to the front. */
    public void select(ChartsViewModel.Kind kind) {
        model.selectedProperty().set(kind);
    }

    /** The viewer of a chart (on its page). */
    public ChartViewer viewer(ChartsViewModel.Kind kind) {
        return viewers.get(kind);
    }

    public StepNormChart stepNormChart() {
        return model.stepNormChart();
    }

    public VanishingChart vanishingChart() {
        return model.vanishingChart();
    }

    public GateHeatmapChart gateChart() {
        return model.gateChart();
    }

    public StepContributionChart contributionChart() {
        return model.contributionChart();
    }

    public GradCheckChart gradCheckChart() {
        return model.gradCheckChart();
    }

    /** Whether the gates page shows the "no gates" message instead of a heat map. */
    public boolean showsNoGatesMessage() {
        return reasons.get(ChartsViewModel.Kind.GATES).isVisible();
    }

    /** Chooses the entry chart 4 stacks (0-based row and column). */
    public void chooseEntry(String param, int r, int c) {
        model.chooseEntry(param, r, c);
    }

    /** The chart's current entry: parameter, row, column (0-based). */
    public String entryLabel() {
        return model.entryLabel();
    }

    JFreeChart chart(ChartsViewModel.Kind k) {
        return model.chart(k);
    }
}
