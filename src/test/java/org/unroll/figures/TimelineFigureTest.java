package org.unroll.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

class TimelineFigureTest {

    private static TimelineFigure.Frame frame(Setup s, Cursor c, double scroll) {
        Scenario sc = Scenario.build(s);
        Walkthrough w = new Walkthrough(sc.model(), sc.sequence(), s.learningRate());
        return new TimelineFigure.Frame(w, sc, c, 1.0, scroll, null, false, TimelineFigure.ENGLISH);
    }

    @Test
    void valuesAppearOnlyOnceTheyExistAtTheCursor() {
        String start = TimelineExport.svg(frame(Setup.JEEP, Cursor.START, 0), 1000, 500);
        assertFalse(start.contains("L₁ ="), "no loss before forward step 1");
        assertTrue(start.contains("h₁ ?"), "h1 not computed yet");
        String f1 = TimelineExport.svg(frame(Setup.JEEP, Cursor.forward(0), 0), 1000, 500);
        assertTrue(f1.contains("L₁ ="), "step 1's loss after forward step 1");
        assertFalse(f1.contains("L₂ ="));
        assertFalse(f1.contains("‖dh"), "no gradients in the forward pass");
        String b = TimelineExport.svg(frame(Setup.JEEP, Cursor.backward(2, BackwardStage.ADD_FUTURE), 0), 1000, 500);
        assertTrue(b.contains("‖dh₃‖ ="), "dh of the last step once stage 2 has run");
        assertFalse(b.contains("‖dh₂‖ ="), "not yet for step 2");
    }

    @Test
    void charactersAreShownAsCharacters() {
        String svg = TimelineExport.svg(frame(Setup.JEEP.withText("我爱你"), Cursor.forward(1), 0), 1000, 500);
        assertTrue(svg.contains("我") && svg.contains("爱"));
    }

    @Test
    void aLongLstmPaintsOnlyItsViewport() {
        TimelineFigure.Frame f = frame(Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(16)
                .withText("abcdefghij".repeat(100) + "k"), Cursor.forward(600), 240 * 598);
        BufferedImage img = TimelineExport.image(f, 1000, 500, 1.0);
        assertEquals(1000, img.getWidth());
        String svg = TimelineExport.svg(f, 1000, 500);
        assertTrue(svg.contains("t = 600"), "the scrolled-to step is drawn");
        assertFalse(svg.contains(">t = 10<"), "far-away steps are not");
        // a 1000-px viewport holds a handful of step columns, not a thousand
        int captions = svg.split("t = \\d+<", -1).length - 1;
        assertTrue(captions > 0 && captions < 20, captions + " step captions drawn");
        // the time a long walk takes to paint is measured by `bin/unroll bench`, not here
    }

    @Test
    void theHighlightedParameterChangesThePicture() {
        TimelineFigure.Frame plain = frame(Setup.JEEP, Cursor.forward(2), 0);
        TimelineFigure.Frame hover = new TimelineFigure.Frame(plain.walk(), plain.scenario(), plain.cursor(), 1.0, 0,
                TimelineLayout.W_HH, false, TimelineFigure.ENGLISH);
        assertNotEquals(TimelineExport.svg(plain, 900, 450), TimelineExport.svg(hover, 900, 450));
    }
}
