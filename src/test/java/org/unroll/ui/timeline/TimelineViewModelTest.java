package org.unroll.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unroll.engine.Cursor;
import org.unroll.figures.TimelineLayout;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

class TimelineViewModelTest {
    private final Session session = new Session(Runnable::run, Runnable::run);
    private final TimelineViewModel vm = new TimelineViewModel(session);

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void theFrameFollowsTheCursorAndKeepsItsStepInView() {
        session.apply(Setup.JEEP.withText("abcdefghij".repeat(10) + "k"));
        vm.setViewport(900, 500);
        assertEquals(0, vm.scrollXProperty().get(), 1e-9);
        session.moveTo(Cursor.forward(60));
        assertEquals(Cursor.forward(60), vm.getFrame().cursor());
        TimelineLayout l = vm.layout();
        assertTrue(l.columnX(60) >= 0 && l.columnX(60) + l.columnWidth() <= 900, "step 61 on screen");
        assertTrue(l.lastVisible() - l.firstVisible() < 6, "a handful of columns drawn, not 100");
    }

    @Test
    void hoveringASharedParameterHighlightsItEverywhere() {
        session.apply(Setup.JEEP);
        vm.setViewport(1200, 500);
        Rectangle2D b = vm.layout().labelsOf(TimelineLayout.W_HH).get(1).bounds();
        vm.hover(b.getCenterX(), b.getCenterY());
        assertEquals(TimelineLayout.W_HH, vm.highlightProperty().get());
        assertEquals(TimelineLayout.W_HH, vm.getFrame().highlight());
        assertEquals("W_hh: the same 4 × 4 matrix at every one of the 3 steps", vm.hoverTextProperty().get());
        vm.hover(1, 1);
        assertNull(vm.highlightProperty().get());
        assertEquals("", vm.hoverTextProperty().get());
    }

    @Test
    void zoomScalesTheFigureAndFitShowsEveryStep() {
        session.apply(Setup.JEEP.withText("abcdefghij".repeat(5) + "k"));
        vm.setViewport(1000, 800);
        vm.baseScaleProperty().set(1.5);
        assertEquals(1.5, vm.getFrame().scale(), 1e-9);
        vm.setViewport(1000, 410);
        assertEquals(1.0, vm.getFrame().scale(), 1e-9, "a low viewport limits the scale so the figure fits its height");
        vm.fitAll();
        assertEquals(0, vm.maxScrollProperty().get(), 1e-6, "fit: nothing left to scroll");
        assertTrue(vm.layout().lastVisible() == 49 && vm.layout().firstVisible() == 0);
    }
}
