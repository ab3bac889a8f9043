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
 * The five charts of a session in tabs: gradient norm per step, vanishing/exploding,
 * gate activations, each step's contribution, gradient check. A new walk (the model panel
 * changed, say the W_hh spectral-norm slider) refills every chart in one batch on the
 * JavaFX thread; moving the cursor only moves the current-step mark. Every chart exports
 * as PNG (1–4×) or SVG.
 */
public final class ChartsPane extends BorderPane {

    /** The tabs, in order. */
    public enum Kind { STEP_NORMS, VANISHING, GATES, CONTRIBUTIONS, GRADCHECK }

    private final Session session;
    private final StepNormChart stepNorms = new StepNormChart();
    private final VanishingChart vanishing = new VanishingChart();
    private final GateHeatmapChart gates = new GateHeatmapChart();
    private final StepContributionChart contributions = new StepContributionChart();
    private GradCheckChart gradCheck = new GradCheckChart();

    private final ChartViewer gatesViewer = new ChartViewer(gates.chart());
    private final ChartViewer gradCheckViewer = new ChartViewer(gradCheck.chart());
    private final Label noGates = new Label();
    private final Label gradCheckHint = new Label();
    private final StackPane gatesArea = new StackPane();
    private final StackPane gradCheckArea = new StackPane();
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
    private final ChoiceBox<Integer> pngScale = new ChoiceBox<>(FXCollections.observableArrayList(1, 2, 3, 4));

    /** The gradient check's lifecycle (its own background thread, its state and status); this pane only binds to it. */
    private final GradCheckViewModel check = GradCheckViewModel.withOwnThread(javafx.application.Platform::runLater);
    private Walkthrough shown;
    private boolean filling;
    private Consumer<String> errors = m -> { };

    public ChartsPane(Session session) {
        this.session = session;
        getStyleClass().add("unroll-charts");
        pngScale.setValue(2);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("charts.tab.stepNorms", withBar(new ChartViewer(stepNorms.chart()), logScale)),
                tab("charts.tab.vanishing", withBar(new ChartViewer(vanishing.chart()))),
                tab("charts.tab.gates", withBar(gatesArea)),
                tab("charts.tab.contributions", withBar(new ChartViewer(contributions.chart()),
                        group(new Label(I18n.get("charts.contrib.parameter")), parameter),
                        group(new Label(I18n.get("charts.contrib.row")), row,
                                new Label(I18n.get("charts.contrib.col")), col), group(entryMode, normMode))),
                tab("charts.tab.gradcheck", withBar(gradCheckArea, group(runCheck, cancelCheck, checkProgress), checkStatus)));
        setCenter(tabs);
        // the charts are chosen from a box at the start of each page's bar (one row, not a row of tab
        // headers that a narrow column cuts or hides behind an overflow menu); the tab pane only holds the pages
        tabs.getStyleClass().add("chart-pages");
        for (Tab t : tabs.getTabs()) {
            javafx.scene.layout.Pane bar = (javafx.scene.layout.Pane) ((BorderPane) t.getContent()).getTop();
            bar.getChildren().add(0, chartBox());
        }

        noGates.setWrapText(true);
        noGates.getStyleClass().add("unroll-charts-message");
        noGates.setStyle("-fx-font-size: 20px; -fx-padding: 40;");
        gatesArea.getChildren().addAll(gatesViewer, noGates);
        gradCheckHint.setText(I18n.get("charts.gradcheck.hint"));
        gradCheckHint.setWrapText(true);
        gradCheckHint.setStyle("-fx-font-size: 20px; -fx-padding: 40;");
        gradCheckArea.getChildren().addAll(gradCheckViewer, gradCheckHint);
        gradCheckViewer.setVisible(false);

