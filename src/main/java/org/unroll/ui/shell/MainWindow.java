package org.unroll.ui.shell;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.unroll.figures.TimelineExport;
import org.unroll.figures.TimelineFigure;
import org.unroll.ui.I18n;
import org.unroll.ui.modelpanel.ModelPanel;
import org.unroll.ui.modelpanel.ModelPanelViewModel;
import org.unroll.ui.session.Session;
import org.unroll.ui.stepper.StepKeys;
import org.unroll.ui.stepper.StepperBar;
import org.unroll.ui.stepper.StepperViewModel;
import org.unroll.ui.timeline.TimelineView;
import org.unroll.ui.timeline.TimelineViewModel;

/**
 * The main window, laid out for a 1280 × 720 classroom projector. On top the menu, one toolbar
 * (stepping, the model panel, open, compare, zoom, presenter) and the title of the current
 * point. In the body the unrolled timeline is the main object, with the lesson's narration under
 * it; beside it, at least half the width, the focus: the step's formula, its values or the charts,
 * as tabs, so whichever the moment is about is large. The model settings are a side panel one
 * click away (Model on the toolbar, Ctrl+B) that is closed by default. A status line at the
 * bottom carries the model summary and the keys. The slots are empty StackPanes that the
 * integrator fills; an empty slot takes no space.
 */
public final class MainWindow {
    /** The focus column's share of the body's width: half, and never under {@value #FOCUS_MIN_PX} px. */
    static final double FOCUS_SHARE = 0.5;
    /** The focus column's least width in px: a chart's plot area keeps 560 px beside its axis. */
    static final double FOCUS_MIN_PX = 720;
    /** The least width in px the stage keeps while the model panel is open (the lesson's row fits whole). */
    static final double STAGE_MIN_PX = 340;
    /** The model panel's width in px when it is open. */
    static final double DRAWER_PX = 300;
    private final Session session;
    private final ZoomModel zoom;
    private final StepperViewModel stepperVm;
    private final TimelineViewModel timelineVm;
    private final ModelPanelViewModel modelVm;
    private final ModelFiles files;

    private final BorderPane root = new BorderPane();
    private final StackPane inspectorSlot = slot("inspector-slot");
    private final StackPane formulaSlot = slot("formula-slot");
    private final StackPane chartsSlot = slot("charts-slot");
    private final StackPane lessonSlot = slot("lesson-slot");
    private final TabPane drawer = new TabPane();
    private final TabPane focusTabs = new TabPane();
    private final Tab modelTab = new Tab(I18n.get("model.title"));
    private final Tab formulaTab = new Tab(I18n.get("shell.tab.formula"));
    private final Tab valuesTab = new Tab(I18n.get("shell.tab.values"));
    private final Tab chartsTab = new Tab(I18n.get("shell.tab.charts"));
    private final StepperBar stepperBar;
    private final TimelineView timeline;
    private final ModelPanel modelPanel;
    private final ScrollPane modelScroller = new ScrollPane();
    private final VBox stage = new VBox();
    private final SplitPane body = new SplitPane();
    private final Label title = new Label();
    private final Label hint = new Label(I18n.get("shell.hint"));
    private final Label status = new Label();
    private final Label zoomLabel = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label busyLabel = new Label(I18n.get("shell.busy"));
    private final ToggleButton presenter = new ToggleButton(I18n.get("shell.presenter"));
    private final ToggleButton modelToggle = new ToggleButton(I18n.get("shell.toolbar.model"));
    private final Button openButton = new Button(I18n.get("shell.toolbar.open"));
    /**
     * The toolbar's saving and exports in one menu (one button's width: the toolbar fits 1280 px):
     * the model, its sequence, the timeline as PNG or SVG, and what a pane adds (the lesson's slides).
     */
    private final javafx.scene.control.MenuButton exportButton = new javafx.scene.control.MenuButton(I18n.get("shell.toolbar.save"));
    private final Button compareButton = new Button(I18n.get("shell.toolbar.compare"));
    private final Button trainButton = new Button(I18n.get("train.menu"));
    private final Button zoomOutButton = new Button("−");
    private final Button zoomInButton = new Button("+");
    private final MenuBar menu = new MenuBar();
    private final Menu fileMenu = new Menu(I18n.get("menu.file"));
    private final CheckMenuItem presenterItem = new CheckMenuItem(I18n.get("menu.presenterMode"));
    private final CheckMenuItem modelItem = new CheckMenuItem(I18n.get("shell.menu.modelPanel"));
    private final MenuItem openItem = new MenuItem(I18n.get("menu.openModel"));
    private final MenuItem saveModelItem = new MenuItem(I18n.get("shell.menu.saveModel"));
    private final MenuItem saveSequenceItem = new MenuItem(I18n.get("shell.menu.saveSequence"));
    private final MenuItem exportPng = new MenuItem(I18n.get("shell.menu.exportTimelinePng"));
    private final MenuItem exportSvg = new MenuItem(I18n.get("shell.menu.exportTimelineSvg"));
    private final MenuItem quit = new MenuItem(I18n.get("menu.quit"));
    private final MenuItem zoomIn = new MenuItem(I18n.get("menu.zoomIn"));
    private final MenuItem zoomOut = new MenuItem(I18n.get("menu.zoomOut"));
    private final MenuItem zoomReset = new MenuItem(I18n.get("menu.zoomReset"));
    private final MenuItem compareItem = new MenuItem(I18n.get("compare.menu"));
    private final MenuItem trainItem = new MenuItem(I18n.get("train.menu"));
    private final MenuItem deepItem = new MenuItem(I18n.get("grid.menu"));
    private Runnable onLanguageChosen = () -> { };

