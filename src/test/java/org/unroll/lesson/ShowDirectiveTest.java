package org.unroll.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unroll.lesson.LessonParserTest.HEAD;
import static org.unroll.lesson.LessonParserTest.parse;
import static org.unroll.lesson.LessonParserTest.problems;
import static org.unroll.lesson.LessonParserTest.step;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code show CHART}: the step names what it talks about; carried forward; checked. */
class ShowDirectiveTest {

    @Test
    void aStepNamesItsChartAndLaterStepsKeepIt() throws Exception {
        Lesson l = parse(HEAD + step("") + step("show vanishing\n") + step("") + step("show formula\n"));
        assertNull(l.step(0).shown(), "before any show the window is left as it is");
        assertEquals(Shown.VANISHING, l.step(1).shown());
        assertEquals(Shown.VANISHING, l.step(2).shown(), "carried forward like the cursor");
        assertEquals(Shown.FORMULA, l.step(3).shown());
    }

    @Test
    void everyNameIsAccepted() throws Exception {
        for (Shown s : Shown.values()) {
            Lesson l = parse(HEAD + "cell lstm\n" + step("show " + s.word() + "\n"));
            assertEquals(s, l.step(0).shown());
        }
    }

    @Test
    void gatesCarriedToAPlainRnnStepStopThere() throws Exception {
        Lesson l = parse(HEAD + "cell lstm\n" + step("show gates\n") + step("cell rnn\n") + step("cell gru\n"));
        assertEquals(Shown.GATES, l.step(0).shown());
        assertNull(l.step(1).shown(), "a plain RNN has no gate chart to show");
        assertNull(l.step(2).shown());
    }

    @Test
    void anUnknownNameIsReportedWithTheNearest() {
        List<LessonProblem> ps = problems(HEAD + step("show vanshing\n"));
        assertEquals(6, ps.get(0).line());
        assertTrue(ps.get(0).reason().contains("did you mean \"vanishing\""), ps.get(0).reason());
    }

    @Test
    void gatesNeedAGatedCellAndShowBelongsInAStep() {
        List<LessonProblem> ps = problems(HEAD + step("show gates\n"));
        assertTrue(ps.get(0).reason().contains("no gates"), ps.get(0).reason());
        List<LessonProblem> outside = problems(HEAD + "show formula\n" + step(""));
        assertTrue(outside.get(0).reason().contains("inside a step"), outside.get(0).reason());
        List<LessonProblem> twice = problems(HEAD + step("show formula\nshow values\n"));
        assertTrue(twice.get(0).reason().contains("a second \"show\""), twice.get(0).reason());
    }
}
