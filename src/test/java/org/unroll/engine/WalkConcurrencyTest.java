package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * One walk read from several threads at once gives, bit for bit, the numbers a single thread
 * reads: every running sum and every step contribution of every step, the gradient flow and the
 * per-step values. The reads are released together by a latch so that they overlap.
 */
class WalkConcurrencyTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 40;

    private static Walkthrough lstmWalk(long seed) {
        Random rng = new Random(seed);
        Model m = Cases.model(CellType.LSTM, Activation.TANH, 5, 8, 5, rng);
        SequenceBatch s = Cases.characters(m, 13, 1, Cases.Targets.ALL, true, rng);
        return new Walkthrough(m, s, 0.1);
    }

    /** Reference values from a walk of its own, read on this thread only. */
    private static List<double[]> singleThreaded(Walkthrough w) {
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < w.steps(); t++) {
            out.add(flat(w.runningSum(t)));
            out.add(flat(w.stepContribution(t)));
        }
        return out;
    }

    private static double[] flat(Params p) {
        int n = 0;
        for (DMatrixRMaj m : p.all()) {
            n += m.getNumElements();
        }
        double[] out = new double[n];
        int k = 0;
        for (DMatrixRMaj m : p.all()) {
            System.arraycopy(m.data, 0, out, k, m.getNumElements());
            k += m.getNumElements();
        }
        return out;
    }

    @Test
    void everyNumberReadConcurrentlyEqualsTheSingleThreadedRead() throws Exception {
        List<double[]> expected = singleThreaded(lstmWalk(81));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int wrong = 0;
        int compared = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // a fresh walk each round, so nothing has been computed before the threads start
                Walkthrough shared = lstmWalk(81);
                int steps = shared.steps();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<double[]>>> reads = new ArrayList<>();
                for (int k = 0; k < THREADS; k++) {
                    int offset = k;
                    reads.add(pool.submit(() -> {
                        go.await();
                        List<double[]> got = new ArrayList<>(expected.size());
                        for (int i = 0; i < 2 * steps; i++) {
                            got.add(null);
                        }
                        // each thread walks the steps in its own order (T = 13 is prime, so every stride visits all)
                        for (int j = 0; j < steps; j++) {
                            int t = (j * (offset + 1) + offset) % steps;
                            got.set(2 * t, flat(shared.runningSum(t)));
                            got.set(2 * t + 1, flat(shared.stepContribution(t)));
                        }
                        return got;
                    }));
                }
                go.countDown();
                for (Future<List<double[]>> f : reads) {
                    List<double[]> got = f.get();
                    for (int i = 0; i < expected.size(); i++) {
                        double[] e = expected.get(i);
                        double[] a = got.get(i);
                        for (int j = 0; j < e.length; j++) {
                            compared++;
                            if (Double.doubleToLongBits(e[j]) != Double.doubleToLongBits(a[j])) {
                                wrong++;
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(compared > 100_000, "compared " + compared);
        assertEquals(0, wrong, wrong + " of " + compared + " numbers read concurrently differ from the single-threaded read");
    }
}
