package org.unroll.ui.stepper;

import javafx.scene.input.KeyCode;

/**
 * What a key does in the main window, whatever control has the focus. Keyboard and
 * presentation clickers (which send Page Down / Page Up, arrows or Space) step; Home / End
 * jump; P plays; F5 toggles presenter mode, Escape leaves it. A focused text field keeps its
 * keys (arrows, Home, End, Space, letters); Page Up / Page Down and F5 still step and toggle.
 */
public enum StepAction {
    FORWARD, BACK, START, END, PLAY, PRESENTER, PRESENTER_OFF, NONE;

    /**
     * @param shortcut  Ctrl (or Cmd) held: nothing here, so zoom keys pass
     * @param textInput a text field (or an editable spinner or combo box) has the focus
     */
    public static StepAction of(KeyCode code, boolean shift, boolean shortcut, boolean alt, boolean textInput) {
        if (code == null || shortcut || alt) {
            return NONE;
        }
        switch (code) {
            case PAGE_DOWN:
                return FORWARD;
            case PAGE_UP:
                return BACK;
            case F5:
                return PRESENTER;
            default:
                break;
        }
        if (textInput) {
            return NONE;
        }
        return switch (code) {
            case RIGHT, KP_RIGHT -> FORWARD;
            case LEFT, KP_LEFT -> BACK;
            case SPACE -> shift ? BACK : FORWARD;
            case HOME -> START;
            case END -> END;
            case P -> PLAY;
            case ESCAPE -> PRESENTER_OFF;
            default -> NONE;
        };
    }
}
