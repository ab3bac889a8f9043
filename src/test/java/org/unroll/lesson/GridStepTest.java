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
    void aGridStepsPlaceholdersNameItsLayersAndDirectionsAndItMustRun() throws Exception {
        assertProblem(HEAD + step("layers 2\n").replace("en: E", "en: {h_norm_l1_rev[1]}"), 7, "one direction");
        assertProblem(HEAD + step("layers 2\n").replace("en: E", "en: {dh_norm_l3_fwd[1]}"), 7, "layer 3 is outside 1 … 2");
        assertProblem(HEAD + step("layers 2\n").replace("en: E", "en: {dh_norm_l1_fwd[9]}"), 7, "step 9 is outside 1 … 3");
        assertProblem(HEAD + step("layers 2\n").replace("en: E", "en: {dh_norm[1]}"), 7, "names a cell");
        assertProblem(HEAD + step("layers 2\n").replace("en: E", "en: {w_hh}"), 7, "unknown placeholder");
        assertProblem(HEAD + step("bidirectional maybe\n"), 6, "yes or no");
        assertProblem(HEAD + step("layers 9\n"), 6, "layers must be between");
        List<LessonProblem> p = LessonChecker.play(parse(HEAD + step("batch cat | x\n")));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).reason().contains("cannot run") && p.get(0).reason().contains("too short"), p.toString());
    }

    /** A grid step's placeholders are filled from the grid walk: the engine's values for the lane and step named. */
    @Test
    void aGridStepsPlaceholdersAreTheGridWalksValues() throws Exception {
        Lesson l = parse(HEAD + step("batch cat | horse | ox\nlayers 2\nbidirectional yes\n").replace("en: E",
                "en: {loss} {steps} {sequences} {dh_above_norm_l1_rev[2]} {dh_future_norm_l2_fwd[1]} {sequence_length[2]}"));
        assertEquals(List.of(), LessonChecker.play(l));
        Setup s = l.step(0).setup();
        org.unroll.task.GridScenario g = org.unroll.task.GridScenario.build(s);
        org.unroll.engine.GridWalk w = new org.unroll.engine.GridWalk(g.model(), g.batch());
        LessonPlayer player = new LessonPlayer(l);
        String filled = player.narration(Lang.EN, w, g, 0);
        String above = Placeholders.num(org.unroll.engine.GridWalkPoint.norm(
                w.cell(new org.unroll.engine.Lane(0, org.unroll.engine.Lane.Direction.BACKWARD), 1, 0).dhFromAbove()));
        String future = Placeholders.num(org.unroll.engine.GridWalkPoint.norm(
                w.cell(new org.unroll.engine.Lane(1, org.unroll.engine.Lane.Direction.FORWARD), 0, 0).dhFromFuture()));
        assertEquals(Placeholders.num(w.loss()) + " 4 3 " + above + " " + future + " 4", filled);
        assertEquals(w.loss(), GridPlaceholders.number("loss", w, g, 0), 1e-12);
        // the sequence shown: ox (b = 3) has one real step, and its step 2 is padding with no loss
        assertEquals(0.0, GridPlaceholders.number("step_loss[2]", w, g, 2), 0.0);
        assertTrue(GridPlaceholders.fill("{dh_norm_l3_fwd[1]}", w, g, 0).endsWith("?}"));
    }
}
