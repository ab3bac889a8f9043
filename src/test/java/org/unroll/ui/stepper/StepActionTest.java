package org.unroll.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class StepActionTest {

    private static StepAction key(KeyCode c) {
        return StepAction.of(c, false, false, false, false);
    }

    @Test
    void arrowsPagesAndSpaceStepLikeAClicker() {
        assertEquals(StepAction.FORWARD, key(KeyCode.RIGHT));
        assertEquals(StepAction.FORWARD, key(KeyCode.PAGE_DOWN));
        assertEquals(StepAction.FORWARD, key(KeyCode.SPACE));
        assertEquals(StepAction.BACK, key(KeyCode.LEFT));
        assertEquals(StepAction.BACK, key(KeyCode.PAGE_UP));
        assertEquals(StepAction.BACK, StepAction.of(KeyCode.SPACE, true, false, false, false), "Shift+Space goes back");
        assertEquals(StepAction.START, key(KeyCode.HOME));
        assertEquals(StepAction.END, key(KeyCode.END));
        assertEquals(StepAction.PRESENTER, key(KeyCode.F5));
        assertEquals(StepAction.PLAY, key(KeyCode.P));
        assertEquals(StepAction.NONE, key(KeyCode.A));
    }

    @Test
    void aTextFieldKeepsItsKeysButTheClickerStillWorks() {
        for (KeyCode c : new KeyCode[] {KeyCode.RIGHT, KeyCode.LEFT, KeyCode.SPACE, KeyCode.HOME, KeyCode.END, KeyCode.P}) {
            assertEquals(StepAction.NONE, StepAction.of(c, false, false, false, true), c + " stays in the text field");
        }
        assertEquals(StepAction.FORWARD, StepAction.of(KeyCode.PAGE_DOWN, false, false, false, true));
        assertEquals(StepAction.PRESENTER, StepAction.of(KeyCode.F5, false, false, false, true));
    }

    @Test
    void shortcutsAreLeftToZoomAndMenus() {
        assertEquals(StepAction.NONE, StepAction.of(KeyCode.RIGHT, false, true, false, false));
        assertEquals(StepAction.NONE, StepAction.of(KeyCode.LEFT, false, false, true, false));
    }
}