    public MainWindow(Session session, ZoomModel zoom) {
        this.session = session;
        this.zoom = zoom;
        this.stepperVm = new StepperViewModel(session);
        this.timelineVm = new TimelineViewModel(session);
        this.modelVm = new ModelPanelViewModel(session::apply);
        this.files = new ModelFiles(session);
        this.stepperBar = new StepperBar(stepperVm);
        this.timeline = new TimelineView(timelineVm);
        this.modelPanel = new ModelPanel(modelVm);
        createView();
        initListeners();
    }

    private void createView() {
        root.getStyleClass().add("main-window");
        URL css = MainWindow.class.getResource("shell.css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
        Menu file = fileMenu;
        file.getItems().setAll(openItem, saveModelItem, saveSequenceItem, new SeparatorMenuItem(), exportPng, exportSvg,
                new SeparatorMenuItem(), quit);
        Menu view = new Menu(I18n.get("menu.view"));
        presenterItem.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        modelItem.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        zoomIn.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        zoomOut.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        zoomReset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        compareItem.setAccelerator(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN));
        // a way out that needs no window manager (a projector's bare X session has no close button)
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        view.getItems().setAll(presenterItem, modelItem, new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset,
                new SeparatorMenuItem(), compareItem, trainItem, deepItem);
        Menu language = LanguageMenu.create(org.unroll.i18n.LanguageChoice.ofUser(), () -> onLanguageChosen.run(),
                message -> ErrorDialogs.show(window(), message));
        menu.getMenus().setAll(file, view, language);

        busy.getStyleClass().add("busy-indicator");
        busy.setFocusTraversable(false);
        busyLabel.getStyleClass().add("muted");
        presenter.getStyleClass().add("presenter-toggle");
        presenter.setTooltip(new Tooltip(I18n.get("shell.presenter.tooltip")));
        modelToggle.setTooltip(new Tooltip(I18n.get("shell.menu.modelPanel") + "  (Ctrl+B)"));
        openButton.setTooltip(new Tooltip(I18n.get("menu.openModel")));
        exportButton.setTooltip(new Tooltip(I18n.get("shell.toolbar.save.tooltip")));
        MenuItem saveModelTool = new MenuItem(I18n.get("shell.menu.saveModel"));
        MenuItem saveSequenceTool = new MenuItem(I18n.get("shell.menu.saveSequence"));
        saveModelTool.setOnAction(e -> saveModelItem.fire());
        saveSequenceTool.setOnAction(e -> saveSequenceItem.fire());
        MenuItem exportPngTool = new MenuItem(I18n.get("shell.menu.exportTimelinePng"));
        MenuItem exportSvgTool = new MenuItem(I18n.get("shell.menu.exportTimelineSvg"));
        exportPngTool.setOnAction(e -> exportPng.fire());
        exportSvgTool.setOnAction(e -> exportSvg.fire());
        exportButton.getItems().setAll(saveModelTool, saveSequenceTool, new SeparatorMenuItem(), exportPngTool, exportSvgTool);
        exportButton.setFocusTraversable(false);
        exportButton.setMinWidth(Region.USE_PREF_SIZE);
        exportButton.getStyleClass().add("toolbar-button");
        compareButton.setTooltip(new Tooltip(I18n.get("compare.menu") + "  (Ctrl+M)"));
        zoomOutButton.setTooltip(new Tooltip(I18n.get("menu.zoomOut") + "  (Ctrl −)"));
        zoomInButton.setTooltip(new Tooltip(I18n.get("menu.zoomIn") + "  (Ctrl +)"));
        for (javafx.scene.control.ButtonBase b : java.util.List.of(presenter, modelToggle, openButton, compareButton,
                trainButton, zoomOutButton, zoomInButton)) {
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add("toolbar-button");
        }
        busyLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox zoomButtons = new HBox(zoomOutButton, zoomInButton);
        zoomButtons.getStyleClass().add("zoom-buttons");
        HBox toolbar = new HBox(stepperBar, spacer, busy, busyLabel, modelToggle, openButton, exportButton, compareButton,
                trainButton, zoomButtons, presenter);
        toolbar.getStyleClass().add("main-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);

        title.getStyleClass().add("point-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox heading = new VBox(title);
        heading.getStyleClass().add("heading");
        root.setTop(new VBox(menu, toolbar, heading));

        // the model settings: a side panel one click away, closed by default
        modelScroller.setContent(modelPanel);
        modelScroller.setFitToWidth(true);
        modelScroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        modelScroller.getStyleClass().add("model-scroller");
        modelTab.setContent(modelScroller);
        drawer.getTabs().setAll(modelTab);
        drawer.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        drawer.getStyleClass().addAll("side-tabs", "drawer");
        drawer.setFocusTraversable(false);

        // the stage: the timeline takes what the lesson's narration leaves
        stage.getStyleClass().add("stage-area");
        timeline.setMinHeight(120);
        // a small preferred height, so that the VBox gives the narration its height first and the timeline the rest
        timeline.setPrefHeight(160);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        VBox.setVgrow(lessonSlot, Priority.NEVER);
        stage.getChildren().setAll(timeline, lessonSlot);
        stage.setMinWidth(240);

        // the focus: the step's formula, its values, the charts, large beside the timeline
        formulaTab.setContent(formulaSlot);
        valuesTab.setContent(inspectorSlot);
        chartsTab.setContent(chartsSlot);
        focusTabs.getTabs().setAll(formulaTab, valuesTab, chartsTab);
        focusTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        focusTabs.getStyleClass().addAll("side-tabs", "focus-area");
        focusTabs.setFocusTraversable(false);
        body.getStyleClass().add("body-split");
        SplitPane.setResizableWithParent(drawer, false);
        layoutBody();
        body.widthProperty().addListener((o, a, w) -> placeDividers());
        root.setCenter(body);

        Region statusSpacer = new Region();
        HBox.setHgrow(statusSpacer, Priority.ALWAYS);
        status.getStyleClass().add("status-text");
        status.setMinWidth(Region.USE_PREF_SIZE);
        hint.getStyleClass().addAll("hint-line", "muted");
        hint.setMinWidth(0);
        zoomLabel.setMinWidth(Region.USE_PREF_SIZE);
        // the key hint only where it fits whole, never cut to "…"
        HBox statusLine = new HBox(12, status, statusSpacer, hint, zoomLabel) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                hint.setVisible(!zoom.isPresenter() && hint.getWidth() + 0.5 >= hint.prefWidth(-1));
            }
        };
        statusLine.getStyleClass().add("status-line");
        statusLine.setAlignment(Pos.CENTER_LEFT);
        root.setBottom(statusLine);
    }

