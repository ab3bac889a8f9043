package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.ui.I18n;

@ExtendWith(ApplicationExtension.class)
class ErrorDialogsTest {

    private Thread.UncaughtExceptionHandler previous;
    private Thread fxThread;
    private Button broken;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        fxThread = Thread.currentThread();
        previous = fxThread.getUncaughtExceptionHandler();
        broken = new Button("broken");
        broken.setOnAction(e -> {
            throw new IllegalStateException("hidden size must be >= 1\n\tat org.unroll.Engine.step(Engine.java:42)");
        });
        stage.setScene(new Scene(broken, 300, 200));
        stage.show();
        ErrorDialogs.installUncaughtHandler();
    }

    @AfterEach
    void restoreHandler(FxRobot robot) {
        robot.interact(() -> fxThread.setUncaughtExceptionHandler(previous));
        robot.lookup(".unroll-error").queryAllAs(DialogPane.class)
                .forEach(pane -> robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire()));
    }

    @Test
    void uncaughtExceptionInAHandlerShowsOneLocalizedLineWithoutStackTrace(FxRobot robot) {
        robot.clickOn(".button");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".unroll-error").queryAs(DialogPane.class);
        assertEquals("Something unexpected went wrong: hidden size must be >= 1", pane.getContentText());
        assertFalse(pane.getContentText().contains("Exception"));
        assertEquals("Error", ((Stage) pane.getScene().getWindow()).getTitle());
    }

    @Test
    void aBurstOfExceptionsShowsASingleDialog(FxRobot robot) {
        for (int i = 0; i < 5; i++) {
            javafx.application.Platform.runLater(() -> broken.fire());
        }
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> dialogs = robot.lookup(".unroll-error").queryAll();
        assertEquals(1, dialogs.size());
    }

    @Test
    void closingTheDialogLetsTheNextErrorShowAgain(FxRobot robot) {
        robot.clickOn(".button");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane first = robot.lookup(".unroll-error").queryAs(DialogPane.class);
        robot.interact(() -> first.getScene().getWindow().hide());
        // runLater, not interact: interact would hand the exception back to the test instead of the handler.
        javafx.application.Platform.runLater(() -> broken.fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, robot.lookup(".unroll-error").queryAll().size());
    }

    @Test
    void showUsesTheGivenReason(FxRobot robot) {
        robot.interact(() -> ErrorDialogs.show(null, "Could not open jeep.json"));
        DialogPane pane = robot.lookup(".unroll-error").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().startsWith("Could not open"));
    }
}
