package org.unroll.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/** The gradient check's lifecycle without a window: the background and the UI thread are queues run by hand. */
class GradCheckViewModelTest {
    /** Runs what it was given only when told to. */
    private static final class Queue implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        int executed;

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void drain() {
            while (!tasks.isEmpty()) {
                executed++;
                tasks.poll().run();
            }
        }
    }

    private static Walkthrough walk(Setup s) {
        Scenario sc = Scenario.build(s);
        return new Walkthrough(sc.model(), sc.sequence(), s.learningRate());
    }

    @Test
    void aCheckRunsInTheBackgroundAndPublishesOnTheUiThread() throws Exception {
        Queue background = new Queue();
        Queue ui = new Queue();
        GradCheckViewModel vm = new GradCheckViewModel(background, ui);
        assertTrue(vm.run().isCompletedExceptionally(), "nothing to check before a walk");
        vm.show(walk(Setup.JEEP.withCell(CellType.GRU)));
        var done = vm.run();
        assertSame(done, vm.run(), "a second press while it runs starts nothing new");
        assertEquals(GradCheckViewModel.State.RUNNING, vm.getState());
        assertEquals(1, background.tasks.size());
        background.drain();
        assertFalse(done.isDone(), "nothing is published off the UI thread");
        assertNull(vm.getResult());
        ui.drain();
        assertTrue(done.isDone());
        assertSame(done.get(), vm.getResult());
        assertTrue(vm.getResult().allPass());
        assertEquals(GradCheckViewModel.State.PASSED, vm.getState());
        assertEquals(1.0, vm.progressProperty().get());
        assertFalse(vm.statusProperty().get().isEmpty());
        assertFalse(vm.isRunning());
    }

    @Test
    void aCancelledCheckStopsAtOnceAndShowsNothing() {
        Queue background = new Queue();
        Queue ui = new Queue();
        GradCheckViewModel vm = new GradCheckViewModel(background, ui);
        vm.show(walk(Setup.JEEP.withCell(CellType.LSTM)));
        var done = vm.run();
        vm.cancel();
        assertEquals(GradCheckViewModel.State.CANCELLED, vm.getState());
        assertFalse(vm.isRunning());
        background.drain();
        // a check that went on would post one progress update per entry; a stopped one posts only its end
        assertEquals(1, ui.tasks.size(), "the engine stopped before its first entry");
        ui.drain();
        assertThrows(CancellationException.class, done::join);
        assertNull(vm.getResult(), "a cancelled check shows nothing");
        assertEquals(GradCheckViewModel.State.CANCELLED, vm.getState());
    }

    @Test
    void aNewWalkSupersedesTheRunningCheck() {
        Queue background = new Queue();
        Queue ui = new Queue();
        GradCheckViewModel vm = new GradCheckViewModel(background, ui);
        vm.show(walk(Setup.JEEP));
        var old = vm.run();
        Walkthrough next = walk(Setup.JEEP.withSeed(3));
        vm.show(next);
        assertSame(next, vm.walkProperty().get());
        assertEquals(GradCheckViewModel.State.IDLE, vm.getState());
        background.drain();
        ui.drain();
        assertTrue(old.isCompletedExceptionally());
        assertNull(vm.getResult(), "the old model's check is not shown for the new one");
        assertEquals("", vm.statusProperty().get());
    }
}
