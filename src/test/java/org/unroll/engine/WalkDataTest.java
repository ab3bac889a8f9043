package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The one owner of a walk's derived values: each computed once, shared, and equal to a direct computation. */
class WalkDataTest {

    private static Walkthrough walk(CellType cell, int steps, long seed) {
        Random rng = new Random(seed);
        Model m = Cases.model(cell, Activation.TANH, 4, 5, 4, rng);
        return new Walkthrough(m, Cases.characters(m, steps, 1, Cases.Targets.ALL, true, rng), 0.1);
    }

    @Test
    void aValueAskedByManyThreadsAtOnceIsComputedOnceAndShared() throws Exception {
        Walkthrough w = walk(CellType.GRU, 6, 1);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> got = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                got.add(pool.submit(() -> {
                    go.await();
                    return w.derived().once("table", () -> {
                        runs.incrementAndGet();
                        return new Object();
                    });
                }));
            }
            go.countDown();
            Object first = got.get(0).get();
            for (Future<Object> f : got) {
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, runs.get());
        assertSame(w.runningSum(2), w.runningSum(2));
        assertSame(w.flow(), w.flow());
    }

    @Test
    void aFailedComputationIsNotKept() {
        Walkthrough w = walk(CellType.RNN, 3, 2);
        assertThrows(IllegalStateException.class, () -> w.derived().once("k", () -> {
            throw new IllegalStateException("no");
        }));
        assertFalse(w.derived().ready("k").isPresent());
        assertEquals("yes", w.derived().once("k", () -> "yes"));
        assertEquals("yes", w.derived().ready("k").orElseThrow());
    }

    @Test
    void normsAndEntrySeriesAreTheStepContributions() {
        for (CellType cell : CellType.values()) {
            Walkthrough w = walk(cell, 7, 3);
            Map<String, double[]> norms = w.derived().contributionNorms();
            double[] entry = w.derived().entryContributions("weight_hh", 1, 2);
            for (int t = 0; t < w.steps(); t++) {
                Params c = new Bptt(w.model(), w.sequence()).stepGradientsOfFullPass(t);
                for (String name : Params.NAMES) {
                    assertEquals(frobenius(c.get(name)), norms.get(name)[t], 1e-14 * frobenius(c.get(name)), cell + " " + name + " t=" + t);
                }
                assertEquals(c.weightHh.get(1, 2), entry[t], 0.0);
            }
            assertThrows(IllegalArgumentException.class, () -> w.derived().entryContributions("bias_out", 1, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> w.runningSum(w.steps()));
        }
    }

    @Test
    void sigmaMaxAloneEqualsTheFlowsOne() {
        Walkthrough w = walk(CellType.LSTM, 4, 4);
        double alone = w.derived().sigmaMax();
        assertFalse(w.derived().flowReady());
        assertEquals(w.flow().sigmaMax(), alone, 0.0);
        assertTrue(w.derived().flowReady());
    }

    private static double frobenius(DMatrixRMaj m) {
        double s = 0;
        for (double v : m.data) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Test
    void anInterruptedFlowStopsKeepsNothingAndIsComputedInFullWhenAskedAgain() {
        Walkthrough w = walk(CellType.LSTM, 12, 4);
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.util.concurrent.CancellationException.class, w::flow);
        } finally {
            assertTrue(Thread.interrupted(), "the flag is left for the caller (and cleared here)");
        }
        assertFalse(w.derived().flowReady(), "a stopped flow is not kept");
        GradientFlow f = w.flow();
        assertEquals(13, f.jacobianNorms().length);
        Walkthrough same = walk(CellType.LSTM, 12, 4);
        assertTrue(java.util.Arrays.equals(same.flow().jacobianNorms(), f.jacobianNorms()));
        assertTrue(java.util.Arrays.equals(same.flow().cellJacobianNorms(), f.cellJacobianNorms()));
    }

    @Test
    void theLossAfterTheUpdateIsTheUpdatedModelsForwardPassComputedOnce() {
        Walkthrough w = walk(CellType.GRU, 7, 5);
        double after = w.lossAfterUpdate();
        assertEquals(new Bptt(w.updatedModel(), w.sequence()).forward(), after, 0);
        assertTrue(after < w.loss(), "one small SGD step lowers the loss of its own sequence");
        assertEquals(after, w.lossAfterUpdate(), 0);
    }
}
