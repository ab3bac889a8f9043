package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.figures.TimelineExport;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.Theme;
import org.unroll.ui.session.Session;

/** The real main window on jeep (headless Monocle), driven by the keyboard like a class would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSmokeTest {
    private final ExecutorService compute = Executors.newSingleThreadExecutor();
    private Session session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        session = new Session(compute, Platform::runLater);
        window = BareWindow.show(stage, session);
        stage.toFront();
        session.apply(Setup.JEEP);
    }

    @AfterEach
    void stop() {
        compute.shutdownNow();
    }

    /** Waits (failing after 30 s, never silently) until the session shows a walk and computes nothing. */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> session.getWalkthrough() != null && !session.busyProperty().get())
                        .get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String svgOfTimeline() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> TimelineExport.svg(window.timeline().viewModel().getFrame(), 1000, 500))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void rightArrowWalksThroughTheForwardPassAndBack(FxRobot robot) throws Exception {
        settle();
        assertTrue(window.stepperBar().backButton().isDisabled(), "nothing to go back to at the start");
        assertTrue(window.titleLabel().getText().startsWith("Start"), window.titleLabel().getText());
        assertTrue(svgOfTimeline().contains("h₁ ?"), "no h before the first step");
        long paints = window.timeline().paintCount();
        for (int t = 1; t <= 3; t++) {
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(window.titleLabel().getText().startsWith("Forward · step " + t + " of 3: h" + (char) ('₀' + t) + " = tanh("),
                    window.titleLabel().getText());
        }
        assertFalse(window.stepperBar().backButton().isDisabled());
        assertTrue(window.timeline().paintCount() >= paints + 3, "the timeline repainted on every step");
        String svg = svgOfTimeline();
        assertFalse(svg.contains("h₃ ?"), "h3 shown once computed");
        assertTrue(svg.contains("L₃ ="), "the last step's loss is shown");
        assertTrue(window.statusLabel().getText().startsWith("RNN (tanh) · H = 4 · T = 3"), window.statusLabel().getText());

        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Cursor.forward(1), session.getCursor());
        assertTrue(svgOfTimeline().contains("h₃ ?"), "stepping back hides h3 again");

        robot.type(KeyCode.END);
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Cursor.update(), session.getCursor());
        assertTrue(window.stepperBar().forwardButton().isDisabled(), "nothing after the update");
        assertTrue(window.titleLabel().getText().startsWith("Update"), window.titleLabel().getText());

        robot.type(KeyCode.HOME);
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Cursor.START, session.getCursor());
        assertTrue(window.stepperBar().backButton().isDisabled());
    }

    @Test
    void controlsDoNotEatTheSteppingKeysButTextFieldsKeepTheirs(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.showModelPanel(true));
        CheckBox scale = robot.lookup(".check-box").queryAs(CheckBox.class);
        robot.interact(scale::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, session.positionProperty().get(), "Space stepped");
        assertFalse(scale.isSelected(), "and did not tick the focused check box");

        robot.interact(() -> window.modelPanel().textField().requestFocus());
        robot.type(KeyCode.RIGHT, KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, session.positionProperty().get(), "arrows stay in the text field");
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, session.positionProperty().get(), "the clicker's Page Down still steps");
    }

    @Test
    void theModelPanelRecomputesAndABadTextKeepsTheModel(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.showModelPanel(true));
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        robot.interact(() -> window.modelPanel().textField().setText("j"));
        // a typed text is applied after a short pause
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> robot.lookup(".panel-message").queryLabeled().isVisible()).get(10, TimeUnit.SECONDS));
        settle();
        assertEquals("jeep", session.getSetup().text(), "model kept");
        assertTrue(robot.lookup(".panel-message").queryLabeled().getText().contains("two characters"));
        robot.interact(() -> window.modelPanel().textField().setText("我爱你"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> session.getWalkthrough().steps() == 2).get(30, TimeUnit.SECONDS));
        settle();
        assertEquals(2, session.getWalkthrough().steps());
        assertEquals(Cursor.forward(1), session.getCursor(), "the cursor is kept");
        assertTrue(svgOfTimeline().contains("我"));

        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.1, window.zoom().getZoom(), 1e-9);
        assertTrue(window.root().getStyleClass().contains(Theme.PRESENTER), "F5: presenter mode");
        assertNull(window.sideTabs().getScene(), "the model panel steps aside");
        assertTrue(window.timeline().getScene() != null, "the timeline stays");
        assertEquals(CellType.RNN, session.getWalkthrough().model().cell());
    }
}
