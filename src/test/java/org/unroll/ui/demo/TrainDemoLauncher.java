package org.unroll.ui.demo;

import javafx.application.Application;

/** Test-scope main for the training screenshots: {@code TrainDemoApp} with arguments (see there). */
public final class TrainDemoLauncher {
    private TrainDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(TrainDemoApp.class, args);
    }
}
