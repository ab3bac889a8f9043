package org.unroll.ui.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonParser;
import org.unroll.ui.lesson.LessonViewModel;
import org.unroll.ui.session.Session;

/** A screenshot script reaches any step of lesson 13 (five questions on the way), answering as told. */
class LessonScriptTest {
    private static LessonViewModel open() throws Exception {
        Session session = new Session(Runnable::run, Runnable::run);
        LessonViewModel m = new LessonViewModel(session);
        m.languageProperty().set(Lang.EN);
        Lesson l = LessonParser.parse(Path.of("lessons/13-one-two-three.lesson"));
        m.setLessons(List.of(l));
        return m;
    }

    @Test
    void withoutAScriptEveryQuestionOnTheWayIsRevealed() throws Exception {
        LessonViewModel m = open();
        assertEquals(11, LessonScript.parse(null).walk(m, 11), "past the questions of steps 2, 5, 7, 8 and 10");
        assertEquals(10, m.stepIndexProperty().get());
        assertFalse(m.awaitingAnswerProperty().get());
        m.previous();
        assertTrue(m.verdictProperty().get().startsWith("The answer: 0."), "step 10 revealed: " + m.verdictProperty().get());
    }

    @Test
    void theScriptAnswersEachStepAsTold() throws Exception {
        LessonViewModel m = open();
        LessonScript s = LessonScript.parse("2:0.4621, 5:0.1, 7:2, 8:reveal");
        assertEquals(7, s.walk(m, 7));
        assertTrue(m.verdictProperty().get().startsWith("Right: w_hh·δ_3."), "step 7 answered with option 2: "
                + m.verdictProperty().get());
        m.previous();
        m.previous();
        assertTrue(m.verdictProperty().get().startsWith("Not quite: the answer is 0.3161."), "step 5 answered 0.1: "
                + m.verdictProperty().get());
        assertEquals(8, s.walk(m, 8));
        assertTrue(m.verdictProperty().get().startsWith("The answer: 0.4988."), m.verdictProperty().get());
    }

    @Test
    void theTargetStepsQuestionWaitsUnlessTheScriptNamesIt() throws Exception {
        LessonViewModel m = open();
        assertEquals(5, LessonScript.parse(null).walk(m, 5));
        assertTrue(m.awaitingAnswerProperty().get(), "a screenshot of the question before its answer");
        assertFalse(m.answer("two"), "not a number");
        assertTrue(m.awaitingAnswerProperty().get());
        assertThrows(IllegalArgumentException.class, () -> LessonScript.parse("5=0.3"));
    }
}