        logScale.setOnAction(e -> stepNorms.setLogScale(logScale.isSelected()));
        ToggleGroup mode = new ToggleGroup();
        entryMode.setToggleGroup(mode);
        normMode.setToggleGroup(mode);
        entryMode.setSelected(true);
        mode.selectedToggleProperty().addListener((o, a, b) -> contributions.setMode(
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
        parameter.setValue("weight_hh");
        parameter.valueProperty().addListener((o, a, b) -> {
            if (!filling && b != null) {
                chooseParameter(b, true);
            }
        });
        ChangeListener<Integer> entryChanged = (o, a, b) -> {
            if (!filling) {
                refreshContributions();
            }
        };
        row.valueProperty().addListener(entryChanged);
        col.valueProperty().addListener(entryChanged);
        row.setPrefWidth(80);
        col.setPrefWidth(80);

        // the check's verdict wraps under its buttons rather than ending in "…"
        checkStatus.setWrapText(true);
        checkStatus.setMinHeight(Region.USE_PREF_SIZE);
        checkStatus.maxWidthProperty().bind(widthProperty().subtract(24));
        runCheck.disableProperty().bind(check.stateProperty().isEqualTo(GradCheckViewModel.State.RUNNING));
        cancelCheck.disableProperty().bind(runCheck.disableProperty().not());
        checkProgress.visibleProperty().bind(runCheck.disableProperty());
        checkProgress.progressProperty().bind(check.progressProperty());
        checkStatus.textProperty().bind(check.statusProperty());
        check.explanationProperty().addListener((o, a, why) -> checkStatus.setTooltip(
                why == null ? null : new javafx.scene.control.Tooltip(why)));
        check.resultProperty().addListener((o, a, r) -> showCheck(r));
        runCheck.setOnAction(e -> runGradCheck());
        cancelCheck.setOnAction(e -> cancelGradCheck());

        session.walkthroughProperty().addListener((o, a, w) -> show(w));
        session.diagnosticsProperty().addListener((o, a, w) -> showFlow(w));
        session.cursorProperty().addListener((o, a, c) -> showCursor(c));
        show(session.getWalkthrough());
        showCursor(session.getCursor());
    }

    /** Where export failures are reported (an error dialog in the window). */
    public void setErrorHandler(Consumer<String> handler) {
        this.errors = handler;
    }

    private Tab tab(String key, Node content) {
        Tab t = new Tab(I18n.get(key), content);
        t.setClosable(false);
        return t;
    }

    private Node withBar(Node chart, Node... controls) {
        // one menu for the exports: PNG at 1× to 4×, or SVG
        javafx.scene.control.MenuButton export = new javafx.scene.control.MenuButton(I18n.get("charts.export.menu"));
        export.setMinWidth(Region.USE_PREF_SIZE);
        for (int k = 1; k <= 4; k++) {
            int scale = k;
            javafx.scene.control.MenuItem png = new javafx.scene.control.MenuItem(I18n.get("charts.export.png") + "  " + k + "×");
            png.setOnAction(e -> {
                pngScale.setValue(scale);
                exportWithChooser(false);
            });
            export.getItems().add(png);
        }
        javafx.scene.control.MenuItem svg = new javafx.scene.control.MenuItem(I18n.get("charts.export.svg"));
        svg.setOnAction(e -> exportWithChooser(true));
        export.getItems().add(svg);
        // the chart's own controls, then the export group; a row that does not fit wraps, nothing is cut
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(16, 4);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getChildren().addAll(controls);
        bar.getChildren().add(export);
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

    /** Refills every chart from a new walk (null clears nothing and waits). */
    private void show(Walkthrough w) {
        if (w == null) {
            return;
        }
        check.show(w);
        shown = w;
        showFlow(session.diagnosticsProperty().get());
        Optional<GateActivations> g = EngineCharts.gates(w);
        g.ifPresent(gates::update);
        gatesViewer.setVisible(g.isPresent());
        noGates.setVisible(g.isEmpty());
        noGates.setText(g.isEmpty() ? EngineCharts.noGatesReason(w.model()) : "");
        chooseParameter(parameter.getValue() == null ? "weight_hh" : parameter.getValue(), false);
    }

    /** A finished check's chart, or (null: a new model, a cancelled check) the hint in its place. */
    private void showCheck(GradCheckResult r) {
        if (r == null) {
            gradCheck = new GradCheckChart();
            gradCheckViewer.setChart(gradCheck.chart());
        } else {
            gradCheck.update(r);
        }
        gradCheckViewer.setVisible(r != null);
        gradCheckHint.setVisible(r == null);
    }

    /** The flow charts, once the shown walk's diagnostics are computed (they are never computed here). */
    private void showFlow(Walkthrough w) {
        if (w != null && w == shown) {
            stepNorms.update(EngineCharts.flow(w));
            vanishing.update(EngineCharts.flow(w));
        }
    }

    private void chooseParameter(String name, boolean largest) {
        Walkthrough w = shown;
        if (w == null) {
            return;
        }
        DMatrixRMaj m = w.gradients().get(name);
        int[] rc = EngineCharts.largestEntry(w.gradients(), name);
        filling = true;
        try {
            parameter.setValue(name);
            // the largest entry for a new parameter (or the first walk); else the entry stays while it exists
            boolean fresh = largest || !name.equals(entryParameter)
                    || row.getValue() >= m.numRows || col.getValue() >= m.numCols;
            int r = fresh ? rc[0] : row.getValue();
            int c = fresh ? rc[1] : col.getValue();
            row.setValueFactory(countedFromOne(m.numRows - 1, r));
            col.setValueFactory(countedFromOne(m.numCols - 1, c));
            row.setDisable(m.numRows == 1);
        } finally {
            filling = false;
        }
        entryParameter = name;
        refreshContributions();
        contributions.setNormParameter(name);
    }

    /** A spinner over 0-based indices 0 … max that shows and reads them counted from 1, as a person counts. */
    private static SpinnerValueFactory<Integer> countedFromOne(int max, int value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, max, value);
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

    /** The parameter whose entry the spinners hold, or null before the first walk. */
    private String entryParameter;

    private void refreshContributions() {
        Walkthrough w = shown;
        if (w == null) {
            return;
        }
        contributions.update(EngineCharts.contributions(w, parameter.getValue(), row.getValue(), col.getValue()));
    }

    /**
     * Moves the current-step mark; while the pane is hidden (the charts tab not selected) the mark is
     * moved when it shows again, so stepping does not repaint a chart nobody sees.
     */
    private void showCursor(Cursor c) {
        Node hidden = hiddenAncestor();
        if (hidden == null) {
            cursorPending = false;
            stepNorms.setCurrentStep(c == null || shown == null ? -1 : shown.at(c).displayStep());
            return;
        }
        pendingCursor = c;
        cursorPending = true;
        if (waitingOn != hidden) {
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

    private Cursor pendingCursor;
    private boolean cursorPending;
    /** The hidden node whose visibility a pending mark waits for. */
    private Node waitingOn;
    private final javafx.beans.InvalidationListener becameVisible = o -> {
        if (waitingOn != null && waitingOn.isVisible()) {
            waitingOn.visibleProperty().removeListener(this.becameVisible);
            waitingOn = null;
            if (cursorPending) {
                showCursor(pendingCursor);
            }
        }
    };

    /** Starts the gradient check of the shown model in the background. */
    public java.util.concurrent.CompletableFuture<GradCheckResult> runGradCheck() {
        return check.run();
    }

    /** Stops a running gradient check (it stops after the entry it is on). */
    public void cancelGradCheck() {
        check.cancel();
    }

    /** The gradient check's view model. */
    public GradCheckViewModel gradCheckModel() {
        return check;
    }

    /** Whether a gradient check runs. */
    public boolean isCheckRunning() {
        return check.isRunning();
    }

    private void exportWithChooser(boolean svg) {
        Kind kind = Kind.values()[tabs.getSelectionModel().getSelectedIndex()];
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
            export(kind, f.toPath(), svg, pngScale.getValue());
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
    public void export(Kind kind, Path file, boolean svg, int scale) throws IOException {
        Figure f = figure(kind);
        int[] size = exportSize();
        int w = size[0];
        int h = size[1];
        if (svg) {
            ChartExport.writeSvg(f, file, w, h);
        } else {
            ChartExport.writePng(f, file, w, h, scale);
        }
    }

    /** The size a chart exports at, width and height in px: as on screen, or 1280 × 720 when not laid out. */
    public int[] exportSize() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && t.getContent() instanceof BorderPane p && p.getCenter() != null
                && p.getCenter().getLayoutBounds().getWidth() > 100 && p.getCenter().getLayoutBounds().getHeight() > 100) {
            // the chart's own area, as on screen
            return new int[] {(int) p.getCenter().getLayoutBounds().getWidth(), (int) p.getCenter().getLayoutBounds().getHeight()};
        }
        return new int[] {1280, 720};
    }

    /** What a chart exports as: the chart, or the message that stands in for it. */
    public Figure figure(Kind kind) {
        return switch (kind) {
            case STEP_NORMS -> Figure.of(stepNorms.chart());
            case VANISHING -> Figure.of(vanishing.chart());
            case GATES -> noGates.isVisible() ? new MessageFigure(
                    (shown == null ? "" : shown.model().label() + " ") + I18n.get("charts.tab.gates"),
                    noGates.getText()) : Figure.of(gates.chart());
            case CONTRIBUTIONS -> Figure.of(contributions.chart());
            case GRADCHECK -> Figure.of(gradCheck.chart());
        };
    }

    /** Brings a chart's tab to the front. */
    public void select(Kind kind) {
        tabs.getSelectionModel().select(kind.ordinal());
    }

    public StepNormChart stepNormChart() {
        return stepNorms;
    }

    public VanishingChart vanishingChart() {
        return vanishing;
    }

    public GateHeatmapChart gateChart() {
        return gates;
    }

    public StepContributionChart contributionChart() {
        return contributions;
    }

    public GradCheckChart gradCheckChart() {
        return gradCheck;
    }

    /** Whether the gates tab shows the "no gates" message instead of a heat map. */
    public boolean showsNoGatesMessage() {
        return noGates.isVisible();
    }

    /** Chooses the entry chart 4 stacks. */
    public void chooseEntry(String param, int r, int c) {
        chooseParameter(param, false);
        filling = true;
        row.getValueFactory().setValue(r);
        col.getValueFactory().setValue(c);
        filling = false;
        refreshContributions();
    }

    /** The chart's current entry: parameter, row, column. */
    public String entryLabel() {
        return parameter.getValue() + "[" + row.getValue() + "," + col.getValue() + "]";
    }

    JFreeChart chart(Kind k) {
        return switch (k) {
            case STEP_NORMS -> stepNorms.chart();
            case VANISHING -> vanishing.chart();
            case GATES -> gates.chart();
            case CONTRIBUTIONS -> contributions.chart();
            case GRADCHECK -> gradCheck.chart();
        };
    }
}
