package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;
import org.unroll.engine.StackedParams;
import org.unroll.train.TrainSpec;
import org.unroll.train.TrainingRun;

/**
 * The optimizer's step shown for an update is the one the engine's optimizer made: θ before the
 * update plus Δθ equals θ after it, for every entry of every tensor, over many updates (so the
 * moments carried from update to update are right too), for SGD, momentum and Adam, with and
 * without clipping, one layer or several; and stepping into an earlier update (replayed) gives
 * the step of that update, against the live run.
 */
class OptimizerStepTest {

    private static TrainForm form(String optimizer, CellType cell, boolean clip) {
        TrainForm d = TrainForm.defaultsFor(TaskKind.TEXT).withCell(cell).withHidden(5).withBatch(3).withNumSteps(4)
                .withStateful(true).withEpochs(3);
        return new TrainForm(d.task(), d.text(), d.cell(), d.hidden(), d.batch(), d.numSteps(), d.stateful(),
                d.length(), d.epochs(), d.iterations(), optimizer, optimizer.equals("adam") ? 0.01 : 0.5, clip,
                0.05, 3, d.layers());
    }

    @Test
    void thetaBeforePlusTheStepIsThetaAfterEveryUpdate() {
        for (String opt : new String[] {"sgd", "momentum", "adam"}) {
            for (CellType cell : new CellType[] {CellType.RNN, CellType.LSTM}) {
                for (int layers : new int[] {1, 2}) {
                    TrainForm f = form(opt, cell, true).withLayers(layers);
                    checkEveryUpdate(f.build().spec(), opt + " " + cell + " L=" + layers);
                }
            }
        }
    }

    private static void checkEveryUpdate(TrainSpec spec, String what) {
        OptimizerTrace trace = new OptimizerTrace(spec.optimizer());
        int clipped = 0;
        try (TrainingRun run = new TrainingRun(spec, 1)) {
            for (int i = 0; i < 40; i++) {
                StackedParams before = run.network().params().copy();
                var u = run.step();
                if (u == null) {
                    break;
                }
                if (u.clippedNorm() < u.gradNorm()) {
                    clipped++;
                }
                trace.observe(run.appliedGradients());
                OptimizerStep step = trace.last();
                assertEquals(i + 1, step.t());
                assertEquals(spec.optimizer().name(), step.optimizer());
                for (Map.Entry<String, DMatrixRMaj> e : run.network().params().tensors().entrySet()) {
                    OptimizerStep.Tensor x = step.tensor(e.getKey());
                    assertNotNull(x, e.getKey());
                    double[] b = before.get(e.getKey()).data;
                    double[] a = e.getValue().data;
                    for (int j = 0; j < a.length; j++) {
                        // the same operations in the same order as the engine: equal to the last bit but for rounding of p − s vs p + (−s)
                        assertEquals(a[j], b[j] + x.step()[j], 1e-15 * Math.max(1, Math.abs(a[j])),
                                what + " update " + (i + 1) + " " + e.getKey() + "[" + j + "]");
                    }
                }
            }
        }
        assertTrue(clipped > 0, what + ": clipping never bit, the test would not see the clipped gradient");
    }

    @Test
    void adamsMomentsAreTheRunningAveragesOfTheGradient() {
        TrainSpec spec = form("adam", CellType.GRU, false).build().spec();
        OptimizerTrace trace = new OptimizerTrace(spec.optimizer());
        double[] g1;
        try (TrainingRun run = new TrainingRun(spec, 1)) {
            run.step();
            trace.observe(run.appliedGradients());
            OptimizerStep first = trace.last();
            OptimizerStep.Tensor w = first.tensor("weight_hh");
            g1 = w.g().clone();
            for (int j = 0; j < g1.length; j++) {
                // after one step m = (1 − β₁)g, v = (1 − β₂)g², and the bias-corrected step is −lr·g/(|g| + ε)
                assertEquals(0.1 * g1[j], w.m()[j], 1e-15);
                assertEquals(0.001 * g1[j] * g1[j], w.v()[j], 1e-18);
                assertEquals(-0.01 * g1[j] / (Math.abs(g1[j]) + 1e-8), w.step()[j], 1e-12);
            }
            run.step();
            trace.observe(run.appliedGradients());
            OptimizerStep.Tensor w2 = trace.last().tensor("weight_hh");
            for (int j = 0; j < g1.length; j++) {
                assertEquals(0.9 * 0.1 * g1[j] + 0.1 * w2.g()[j], w2.m()[j], 1e-15);
            }
        }
    }

