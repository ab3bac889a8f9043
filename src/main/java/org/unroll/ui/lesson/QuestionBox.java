package org.unroll.ui.lesson;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.unroll.lesson.Lang;

/**
 * A step's question in the lesson panel: the question, its options as buttons (or a field
 * for a number and Check), Show answer, and after an answer the verdict with the
 * explanation. Hidden when the step asks nothing. All state is in {@link LessonViewModel}.
 */
final class QuestionBox extends VBox {

    QuestionBox(LessonViewModel model) {
        getStyleClass().add("lesson-question");
        setSpacing(8);
        setStyle("-fx-padding: 8; -fx-border-color: -fx-accent; -fx-border-radius: 4; -fx-background-radius: 4;");
        visibleProperty().bind(model.questionProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());

        Label ask = new Label();
        ask.textProperty().bind(model.questionProperty());
        ask.setWrapText(true);
        ask.setMinHeight(Region.USE_PREF_SIZE);
        ask.getStyleClass().add("lesson-question-ask");
        ask.setStyle("-fx-font-size: 1.35em; -fx-font-weight: bold;");

        // one option a line, each wrapping inside the box: a long option never widens the pane
        VBox choices = new VBox(6);
        choices.setFillWidth(false);
        TextField number = new TextField();
        number.getStyleClass().add("lesson-question-number");
        number.setPrefColumnCount(8);
        Button check = new Button();
        check.getStyleClass().add("lesson-question-check");
        HBox numberRow = new HBox(8, number, check);
        Button reveal = new Button();
        reveal.getStyleClass().add("lesson-question-reveal");
        reveal.visibleProperty().bind(model.awaitingAnswerProperty());
        reveal.managedProperty().bind(reveal.visibleProperty());
        check.setOnAction(e -> model.answerNumber(number.getText()));
        number.setOnAction(e -> model.answerNumber(number.getText()));
        reveal.setOnAction(e -> model.reveal());
        choices.disableProperty().bind(model.awaitingAnswerProperty().not());
        numberRow.disableProperty().bind(model.awaitingAnswerProperty().not());

        Label verdict = new Label();
        verdict.textProperty().bind(model.verdictProperty());
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("lesson-question-verdict");
        verdict.setStyle("-fx-font-size: 1.2em;");
        verdict.visibleProperty().bind(model.verdictProperty().isNotEmpty());
        verdict.managedProperty().bind(verdict.visibleProperty());

        Runnable rebuild = () -> {
            choices.getChildren().clear();
            for (int i = 0; i < model.options().size(); i++) {
                int k = i + 1;
                Button b = new Button(k + ". " + model.options().get(i));
                b.getStyleClass().add("lesson-question-option");
                b.setWrapText(true);
                b.setMinWidth(0);
                b.maxWidthProperty().bind(widthProperty().subtract(24));
                b.setMinHeight(Region.USE_PREF_SIZE);
                b.setMnemonicParsing(false); // x_t, not a mnemonic on t
                b.setOnAction(e -> model.answerOption(k));
                choices.getChildren().add(b);
            }
            showInputs(model, choices, numberRow);
        };
        model.options().addListener((ListChangeListener<String>) c -> rebuild.run());
        // once answered, the verdict names the right answer: the options step aside and give the room to the step
        model.awaitingAnswerProperty().addListener((o, was, now) -> showInputs(model, choices, numberRow));
        model.stepIndexProperty().addListener((o, was, now) -> number.clear());
        model.lessonProperty().addListener((o, was, now) -> number.clear());
        Runnable words = () -> {
            Lang l = model.languageProperty().get();
            check.setText(LessonTexts.check(l));
            reveal.setText(LessonTexts.showAnswer(l));
            number.setPromptText(LessonTexts.typeANumber(l));
        };
        words.run();
        model.languageProperty().addListener((o, was, now) -> words.run());
        rebuild.run();
        getChildren().addAll(ask, choices, numberRow, reveal, verdict);
    }

    /** The options (or the number field) while the question waits for its answer; nothing after. */
    private static void showInputs(LessonViewModel model, VBox choices, HBox numberRow) {
        boolean isNumber = model.options().isEmpty();
        boolean waiting = model.awaitingAnswerProperty().get();
        choices.setVisible(!isNumber && waiting);
        choices.setManaged(!isNumber && waiting);
        numberRow.setVisible(isNumber && waiting);
        numberRow.setManaged(isNumber && waiting);
    }
}
