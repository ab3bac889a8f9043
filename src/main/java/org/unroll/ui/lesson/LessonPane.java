package org.unroll.ui.lesson;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonLibrary;
import org.unroll.ui.session.Session;

/**
 * The lesson, under the timeline: the title, the narration in large type (as high as it needs,
 * so a step of six lines reads without scrolling), and one row with the numbered lesson chooser,
 * "Open lesson file…", "Step k of n", Previous and Next. Each step drives the session: its setup
 * through {@link Session#apply}, its cursor through {@link Session#moveTo}.
 */
public final class LessonPane extends VBox {
    private final LessonViewModel model;
    /** Slides are built on the thread the window gives (and shuts down when it closes). */
    private final SlideExport slides;
    /** The export's progress and its last word, in the pane's row; hidden when the student moves on. */
    private final javafx.scene.control.ProgressBar exportBar = new javafx.scene.control.ProgressBar();
    private final Label exportStatus = new Label();

    public LessonPane(Session session, List<Lesson> lessons, java.util.concurrent.Executor slidesThread) {
        this.slides = new SlideExport(slidesThread, javafx.application.Platform::runLater);
        model = new LessonViewModel(session);
        getStyleClass().add("lesson-pane");
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));
        setMinWidth(240);

        // the chooser says "Lesson 3/12", which always fits; its menu lists the lessons numbered
        MenuButton chooser = new MenuButton();
        chooser.getStyleClass().add("lesson-chooser");
        chooser.setMinWidth(Region.USE_PREF_SIZE);
        chooser.setFocusTraversable(false);
        Runnable fillChooser = () -> {
            Lang l = model.languageProperty().get();
            List<MenuItem> items = new ArrayList<>();
            for (int i = 0; i < model.lessons().size(); i++) {
                Lesson lesson = model.lessons().get(i);
                MenuItem item = new MenuItem((i + 1) + " · " + lesson.title().get(l));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> {
                    if (lesson != model.lessonProperty().get()) {
                        model.choose(lesson);
                    }
                });
                items.add(item);
            }
            chooser.getItems().setAll(items);
            Lesson now = model.lessonProperty().get();
            chooser.setText(now == null ? "" : LessonTexts.lessonOf(l, model.lessons().indexOf(now) + 1, model.lessonCountProperty().get()));
        };
        model.lessonProperty().addListener((o, was, now) -> fillChooser.run());
        model.languageProperty().addListener((o, was, now) -> fillChooser.run());
        model.lessons().addListener((javafx.collections.ListChangeListener<Lesson>) c -> fillChooser.run());
        model.lessonCountProperty().addListener((o, was, now) -> fillChooser.run());

        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.getStyleClass().add("lesson-title");
        // the size comes from the stylesheet (.lesson-title, smaller when presenting); the weight and CJK face from here
        title.styleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> titleStyle(model.languageProperty().get()), model.languageProperty()));

        Label narration = new Label();
        narration.textProperty().bind(model.narrationProperty());
        narration.setWrapText(true);
        narration.getStyleClass().add("lesson-narration");
        narration.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(narration);
        // while a question waits, the step is held back: the question box says what to do, the narration steps aside
        scroll.visibleProperty().bind(model.awaitingAnswerProperty().not());
        scroll.managedProperty().bind(scroll.visibleProperty());
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-narration-scroll");
        // as high as the narration at the width it has: it scrolls only when the window cannot give that much
        Runnable fit = () -> {
            double w = scroll.getViewportBounds().getWidth();
            double h = Math.ceil(narration.prefHeight(w));
            if (w > 0 && h != scroll.getPrefViewportHeight()) {
                scroll.setPrefViewportHeight(h);
                // a pane already marked for layout does not tell its parents: ask every one of them
                for (javafx.scene.Parent p = scroll; p != null; p = p.getParent()) {
                    p.requestLayout();
                }
            }
        };
        scroll.viewportBoundsProperty().addListener((o, a, b) -> fit.run());
        narration.textProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(fit));
        narration.fontProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(fit));

        Label step = new Label();
        step.textProperty().bind(model.stepLabelProperty());
        step.getStyleClass().add("lesson-step");

        Button previous = new Button();
        Button next = new Button();
        Button open = new Button();
        open.setMinWidth(Region.USE_PREF_SIZE);
        previous.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);
        step.setMinWidth(Region.USE_PREF_SIZE);
        previous.disableProperty().bind(model.canPreviousProperty().not());
        next.disableProperty().bind(model.canNextProperty().not());
        previous.setOnAction(e -> model.previous());
        next.setOnAction(e -> model.next());
        next.setDefaultButton(true);
        open.setOnAction(e -> openFile());
        Button back = new Button();
        back.visibleProperty().bind(model.driftedProperty());
        back.managedProperty().bind(model.driftedProperty());
        back.setOnAction(e -> model.replay());
        // one row; on a narrow column the stepping group wraps under the chooser rather than being cut
        HBox choose = new HBox(8, chooser, open);
        HBox stepping = new HBox(8, step, previous, next);
        exportBar.progressProperty().bind(slides.progressProperty());
        exportBar.visibleProperty().bind(slides.runningProperty());
        exportBar.managedProperty().bind(slides.runningProperty());
        exportBar.setPrefWidth(120);
        exportStatus.textProperty().bind(slides.statusProperty());
        exportStatus.getStyleClass().add("muted");
        exportStatus.setVisible(false);
        exportStatus.managedProperty().bind(exportStatus.visibleProperty());
        slides.statusProperty().addListener((o, was, now) -> exportStatus.setVisible(!now.isEmpty()));
        model.stepIndexProperty().addListener((o, was, now) -> exportStatus.setVisible(slides.runningProperty().get()));
        HBox exporting = new HBox(8, exportBar, exportStatus);
        exporting.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        choose.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        stepping.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(24, 6, choose, stepping, exporting);
        // presenting, the room needs the steps, not the chooser: the teacher picks a lesson before
        choose.visibleProperty().bind(presenting.not());
        choose.managedProperty().bind(presenting.not());
        sceneProperty().addListener((o, was, now) -> watchPresenter(now));
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Runnable words = () -> {
            Lang l = model.languageProperty().get();
            previous.setText(LessonTexts.previous(l));
            next.setText(LessonTexts.next(l));
            open.setText("⋯");
            open.setTooltip(new javafx.scene.control.Tooltip(LessonTexts.open(l)));
            back.setText(LessonTexts.backToLesson(l));
        };
        words.run();
        model.languageProperty().addListener((o, was, now) -> words.run());

        // a step that trains shows how far the training is (it runs in the background; moving on cancels it)
        javafx.scene.control.ProgressBar trainingBar = new javafx.scene.control.ProgressBar();
        trainingBar.progressProperty().bind(model.trainingDoneProperty());
        trainingBar.setPrefWidth(160);
        Label trainingText = new Label();
        trainingText.textProperty().bind(model.trainingProperty());
        trainingText.getStyleClass().add("lesson-training");
        HBox trainingRow = new HBox(8, trainingBar, trainingText);
        trainingRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        trainingRow.visibleProperty().bind(model.trainingProperty().isNotEmpty());
        trainingRow.managedProperty().bind(trainingRow.visibleProperty());

        getChildren().addAll(title, new QuestionBox(model), scroll, trainingRow, back, buttons);
        model.setLessons(new ArrayList<>(lessons));
    }

    private final javafx.beans.property.BooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty(this, "presenting");
    private final javafx.collections.ListChangeListener<String> rootClasses =
            c -> presenting.set(c.getList().contains("presenter"));

    /** Follows the presenter class on the scene's root (set by the window's zoom model). */
    private void watchPresenter(javafx.scene.Scene scene) {
        if (scene == null) {
            return;
        }
        java.util.function.Consumer<javafx.scene.Parent> watch = root -> {
            if (root != null) {
                root.getStyleClass().removeListener(rootClasses);
                root.getStyleClass().addListener(rootClasses);
                presenting.set(root.getStyleClass().contains("presenter"));
            }
        };
        watch.accept(scene.getRoot());
        scene.rootProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.getStyleClass().removeListener(rootClasses);
            }
            watch.accept(now);
        });
    }

    /**
     * File › Export lesson as slides…: asks where (proposing the lesson's id as the name), then
     * builds and writes the deck off the UI thread, the progress in the pane's row.
     */
    public MenuItem exportSlidesItem() {
        MenuItem item = new MenuItem(LessonTexts.exportSlides(model.languageProperty().get()));
        model.languageProperty().addListener((o, was, now) -> item.setText(LessonTexts.exportSlides(now)));
        item.disableProperty().bind(model.lessonProperty().isNull().or(slides.runningProperty()));
        item.setOnAction(e -> exportSlides());
        return item;
    }

    private void exportSlides() {
        Lesson lesson = model.lessonProperty().get();
        if (lesson == null) {
            return;
        }
        Lang l = model.languageProperty().get();
        FileChooser c = new FileChooser();
        c.setTitle(LessonTexts.exportSlides(l));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(LessonTexts.slideFiles(l), "*.pdf"));
        c.setInitialFileName(SlideExport.defaultName(lesson, l));
        File out = c.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (out != null) {
            slides.export(lesson, l, out.toPath());
        }
    }

    /** The slide export's state (for tests and the File menu). */
    public SlideExport slides() {
        return slides;
    }

    /** The panel's state: for key bindings (a clicker's Page Down → {@code model().next()}) and the language menu. */
    public LessonViewModel model() {
        return model;
    }

    private void openFile() {
        Lang l = model.languageProperty().get();
        FileChooser fc = new FileChooser();
        fc.setTitle(LessonTexts.open(l));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(LessonTexts.lessonFiles(l), "*.lesson"));
        Path dir = LessonLibrary.folder();
        if (dir != null) {
            fc.setInitialDirectory(dir.toAbsolutePath().toFile());
        }
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        String error = model.open(f.toPath());
        if (error != null) {
            Alert a = new Alert(Alert.AlertType.ERROR);
            a.setTitle(LessonTexts.openFailed(l));
            a.setHeaderText(LessonTexts.openFailed(l));
            a.setContentText(error);
            if (getScene() != null) {
                a.initOwner(getScene().getWindow());
            }
            a.showAndWait();
        }
    }

    /**
     * The lesson title's style: large and bold. JavaFX draws Chinese through a fallback font in its
     * regular weight, so a Chinese title names a CJK family that has a bold face, when one is installed.
     */
    static String titleStyle(org.unroll.lesson.Lang lang) {
        String base = "-fx-font-weight: bold;";
        if (lang == null || lang == org.unroll.lesson.Lang.EN) {
            return base;
        }
        String family = lang == org.unroll.lesson.Lang.ZH_TW ? "Noto Sans CJK TC" : "Noto Sans CJK SC";
        return javafx.scene.text.Font.getFamilies().contains(family) ? base + " -fx-font-family: \"" + family + "\";" : base;
    }
}
