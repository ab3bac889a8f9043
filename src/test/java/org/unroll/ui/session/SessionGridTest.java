package org.unroll.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridWalk;
import org.unroll.engine.Lane;
import org.unroll.engine.Phase;
import org.unroll.task.Setup;

/** A grid setup goes through the session's one pipeline: the grid walk shown, stepped and kept. */
class SessionGridTest {
    private final Session session = new Session(Runnable::run, Runnable::run);
    private static final Setup GRID = Setup.JEEP.withCell(CellType.LSTM).withLayers(2).withBidirectional(true)
            .withBatch(List.of("jeep", "cat", "horse"));

    @Test
    void aGridSetupShowsAGridWalkAndNoSingleLayerWalk() {
        session.apply(Setup.JEEP);
        assertNotNull(session.getWalkthrough());
        session.apply(GRID);
        GridWalk g = session.getGridWalk();
        assertNotNull(g);
        assertNull(session.getWalkthrough());
        assertNull(session.getScenario());
        assertEquals(GRID, session.getSetup());
        assertEquals(3, g.sequences());
        assertEquals(2, g.model().layers());
        assertEquals(g.order(0).size(), session.positionsProperty().get());
        assertEquals(GridCursor.START, session.gridCursorProperty().get());
        assertTrue(session.canStepForwardProperty().get());
        assertFalse(session.canStepBackProperty().get());
        assertEquals(0, session.getGridPoint().index());
        // and back to one layer: the grid goes
        session.apply(Setup.JEEP);
        assertNull(session.getGridWalk());
        assertNotNull(session.getWalkthrough());
    }

    @Test
    void stepsJumpsAndTheLanePointFollowTheGridOrder() {
        session.apply(GRID);
        session.stepForward();
        assertEquals(GridCursor.forward(new Lane(0, Lane.Direction.FORWARD), 0), session.gridCursorProperty().get());
        assertEquals(Phase.FORWARD, session.getLanePoint().phase());
        assertEquals(0, session.getLanePoint().time());
        session.jumpEnd();
        assertEquals(Phase.FORWARD, session.gridCursorProperty().get().phase(), "to the end of the forward phase first");
        assertEquals(GridCursor.LOSS, session.getGridWalk().order(0).at(session.positionProperty().get() + 1));
        session.jumpEnd();
        assertEquals(session.positionsProperty().get() - 1, session.positionProperty().get());
        assertFalse(session.canStepForwardProperty().get());
        assertEquals(BackwardStage.PASS_BACK, session.gridCursorProperty().get().stage());
        session.jumpStart();
        assertEquals(GridCursor.LOSS, session.getGridWalk().order(0).at(session.positionProperty().get() - 1),
                "to the start of the backward phase");
        session.jumpStart();
        assertEquals(0, session.positionProperty().get());
    }

    @Test
    void choosingASequenceKeepsTheCellOfTheGrid() {
        session.apply(GRID);
        GridCursor cell = GridCursor.backward(new Lane(1, Lane.Direction.BACKWARD), 1, BackwardStage.ADD_FUTURE);
        session.moveToIndex(session.getGridWalk().order(0).indexOf(cell));
        session.chooseSequence(1);
        assertEquals(1, session.gridSequenceProperty().get());
        assertEquals(cell, session.gridCursorProperty().get());
        assertEquals(session.getGridWalk().order(1).size(), session.positionsProperty().get());
        assertTrue(session.getGridPoint().real(1));
        assertFalse(session.getGridPoint().real(2), "cat reads two characters of the four steps");
        // a new setup on the same words keeps the sequence and the cell
        session.apply(GRID.withHiddenSize(3));
        assertEquals(1, session.gridSequenceProperty().get());
        assertEquals(cell, session.gridCursorProperty().get());
        // one layer fewer: the same direction, time and stage in the layer that remains
        session.apply(GRID.withLayers(1));
        GridCursor now = session.gridCursorProperty().get();
        assertEquals(Phase.BACKWARD, now.phase());
        assertEquals(Lane.Direction.BACKWARD, now.lane().direction());
        assertEquals(1, now.time());
        assertEquals(BackwardStage.ADD_FUTURE, now.stage());
    }

    @Test
    void aBadGridSetupSaysWhyAndKeepsTheWalk() {
        List<String> errors = new ArrayList<>();
        session.setErrorHandler(errors::add);
        session.apply(GRID);
        GridWalk shown = session.getGridWalk();
        session.apply(GRID.withNumbers(new org.unroll.task.Numbers(List.of(1.0, 2.0), List.of(2.0, 3.0), null)));
        assertEquals(1, errors.size());
        assertSame(shown, session.getGridWalk());
        assertFalse(session.busyProperty().get());
    }

    @Test
    void theGridWalkIsComputedOffTheUiThread() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            Session s = new Session(background, ui);
            Thread[] computedOn = new Thread[1];
            Thread uiThread = ui.submit(Thread::currentThread).get();
            CountDownLatch shown = new CountDownLatch(1);
            s.gridWalkProperty().addListener((o, a, b) -> {
                computedOn[0] = Thread.currentThread();
                shown.countDown();
            });
            s.apply(GRID);
            assertTrue(shown.await(30, TimeUnit.SECONDS));
            assertSame(uiThread, computedOn[0], "published on the UI executor");
            assertFalse(background.submit(() -> Thread.currentThread() == uiThread).get());
        } finally {
            background.shutdownNow();
            ui.shutdownNow();
        }
    }
}
