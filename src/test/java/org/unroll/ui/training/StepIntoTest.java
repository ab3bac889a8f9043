package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;
import org.unroll.engine.Params;
import org.unroll.engine.Walkthrough;
import org.unroll.train.Update;

/**
 * Stepping into an update opens the walk the engine itself computed for it: the walks of all
 * B streams, from the snapshot's parameters and initial states, add up to the update's loss and
 * gradient (each parameter's norm), and a replayed earlier update equals the live one.
 */
class StepIntoTest {
    private final TrainingViewModel vm = new TrainingViewModel(2, 0, UpdateBatcher.DEFAULT_PERIOD_NANOS);

    @AfterEach
    void close() {
        vm.close();
    }

    private static TrainForm form(CellType cell) {
        return TrainForm.defaultsFor(TaskKind.TEXT).withCell(cell).withHidden(6).withBatch(3).withNumSteps(4)
                .withStateful(true).withEpochs(50);
    }

    @Test
    void theWalksOfEveryStreamAddUpToTheUpdate() throws Exception {
        for (CellType cell : new CellType[] {CellType.RNN, CellType.LSTM, CellType.GRU}) {
            vm.reset();
            vm.setForm(form(cell));
            vm.stepOnce();
            for (int i = 0; i < 6; i++) {
                int want = i + 1;
                TrainingViewModelTest.until(vm, () -> vm.updatesProperty().get() == want);
                vm.stepOnce();
            }
            TrainingViewModelTest.until(vm, () -> vm.updatesProperty().get() == 7);
            int index = 6;
            SteppedUpdate first = vm.stepInto(index, 0).get(60, TimeUnit.SECONDS);
            Update u = first.snapshot().update();
            assertEquals(index, u.index());
            // window 7 of a stateful run starts from the state carried out of window 6
            assertTrue(first.carried());
            assertFalse(isZero(first.snapshot().h0()));
            int streams = first.snapshot().h0().numRows;
            int targets = 0;
            double loss = 0;
            Params sum = null;
            for (int b = 0; b < streams; b++) {
                SteppedUpdate s = vm.stepInto(index, b).get(60, TimeUnit.SECONDS);
                Walkthrough w = new Walkthrough(s.snapshot().model(), s.sequence(), 0.1);
                loss += w.loss();
                targets += s.sequence().steps();
                Params g = w.gradients();
                if (sum == null) {
                    sum = g.copy();
                } else {
                    for (int k = 0; k < Params.NAMES.size(); k++) {
                        org.ejml.dense.row.CommonOps_DDRM.addEquals(sum.tensor(k), g.tensor(k));
                    }
                }
            }
            // the update's loss and gradient are the mean over the B·k (stream, step) pairs
            assertEquals(u.loss(), loss / targets, 1e-10, cell + " loss");
            for (int k = 0; k < Params.NAMES.size(); k++) {
                double n = org.ejml.dense.row.NormOps_DDRM.normF(sum.tensor(k)) / targets;
                assertEquals(u.paramNorms()[k], n, 1e-10, cell + " " + Params.NAMES.get(k));
            }
            assertEquals(u.gradNorm(), sum.globalNorm() / targets, 1e-10, cell + " ‖g‖");
        }
    }

    /** A replayed update agrees with the live one to rounding (a different update differs by far more). */
    private static final double REPLAY_TOLERANCE = 1e-12;

    @Test
    void aReplayedEarlierUpdateEqualsTheLiveOne() throws Exception {
        vm.setForm(form(CellType.LSTM));
        vm.stepOnce();
        for (int i = 1; i < 4; i++) {
            int want = i;
            TrainingViewModelTest.until(vm, () -> vm.updatesProperty().get() == want);
            vm.stepOnce();
        }
        TrainingViewModelTest.until(vm, () -> vm.updatesProperty().get() == 4);
        SteppedUpdate live = vm.stepInto(3, 1).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            int want = 5 + i;
            vm.stepOnce();
            TrainingViewModelTest.until(vm, () -> vm.updatesProperty().get() == want);
        }
        SteppedUpdate replayed = vm.stepInto(3, 1).get(60, TimeUnit.SECONDS);
        // Equal to rounding: the Vector API's interpreted fallback and its JIT intrinsics may round a
        // reduction differently, and which iterations run compiled depends on the JIT's timing.
        assertEquals(live.snapshot().update().loss(), replayed.snapshot().update().loss(), REPLAY_TOLERANCE);
        assertEquals(live.snapshot().windowStart(), replayed.snapshot().windowStart());
        for (int k = 0; k < Params.NAMES.size(); k++) {
            assertArrayEquals(live.snapshot().params().tensor(k).data, replayed.snapshot().params().tensor(k).data, REPLAY_TOLERANCE);
        }
        assertArrayEquals(live.snapshot().h0().data, replayed.snapshot().h0().data, REPLAY_TOLERANCE);
        assertArrayEquals(live.snapshot().c0().data, replayed.snapshot().c0().data, REPLAY_TOLERANCE);
        assertArrayEquals(live.sequence().inputs().data, replayed.sequence().inputs().data, 0.0);
    }

    private static boolean isZero(DMatrixRMaj m) {
        for (double v : m.data) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
