package org.unroll.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Phase;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Setup;

class SessionTest {
    private final Session session = new Session(Runnable::run, Runnable::run);

    @Test
    void opensOnJeepAtTheStart() {
        session.apply(Setup.JEEP);
        Walkthrough w = session.getWalkthrough();
        assertNotNull(w);
        assertEquals(3, w.steps());
        assertEquals(Cursor.START, session.getCursor());
        assertEquals(Cursor.positions(3), session.positionsProperty().get());
        assertFalse(session.canStepBackProperty().get());
        assertTrue(session.canStepForwardProperty().get());
        assertFalse(session.busyProperty().get());
    }

    @Test
    void stepsThroughEveryPointAndBack() {
        session.apply(Setup.JEEP);
        int n = Cursor.positions(3);
        for (int i = 1; i < n; i++) {
            session.stepForward();
            assertEquals(i, session.positionProperty().get());
        }
        assertEquals(Phase.UPDATE, session.getCursor().phase());
        assertTrue(session.getPoint().updateDone());
        assertFalse(session.canStepForwardProperty().get());
        session.stepForward();
        assertEquals(n - 1, session.positionProperty().get());
        for (int i = n - 2; i >= 0; i--) {
            session.stepBack();
            assertEquals(i, session.positionProperty().get());
        }
        assertFalse(session.getPoint().forwardDone(0));
    }

    @Test
    void jumpsToTheEndsOfAPhaseThenBeyond() {
        session.apply(Setup.JEEP);
        session.moveTo(Cursor.forward(1));
        session.jumpEnd();
        assertEquals(Cursor.forward(2), session.getCursor());
        session.jumpEnd();
        assertEquals(Cursor.update(), session.getCursor());
        session.moveTo(Cursor.backward(1, BackwardStage.ADD_FUTURE));
        session.jumpStart();
        assertEquals(Cursor.backward(2, BackwardStage.OUTPUT_GRADIENT), session.getCursor());
        session.jumpStart();
        assertEquals(Cursor.START, session.getCursor());
    }

    @Test
    void aChangedSetupRecomputesAndKeepsTheCursor() {
        session.apply(Setup.JEEP);
        Walkthrough before = session.getWalkthrough();
        Cursor c = Cursor.backward(1, BackwardStage.PARAMETER_GRADIENTS);
        session.moveTo(c);
        session.apply(Setup.JEEP.withCell(CellType.LSTM));
        assertNotSame(before, session.getWalkthrough());
        assertEquals(CellType.LSTM, session.getWalkthrough().model().cell());
        assertEquals(c, session.getCursor());
        assertTrue(session.getPoint().backwardDone(1, BackwardStage.PARAMETER_GRADIENTS));
    }

    @Test
    void aShorterTextClampsTheStep() {
        session.apply(Setup.JEEP.withText("abcdefgh"));
        session.moveTo(Cursor.forward(6));
        session.apply(Setup.JEEP.withText("abc"));
        assertEquals(Cursor.forward(1), session.getCursor());
    }