    /** The focus's share of the width beside a grid. */
    static final double GRID_FOCUS_SHARE = 0.34;

    private void initListeners() {
        title.textProperty().bind(stepperVm.titleProperty());
        status.textProperty().bind(Bindings.createStringBinding(
                () -> session.getGridWalk() != null
                        ? org.unroll.ui.grid.GridStatus.of(session.getGridWalk(), session.getSetup() == null ? I18n.get("shell.fromFile", "") : null)
                        : StatusText.of(session.getWalkthrough(), session.getSetup() == null && session.getScenario() != null
                        ? I18n.get("shell.fromFile", session.getWalkthrough() == null ? "" : session.getWalkthrough().model().label())
                        : null, session.diagnosticsFailureProperty().get()),
                session.walkthroughProperty(), session.setupProperty(), session.diagnosticsFailureProperty(),
                session.gridWalkProperty()));
        // a grid keeps readable rows and scrolls them up and down (TimelineViewModel), so the timeline
        // takes what the lesson row leaves, as for one layer: the question, its options and Next stay on screen
        session.gridWalkProperty().addListener((o, a, g) -> {
            if ((a == null) != (g == null)) {
                placeDividers();
            }
        });
        zoomLabel.textProperty().bind(Bindings.createStringBinding(() -> StatusText.zoom(zoom.getZoom()), zoom.zoomProperty()));
        busy.visibleProperty().bind(session.busyProperty());
        timelineVm.baseScaleProperty().bind(zoom.fontSizeProperty().divide(ZoomModel.BASE_FONT_PX));
        timelineVm.presenterProperty().bind(zoom.presenterProperty());
        // the panel shows what is on screen: the setup, or the model opened from files (published last, with its walk)
        session.setupProperty().addListener((o, a, s) -> modelVm.load(s));
        session.walkthroughProperty().addListener((o, a, w) -> showOpenedInPanel());
        session.gridWalkProperty().addListener((o, a, g) -> showOpenedInPanel());
        if (session.getSetup() != null) {
            modelVm.load(session.getSetup());
        } else {
            showOpenedInPanel();
        }
        modelVm.setOnOpenedEdited(m -> {
            if (m.grid() != null) {
                session.open(m.grid());
            } else {
                session.open(m.scenario(), m.learningRate());
            }
        });
        presenter.selectedProperty().addListener((o, a, on) -> zoom.setPresenter(on));
        presenterItem.selectedProperty().addListener((o, a, on) -> zoom.setPresenter(on));
        zoom.presenterProperty().addListener((o, a, on) -> {
            presenter.setSelected(on);
            presenterItem.setSelected(on);
        });
        // presenter mode keeps the timeline, the narration and the focus; the model panel and the menu step aside
        zoom.presenterProperty().addListener((o, a, on) -> layoutBody());
        modelToggle.selectedProperty().addListener((o, a, on) -> {
            modelItem.setSelected(on);
            layoutBody();
        });
        modelItem.selectedProperty().addListener((o, a, on) -> modelToggle.setSelected(on));
        javafx.collections.ListChangeListener<javafx.scene.Node> slotsChanged = c -> layoutBody();
        chartsSlot.getChildren().addListener(slotsChanged);
        inspectorSlot.getChildren().addListener(slotsChanged);
        formulaSlot.getChildren().addListener(slotsChanged);
        // presenting, the height goes to the timeline and the focus: the status line steps aside as the menu does
        root.getBottom().visibleProperty().bind(zoom.presenterProperty().not());
        root.getBottom().managedProperty().bind(zoom.presenterProperty().not());
        menu.visibleProperty().bind(zoom.presenterProperty().not());
        menu.managedProperty().bind(zoom.presenterProperty().not());
        // presenter mode: the toolbar keeps what the room needs (stepping, compare, zoom, presenter)
        for (Node n : new Node[] {modelToggle, openButton, exportButton, trainButton, busyLabel,
                stepperBar.lookup(".speed-label")}) {
            if (n != null) {
                n.visibleProperty().bind(zoom.presenterProperty().not());
                n.managedProperty().bind(zoom.presenterProperty().not());
            }
        }
        busyLabel.visibleProperty().unbind();
        busyLabel.visibleProperty().bind(session.busyProperty().and(zoom.presenterProperty().not()));
        openItem.setOnAction(e -> files.open(window()));
        openButton.setOnAction(e -> files.open(window()));
        modelPanel.openButton().setOnAction(e -> files.open(window()));
        saveModelItem.setOnAction(e -> files.saveModel(window()));
        modelPanel.saveButton().setOnAction(e -> {
            files.saveModel(window());
            files.saveSequence(window());
        });
        saveSequenceItem.setOnAction(e -> files.saveSequence(window()));
        exportPng.setOnAction(e -> export(false));
        exportSvg.setOnAction(e -> export(true));
        quit.setOnAction(e -> Platform.exit());
        zoomIn.setOnAction(e -> zoom.zoomIn());
        zoomOut.setOnAction(e -> zoom.zoomOut());
        zoomReset.setOnAction(e -> zoom.resetZoom());
        zoomInButton.setOnAction(e -> zoom.zoomIn());
        zoomOutButton.setOnAction(e -> zoom.zoomOut());
        zoomInButton.disableProperty().bind(zoom.canZoomInProperty().not());
        zoomOutButton.disableProperty().bind(zoom.canZoomOutProperty().not());
        // compare mode over this window: the same zoom and presenter mode, F5 toggles it there too
        compareItem.setOnAction(e -> org.unroll.ui.compare.CompareView.open(window(),
                scene -> ZoomSceneBinder.bind(zoom, scene),
                view -> {
                    view.scaleProperty().bind(zoom.fontSizeProperty().divide(ZoomModel.BASE_FONT_PX));
                    view.presenterProperty().bind(zoom.presenterProperty());
                }, zoom::togglePresenter));
        compareButton.setOnAction(e -> compareItem.fire());
        // training in its own window (issue 13); a stepped-into update opens in this window's session
        trainItem.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        trainItem.setOnAction(e -> org.unroll.ui.training.TrainingView.open(window(), session));
        trainButton.setOnAction(e -> trainItem.fire());
        deepItem.setOnAction(e -> org.unroll.ui.grid.GridWalkView.open(window()));
        session.setErrorHandler(message -> ErrorDialogs.show(window(), message));
    }

