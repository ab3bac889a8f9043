package org.unroll.ui.compare;

import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.fx.FXGraphics2D;
import org.unroll.charts.ChartExport;
import org.unroll.charts.Figure;
import org.unroll.charts.StepNormChart;
import org.unroll.charts.VanishingChart;
import org.unroll.engine.CellType;
import org.unroll.figures.CompareStripFigure;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.stepper.StepKeys;
import org.unroll.ui.stepper.StepperBar;
import org.unroll.ui.stepper.StepperViewModel;

/**
 * Compare mode on screen: the main view's stepper bar and title line (the lead side's
 * {@link StepperViewModel}), one {@link CompareStripFigure} per side stacked and scrolled together,
 * and the overlaid gradient-norm and vanishing/exploding charts, each on a tab of its own. Keys are the main
 * view's ({@link StepKeys}: → ← Space Page Down/Up Home End P); Esc, Ctrl+M and the Back button
 * leave; Ctrl + / − / 0 zoom through the window's zoom (the strips follow {@link #scaleProperty()}).
 * Binds to {@link CompareViewModel}; nothing is computed here.
 */
public final class CompareView extends BorderPane {

    private final CompareViewModel vm;
    private final StepNormChart stepNorms = new StepNormChart();
    private final VanishingChart vanishing = new VanishingChart();
    private final TabPane views = new TabPane();
    private final Label normsReason = reasonLabel();
    private final Label vanishingReason = reasonLabel();
    /** The sides' strips, each as high as its rows ask (a two-layer, two-direction side has four). */
    private final Pane strips = new Pane() {
        @Override
        protected void layoutChildren() {
            double total = 0;
            for (int i = 0; i < getChildren().size(); i++) {
                total += rowsOf(i);
            }
            double y = 0;
            double h = getHeight();
            for (int i = 0; i < getChildren().size(); i++) {
                double each = total <= 0 ? 0 : Math.floor(h * rowsOf(i) / total);
                getChildren().get(i).resizeRelocate(0, y, getWidth(), each);
                y += each;
            }
        }
    };
    private final List<Canvas> canvases = new ArrayList<>();
    private final ScrollBar scroll = new ScrollBar();
    private final HBox bar = new HBox(8);
    private final Pane stepperSlot = new HBox();
    /** Where the lead stands, in the main view's words ({@link org.unroll.ui.stepper.CursorTitle}). */
    private final Label title = new Label();
    private final Label legend = new Label(I18n.get("compare.legend"));
    private final Button close = new Button(I18n.get("compare.close"));
    private final ToggleButton setupToggle = new ToggleButton(I18n.get("compare.setup"));
    private final ComboBox<Preset> preset = new ComboBox<>();
    private final MenuButton export = new MenuButton(I18n.get("compare.export"));
    private final TextField text = new TextField();
    private final TextField seed = new TextField();
    private final TextField hidden = new TextField();
    private final List<ComboBox<CellType>> cells = new ArrayList<>();
    private final List<ComboBox<Integer>> layers = new ArrayList<>();
    private final List<CheckBox> both = new ArrayList<>();
    private final Label problem = new Label();
    private final FlowPane settings = new FlowPane(8, 4);
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1.0);
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter", false);
    private double scrollX;
    private Runnable onClose = () -> { };
    private boolean filling;

    /** The comparisons offered, each a list of sides. */
    enum Preset {
        CELLS(CompareViewModel.CELLS), DEPTHS(CompareViewModel.DEPTHS), DIRECTIONS(CompareViewModel.DIRECTIONS), OWN(null);

        final List<CompareViewModel.Side> sides;

        Preset(List<CompareViewModel.Side> sides) {
            this.sides = sides;
        }

        static Preset of(List<CompareViewModel.Side> s) {
            for (Preset p : values()) {
                if (s.equals(p.sides)) {
                    return p;
                }
            }
            return OWN;
        }
    }

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        vm.setErrorHandler(problem::setText);
        getStyleClass().add("unroll-compare");
        // the main window's look: its toolbar, step icons and title line
        java.net.URL shell = CompareView.class.getResource("/org/unroll/ui/shell/shell.css");
        if (shell != null) {
            getStylesheets().add(shell.toExternalForm());
        }
        stepNorms.setLogScale(true);
        createView();
        initListeners();
        rebuildStrips();
        refresh();
    }

    private static Label reasonLabel() {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        l.setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-padding: 0.6em;");
        l.setMaxWidth(420);
        l.setMouseTransparent(true);
        return l;
    }

    private void createView() {
        preset.getItems().setAll(Preset.values());
        preset.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Preset p) {
                return p == null ? "" : I18n.get("compare.preset." + p.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public Preset fromString(String s) {
                return null;
            }
        });
        preset.setFocusTraversable(false);
        preset.setTooltip(new Tooltip(I18n.get("compare.preset.tooltip")));
        setupToggle.setFocusTraversable(false);
        setupToggle.setTooltip(new Tooltip(I18n.get("compare.setup.tooltip")));
        export.setFocusTraversable(false);
        close.setFocusTraversable(false);
        close.setTooltip(new Tooltip(I18n.get("compare.close.tooltip")));
        close.getStyleClass().add("compare-close");
        for (Region r : List.of(preset, setupToggle, export, close)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        bar.getChildren().setAll(stepperSlot, grow, preset, setupToggle, export, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("main-toolbar");
        title.getStyleClass().add("point-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setMaxWidth(Double.MAX_VALUE);
        title.setPadding(new Insets(2, 8, 2, 8));

        text.setPrefColumnCount(22);
        seed.setPrefColumnCount(4);
        hidden.setPrefColumnCount(3);
        problem.setStyle("-fx-text-fill: #B2182B;");
        problem.setWrapText(true);
        List<Node> row = new ArrayList<>();
        for (int i = 0; i < CompareViewModel.MAX_SIDES; i++) {
            ComboBox<CellType> c = new ComboBox<>();
            c.getItems().add(null);
            c.getItems().addAll(CellType.values());
            c.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(CellType t) {
                    return t == null ? I18n.get("compare.noSide") : t.name();
                }

                @Override
                public CellType fromString(String s) {
                    return null;
                }
            });
            ComboBox<Integer> l = new ComboBox<>();
            for (int k = 1; k <= org.unroll.ui.modelpanel.ModelPanelViewModel.MAX_LAYERS; k++) {
                l.getItems().add(k);
            }
            l.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Integer k) {
                    return k == null ? "" : I18n.get(k == 1 ? "compare.layer" : "compare.layers", Integer.toString(k));
                }

                @Override
                public Integer fromString(String s) {
                    return null;
                }
            });
            CheckBox b = new CheckBox(I18n.get("compare.both"));
            b.setTooltip(new Tooltip(I18n.get("compare.both.tooltip")));
            cells.add(c);
            layers.add(l);
            both.add(b);
            Label n = new Label(Integer.toString(i + 1) + ":");
            n.getStyleClass().add("muted");
            HBox side = new HBox(4, n, c, l, b);
            side.setAlignment(Pos.CENTER_LEFT);
            row.add(side);
        }
        Button apply = new Button(I18n.get("compare.apply"));
        apply.setDefaultButton(true);
        apply.setOnAction(e -> applyFields());
        row.add(labelled("compare.text", text));
        row.add(labelled("compare.seed", seed));
        row.add(labelled("compare.hidden", hidden));
        row.add(apply);
        row.add(problem);
        settings.getChildren().setAll(row);
        settings.setPadding(new Insets(3, 8, 3, 8));
        settings.setAlignment(Pos.CENTER_LEFT);
        settings.visibleProperty().bind(setupToggle.selectedProperty());
        settings.managedProperty().bind(setupToggle.selectedProperty());
        setTop(new VBox(bar, title, settings));

        ChartViewer normsViewer = new ChartViewer(stepNorms.chart());
        ChartViewer vanishingViewer = new ChartViewer(vanishing.chart());
        StackPane normsPane = new StackPane(normsViewer, normsReason);
        StackPane vanishingPane = new StackPane(vanishingViewer, vanishingReason);
        normsPane.setMinSize(0, 0);
        vanishingPane.setMinSize(0, 0);

        scroll.setOrientation(Orientation.HORIZONTAL);
        scroll.setFocusTraversable(false);
        scroll.managedProperty().bind(scroll.visibleProperty());
        legend.setWrapText(true);
        legend.getStyleClass().add("muted");
        legend.setPadding(new Insets(1, 8, 1, 8));
        legend.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(strips, Priority.ALWAYS);
        strips.setMinHeight(0);
        strips.setPrefHeight(300);
        VBox top = new VBox(strips, scroll, legend);
        top.setMinHeight(0);
        // the strips and each chart get the whole view, one at a time: under the strips at 1280 × 720 a chart
        // had a plot about 120 px high; the stepping keys work on every tab
        views.getTabs().setAll(view("compare.view.strips", top), view("charts.tab.stepNorms", normsPane),
                view("charts.tab.vanishing", vanishingPane));
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.setFocusTraversable(false);
        setCenter(views);
    }

    private static Tab view(String key, Node content) {
        Tab tab = new Tab(I18n.get(key), content);
        tab.setClosable(false);
        return tab;
    }

    /** The strips and the two charts, one tab each. */
    public TabPane views() {
        return views;
    }

    private static Node labelled(String key, Node field) {
        Label l = new Label(I18n.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox b = new HBox(4, l, field);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    private void initListeners() {
        vm.revisionProperty().addListener((o, a, b) -> refresh());
        vm.sessionsProperty().addListener((o, a, b) -> rebuildStrips());
        vm.stepperProperty().addListener((o, a, s) -> showStepper(s));
        showStepper(vm.getStepper());
        scale.addListener((o, a, b) -> paintStrips());
        strips.widthProperty().addListener((o, a, b) -> paintStrips());
        scroll.valueProperty().addListener((o, a, b) -> {
            if (Math.abs(b.doubleValue() - scrollX) > 0.5) {
                scrollX = b.doubleValue();
                paintStrips();
            }
        });
        strips.addEventHandler(ScrollEvent.SCROLL, e -> {
            double d = Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY()) ? e.getDeltaX() : e.getDeltaY();
            scroll.setValue(Math.max(scroll.getMin(), Math.min(scroll.getMax(), scroll.getValue() - d * 2)));
            e.consume();
        });
        preset.valueProperty().addListener((o, a, p) -> {
            if (!filling && p != null && p.sides != null && !p.sides.equals(vm.sides())) {
                try {
                    vm.applySides(p.sides);
                    problem.setText("");
                } catch (IllegalArgumentException e) {
                    problem.setText(e.getMessage());
                }
            } else if (!filling && p == Preset.OWN) {
                setupToggle.setSelected(true);
            }
        });
        close.setOnAction(e -> onClose.run());
        // presenter mode keeps what the room needs: stepping, the title, the way out
        for (Node n : List.of(preset, setupToggle, export)) {
            n.visibleProperty().bind(presenter.not());
            n.managedProperty().bind(presenter.not());
        }
        presenter.addListener((o, a, on) -> {
            if (on) {
                setupToggle.setSelected(false);
            }
            showStepper(vm.getStepper());
        });
    }

    /** The lead side's stepper: its bar in the toolbar, its title as the title line. */
    private void showStepper(StepperViewModel s) {
        if (s == null) {
            stepperSlot.getChildren().clear();
            title.textProperty().unbind();
            title.setText(I18n.get("shell.busy"));
            return;
        }
        StepperBar stepperBar = new StepperBar(s);
        stepperBar.setSpacing(4);
        Node speed = stepperBar.lookup(".speed-label");
        if (speed != null) {
            speed.setVisible(!presenter.get());
            speed.setManaged(!presenter.get());
        }
        stepperSlot.getChildren().setAll(stepperBar);
        title.textProperty().bind(s.titleProperty());
    }

    /**
     * Puts the main view's stepping keys on the scene (for the stepper that leads at the time), and
     * Esc and Ctrl+M, which leave compare mode; F5 toggles presenter mode as in the main view.
     */
    public void installKeys(Scene scene, Runnable togglePresenter) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Esc is the stepping keys' "off", below; Ctrl+M is how compare mode was opened
            if (e.getCode() == KeyCode.M && e.isShortcutDown()) {
                onClose.run();
                e.consume();
            }
        });
        StepKeys.install(scene, vm::getStepper, new StepKeys.Presenter() {
            @Override
            public void toggle() {
                togglePresenter.run();
            }

            @Override
            public void off() {
                onClose.run();
            }
        });
    }

    /** What leaving compare mode does (the window that opened it closes it). */
    public void setOnClose(Runnable r) {
        onClose = r == null ? () -> { } : r;
    }

    /** The strips' scale: the window's font size over the 15 px base (so Ctrl + and presenter mode enlarge them). */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /**
     * Opens the default comparison (RNN, LSTM, GRU on a T = 40 sentence) in a window of its own over
     * {@code owner}, with the owner's size and stylesheets.
     *
     * @param owner      the main window, or null
     * @param sceneSetup what to do with the new scene before it shows (the main window binds its zoom), or null
     * @param viewSetup  binds the view's {@link #scaleProperty()} and {@link #presenterProperty()} to the
     *                   window's zoom (null: scale 1, no presenter mode)
     * @param togglePresenter what F5 does (null: nothing)
     * @return the window
     */
    public static Stage open(Window owner, Consumer<Scene> sceneSetup, Consumer<CompareView> viewSetup,
                             Runnable togglePresenter) {
        return open(owner, CompareViewModel.defaultSetup(), CompareViewModel.CELLS, sceneSetup, viewSetup, togglePresenter);
    }

    /**
     * As {@link #open(Window, Consumer, Consumer, Runnable)}, comparing {@code sides} on the text, seed
     * and hidden size of {@code shared} (the Deep network window opens one layer against its depth).
     *
     * @throws IllegalArgumentException when the sides or settings break the model panel's rules
     */
    public static Stage open(Window owner, Setup shared, List<CompareViewModel.Side> sides, Consumer<Scene> sceneSetup,
                             Consumer<CompareView> viewSetup, Runnable togglePresenter) {
        String wrong = CompareViewModel.problemWith(shared, sides);
        if (wrong != null) {
            throw new IllegalArgumentException(wrong);
        }
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "unroll-compare");
            t.setDaemon(true);
            return t;
        });
        ExecutorService diagnostics = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "unroll-compare-diagnostics");
            t.setDaemon(true);
            return t;
        });
        CompareViewModel model = new CompareViewModel(background, diagnostics, Platform::runLater);
        CompareView view = new CompareView(model);
        model.apply(shared, sides);
        Stage stage = new Stage();
        view.setOnClose(stage::close);
        if (owner != null) {
            stage.initOwner(owner);
            stage.setX(owner.getX());
            stage.setY(owner.getY());
        }
        stage.setTitle(I18n.get("compare.title"));
        double w = owner != null && owner.getWidth() > 200 ? owner.getWidth() : 1280;
        double h = owner != null && owner.getHeight() > 200 ? owner.getHeight() : 720;
        Scene scene = new Scene(view, w, h);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        if (sceneSetup != null) {
            sceneSetup.accept(scene);
        }
        if (viewSetup != null) {
            viewSetup.accept(view);
        }
        view.installKeys(scene, togglePresenter == null ? () -> { } : togglePresenter);
        stage.setScene(scene);
        if (owner instanceof Stage o && o.isMaximized()) {
            stage.setMaximized(true);
        }
        stage.setOnHidden(e -> {
            background.shutdownNow();
            diagnostics.shutdownNow();
        });
        stage.show();
        view.requestFocus();
        return stage;
    }

    /** Opens the default comparison with no zoom bound (tests, demos). */
    public static Stage open(Window owner) {
        return open(owner, null, null, null);
    }

    private void applyFields() {
        List<CompareViewModel.Side> which = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            CellType c = cells.get(i).getValue();
            if (c != null) {
                Integer l = layers.get(i).getValue();
                which.add(new CompareViewModel.Side(c, l == null ? 1 : l, both.get(i).isSelected()));
            }
        }
        try {
            Setup base = vm.setup() == null ? CompareViewModel.defaultSetup() : vm.setup();
            Setup s = base.withText(text.getText()).withSeed(Long.parseLong(seed.getText().trim()))
                    .withHiddenSize(Integer.parseInt(hidden.getText().trim()));
            problem.setText("");
            vm.apply(s, which);
        } catch (NumberFormatException e) {
            problem.setText(I18n.get("compare.error.number"));
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
    }

    /** Something shown changed: the fields, the charts, the strips. */
    private void refresh() {
        fillFields();
        CompareViewModel.Charts c = vm.charts();
        stepNorms.update(c.norms());
        stepNorms.setFirstShownSteps(c.firstShown());
        stepNorms.setCurrentStep(c.currentStep());
        vanishing.update(c.vanishing());
        normsReason.setText(c.normsReason() == null ? "" : c.normsReason());
        normsReason.setVisible(c.normsReason() != null);
        vanishingReason.setText(c.vanishingReason() == null ? "" : c.vanishingReason());
        vanishingReason.setVisible(c.vanishingReason() != null);
        fillExportMenu();
        followCursor();
        paintStrips();
    }

    private void fillFields() {
        if (vm.setup() == null) {
            return;
        }
        filling = true;
        try {
            Setup s = vm.setup();
            if (!text.isFocused()) {
                text.setText(s.text());
            }
            if (!seed.isFocused()) {
                seed.setText(Long.toString(s.seed()));
            }
            if (!hidden.isFocused()) {
                hidden.setText(Integer.toString(s.hiddenSize()));
            }
            List<CompareViewModel.Side> sides = vm.sides();
            for (int i = 0; i < cells.size(); i++) {
                CompareViewModel.Side side = i < sides.size() ? sides.get(i) : null;
                cells.get(i).setValue(side == null ? null : side.cell());
                layers.get(i).setValue(side == null ? 1 : side.layers());
                both.get(i).setSelected(side != null && side.bidirectional());
            }
            preset.setValue(Preset.of(sides));
        } finally {
            filling = false;
        }
    }

    private void rebuildStrips() {
        strips.requestLayout();
        strips.getChildren().clear();
        canvases.clear();
        for (int i = 0; i < vm.sessions().size(); i++) {
            Canvas c = new Canvas();
            Pane holder = new Pane(c);
            c.widthProperty().bind(holder.widthProperty());
            c.heightProperty().bind(holder.heightProperty());
            c.widthProperty().addListener((o, a, b) -> paintStrips());
            c.heightProperty().addListener((o, a, b) -> paintStrips());
            canvases.add(c);
            strips.getChildren().add(holder);
        }
        paintStrips();
    }

    /** The lead's time step in view on every strip (they share the columns). */
    /** How many rows side i's strip has: its layers × directions, a one-layer side 1.5 (its text under one row). */
    private double rowsOf(int i) {
        List<CompareViewModel.Side> sides = vm.sides();
        if (i >= sides.size()) {
            return 1;
        }
        CompareViewModel.Side s = sides.get(i);
        return 1 + 0.6 * (s.layers() * (s.bidirectional() ? 2 : 1) - 1) + 0.5;
    }

    private void followCursor() {
        double w = strips.getWidth();
        int lead = vm.lead();
        if (w <= 0 || lead < 0) {
            return;
        }
        CompareStripFigure.Frame f = vm.strip(lead, scale.get(), scrollX);
        if (f == null) {
            return;
        }
        CompareStripFigure.Columns cols = CompareStripFigure.columns(w, f.steps(), scale.get());
        scrollX = CompareStripFigure.scrollToShow(f.currentTime(), cols, w, scrollX);
    }

    private void paintStrips() {
        double w = strips.getWidth();
        int steps = 0;
        for (int i = 0; i < canvases.size() && i < vm.sessions().size(); i++) {
            Canvas canvas = canvases.get(i);
            var gc = canvas.getGraphicsContext2D();
            gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            CompareStripFigure.Frame f = vm.strip(i, scale.get(), scrollX);
            if (f == null || canvas.getWidth() < 10 || canvas.getHeight() < 10) {
                continue;
            }
            steps = Math.max(steps, f.steps());
            gc.save();
            try {
                CompareStripFigure.paint(new FXGraphics2D(gc), new Rectangle2D.Double(0, 0, canvas.getWidth(),
                        canvas.getHeight()), f);
            } finally {
                gc.restore();
            }
        }
        CompareStripFigure.Columns cols = CompareStripFigure.columns(Math.max(1, w), Math.max(1, steps), scale.get());
        scroll.setMax(cols.maxScroll());
        scroll.setVisibleAmount(Math.max(1, w - cols.gutter()));
        scroll.setVisible(cols.maxScroll() > 0);
        if (Math.abs(scroll.getValue() - scrollX) > 0.5) {
            scroll.setValue(scrollX);
        }
    }

    // ---- export: each side, the whole comparison, the charts ----

    /** Side i's strip as it is on screen. */
    public Figure sideFigure(int i) {
        return (g, area) -> {
            CompareStripFigure.Frame f = vm.strip(i, scale.get(), scrollX);
            if (f != null) {
                CompareStripFigure.paint(g, area, f);
            }
        };
    }

    /** The whole comparison as one figure: the title, the strips, then the two overlaid charts. */
    public Figure figure() {
        return (g, area) -> {
            int n = vm.sessions().size();
            double top = area.getHeight() * 0.5;
            double strip = top / Math.max(1, n);
            for (int i = 0; i < n; i++) {
                sideFigure(i).draw(g, new Rectangle2D.Double(area.getX(), area.getY() + i * strip, area.getWidth(), strip));
            }
            chartsFigure().draw(g, new Rectangle2D.Double(area.getX(), area.getY() + top, area.getWidth(),
                    area.getHeight() - top));
        };
    }

    /** The two overlaid charts side by side. */
    public Figure chartsFigure() {
        return (g, area) -> {
            double left = area.getWidth() * 0.45;
            stepNorms.chart().draw(g, new Rectangle2D.Double(area.getX(), area.getY(), left, area.getHeight()));
            vanishing.chart().draw(g, new Rectangle2D.Double(area.getX() + left, area.getY(),
                    area.getWidth() - left, area.getHeight()));
        };
    }

    /** The export menu: every side, the whole comparison, the charts, each as PNG or SVG. */
    private void fillExportMenu() {
        export.getItems().clear();
        for (int i = 0; i < vm.sessions().size(); i++) {
            int side = i;
            String name = vm.label(i);
            export.getItems().add(item(I18n.get("compare.export.side", name, "PNG"), () -> exportSide(side, false)));
            export.getItems().add(item(I18n.get("compare.export.side", name, "SVG"), () -> exportSide(side, true)));
        }
        export.getItems().add(new SeparatorMenuItem());
        export.getItems().add(item(I18n.get("compare.export.all", "PNG"), () -> choose("compare.png", false,
                p -> export(p, false, 2))));
        export.getItems().add(item(I18n.get("compare.export.all", "SVG"), () -> choose("compare.svg", true,
                p -> export(p, true, 1))));
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    private interface Write {
        void to(Path p) throws IOException;
    }

    private void exportSide(int i, boolean svg) {
        choose("compare-side-" + (i + 1) + (svg ? ".svg" : ".png"), svg, p -> writeSide(i, p, svg, 2));
    }

    /** Writes side i's strip at its size on screen. */
    public void writeSide(int i, Path file, boolean svg, int pngScale) throws IOException {
        Canvas c = i < canvases.size() ? canvases.get(i) : null;
        int w = c != null && c.getWidth() > 100 ? (int) c.getWidth() : 1280;
        int h = c != null && c.getHeight() > 40 ? (int) c.getHeight() : 200;
        if (svg) {
            ChartExport.writeSvg(sideFigure(i), file, w, h);
        } else {
            ChartExport.writePng(sideFigure(i), file, w, h, pngScale);
        }
    }

    private void choose(String name, boolean svg, Write write) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(svg ? new FileChooser.ExtensionFilter("SVG", "*.svg")
                : new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            try {
                write.to(f.toPath());
            } catch (IOException | RuntimeException e) {
                problem.setText(I18n.get("charts.export.failed", f.getName(), String.valueOf(e.getMessage())));
                setupToggle.setSelected(true);
            }
        }
    }

    /** Writes the whole comparison (strips and charts) at the window's size. */
    public void export(Path file, boolean svg, int pngScale) throws IOException {
        int w = getWidth() > 100 ? (int) getWidth() : 1280;
        int h = getHeight() > 100 ? (int) getHeight() : 720;
        if (svg) {
            ChartExport.writeSvg(figure(), file, w, h);
        } else {
            ChartExport.writePng(figure(), file, w, h, pngScale);
        }
    }

    public StepNormChart stepNormChart() {
        return stepNorms;
    }

    public VanishingChart vanishingChart() {
        return vanishing;
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    /** The button that leaves compare mode. */
    public Button closeButton() {
        return close;
    }

    /** The strips' canvases, one per side (tests). */
    List<Canvas> canvases() {
        return List.copyOf(canvases);
    }

    /** The button that shows the sides' settings (tests). */
    ToggleButton setupToggle() {
        return setupToggle;
    }

    /** How far the strips are scrolled, px (tests). */
    double scrollOffset() {
        return scrollX;
    }

    /** The title line (tests). */
    Label titleLabel() {
        return title;
    }
}
