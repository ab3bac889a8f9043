package org.unroll.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.unroll.engine.Activation;
import org.unroll.engine.Bptt;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;

/** A run as the app drives it: snapshots that rebuild the walk, determinism, pause, resume and cancel. */
class TrainingRunTest {

    private static TrainSpec spec(CellType cell, int epochs) {
        Random rng = new Random(11);
        int b = 3;
        int n = 10;
        Model model = new Model(cell, Activation.TANH, 3, 5, 3, null, Params.uniform(cell.gates(), 3, 5, 3, rng));
        DMatrixRMaj x = new DMatrixRMaj(n * b, 3);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        int[] y = new int[n * b];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextInt(3);
        }
        return new TrainSpec(model, StreamData.classification(b, n, x, y), 4, true, epochs,
                OptimizerSpec.adam(0.05), 1.0, Reduction.MEAN);
    }

    @Test
    void aSnapshotRebuildsTheWindowFromItsRealInitialState() {
        TrainSpec spec = spec(CellType.LSTM, 2);
        try (TrainingRun run = new TrainingRun(spec, 2)) {
            assertNull(run.snapshot());
            int seen = 0;
            Update u;
            while ((u = run.step()) != null) {
                Snapshot snap = run.snapshot();
                assertEquals(u, snap.update());
                // the update's loss is the mean over the streams of each stream's own pass,
                // each from the state the window really started from
                double sum = 0;
                for (int s = 0; s < spec.data().streams(); s++) {
                    SequenceBatch one = snap.sequence(s);
                    sum += new Bptt(snap.model(), one).forward();
                }
                assertEquals(new Bptt(snap.model(), snap.sequence(1)).forward(), snap.walkthrough(1, 0.1).loss(), 1e-12,
                        "the walk of a stream's window is that stream's pass");
                int targets = spec.data().targetCount(snap.windowStart(), snap.windowLength());
                assertEquals(u.loss(), sum / targets, 1e-12 * Math.max(1, u.loss()), "update " + u.index());
                assertEquals(snap.windowStart() + 1, snap.window().display(0), "walk step numbers run along the stream");
                assertEquals(u.window() > 0, snap.window().carriedState());
                if (u.window() > 0) {
                    assertTrue(Math.abs(snap.h0().data[0]) > 0, "a stateful window after the first starts from the carried state");
                } else {
                    assertEquals(0.0, snap.h0().data[0], "every epoch starts from zeros");
                }
                seen++;
            }
            assertEquals(run.plannedUpdates(), seen);
            assertTrue(run.finished());
            // the snapshot holds its own parameters: the run went on changing its own
            Snapshot last = run.snapshot();
            assertFalse(last.params().weightHh.data[0] == run.model().params().weightHh.data[0]);
        }
    }

    @Test
    void theSameSpecGivesTheSameNumbersOnOneThreadOrTwo() {
        TrainSpec spec = spec(CellType.GRU, 3);
        List<Double> a = losses(spec, 1);
        List<Double> b = losses(spec, 2);
        List<Double> c = losses(spec, 1);
        assertEquals(a, c, "deterministic");
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), 1e-12 * Math.max(1, a.get(i)));
        }
    }

    private static List<Double> losses(TrainSpec spec, int threads) {
        try (TrainingRun run = new TrainingRun(spec, threads)) {
            run.runToEnd();
            List<Double> out = new ArrayList<>();
            run.updates().forEach(u -> out.add(u.loss()));
            out.add(run.model().params().weightHh.data[3]);
            return out;
        }
    }

    @Test
    void eachUpdateReportsTheNormsOfEveryParameter() {
        try (TrainingRun run = new TrainingRun(spec(CellType.RNN, 1), 1)) {
            Update u = run.step();
            assertNotNull(u);
            assertEquals(Params.NAMES.size(), u.paramNorms().length);
            double sq = 0;
            for (double n : u.paramNorms()) {
                assertTrue(n > 0);
                sq += n * n;
            }
            assertEquals(u.gradNorm(), Math.sqrt(sq), 1e-12);
            assertTrue(u.clippedNorm() <= 1.0 + 1e-9);
        }
    }

    @Test
    void aJobPausesResumesAndCancelsBetweenUpdates() throws InterruptedException {
        TrainingRun run = new TrainingRun(spec(CellType.LSTM, 1000), 1);
        CountDownLatch firstFive = new CountDownLatch(5);
        CountDownLatch afterResume = new CountDownLatch(1);
        List<Update> heard = Collections.synchronizedList(new ArrayList<>());
        final TrainingJob[] holder = new TrainingJob[1];
        TrainingJob job = new TrainingJob(run, u -> {
            heard.add(u);
            firstFive.countDown();
            if (heard.size() == 5) {
                holder[0].pause();
            }
            if (heard.size() > 5) {
                afterResume.countDown();
            }
        });
        holder[0] = job;
        job.start();
        assertTrue(firstFive.await(30, TimeUnit.SECONDS));
        // paused from inside the fifth update: no sixth until resumed
        assertFalse(afterResume.await(200, TimeUnit.MILLISECONDS));
        assertEquals(5, heard.size());
        job.resume();
        assertTrue(afterResume.await(30, TimeUnit.SECONDS));
        job.cancel();
        job.await();
        assertTrue(job.isDone());
        assertNull(job.failure());
        int stopped = heard.size();
        assertTrue(stopped < run.plannedUpdates(), "cancelled long before the end");
        assertEquals(stopped, run.updates().size(), "every update the run made was heard, none after the cancel");
        run.close();
    }

    @Test
    void aPausedJobCancelsWithoutAnotherUpdate() throws InterruptedException {
        TrainingRun run = new TrainingRun(spec(CellType.RNN, 1000), 1);
        CountDownLatch one = new CountDownLatch(1);
        final TrainingJob[] holder = new TrainingJob[1];
        holder[0] = new TrainingJob(run, u -> {
            holder[0].pause();
            one.countDown();
        });
        holder[0].start();
        assertTrue(one.await(30, TimeUnit.SECONDS));
        holder[0].cancel();
        holder[0].await();
        assertEquals(1, run.updates().size());
        run.close();
    }

    @Test
    void windowsWithoutTargetsCarryTheStateButMakeNoUpdate() {
        TrainSpec base = spec(CellType.GRU, 1);
        StreamData d = (StreamData) base.data();
        int[] y = new int[d.length() * d.streams()];
        for (int r = 0; r < y.length; r++) {
            int t = r / d.streams();
            y[r] = t < 4 ? -1 : d.classTarget(r);   // window 0 has no target at all
        }
        TrainSpec spec = new TrainSpec(base.model(), StreamData.classification(d.streams(), d.length(), d.inputs(), y),
                4, true, 1, base.optimizer(), 0, Reduction.MEAN);
        try (TrainingRun run = new TrainingRun(spec, 1)) {
            Update u = run.step();
            assertEquals(1, u.window());
            assertEquals(0, u.index());
            Snapshot s = run.snapshot();
            assertTrue(Math.abs(s.h0().data[0]) > 0, "window 1 starts from window 0's final state");
            // the parameters the update started from are the initial ones: window 0 changed nothing
            assertArrayEquals(base.model().params().weightHh.data, s.params().weightHh.data);
        }
    }
}