    /** Shows the model opened from files in the panel when no setup describes what is on screen. */
    private void showOpenedInPanel() {
        if (session.getSetup() != null) {
            return;
        }
        if (session.getScenario() != null && session.getWalkthrough() != null) {
            modelVm.showOpened(new org.unroll.ui.modelpanel.OpenedModel(session.getScenario(), null,
                    session.getWalkthrough().learningRate()));
        } else if (session.getGridScenario() != null && session.getGridWalk() != null) {
            modelVm.showOpened(new org.unroll.ui.modelpanel.OpenedModel(null, session.getGridScenario(),
                    modelVm.opened() != null ? modelVm.opened().learningRate() : org.unroll.task.Setup.JEEP.learningRate()));
        }
    }

    /** The columns shown: the model panel when asked for and not presenting, the stage, the focus while it has content. */
    private void layoutBody() {
        boolean focus = !(chartsSlot.getChildren().isEmpty() && inspectorSlot.getChildren().isEmpty()
                && formulaSlot.getChildren().isEmpty());
        boolean side = modelToggle.isSelected() && !zoom.isPresenter();
        java.util.List<javafx.scene.Node> items = new java.util.ArrayList<>();
        if (side) {
            items.add(drawer);
        }
        items.add(stage);
        if (focus) {
            items.add(focusTabs);
        }
        if (!body.getItems().equals(items)) {
            body.getItems().setAll(items);
            placeDividers();
        }
    }

