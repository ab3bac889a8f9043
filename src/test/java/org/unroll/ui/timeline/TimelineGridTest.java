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
}
