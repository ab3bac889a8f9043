package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.engine.CellType;
import org.unroll.task.Scenario;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * The training panel on headless Monocle, driven through its buttons: a run starts and the loss
 * chart grows, pause, step into the last update (the stepping session opens on it), resume,
 * cancel, and no training thread is left.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingViewSmokeTest {
    private final ExecutorService compute = Executors.newSingleThreadExecutor();
    private TrainingViewModel vm;
    private TrainingView view;
    private Session session;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        session = new Session(compute, Platform::runLater);
        vm = new TrainingViewModel();
        view = new TrainingView(vm);
        view.setOnStepInto(u -> session.open(new Scenario(u.snapshot().model(), u.sequence(), null)));
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::close).get(30, TimeUnit.SECONDS);
        compute.shutdownNow();
    }

    private int lossPoints() {
        return view.lossChart().dataset().getSeriesCount() == 0 ? 0
                : view.lossChart().dataset().getSeries(0).getItemCount();
    }

    @Test
    void startSeeTheLossGrowPauseStepIntoResumeCancel(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setForm(TrainForm.defaultsFor(TaskKind.TEXT).withCell(CellType.LSTM).withHidden(16)
                .withBatch(4).withNumSteps(8).withEpochs(100_000)));
        // pressed on the JavaFX thread: TestFX's clickOn(node) reads the button's bounds on the test thread,
        // and a text layout there races JavaFX's one shared glyph layout while the running training relabels
        robot.interact(() -> view.startButton().fire());
        assertEquals(RunState.RUNNING, vm.getState());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lossPoints() >= 3);
        int seen = lossPoints();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lossPoints() > seen);
        robot.interact(() -> view.pauseButton().fire());
        assertEquals(RunState.PAUSED, vm.getState());
        // the last update applied, once the run has settled between two updates
        int last = vm.worker().call(r -> r.updates().size()).get(30, TimeUnit.SECONDS) - 1;
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.updatesProperty().get() == last + 1);
        robot.interact(() -> view.stepInto(last));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.getWalkthrough() != null
                && !session.busyProperty().get());
        SteppedUpdate expected = vm.stepInto(last, 0).get(30, TimeUnit.SECONDS);
        assertEquals(expected.snapshot().update().index(), last);
        assertEquals(expected.sequence().steps(), session.getWalkthrough().steps());
        assertEquals(expected.snapshot().params().weightHh.get(0, 0),
                session.getWalkthrough().model().params().weightHh.get(0, 0), 0.0);
        robot.interact(vm::resume);
        assertEquals(RunState.RUNNING, vm.getState());
        int before = vm.updatesProperty().get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.updatesProperty().get() > before);
        robot.interact(vm::cancel);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.getState() == RunState.CANCELLED);
        assertTrue(vm.worker().await(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !TrainingViewModelTest.trainingThreadsLeft());
        assertFalse(TrainingViewModelTest.trainingThreadsLeft());
        assertNotNull(view.gradChart().levels().isEmpty() ? null : view.gradChart().levels().get(0));
        assertEquals(1.0, view.gradChart().levels().get(0).value());
    }

    @Test
    void theBatchPictureRedrawsAtOnceWhenBOrNumStepsChange(FxRobot robot) {
        robot.interact(() -> {
            view.taskChoice().setValue(TaskKind.TEXT);
            view.tabs().getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.batchField().setText("3"));
        assertEquals(3, view.batchFrame().geometry().streams());
        robot.interact(() -> view.numStepsField().setText("5"));
        assertEquals(5, view.batchFrame().geometry().numSteps());
        int windows = view.batchFrame().geometry().windows();
        robot.interact(() -> view.numStepsField().setText("2"));
        assertTrue(view.batchFrame().geometry().windows() > windows);
        robot.interact(() -> view.batchField().setText("2"));
        assertEquals(2, view.batchFrame().geometry().streams());
        assertEquals(-1, view.batchFrame().current());
    }
}
