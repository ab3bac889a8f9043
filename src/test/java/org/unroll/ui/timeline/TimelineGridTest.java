package org.unroll.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCursor;
import org.unroll.engine.Lane;
import org.unroll.figures.GridTimelineFigure;
import org.unroll.task.Setup;
import org.unroll.ui.session.Session;

/** The main timeline shows a grid: its frame, the chooser's sequences, scrolling to the cell at the cursor. */
class TimelineGridTest {
    private final Session session = new Session(Runnable::run, Runnable::run);
    private final TimelineViewModel vm = new TimelineViewModel(session);
    private static final Setup GRID = Setup.JEEP.withCell(CellType.GRU).withLayers(3).withBidirectional(true)
            .withHiddenSize(4).withBatch(List.of("backpropagationintime", "deep", "unrolled"));

    @Test
    void aGridSetupPaintsTheGridAndNamesTheSequences() {
        session.apply(Setup.JEEP);
        vm.setViewport(555, 330);
        assertNotNull(vm.getFrame());
        assertNull(vm.getGridFrame());
        session.apply(GRID);
        assertNull(vm.getFrame());
        GridTimelineFigure.Frame f = vm.getGridFrame();
        assertNotNull(f);
        assertEquals(0, f.sequence());
        assertEquals(20, f.walk().steps());
        assertEquals(List.of("backpropagationintime", "deep", "unrolled"), vm.sequenceNames());
        assertEquals(GridTimelineFigure.READABLE_COLUMN, f.minColumn(), 1e-9, "steps stay readable: the grid scrolls");
        assertTrue(vm.maxScrollProperty().get() > 0);
        vm.chooseSequence(2);
        assertEquals(2, vm.getGridFrame().sequence());
        session.apply(Setup.JEEP);
        assertNull(vm.getGridFrame());
        assertTrue(vm.sequenceNames().isEmpty());
    }

    @Test
    void theScrollFollowsTheCellAtTheCursorAndFitShowsAllSteps() {
        session.apply(GRID);
        vm.setViewport(555, 330);
        assertEquals(0, vm.scrollXProperty().get(), 1e-9);
        GridCursor late = GridCursor.forward(new Lane(0, Lane.Direction.FORWARD), 19);
        session.moveToIndex(session.getGridWalk().order(0).indexOf(late));
        assertTrue(vm.scrollXProperty().get() > 0, "step 20 scrolled into view");
        assertEquals(vm.scrollXProperty().get(), vm.getGridFrame().scrollX(), 1e-9);
        session.moveToIndex(session.getGridWalk().order(0).indexOf(
                GridCursor.backward(new Lane(0, Lane.Direction.BACKWARD), 0, BackwardStage.PASS_BACK)));
        assertEquals(0, vm.scrollXProperty().get(), 1e-9, "back to step 1");
        vm.fitAll();
        assertEquals(0, vm.maxScrollProperty().get(), 1e-6);
        assertTrue(vm.getGridFrame().minColumn() < GridTimelineFigure.READABLE_COLUMN);
    }

    /** Six readable rows do not fit 330 px: the grid scrolls up and down to the lane at the cursor. */
    @Test
    void theRowsKeepTheirHeightAndScrollToTheLaneAtTheCursor() {
        session.apply(GRID);
        vm.setViewport(555, 330);
        assertTrue(vm.maxScrollYProperty().get() > 0, "a deep grid scrolls up and down");
        assertEquals(GridTimelineFigure.READABLE_ROW, vm.getGridFrame().minRow(), 1e-9);
        for (Lane lane : session.getGridWalk().lanes()) {
            session.moveToIndex(session.getGridWalk().order(0).indexOf(GridCursor.forward(lane, 3)));
            GridTimelineFigure.Frame f = vm.getGridFrame();
            assertEquals(vm.scrollYProperty().get(), f.scrollY(), 1e-9);
            assertTrue(GridTimelineFigure.layout(f, 555, 330).rowShown(lane), lane + " in view");
        }
        session.moveToIndex(session.getGridWalk().order(0).indexOf(GridCursor.LOSS));
        assertEquals(0, vm.scrollYProperty().get(), 1e-9, "the losses on top at the loss");
        vm.scrollYTo(1e6);
        assertEquals(vm.maxScrollYProperty().get(), vm.scrollYProperty().get(), 1e-9, "clamped");
    }

    /** The stacked view: every sequence of the batch, each at its own place of the point walked. */
    @Test
    void theStackedViewShowsEverySequenceAtThePointOfTheOneWalked() {
        session.apply(GRID);
        vm.setViewport(555, 330);
        assertNull(vm.stackedFramesProperty().get());
        vm.stackedProperty().set(true);
        GridCursor at = GridCursor.backward(new Lane(1, Lane.Direction.FORWARD), 2, BackwardStage.ADD_FUTURE);
        session.moveToIndex(session.getGridWalk().order(0).indexOf(at));
        List<GridTimelineFigure.Frame> all = vm.stackedFramesProperty().get();
        assertNotNull(all);
        assertEquals(3, all.size());
        for (int b = 0; b < 3; b++) {
            assertEquals(b, all.get(b).sequence());
            assertEquals(at, all.get(b).walk().order(b).at(all.get(b).index()), "sequence " + (b + 1) + " at the same point");
            assertEquals(vm.getGridFrame().scrollX(), all.get(b).scrollX(), 1e-9, "scrolled sideways together");
        }
        double oneGrid = GridTimelineFigure.layout(vm.getGridFrame().unscrolled(), 555, 330).contentHeight();
        assertTrue(vm.maxScrollYProperty().get() > 2 * oneGrid - 330, "three bands to scroll through");
        // the band of the sequence walked follows it
        vm.chooseSequence(2);
        double band = org.unroll.figures.GridStackFigure.bandHeight(vm.getGridFrame(), 555, 330);
        assertTrue(vm.scrollYProperty().get() >= band, "the third band in view: " + vm.scrollYProperty().get());
        vm.stackedProperty().set(false);
        assertNull(vm.stackedFramesProperty().get());
    }
}
