package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;

/** The run's state machine, driven without a toolkit: events are applied by flush(). */
class TrainingViewModelTest {
    private final TrainingViewModel vm = new TrainingViewModel(2, 50, UpdateBatcher.DEFAULT_PERIOD_NANOS);

    @AfterEach
    void close() {
        vm.close();
    }

    /** Flushes until {@code done} holds; a spin with a deadline, no sleeping. */
    static void until(TrainingViewModel vm, BooleanSupplier done) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            vm.flush();
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out in state " + vm.getState() + " after " + vm.updatesProperty().get()
                        + " updates");
            }
            Thread.onSpinWait();
        }
    }

    static boolean trainingThreadsLeft() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive()
                && (t.getName().equals(TrainingWorker.THREAD_NAME) || t.getName().startsWith("unroll-shard-")));
    }

    private static TrainForm text(String t, int b, int k) {
        return TrainForm.defaultsFor(TaskKind.TEXT).withCell(CellType.RNN).withHidden(8).withBatch(b).withNumSteps(k)
                .withEpochs(400);
    }

    @Test
    void startPauseOneUpdateResumeCancel() throws Exception {
        vm.setForm(text("", 2, 5));
        assertTrue(vm.canStartProperty().get());
        vm.start();
        assertEquals(RunState.RUNNING, vm.getState());
        assertFalse(vm.canStartProperty().get());
        until(vm, () -> vm.updatesProperty().get() >= 5);
        vm.pause();
        assertEquals(RunState.PAUSED, vm.getState());
        // the count read between two updates, once paused, stays put
        int settled = vm.worker().call(r -> r.updates().size()).get(30, TimeUnit.SECONDS);
        until(vm, () -> vm.updatesProperty().get() == settled);
        vm.stepOnce();
        until(vm, () -> vm.updatesProperty().get() == settled + 1);
        assertEquals(settled + 1, (int) vm.worker().call(r -> r.updates().size()).get(30, TimeUnit.SECONDS));
        assertEquals(RunState.PAUSED, vm.getState());
        vm.resume();
        assertEquals(RunState.RUNNING, vm.getState());
        until(vm, () -> vm.updatesProperty().get() > settled + 3);
        vm.cancel();
        until(vm, () -> vm.getState() == RunState.CANCELLED);
        assertTrue(vm.worker().await(30, TimeUnit.SECONDS));
        until(vm, () -> !trainingThreadsLeft());
        assertTrue(vm.loss().pointCount() > 0);
        assertTrue(vm.timeLeftProperty().get().isEmpty());
        vm.reset();
        assertEquals(RunState.READY, vm.getState());
        assertEquals(0, vm.loss().pointCount());
        assertEquals(0, vm.updatesProperty().get());
    }

    @Test
    void aWholeRunFinishesWithProgressTimeLeftAndTheTestError() {
        vm.setForm(TrainForm.defaultsFor(TaskKind.REGRESS123).withEpochs(120));
        vm.start();
        until(vm, () -> vm.getState() == RunState.FINISHED);
        assertEquals(120, vm.updatesProperty().get());
        assertEquals(120, vm.plannedUpdates());
        assertEquals(1.0, vm.progressProperty().get(), 1e-12);
        // a test error every 50 updates and one at the end
        assertEquals(3, vm.testError().pointCount());
        double[] y = vm.loss().ys();
        assertTrue(y[y.length - 1] < y[0] / 10, "the loss falls: " + y[0] + " → " + y[y.length - 1]);
        assertTrue(vm.summaryProperty().get().contains("120"));
        assertTrue(Double.isNaN(vm.baseline()));
    }

    @Test
    void aTextRunShowsASampleAndTheBaselineIsLnV() {
        vm.setForm(TrainForm.defaults().withEpochs(60));
        vm.stepOnce();
        assertEquals(RunState.PAUSED, vm.getState());
        until(vm, () -> vm.updatesProperty().get() == 1);
        vm.resume();
        until(vm, () -> vm.getState() == RunState.FINISHED);
        assertTrue(vm.sampleProperty().get().contains("j"), vm.sampleProperty().get());
        assertEquals(Math.log(3), vm.baseline(), 1e-12);
        assertEquals(1.0, vm.threshold());
        // the time left was shown while it ran and the clipped norm never exceeds the threshold
        for (double g : vm.gradAfter().ys()) {
            assertTrue(g <= 1.0 + 1e-9);
        }
    }

    @Test
    void aBadFormSaysWhyAndStaysReady() {
        vm.setForm(text("", 1000, 5));
        vm.start();
        assertEquals(RunState.READY, vm.getState());
        assertNotEquals("", vm.problemProperty().get());
        assertFalse(trainingThreadsLeft() && vm.worker() != null);
    }

    @Test
    void resetWhileRunningEndsTheThreadAndDropsItsEvents() {
        vm.setForm(text("", 2, 5));
        vm.start();
        until(vm, () -> vm.updatesProperty().get() >= 2);
        vm.reset();
        assertEquals(RunState.READY, vm.getState());
        vm.flush();
        assertEquals(0, vm.loss().pointCount());
        until(vm, () -> !trainingThreadsLeft());
    }

    @Test
    void durations() {
        assertEquals("7s", TrainingViewModel.duration(7.2));
        assertEquals("1m05s", TrainingViewModel.duration(65));
    }

    @Test
    void savesTheModelAndTheRunWithItsLogSoTheCommandLineCanReplayIt(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path dir) throws Exception {
        vm.setForm(TrainForm.defaultsFor(TaskKind.REGRESS123).withEpochs(30));
        vm.start();
        until(vm, () -> vm.getState() == RunState.FINISHED);
        java.nio.file.Path model = vm.saveModel(dir.resolve("m.json")).get(30, TimeUnit.SECONDS);
        java.util.List<java.nio.file.Path> run = vm.saveRun(dir.resolve("r.train.json")).get(30, TimeUnit.SECONDS);
        assertEquals(dir.resolve("r.log.json"), run.get(1));
        org.unroll.engine.Model read = org.unroll.io.ModelFile.read(model);
        org.unroll.engine.Model trained = vm.trainedModel().get(30, TimeUnit.SECONDS);
        assertEquals(trained.params().weightHh.get(0, 0), read.params().weightHh.get(0, 0), 0.0);
        // the saved run replays to the same model
        org.unroll.train.TrainSpec spec = org.unroll.io.TrainFile.read(run.get(0));
        try (org.unroll.train.TrainingRun again = new org.unroll.train.TrainingRun(spec, 1)) {
            again.runToEnd();
            assertEquals(30, again.updates().size());
            assertEquals(trained.params().weightHh.get(0, 0), again.model().params().weightHh.get(0, 0), 1e-12);
        }
        String log = java.nio.file.Files.readString(run.get(1));
        assertTrue(log.contains("bptt-trainlog/1") && log.contains("\"iterations\" : 30"), log.substring(0, 200));
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary file left");
        }
    }
}