    @Test
    void aBadSetupReportsOneLineAndKeepsTheModel() {
        List<String> errors = new ArrayList<>();
        session.setErrorHandler(errors::add);
        session.apply(Setup.JEEP);
        Walkthrough before = session.getWalkthrough();
        session.apply(Setup.JEEP.withText("j"));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("two characters"), errors.get(0));
        assertSame(before, session.getWalkthrough());
        assertFalse(session.busyProperty().get());
    }

    @Test
    void cursorFitsALongerOrShorterWalk() {
        assertEquals(Cursor.forward(2), Cursor.forward(9).fit(3));
        assertEquals(Cursor.forward(2), Cursor.forward(2).fit(3));
        assertNull(Cursor.loss().fit(3).stage());
    }

    @Test
    void applyPublishesTheWalkMovesToTheCursorThenCompletesAndTheDiagnosticsFollow() throws Exception {
        java.util.ArrayDeque<Runnable> pass = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Runnable> diagnostics = new java.util.ArrayDeque<>();
        Session s = new Session(pass::add, diagnostics::add, Runnable::run);
        List<String> order = new ArrayList<>();
        s.walkthroughProperty().addListener((o, a, w) -> order.add("walk"));
        s.cursorProperty().addListener((o, a, c) -> order.add("cursor " + c));
        s.diagnosticsProperty().addListener((o, a, w) -> order.add(w == null ? "no diagnostics" : "diagnostics"));
        Cursor at = Cursor.backward(1, BackwardStage.ADD_FUTURE);
        java.util.concurrent.CompletableFuture<Walkthrough> done = s.apply(Setup.JEEP.withCell(CellType.LSTM), at);
        assertFalse(done.isDone());
        assertTrue(s.busyProperty().get());
        done.thenAccept(w -> order.add("done"));
        pass.poll().run();
        assertTrue(done.isDone());
        assertSame(s.getWalkthrough(), done.get());
        assertEquals(at, s.getCursor());
        assertEquals(List.of("walk", "cursor " + at, "done"), order);
        // the pass is shown before its diagnostics exist; they come from the other executor
        assertNull(s.diagnosticsProperty().get());
        assertFalse(done.get().derived().flowReady());
        assertEquals(1, diagnostics.size());
        diagnostics.poll().run();
        assertSame(done.get(), s.diagnosticsProperty().get());
        assertTrue(done.get().derived().flowReady());
        assertEquals("diagnostics", order.get(order.size() - 1));
    }

    @Test
    void aNewerSetupCancelsTheOlderRequestAndItsDiagnostics() throws Exception {
        java.util.ArrayDeque<Runnable> pass = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Runnable> diagnostics = new java.util.ArrayDeque<>();
        Session s = new Session(pass::add, diagnostics::add, Runnable::run);
        java.util.concurrent.CompletableFuture<Walkthrough> first = s.apply(Setup.JEEP, Cursor.forward(1));
        pass.poll().run();
        Walkthrough shown = first.get();
        java.util.concurrent.CompletableFuture<Walkthrough> second = s.apply(Setup.JEEP.withHiddenSize(5), Cursor.loss());
        java.util.concurrent.CompletableFuture<Walkthrough> third = s.apply(Setup.JEEP.withHiddenSize(6), Cursor.loss());
        assertTrue(second.isCancelled(), "superseded before it ran");
        // the first walk's diagnostics were asked for, then cancelled by the newer setups: they never compute
        while (!diagnostics.isEmpty()) {
            diagnostics.poll().run();
        }
        assertFalse(shown.derived().flowReady());
        assertNull(s.diagnosticsProperty().get());
        while (!pass.isEmpty()) {
            pass.poll().run();
        }
        assertEquals(6, third.get().model().hiddenSize());
        assertEquals(Cursor.loss(), s.getCursor());
        diagnostics.poll().run();
        assertSame(third.get(), s.diagnosticsProperty().get());
    }

    @Test
    void aFailureOfTheDiagnosticsIsNamedInOneTranslatedLineAndTheWalkStays() throws Exception {
        org.unroll.ui.I18n.setLocale(org.unroll.ui.I18n.ENGLISH);
        java.util.ArrayDeque<Runnable> diagnostics = new java.util.ArrayDeque<>();
        boolean[] fail = {true};
        Session s = new Session(Runnable::run, diagnostics::add, Runnable::run, w -> {
            if (fail[0]) {
                throw new IllegalStateException("power iteration did not converge");
            }
            w.derived().flow();
        });
        Walkthrough shown = s.apply(Setup.JEEP).get();
        assertNull(s.diagnosticsFailureProperty().get());
        diagnostics.poll().run();
        String line = s.diagnosticsFailureProperty().get();
        assertNotNull(line, "the failure is reported, not swallowed");
        assertEquals(org.unroll.ui.I18n.get("session.diagnosticsFailed",
                org.unroll.ui.ErrorReason.of(new IllegalStateException("power iteration did not converge"))), line);
        assertTrue(line.contains("power iteration did not converge"), line);
        assertFalse(line.contains("\n") || line.contains("IllegalStateException"), line);
        assertSame(shown, s.getWalkthrough());
        assertNull(s.diagnosticsProperty().get(), "no diagnostics are claimed ready");
        // the status line names it after the walk's own numbers
        String status = org.unroll.ui.shell.StatusText.of(shown, null, line);
        assertTrue(status.startsWith(org.unroll.ui.shell.StatusText.of(shown, null)) && status.endsWith(line), status);

        // a new walk clears it; its diagnostics succeed
        fail[0] = false;
        Walkthrough next = s.apply(Setup.JEEP.withSeed(8)).get();
        assertNull(s.diagnosticsFailureProperty().get());
        diagnostics.poll().run();
        assertNull(s.diagnosticsFailureProperty().get());
        assertSame(next, s.diagnosticsProperty().get());

        org.unroll.ui.I18n.setLocale(org.unroll.ui.I18n.TRADITIONAL_CHINESE);
        try {
            fail[0] = true;
            s.apply(Setup.JEEP.withSeed(9)).get();
            diagnostics.poll().run();
            assertTrue(s.diagnosticsFailureProperty().get().startsWith("診斷"), s.diagnosticsFailureProperty().get());
        } finally {
            org.unroll.ui.I18n.setLocale(org.unroll.ui.I18n.ENGLISH);
        }
    }

    @Test
    void aCancelledDiagnosticsRunIsNoFailure() throws Exception {
        java.util.ArrayDeque<Runnable> diagnostics = new java.util.ArrayDeque<>();
        Session s = new Session(Runnable::run, diagnostics::add, Runnable::run, w -> {
            throw new java.util.concurrent.CancellationException("a newer setup");
        });
        s.apply(Setup.JEEP).get();
        diagnostics.poll().run();
        assertNull(s.diagnosticsFailureProperty().get());
        assertNull(s.diagnosticsProperty().get());
    }

    @Test
    void aSetupThatCannotBeBuiltCompletesExceptionallyWithItsReason() {
        List<String> errors = new ArrayList<>();
        session.setErrorHandler(errors::add);
        java.util.concurrent.CompletableFuture<Walkthrough> bad = session.apply(Setup.JEEP.withText("a"), Cursor.START);
        assertTrue(bad.isCompletedExceptionally());
        assertEquals(1, errors.size());
        java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, bad::get);
        assertEquals(errors.get(0), e.getCause().getMessage());
    }

    /**
     * A newer setup stops the older walk's Jacobian norms while they run: its diagnostics thread is
     * interrupted and the products stop within a step, so the thread is free for the newer walk at once
     * instead of after seconds. The charts' tables come before the flow. Latches, no sleeps: the test waits
     * for the older flow to start, asks for the newer setup, and the older flow must end without a result.
     */
    @Test
    void aNewerSetupStopsTheOlderDiagnosticsWhileTheyRun() throws Exception {
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.LinkedBlockingQueue<Runnable> ui = new java.util.concurrent.LinkedBlockingQueue<>();
        try {
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
            Session s = new Session(Runnable::run, thread, ui::add, w -> order.add("tables T=" + w.steps()), w -> {
                order.add("flow T=" + w.steps());
                if (w.steps() == 1000) {
                    started.countDown();
                    try {
                        w.derived().flow();
                    } finally {
                        stopped.countDown();
                    }
                } else {
                    w.derived().flow();
                }
            });
            StringBuilder text = new StringBuilder();
            for (int i = 0; i <= 1000; i++) {
                text.append((char) ('a' + (i * 7) % 5));
            }
            java.util.concurrent.CompletableFuture<Walkthrough> big = s.apply(
                    Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(128).withText(text.toString()));
            ui.take().run(); // the walk is shown; its diagnostics start on their thread
            Walkthrough older = big.get();
            assertTrue(started.await(5, java.util.concurrent.TimeUnit.MINUTES), "the older flow started");
            java.util.concurrent.CompletableFuture<Walkthrough> small = s.apply(Setup.JEEP);
            assertTrue(stopped.await(5, java.util.concurrent.TimeUnit.MINUTES), "the older flow ended");
            assertFalse(older.derived().flowReady(), "it was stopped, not finished");
            // the newer walk is shown and its diagnostics run, tables first
            Walkthrough newer = null;
            while (s.diagnosticsProperty().get() == null || s.diagnosticsProperty().get() != newer) {
                ui.take().run();
                newer = small.isDone() ? small.get() : null;
            }
            assertSame(newer, s.tablesProperty().get());
            assertTrue(newer.derived().flowReady());
            assertEquals(List.of("tables T=1000", "flow T=1000", "tables T=3", "flow T=3"), order);
            // the stopped flow was not kept: asked again, it is computed in full
            assertEquals(1001, older.flow().jacobianNorms().length);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void whatThePanesShowAtOnceIsComputedWithThePassNotOnTheUiThread() throws Exception {
        java.util.ArrayDeque<Runnable> pass = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Runnable> ui = new java.util.ArrayDeque<>();
        Session s = new Session(pass::add, r -> { }, ui::add);
        java.util.concurrent.CompletableFuture<Walkthrough> atUpdate = s.apply(Setup.JEEP.withCell(CellType.GRU), Cursor.update());
        pass.poll().run();
        ui.poll().run();
        Walkthrough w = atUpdate.get();
        // σ_max(W_hh) for the status line, L' for the title at the update: ready before the UI thread publishes
        assertTrue(w.derived().sigmaMaxReady());
        assertTrue(w.derived().lossAfterUpdateReady());
        java.util.concurrent.CompletableFuture<Walkthrough> atStart = s.apply(Setup.JEEP.withSeed(3), Cursor.START);
        pass.poll().run();
        ui.poll().run();
        Walkthrough v = atStart.get();
        assertTrue(v.derived().sigmaMaxReady());
        assertFalse(v.derived().lossAfterUpdateReady(), "the title at the start does not need it: the diagnostics compute it");
    }
}