    /** The focus keeps half the width (at least {@value #FOCUS_MIN_PX} px); an open model panel takes its room from the stage. */
    private void placeDividers() {
        double w = body.getWidth() > 0 ? body.getWidth() : 1280;
        // a grid's many rows and steps need the width more than the values beside them do
        double focusShare = session.getGridWalk() != null ? GRID_FOCUS_SHARE
                : Math.min(0.7, Math.max(FOCUS_SHARE, FOCUS_MIN_PX / w));
        double drawerShare = Math.min(0.3, DRAWER_PX / w);
        java.util.List<javafx.scene.Node> items = body.getItems();
        boolean side = items.contains(drawer);
        boolean focus = items.contains(focusTabs);
        if (side && focus) {
            // the open panel takes its room from the focus too, so the stage keeps STAGE_MIN_PX
            double focusPx = Math.min(focusShare * w, w - DRAWER_PX - STAGE_MIN_PX);
            body.setDividerPositions(drawerShare, 1 - Math.max(0.3, focusPx / w));
        } else if (side) {
            body.setDividerPositions(drawerShare);
        } else if (focus) {
            body.setDividerPositions(1 - focusShare);
        }
    }

    /** Applies zoom and presenter mode to the scene and puts the stepping keys on it. */
    public void install(Scene scene) {
        ZoomSceneBinder.bind(zoom, scene);
        // start with the focus on the timeline, not on the first control of the panel
        Platform.runLater(() -> timeline.canvas().requestFocus());
        StepKeys.install(scene, stepperVm, new StepKeys.Presenter() {
            @Override
            public void toggle() {
                zoom.togglePresenter();
            }

            @Override
            public void off() {
                zoom.setPresenter(false);
            }
        });
    }

