package org.unroll.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineLayoutTest {

    @Test
    void aLongSequenceLaysOutOnlyTheVisibleColumns() {
        TimelineLayout l = new TimelineLayout(1000, false, 1.0, 1000, 500, 240 * 500);
        int visible = l.lastVisible() - l.firstVisible() + 1;
        assertTrue(visible <= 6, "only about a viewport of columns: " + visible);
        assertTrue(l.firstVisible() >= 499 && l.firstVisible() <= 500, "first " + l.firstVisible());
        assertEquals(4 * visible, l.labels().size(), "four parameter labels per visible step");
        assertTrue(l.columnX(l.firstVisible()) <= 0 && l.columnX(l.firstVisible()) + l.columnWidth() > 0);
    }

    @Test
    void theScrollIsClampedToTheContent() {
        TimelineLayout l = new TimelineLayout(3, false, 1.0, 400, 500, 1e9);
        assertEquals(TimelineLayout.contentWidth(3, 1.0) - 400, l.scrollX(), 1e-9);
        assertEquals(2, l.lastVisible());
        TimelineLayout wide = new TimelineLayout(3, false, 1.0, 5000, 500, 300);
        assertEquals(0, wide.scrollX(), 1e-9, "everything fits: no scroll");
    }

    @Test
    void everyUseOfASharedParameterIsFoundAndHitTested() {
        TimelineLayout l = new TimelineLayout(3, false, 1.0, 2000, 500, 0);
        List<TimelineLayout.ParamLabel> hh = l.labelsOf(TimelineLayout.W_HH);
        assertEquals(3, hh.size(), "W_hh enters every step, the first from h0");
        for (TimelineLayout.ParamLabel p : hh) {
            Rectangle2D b = p.bounds();
            TimelineLayout.Hit hit = l.hitTest(b.getCenterX(), b.getCenterY());
            assertEquals(TimelineLayout.Kind.PARAM, hit.kind());
            assertEquals(TimelineLayout.W_HH, hit.param());
            assertEquals(p.step(), hit.step());
            assertTrue(b.getMaxX() <= l.box(p.step()).getX(), "W_hh sits in the gap before its box");
        }
        Rectangle2D out = l.labelsOf(TimelineLayout.W_OUT).get(1).bounds();
        assertTrue(out.getY() >= l.output(1).getMaxY() && out.getMaxY() <= l.box(1).getY(), "W_out between box and output");
    }

    @Test
    void aPointInAColumnIsThatStep() {
        TimelineLayout l = new TimelineLayout(3, true, 1.5, 2000, 800, 0);
        Rectangle2D box = l.box(2);
        TimelineLayout.Hit hit = l.hitTest(box.getCenterX(), box.getCenterY());
        assertEquals(TimelineLayout.Kind.STEP, hit.kind());
        assertEquals(2, hit.step());
        assertNull(hit.param());
        assertEquals(TimelineLayout.Kind.NONE, l.hitTest(l.gutterX() + 5, box.getCenterY()).kind(), "the gutter is no step");
        assertEquals(TimelineLayout.Kind.NONE, l.hitTest(box.getCenterX(), 1).kind(), "above the figure");
        assertTrue(l.cLineY() < l.hLineY(), "the cell state line runs above h");
    }

    @Test
    void scrollToShowMovesOnlyAsFarAsNeeded() {
        double w = 800;
        double s = TimelineLayout.scrollToShow(10, 100, 1.0, w, 0);
        TimelineLayout l = new TimelineLayout(100, false, 1.0, w, 500, s);
        assertTrue(l.columnX(10) >= 0 && l.columnX(10) + l.columnWidth() <= w, "step 10 in view");
        assertEquals(s, TimelineLayout.scrollToShow(10, 100, 1.0, w, s), 1e-9, "already in view: stays");
        assertEquals(0, TimelineLayout.scrollToShow(0, 100, 1.0, w, s), 1e-9, "the first step shows the gutter too");
    }

    @Test
    void fontsAreAtLeastSixteenPixelsAtZoomOne() {
        assertTrue(new TimelineLayout(3, false, 1.0, 1000, 500, 0).font() >= 16);
    }
}
