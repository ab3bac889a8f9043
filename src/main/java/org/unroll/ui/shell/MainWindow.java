package org.unroll.ui.shell;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
 * The main window: menu and stepping toolbar on top with the title of the current point and a
 * hint line; on the left the lesson and the model panel as tabs; in the centre the unrolled
 * timeline with the formula of the current point under it; on the right the inspector's values
 * and the charts as tabs; a status line at the bottom. The four slots are empty StackPanes that
 * the integrator fills; an empty slot takes no space.
 */
public final class MainWindow {
    /** Where the divider between timeline and formula starts: the timeline keeps most of the height. */
    static final double FORMULA_DIVIDER = 0.56;
    /** Where the side columns start: lesson/model a quarter of the width, values/charts from 69 %. */
    static final double LEFT_DIVIDER = 0.24;
    static final double RIGHT_DIVIDER = 0.69;
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
    private final TabPane leftTabs = new TabPane();
    private final TabPane rightTabs = new TabPane();
    private final Tab lessonTab = new Tab(I18n.get("shell.tab.lesson"));
    private final Tab modelTab = new Tab(I18n.get("model.title"));
    private final Tab valuesTab = new Tab(I18n.get("shell.tab.values"));
    private final Tab chartsTab = new Tab(I18n.get("shell.tab.charts"));
    private final StepperBar stepperBar;
    private final TimelineView timeline;
    private final ModelPanel modelPanel;
    private final ScrollPane modelScroller = new ScrollPane();
    private final SplitPane center = new SplitPane();
    private final SplitPane body = new SplitPane();
    private final Label title = new Label();
    private final Label hint = new Label(I18n.get("shell.hint"));
    private final Label status = new Label();
    private final Label zoomLabel = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label busyLabel = new Label(I18n.get("shell.busy"));
    private final ToggleButton presenter = new ToggleButton(I18n.get("shell.presenter"));
    private final MenuBar menu = new MenuBar();
    private final CheckMenuItem presenterItem = new CheckMenuItem(I18n.get("menu.presenterMode"));
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
        Menu file = new Menu(I18n.get("menu.file"));
        file.getItems().setAll(openItem, saveModelItem, saveSequenceItem, new SeparatorMenuItem(), exportPng, exportSvg,
                new SeparatorMenuItem(), quit);
        Menu view = new Menu(I18n.get("menu.view"));
        presenterItem.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        zoomIn.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        zoomOut.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        zoomReset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        compareItem.setAccelerator(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN));
        // a way out that needs no window manager (a projector's bare X session has no close button)
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        view.getItems().setAll(presenterItem, new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset,
                new SeparatorMenuItem(), compareItem, trainItem, deepItem);
        Menu language = LanguageMenu.create(org.unroll.i18n.LanguageChoice.ofUser(), () -> onLanguageChosen.run(),
                message -> ErrorDialogs.show(window(), message));
        menu.getMenus().setAll(file, view, language);

        busy.getStyleClass().add("busy-indicator");
        busy.setFocusTraversable(false);
        busyLabel.getStyleClass().add("muted");
        presenter.getStyleClass().add("presenter-toggle");
        presenter.setFocusTraversable(false);
        presenter.setTooltip(new Tooltip(I18n.get("shell.presenter.tooltip")));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(stepperBar, spacer, busy, busyLabel, presenter);
        toolbar.getStyleClass().add("main-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);

        title.getStyleClass().add("point-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().addAll("hint-line", "muted");
        VBox heading = new VBox(title, hint);
        heading.getStyleClass().add("heading");
        root.setTop(new VBox(menu, toolbar, heading));

        modelScroller.setContent(modelPanel);
        modelScroller.setFitToWidth(true);
        modelScroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        modelScroller.getStyleClass().add("model-scroller");
        lessonTab.setContent(lessonSlot);
        modelTab.setContent(modelScroller);
        leftTabs.getTabs().setAll(lessonTab, modelTab);
        leftTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        leftTabs.getStyleClass().add("side-tabs");
        leftTabs.setFocusTraversable(false);
        leftTabs.getSelectionModel().select(lessonSlot.getChildren().isEmpty() ? modelTab : lessonTab);
        lessonSlot.getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) c -> {
            if (lessonSlot.getChildren().isEmpty()) {
                leftTabs.getTabs().remove(lessonTab);
            } else if (!leftTabs.getTabs().contains(lessonTab)) {
                leftTabs.getTabs().add(0, lessonTab);
                leftTabs.getSelectionModel().select(lessonTab);
            }
        });
        if (lessonSlot.getChildren().isEmpty()) {
            leftTabs.getTabs().remove(lessonTab);
        }

        // the timeline above, the formula of the current point below, with a divider the teacher can drag
        center.setOrientation(Orientation.VERTICAL);
        center.getStyleClass().add("center-area");
        timeline.setMinHeight(120);
        layoutCenter();
        formulaSlot.getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) c -> layoutCenter());

        // values of the current point and the charts share the right column as tabs
        valuesTab.setContent(inspectorSlot);
        chartsTab.setContent(chartsSlot);
        rightTabs.getTabs().setAll(valuesTab, chartsTab);
        rightTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        rightTabs.getStyleClass().addAll("side-tabs", "right-area");
        rightTabs.setFocusTraversable(false);
        // the three columns share the width through two dividers the user can drag
        body.getStyleClass().add("body-split");
        SplitPane.setResizableWithParent(leftTabs, false);
        SplitPane.setResizableWithParent(rightTabs, false);
        layoutBody();
        root.setCenter(body);

        Region statusSpacer = new Region();
        HBox.setHgrow(statusSpacer, Priority.ALWAYS);
        status.getStyleClass().add("status-text");
        status.setMinWidth(0);
        zoomLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox statusLine = new HBox(status, statusSpacer, zoomLabel);
        statusLine.getStyleClass().add("status-line");
        statusLine.setAlignment(Pos.CENTER_LEFT);
        root.setBottom(statusLine);
    }

    private void initListeners() {
        title.textProperty().bind(stepperVm.titleProperty());
        status.textProperty().bind(Bindings.createStringBinding(
                () -> StatusText.of(session.getWalkthrough(), session.getSetup() == null && session.getScenario() != null
                        ? I18n.get("shell.fromFile", session.getWalkthrough() == null ? "" : session.getWalkthrough().model().label())
                        : null),
                session.walkthroughProperty(), session.setupProperty()));
        zoomLabel.textProperty().bind(Bindings.createStringBinding(() -> StatusText.zoom(zoom.getZoom()), zoom.zoomProperty()));
        busy.visibleProperty().bind(session.busyProperty());
        busyLabel.visibleProperty().bind(session.busyProperty());
        timelineVm.baseScaleProperty().bind(zoom.fontSizeProperty().divide(ZoomModel.BASE_FONT_PX));
        timelineVm.presenterProperty().bind(zoom.presenterProperty());
        session.setupProperty().addListener((o, a, s) -> modelVm.load(s));
        if (session.getSetup() != null) {
            modelVm.load(session.getSetup());
        }
        presenter.selectedProperty().addListener((o, a, on) -> zoom.setPresenter(on));
        presenterItem.selectedProperty().addListener((o, a, on) -> zoom.setPresenter(on));
        zoom.presenterProperty().addListener((o, a, on) -> {
            presenter.setSelected(on);
            presenterItem.setSelected(on);
        });
        // presenter mode gives the room to the timeline and the formula: the side panels step aside
        zoom.presenterProperty().addListener((o, a, on) -> {
            layoutCenter();
            layoutBody();
        });
        javafx.collections.ListChangeListener<javafx.scene.Node> slotsChanged = c -> layoutBody();
        chartsSlot.getChildren().addListener(slotsChanged);
        inspectorSlot.getChildren().addListener(slotsChanged);
        menu.visibleProperty().bind(zoom.presenterProperty().not());
        menu.managedProperty().bind(zoom.presenterProperty().not());
        openItem.setOnAction(e -> files.open(window()));
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
        compareItem.setOnAction(e -> org.unroll.ui.compare.CompareView.open(window()));
        // training in its own window (issue 13); a stepped-into update opens in this window's session
        trainItem.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        trainItem.setOnAction(e -> org.unroll.ui.training.TrainingView.open(window(), session));
        deepItem.setOnAction(e -> org.unroll.ui.grid.GridWalkView.open(window()));
        session.setErrorHandler(message -> ErrorDialogs.show(window(), message));
    }

    /** The columns shown: the side columns step aside in presenter mode, the right one also while it is empty. */
    private void layoutBody() {
        boolean right = !zoom.isPresenter() && !(chartsSlot.getChildren().isEmpty() && inspectorSlot.getChildren().isEmpty());
        boolean left = !zoom.isPresenter();
        java.util.List<javafx.scene.Node> items = new java.util.ArrayList<>();
        if (left) {
            items.add(leftTabs);
        }
        items.add(center);
        if (right) {
            items.add(rightTabs);
        }
        if (!body.getItems().equals(items)) {
            body.getItems().setAll(items);
            if (left && right) {
                body.setDividerPositions(LEFT_DIVIDER, RIGHT_DIVIDER);
            } else if (left) {
                body.setDividerPositions(LEFT_DIVIDER);
            } else if (right) {
                body.setDividerPositions(RIGHT_DIVIDER);
            }
        }
    }

    private void layoutCenter() {
        // in presenter mode the timeline takes the whole height: on a 720-pixel projector it must be read from the back
        if (formulaSlot.getChildren().isEmpty() || zoom.isPresenter()) {
            center.getItems().setAll(timeline);
        } else if (center.getItems().size() != 2) {
            center.getItems().setAll(timeline, formulaSlot);
            center.setDividerPositions(FORMULA_DIVIDER);
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
        if (f == null) {
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
            if (svg) {
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

    /** Where the integrator puts LessonPane(session): the left column's first tab. */
    public StackPane lessonSlot() {
        return lessonSlot;
    }

    /** The left column's tabs (lesson, model). */
    public TabPane leftTabs() {
        return leftTabs;
    }

    /** The right column's tabs (values, charts). */
    public TabPane rightTabs() {
        return rightTabs;
    }

    /** Where the integrator puts InspectorPane(session): the right column's first tab. */
    public StackPane inspectorSlot() {
        return inspectorSlot;
    }

    /** Where the integrator puts FormulaPane(session): the centre, under the timeline. */
    public StackPane formulaSlot() {
        return formulaSlot;
    }

    /** Where the integrator puts the charts: the right column's second tab. */
    public StackPane chartsSlot() {
        return chartsSlot;
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
