package org.unroll.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unroll.lesson.LessonParserTest.HEAD;
import static org.unroll.lesson.LessonParserTest.assertProblem;
import static org.unroll.lesson.LessonParserTest.parse;
import static org.unroll.lesson.LessonParserTest.step;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.task.Setup;

/** layers, bidirectional and batch in a lesson: the step's setup is a grid, run on the engine by lesson check. */
class GridStepTest {
    @Test
    void gridDirectivesSetTheStepsSetupAndLaterStepsKeepThem() throws Exception {
        Lesson l = parse(HEAD + step("batch cat | horse | ox\nlayers 2\n") + step("bidirectional yes\n")
                + step("layers 1\nbidirectional no\nbatch off\n"));
        Setup first = l.step(0).setup();
        assertTrue(first.isGrid());
        assertEquals(List.of("cat", "horse", "ox"), first.batch());
        assertEquals(2, first.layers());
        assertTrue(l.step(1).setup().bidirectional());
        assertEquals(2, l.step(1).setup().layers(), "kept from the step before");
        assertFalse(l.step(2).setup().isGrid(), "back to one layer, one direction, one sequence");
        assertEquals(List.of(), LessonChecker.play(l));
    }

    @Test
    void aGridStepQuotesNetworkFactsNotPlaceholdersAndMustRun() throws Exception {
        assertProblem(HEAD + step("layers 2\n").replace("en: E", "en: {loss}"), 7, "shows the grid walk");
        assertProblem(HEAD + step("bidirectional maybe\n"), 6, "yes or no");
        assertProblem(HEAD + step("layers 9\n"), 6, "layers must be between");
        List<LessonProblem> p = LessonChecker.play(parse(HEAD + step("batch cat | x\n")));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).reason().contains("cannot run") && p.get(0).reason().contains("too short"), p.toString());
    }
}
