package org.unroll.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.Cursor;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

class StepperViewModelTest {
    private final Session session = new Session(Runnable::run, Runnable::run);
    private final StepperViewModel vm = new StepperViewModel(session);

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void theTitleNamesThePointWithItsEquation() {
        session.apply(Setup.JEEP);
        assertTrue(vm.titleProperty().get().startsWith("Start"), vm.titleProperty().get());
        session.moveTo(Cursor.forward(1));
        assertEquals("Forward · step 2 of 3: h₂ = tanh(W_hh h₁ + W_xh x₂ + b)", vm.titleProperty().get());
        session.moveTo(Cursor.backward(2, BackwardStage.ADD_FUTURE));
        assertEquals("Backward · step 3 of 3 · stage 2 of 4: add the gradient from the future, dh_next", vm.titleProperty().get());
        session.moveTo(Cursor.backward(0, BackwardStage.PASS_BACK));
        assertTrue(vm.titleProperty().get().endsWith("pass the gradient back to h₀"), vm.titleProperty().get());
        session.moveTo(Cursor.loss());
        assertTrue(vm.titleProperty().get().contains("L = L₁ + L₂ + L₃ = "), vm.titleProperty().get());
        assertEquals("Point 5 of 18", vm.positionProperty().get());
    }

    @Test
    void playRunsToTheEndAndStops() {
        session.apply(Setup.JEEP);
        vm.togglePlay();
        assertTrue(vm.isPlaying());
        int ticks = 0;
        while (vm.isPlaying() && ticks < 100) {
            vm.tick();
            ticks++;
        }
        assertFalse(vm.isPlaying(), "stopped by itself");
        assertEquals(Cursor.update(), session.getCursor());
        assertEquals(Cursor.positions(3) - 1, ticks, "one point per tick");
        vm.togglePlay();
        assertTrue(vm.isPlaying(), "play at the end starts over");
        assertEquals(Cursor.START, session.getCursor());
    }

    @Test
    void steppingByHandPausesAndSpeedSetsTheInterval() {
        session.apply(Setup.JEEP);
        vm.togglePlay();
        vm.stepForward();
        assertFalse(vm.isPlaying());
        assertEquals(1, session.positionProperty().get());
        vm.speedProperty().set(4.0);
        assertEquals(250, vm.intervalMillis(), 1e-9);
        vm.jumpEnd();
        assertEquals(Cursor.forward(2), session.getCursor());
    }
}
