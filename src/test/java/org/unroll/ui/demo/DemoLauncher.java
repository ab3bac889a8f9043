package org.unroll.ui.demo;

import javafx.application.Application;

/** Test-scope main for screenshots and timing: {@code DemoApp} with arguments (see there). */
public final class DemoLauncher {
    private DemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(DemoApp.class, args);
    }
}
