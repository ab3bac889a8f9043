package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;

class SideBySideTest {
    @Test
    void threeCellsTrainTogetherThenShowTheirFlowBeforeAndAfter() throws Exception {
        TrainForm f = TrainForm.defaultsFor(TaskKind.ADDING).withHidden(8).withBatch(8).withLength(12)
                .withIterations(40);
        try (SideBySide s = new SideBySide(UpdateBatcher.DEFAULT_PERIOD_NANOS)) {
            s.start(f);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!s.done()) {
                s.flush();
                assertTrue(System.nanoTime() < end, "timed out");
                Thread.onSpinWait();
            }
            for (CellType c : SideBySide.CELLS) {
                assertEquals(RunState.FINISHED, s.state(c));
                assertEquals(40, s.loss(c).pointCount());
            }
            List<SideBySide.Flows> flows = s.flows().get(60, TimeUnit.SECONDS);
            assertEquals(3, flows.size());
            for (SideBySide.Flows fl : flows) {
                assertEquals(12, fl.trained().jacobianNorms().length - 1);
                assertNotEquals(fl.untrained().jacobianNorms()[0], fl.trained().jacobianNorms()[0]);
            }
            assertEquals(CellType.LSTM, flows.get(1).cell());
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (TrainingViewModelTest.trainingThreadsLeft()) {
            assertTrue(System.nanoTime() < end, "training threads left");
            Thread.onSpinWait();
        }
    }

    @Test
    void cancelEndsTheThreeRunsAndKeepsTheirCurves() throws Exception {
        TrainForm f = TrainForm.defaultsFor(TaskKind.ADDING).withHidden(8).withBatch(8).withLength(12)
                .withIterations(1_000_000);
        try (SideBySide s = new SideBySide(UpdateBatcher.DEFAULT_PERIOD_NANOS)) {
            s.start(f);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (SideBySide.CELLS.stream().anyMatch(c -> s.loss(c).pointCount() < 3)) {
                s.flush();
                assertTrue(System.nanoTime() < end, "timed out");
                Thread.onSpinWait();
            }
            assertTrue(s.running());
            s.cancel();
            while (!s.done()) {
                s.flush();
                assertTrue(System.nanoTime() < end, "timed out");
                Thread.onSpinWait();
            }
            assertFalse(s.running());
            for (CellType c : SideBySide.CELLS) {
                assertEquals(RunState.CANCELLED, s.state(c));
                assertTrue(s.loss(c).pointCount() >= 3);
            }
        }
    }

    @Test
    void aStackedFormSaysTheFlowNeedsOneLayer() throws Exception {
        TrainForm f = TrainForm.defaultsFor(TaskKind.ADDING).withHidden(4).withBatch(4).withLength(6)
                .withIterations(3).withLayers(2);
        try (SideBySide s = new SideBySide(UpdateBatcher.DEFAULT_PERIOD_NANOS)) {
            s.start(f);
            java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> s.flows().get(30, TimeUnit.SECONDS));
            assertEquals(org.unroll.ui.I18n.get("train.oneLayerOnly", 2), e.getCause().getMessage());
        }
    }
}