    private void export(boolean svg) {
        TimelineFigure.Frame f = timelineVm.getFrame();
        org.unroll.figures.GridTimelineFigure.Frame grid = timelineVm.getGridFrame();
        if (f == null && grid == null) {
            return;
        }
        FileChooser c = new FileChooser();
        c.setTitle(I18n.get(svg ? "shell.menu.exportTimelineSvg" : "shell.menu.exportTimelinePng"));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(svg ? "SVG" : "PNG", svg ? "*.svg" : "*.png"));
        c.setInitialFileName(svg ? "timeline.svg" : "timeline.png");
        File out = c.showSaveDialog(window());
        if (out == null) {
            return;
        }
        int w = (int) Math.max(200, timelineVm.viewportWidth());
        int h = (int) Math.max(200, timelineVm.viewportHeight());
        Integer scale = 1;
        if (!svg) {
            // slides want more pixels than the screen: the PNG's pixel density, 1× to 4×
            ChoiceDialog<Integer> ask = new ChoiceDialog<>(2, 1, 2, 3, 4);
            ask.initOwner(window());
            ask.setTitle(I18n.get("shell.menu.exportTimelinePng"));
            ask.setHeaderText(null);
            ask.setContentText(I18n.get("charts.export.scale"));
            scale = ask.showAndWait().orElse(null);
            if (scale == null) {
                return;
            }
        }
        try {
            if (grid != null) {
                // a grid: the whole of it (every step, every row), not only the part scrolled into view
                java.awt.Dimension whole = TimelineExport.wholeGrid(grid, w, h);
                if (svg) {
                    TimelineExport.writeSvg(grid, whole.width, whole.height, out.toPath());
                } else {
                    TimelineExport.writePng(grid.unscrolled(), whole.width, whole.height, scale, out.toPath());
                }
            } else if (svg) {
                TimelineExport.writeSvg(f, w, h, out.toPath());
            } else {
                TimelineExport.writePng(f, w, h, scale, out.toPath());
            }
        } catch (IOException | RuntimeException ex) {
            ErrorDialogs.show(window(), ex);
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static StackPane slot(String styleClass) {
        StackPane p = new StackPane();
        p.getStyleClass().addAll("slot", styleClass);
        BooleanBinding filled = Bindings.isNotEmpty(p.getChildren());
        p.visibleProperty().bind(filled);
        p.managedProperty().bind(filled);
        return p;
    }

    /** What to do after the Language menu switched the language: the integrator rebuilds the window's views. */
    public void setOnLanguageChosen(Runnable r) {
        onLanguageChosen = r == null ? () -> { } : r;
    }

    public Parent root() {
        return root;
    }

    /** Adds {@code item} to the File menu after the exports (the lesson pane's "Export lesson as slides…"). */
    public void addFileExport(MenuItem item) {
        int at = fileMenu.getItems().indexOf(exportSvg);
        fileMenu.getItems().add(at < 0 ? fileMenu.getItems().size() : at + 1, item);
        // and on the toolbar's Export
        MenuItem tool = new MenuItem();
        tool.textProperty().bind(item.textProperty());
        tool.disableProperty().bind(item.disableProperty());
        tool.setOnAction(e -> item.fire());
        exportButton.getItems().add(tool);
    }

    /** Where the integrator puts LessonPane(session): under the timeline, as high as its narration needs. */
    public StackPane lessonSlot() {
        return lessonSlot;
    }

    /** The side panel's tabs (the model; a mode of its own, such as training, can add a tab). */
    public TabPane sideTabs() {
        return drawer;
    }

    /** The focus's tabs (formula, values, charts). */
    public TabPane focusTabs() {
        return focusTabs;
    }

    /** Opens or closes the model side panel. */
    public void showModelPanel(boolean on) {
        modelToggle.setSelected(on);
    }

    /** Whether the model side panel is open. */
    public boolean isModelPanelShown() {
        return modelToggle.isSelected();
    }

    /** Brings the formula (the step's detail), the values or the charts to the front of the focus. */
    public void showFocus(Focus f) {
        focusTabs.getSelectionModel().select(switch (f) {
            case FORMULA -> formulaTab;
            case VALUES -> valuesTab;
            case CHARTS -> chartsTab;
        });
    }

    /** What the focus beside the timeline can show. */
    public enum Focus { FORMULA, VALUES, CHARTS }

    /** Where the integrator puts InspectorPane(session): the focus's values tab. */
    public StackPane inspectorSlot() {
        return inspectorSlot;
    }

    /** Where the integrator puts FormulaPane(session): the focus's first tab. */
    public StackPane formulaSlot() {
        return formulaSlot;
    }

    /** Where the integrator puts the charts: the focus's charts tab. */
    public StackPane chartsSlot() {
        return chartsSlot;
    }

    /** The toolbar's Save menu (the model, its sequence, the timeline's PNG and SVG, the lesson's slides). */
    public javafx.scene.control.MenuButton exportMenu() {
        return exportButton;
    }

    public Label titleLabel() {
        return title;
    }

    public Label statusLabel() {
        return status;
    }

    public StepperBar stepperBar() {
        return stepperBar;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public ModelPanel modelPanel() {
        return modelPanel;
    }

    public ZoomModel zoom() {
        return zoom;
    }

    public StepperViewModel stepper() {
        return stepperVm;
    }
}
