package org.unroll.ui.shell;

import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.unroll.ui.Theme;

/**
 * Applies a {@link ZoomModel} to a scene: the Unroll stylesheet, the root font size as an inline
 * {@code -fx-font-size} (everything sized in em follows it), the {@code presenter} style class on the root,
 * and the keys Shortcut+plus / Shortcut+minus / Shortcut+0 (Shortcut is Ctrl, or Cmd on a Mac).
 */
public final class ZoomSceneBinder {

    private static final String FONT_SIZE_RULE = "-fx-font-size:\\s*[^;]*;?";

    private ZoomSceneBinder() {
    }

    /** Binds {@code model} to {@code scene} for the life of the scene, following root changes. */
    public static void bind(ZoomModel model, Scene scene) {
        if (!scene.getStylesheets().contains(Theme.stylesheet())) {
            scene.getStylesheets().add(Theme.stylesheet());
        }
        Runnable apply = () -> apply(model, scene.getRoot());
        model.fontSizeProperty().addListener((obs, old, now) -> apply.run());
        model.presenterProperty().addListener((obs, old, now) -> apply.run());
        scene.rootProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getStyleClass().remove(Theme.PRESENTER);
            }
            apply.run();
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (handleKey(model, e)) {
                e.consume();
            }
        });
        apply.run();
    }

    /** Sets the root font size and the presenter class on {@code root}. */
    public static void apply(ZoomModel model, Parent root) {
        if (root == null) {
            return;
        }
        String others = root.getStyle() == null ? "" : root.getStyle().replaceAll(FONT_SIZE_RULE, "").strip();
        String fontSize = String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", model.getFontSize());
        root.setStyle(others.isEmpty() ? fontSize : others + " " + fontSize);
        boolean has = root.getStyleClass().contains(Theme.PRESENTER);
        if (model.isPresenter() && !has) {
            root.getStyleClass().add(Theme.PRESENTER);
        } else if (!model.isPresenter() && has) {
            root.getStyleClass().remove(Theme.PRESENTER);
        }
    }

    private static boolean handleKey(ZoomModel model, KeyEvent e) {
        if (!e.isShortcutDown()) {
            return false;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            model.zoomIn();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            model.zoomOut();
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            model.resetZoom();
        } else {
            return false;
        }
        return true;
    }
}
