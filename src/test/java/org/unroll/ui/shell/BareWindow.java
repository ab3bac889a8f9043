package org.unroll.ui.shell;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.unroll.ui.session.Session;

/** The main window alone (no lesson, formula or charts panes in its slots), shown at 1280 × 720, for the window tests. */
final class BareWindow {
    private BareWindow() {
    }

    /** Builds the window over {@code session}, puts it on {@code stage} and shows it. */
    static MainWindow show(Stage stage, Session session) {
        MainWindow window = new MainWindow(session, new ZoomModel());
        Scene scene = new Scene(window.root(), 1280, 720);
        window.install(scene);
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
