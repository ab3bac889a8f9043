package org.unroll.ui.stepper;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * Puts the stepping keys on a scene with an event filter, so they work whatever control has the
 * focus: a focused slider, button or choice box does not eat arrows or Space; a text field keeps them.
 */
public final class StepKeys {
    private StepKeys() {
    }

    /** Presenter mode switches, given by the shell. */
    public interface Presenter {
        void toggle();

        void off();
    }

    public static void install(Scene scene, StepperViewModel vm, Presenter presenter) {
        install(scene, () -> vm, presenter);
    }

    /**
     * As above, for a window whose stepper can be replaced (compare mode steps the side that leads):
     * the keys go to whichever stepper {@code vm} gives at the time, none while it gives null.
     */
    public static void install(Scene scene, java.util.function.Supplier<StepperViewModel> stepper, Presenter presenter) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            StepperViewModel vm = stepper.get();
            StepAction a = StepAction.of(e.getCode(), e.isShiftDown(), e.isShortcutDown(), e.isAltDown(),
                    isTextInput(scene.getFocusOwner()));
            if (vm == null && a != StepAction.PRESENTER && a != StepAction.PRESENTER_OFF) {
                return;
            }
            switch (a) {
                case FORWARD -> vm.stepForward();
                case BACK -> vm.stepBack();
                case START -> vm.jumpStart();
                case END -> vm.jumpEnd();
                case PLAY -> vm.togglePlay();
                case PRESENTER -> presenter.toggle();
                case PRESENTER_OFF -> presenter.off();
                case NONE -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** A control that edits text: a text field or area, an editable spinner or combo box (or inside one). */
    static boolean isTextInput(Node focus) {
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl t) {
                return t.isEditable();
            }
            if (n instanceof Spinner<?> s) {
                return s.isEditable();
            }
            if (n instanceof ComboBoxBase<?> c) {
                return c.isEditable();
            }
        }
        return false;
    }
}
