package org.unroll.ui.lesson;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonLibrary;
import org.unroll.ui.session.Session;

/**
 * The lesson side panel: a lesson chooser, the title, the narration in large type, "Step k
 * of n", Previous and Next, and "Open lesson file…". Each step drives the session: its setup
 * through {@link Session#apply}, its cursor through {@link Session#moveTo}.
 */
public final class LessonPane extends VBox {
    private final LessonViewModel model;

    public LessonPane(Session session) {
        this(session, LessonLibrary.load(problem -> System.err.println("unroll: lesson " + problem)));
    }

    public LessonPane(Session session, List<Lesson> lessons) {
        model = new LessonViewModel(session);
        getStyleClass().add("lesson-pane");
        setSpacing(10);
        setPadding(new Insets(12));
        setPrefWidth(380);
        setMinWidth(260);

        ComboBox<Lesson> chooser = new ComboBox<>(model.lessons());
        chooser.setMaxWidth(Double.MAX_VALUE);
        chooser.getStyleClass().add("lesson-chooser");
        chooser.setCellFactory(v -> new LessonCell());
        chooser.setButtonCell(new LessonCell());
        chooser.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != model.lessonProperty().get()) {
                model.choose(now);
            }
        });
        model.lessonProperty().addListener((o, was, now) -> chooser.setValue(now));
        model.languageProperty().addListener((o, was, now) -> {
            Lesson l = chooser.getValue();
            chooser.setButtonCell(new LessonCell());
            chooser.setValue(l);
        });

        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.setWrapText(true);
        title.getStyleClass().add("lesson-title");
        title.styleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> titleStyle(model.languageProperty().get()), model.languageProperty()));

        Label narration = new Label();
        narration.textProperty().bind(model.narrationProperty());
        narration.setWrapText(true);
        narration.getStyleClass().add("lesson-narration");
        narration.setStyle("-fx-font-size: 1.35em; -fx-line-spacing: 0.25em;");
        narration.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(narration);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lesson-narration-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label step = new Label();
        step.textProperty().bind(model.stepLabelProperty());
        step.getStyleClass().add("lesson-step");

        Button previous = new Button();
        Button next = new Button();
        Button open = new Button();
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
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, step, gap, previous, next);
        buttons.setStyle("-fx-alignment: center-left;");

        Runnable words = () -> {
            Lang l = model.languageProperty().get();
            previous.setText(LessonTexts.previous(l));
            next.setText(LessonTexts.next(l));
            open.setText(LessonTexts.open(l));
            back.setText(LessonTexts.backToLesson(l));
        };
        words.run();
        model.languageProperty().addListener((o, was, now) -> words.run());

        getChildren().addAll(new HBox(8, chooser, open), title, new QuestionBox(model), scroll, back, buttons);
        HBox.setHgrow(chooser, Priority.ALWAYS);
        model.setLessons(new ArrayList<>(lessons));
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

    private final class LessonCell extends ListCell<Lesson> {
        @Override
        protected void updateItem(Lesson item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title().get(model.languageProperty().get()));
        }
    }

    /**
     * The lesson title's style: large and bold. JavaFX draws Chinese through a fallback font in its
     * regular weight, so a Chinese title names a CJK family that has a bold face, when one is installed.
     */
    static String titleStyle(org.unroll.lesson.Lang lang) {
        String base = "-fx-font-size: 1.5em; -fx-font-weight: bold;";
        if (lang == null || lang == org.unroll.lesson.Lang.EN) {
            return base;
        }
        String family = lang == org.unroll.lesson.Lang.ZH_TW ? "Noto Sans CJK TC" : "Noto Sans CJK SC";
        return javafx.scene.text.Font.getFamilies().contains(family) ? base + " -fx-font-family: \"" + family + "\";" : base;
    }
}
