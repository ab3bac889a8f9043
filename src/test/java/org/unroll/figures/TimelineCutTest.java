package org.unroll.figures;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.engine.Window;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/**
 * A window of truncated BPTT whose state was carried in shows its boundary: the line of text
 * saying the gradient stops there, and, once the backward pass reaches step 1, dh₀ drawn as
 * dropped; a walk of a whole sequence (or a window that starts from zeros) shows neither.
 */
class TimelineCutTest {

    private static String svg(Window window, Cursor c) {
        return svg(window, c, 520);
    }

    private static String svg(Window window, Cursor c, int height) {
        Scenario sc = Scenario.build(Setup.JEEP);
        Walkthrough w = new Walkthrough(sc.model(), sc.sequence(), 0.1, window);
        return TimelineExport.svg(new TimelineFigure.Frame(w, sc, c, 1.0, 0, null, false, TimelineFigure.ENGLISH),
                1000, height);
    }

    @Test
    void aTightFigureKeepsTheShortLabelAndLeavesOutTheSentence() {
        String s = svg(new Window(12, true), Cursor.forward(0), 410);
        assertTrue(s.contains("✂ cut"));
        assertFalse(s.contains("the gradient stops here"), "no room above or below the figure");
    }

    @Test
    void aCarriedStateShowsTheCutAndTheDroppedGradient() {
        Cursor passBack = Cursor.backward(0, BackwardStage.PASS_BACK);
        String carried = svg(new Window(12, true), passBack);
        assertTrue(carried.contains("✂ cut"), "the label at the cut");
        assertTrue(carried.contains("the gradient stops here"), "the line of text at the boundary");
        assertTrue(carried.contains("h₁₂ was carried in"), "the carried state, numbered in the whole sequence");
        assertTrue(carried.contains("dh₁₂ dropped"), "dh₁₂ (the window's dh₀) drawn as dropped");
        assertTrue(carried.contains("t = 13"), "the window's first step is step 13 of the sequence");
        assertFalse(carried.contains("t = 1<"), "not step 1");
        String before = svg(new Window(12, true), Cursor.backward(1, BackwardStage.PASS_BACK));
        assertTrue(before.contains("the gradient stops here"));
        assertFalse(before.contains("dh₁₂ dropped"), "not before the backward pass reaches the window's first step");
    }

    @Test
    void noCutWithoutACarriedState() {
        Cursor passBack = Cursor.backward(0, BackwardStage.PASS_BACK);
        for (Window w : new Window[] {Window.WHOLE, new Window(12, false)}) {
            String s = svg(w, passBack);
            assertFalse(s.contains("the gradient stops here"), w.toString());
            assertFalse(s.contains("✂"), w.toString());
            assertFalse(s.contains("dropped"), w.toString());
        }
    }
}
