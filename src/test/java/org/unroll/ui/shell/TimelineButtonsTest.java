package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/** The timeline's −/+/↔ never cover the figure's steps (they covered "t = 1" in presenter mode), nor shrink it below its text. */
@ExtendWith(ApplicationExtension.class)
class TimelineButtonsTest {
    private final ExecutorService compute = Executors.newSingleThreadExecutor();
    private Session session;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.setLocale(I18n.ENGLISH);
        session = new Session(compute, Platform::runLater);
        window = BareWindow.show(stage, session);
        session.apply(Setup.JEEP);
    }

    @AfterEach
    void stop() {
        compute.shutdownNow();
    }

    private void check(FxRobot robot, double w, double h, boolean presenter) throws Exception {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
            window.zoom().setPresenter(presenter);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> session.getWalkthrough() != null && !session.busyProperty().get()).get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        String where = w + "×" + h + (presenter ? " presenter" : "");
        Bounds figure = WaitForAsyncUtils.asyncFx(() -> window.timeline().canvas().localToScene(
                window.timeline().canvas().getBoundsInLocal())).get(10, TimeUnit.SECONDS);
        assertTrue(figure.getHeight() > 100, where + ": the figure has room " + figure);
        double scale = WaitForAsyncUtils.asyncFx(() -> window.timeline().viewModel().scale()).get(10, TimeUnit.SECONDS);
        // the bottom left corner up to step 1's input holds only the row labels: the buttons may sit there
        double gutterRight = figure.getMinX() + org.unroll.figures.TimelineLayout.firstInputLeft(scale);
        for (Node b : robot.lookup(".timeline-zoom-button").queryAll()) {
            Bounds button = WaitForAsyncUtils.asyncFx(() -> b.localToScene(b.getBoundsInLocal())).get(10, TimeUnit.SECONDS);
            assertTrue(b.isVisible() && button.getWidth() > 0, where + ": the button shows");
            boolean overFigure = button.intersects(figure.getMinX(), figure.getMinY(), figure.getWidth(), figure.getHeight() - 0.5);
            assertFalse(overFigure && button.getMaxX() > gutterRight,
                    where + ": " + button + " lies over the steps of the figure " + figure + " (gutter to " + gutterRight + ")");
        }
        // and the figure keeps the scale at which its steps show their text (a row of its own for the buttons took that)
        assertTrue(org.unroll.figures.TimelineLayout.COLUMN * scale >= 150, where + ": the steps show their text at scale " + scale);
    }

    @Test
    void theButtonsNeverCoverTheFigure(FxRobot robot) throws Exception {
        check(robot, 1280, 720, true);
        check(robot, 1280, 720, false);
        check(robot, 1920, 1080, true);
        check(robot, 1920, 1080, false);
    }
}
