package org.unroll.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.Cursor;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonParser;
import org.unroll.ui.session.Session;

/** A step's question holds the step back until it is answered, then shows the verdict and the step. */
class LessonQuestionTest {
    static final String TEXT = """
            lesson q
            title.en: Q
            title.zh_CN: 问
            title.zh_TW: 問
            hidden 1
            sequence 1 2 3
            targets 0.4 0.6 0.8
            weights w_xh=0.5 w_hh=0.5 w_out=1

            step
            at forward 1
            en: one
            zh_CN: 一
            zh_TW: 一

            step
            at forward 2
            question number {h[2]} ± 0.005
            ask.en: What is h_2?
            ask.zh_CN: h_2 是多少？
            ask.zh_TW: h_2 是多少？
            explain.en: tanh(1 + 0.5 h_1).
            explain.zh_CN: 算 tanh(1 + 0.5 h_1)。
            explain.zh_TW: 算 tanh(1 + 0.5 h_1)。
            en: h_2 = {h[2]}
            zh_CN: h_2 = {h[2]}
            zh_TW: h_2 = {h[2]}

            step
            at forward 3
            question choice 1
            ask.en: Is y_3 above 0.8?
            ask.zh_CN: y_3 大于 0.8 吗？
            ask.zh_TW: y_3 大於 0.8 嗎？
            options.en: yes, {y[3]} | no
            options.zh_CN: 是，{y[3]} | 否
            options.zh_TW: 是，{y[3]} | 否
            explain.en: It is.
            explain.zh_CN: 是的。
            explain.zh_TW: 是的。
            check {y[3]} > 0.8
            en: three
            zh_CN: 三
            zh_TW: 三

            exercise
            en: Why?
            zh_CN: 为什么？
            zh_TW: 為什麼？
            """;

    static LessonViewModel open(Session session) throws Exception {
        Lesson l = LessonParser.parse("q.lesson", TEXT);
        LessonViewModel vm = new LessonViewModel(session);
        vm.languageProperty().set(Lang.EN);
        vm.setLessons(List.of(l));
        return vm;
    }

    @Test
    void aNumberQuestionHoldsTheCursorUntilAnswered() throws Exception {
        Session session = new Session(Runnable::run, Runnable::run);
        LessonViewModel vm = open(session);
        assertEquals("", vm.questionProperty().get());
        assertFalse(vm.awaitingAnswerProperty().get());
        vm.next();
        assertEquals("What is h_2?", vm.questionProperty().get());
        assertTrue(vm.awaitingAnswerProperty().get());
        assertEquals(Cursor.forward(0), session.getCursor(), "held at the previous step's point");
        assertEquals(LessonTexts.answerFirst(Lang.EN), vm.narrationProperty().get());
        assertEquals("", vm.verdictProperty().get());
        assertTrue(vm.options().isEmpty());
        assertFalse(vm.canNextProperty().get(), "Next waits for the answer");
        vm.next();
        assertEquals(1, vm.stepIndexProperty().get(), "Next does not skip a waiting question");
        assertTrue(vm.canPreviousProperty().get(), "going back is allowed");

        assertFalse(vm.answerNumber("a lot"));
        assertFalse(vm.canNextProperty().get());
        assertTrue(vm.awaitingAnswerProperty().get());
        assertTrue(vm.answerNumber("0.843"));
        assertFalse(vm.awaitingAnswerProperty().get());
        assertTrue(vm.canNextProperty().get(), "answered: Next is back");
        assertEquals(Cursor.forward(1), session.getCursor());
        assertEquals("Right: 0.8429. tanh(1 + 0.5 h_1).", vm.verdictProperty().get());
        assertEquals("h_2 = 0.8429", vm.narrationProperty().get());

        vm.languageProperty().set(Lang.ZH_CN);
        assertEquals("答对了：0.8429。算 tanh(1 + 0.5 h_1)。", vm.verdictProperty().get());
        vm.languageProperty().set(Lang.EN);

        // going back and forth keeps the answer of this visit to the lesson
        vm.previous();
        vm.next();
        assertFalse(vm.awaitingAnswerProperty().get());
        assertEquals(Cursor.forward(1), session.getCursor());
    }

    @Test
    void aWrongChoiceSaysTheRightOneAndRevealWorksWithoutAGuess() throws Exception {
        Session session = new Session(Runnable::run, Runnable::run);
        LessonViewModel vm = open(session);
        vm.next();
        vm.reveal();
        assertEquals("The answer: 0.8429. tanh(1 + 0.5 h_1).", vm.verdictProperty().get());
        vm.next();
        assertEquals(List.of("yes, 0.958", "no"), vm.options());
        // the view listens to this list: it must be one lasting object, not a fresh (weakly held) wrapper
        org.junit.jupiter.api.Assertions.assertSame(vm.options(), vm.options());
        assertEquals(Cursor.forward(1), session.getCursor());
        vm.answerOption(2);
        assertEquals("Not quite: the answer is yes, 0.958. It is.", vm.verdictProperty().get());
        assertEquals(Cursor.forward(2), session.getCursor());
        assertEquals("three\n\nExercises\n1. Why?", vm.narrationProperty().get(), "the last step lists the exercises");
        // a new visit to the lesson asks again
        vm.choose(vm.lessons().get(0));
        vm.next();
        assertTrue(vm.awaitingAnswerProperty().get());
    }
}
