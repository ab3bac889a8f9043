package org.unroll.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app: a window titled "Unroll". */
public final class UnrollApp extends Application {

    /** Starts the JavaFX toolkit and shows the app; returns when the last window closes. */
    public static void launchApp(String[] args) {
        Application.launch(UnrollApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Unroll");
        stage.show();
    }
}
