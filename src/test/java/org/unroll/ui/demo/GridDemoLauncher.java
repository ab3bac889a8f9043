package org.unroll.ui.demo;

import javafx.application.Application;

/** Test-scope main for the deep-network window's screenshots: {@link GridDemoApp} with arguments (see there). */
public final class GridDemoLauncher {
    private GridDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(GridDemoApp.class, args);
    }
}