    @Test
    void sgdKeepsNoMomentsAndMomentumKeepsOne() {
        for (String opt : new String[] {"sgd", "momentum"}) {
            TrainSpec spec = form(opt, CellType.RNN, false).build().spec();
            OptimizerTrace trace = new OptimizerTrace(spec.optimizer());
            try (TrainingRun run = new TrainingRun(spec, 1)) {
                run.step();
                trace.observe(run.appliedGradients());
                OptimizerStep.Tensor b = trace.last().tensor("bias_ih");
                assertNull(b.v());
                if (opt.equals("sgd")) {
                    assertNull(b.m());
                } else {
                    // the first momentum step starts the buffer at g
                    assertEquals(b.g()[0], b.m()[0], 0);
                }
                assertEquals(-0.5 * b.g()[0], b.step()[0], 1e-15);
            }
        }
    }

    @Test
    void steppingIntoAnEarlierUpdateShowsItsStepAgainstTheLiveRun() {
        TrainForm f = form("adam", CellType.LSTM, true);
        int index = 9;
        SteppedUpdate replayed = TrainingViewModel.replay(f, 2, index, 1);
        assertNotNull(replayed.step());
        assertEquals(index + 1, replayed.step().t());
        StackedParams after;
        try (TrainingRun live = new TrainingRun(f.build().spec(), 2)) {
            for (int i = 0; i <= index; i++) {
                live.step();
            }
            after = live.network().params();
            // θ before (from the snapshot) + Δθ = θ after the live run's update
            var before = replayed.snapshot().params();
            for (String name : org.unroll.engine.Params.NAMES) {
                double[] b = before.get(name).data;
                double[] a = after.get(name).data;
                double[] s = replayed.step().tensor(name).step();
                for (int j = 0; j < a.length; j++) {
                    assertEquals(a[j], b[j] + s[j], 1e-12, name + "[" + j + "]");
                }
            }
        }
    }

    @Test
    void theTableHasARowPerParameterAndDashesWhereTheOptimizerKeepsNoMoments() {
        for (String opt : new String[] {"sgd", "adam"}) {
            TrainSpec spec = form(opt, CellType.RNN, false).build().spec();
            OptimizerTrace trace = new OptimizerTrace(spec.optimizer());
            try (TrainingRun run = new TrainingRun(spec, 1)) {
                run.step();
                trace.observe(run.appliedGradients());
                var rows = OptimizerStepPane.rows(trace.last(), false);
                assertEquals(7, rows.size(), "a header and six tensors");
                assertEquals("W_hh", rows.get(2).get(0));
                OptimizerStep.Tensor w = trace.last().tensor("weight_hh");
                assertEquals(org.unroll.i18n.Notation.number(w.stepNorm()), rows.get(2).get(4));
                int i = w.largest();
                assertEquals("W_hh[" + (i / w.cols() + 1) + "," + (i % w.cols() + 1) + "]", rows.get(2).get(5));
                assertEquals(opt.equals("sgd"), rows.get(2).get(2).equals("–"), opt + " ‖m‖");
                assertEquals(opt.equals("sgd"), rows.get(2).get(8).equals("–"), opt + " v of the entry");
            }
        }
        assertEquals("W_xh ℓ2 ←", OptimizerStepPane.display("weight_ih_l1_reverse", false));
        assertEquals("W_out", OptimizerStepPane.display("weight_out", false));
    }
}
