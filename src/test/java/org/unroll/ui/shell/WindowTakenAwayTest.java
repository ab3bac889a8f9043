package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window taken away without a window manager (GTK reports it only as iconified) is closed; an
 * iconify under a window manager is left alone. The X side (xdotool windowclose, WM_DELETE_WINDOW)
 * was checked by hand under Xvfb, see docs/ui_notes.md.
 */
@ExtendWith(ApplicationExtension.class)
class WindowTakenAwayTest {

    private Stage shown(FxRobot robot, boolean windowManager, CountDownLatch asked) throws Exception {
        Stage[] s = new Stage[1];
        robot.interact(() -> {
            s[0] = new Stage();
            s[0].setScene(new Scene(new Label("x"), 200, 100));
            WindowTakenAway.watch(s[0], () -> {
                asked.countDown();
                return windowManager;
            });
            s[0].show();
        });
        return s[0];
    }

    @Test
    void withoutAWindowManagerAnIconifiedWindowIsClosed(FxRobot robot) throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        Stage s = shown(robot, false, asked);
        robot.interact(() -> s.setIconified(true));
        assertTrue(asked.await(10, TimeUnit.SECONDS), "the window manager was asked about");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !s.isShowing()).get());
        assertFalse(s.isShowing());
    }

    @Test
    void underAWindowManagerAnIconifiedWindowStays(FxRobot robot) throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        Stage s = shown(robot, true, asked);
        robot.interact(() -> s.setIconified(true));
        assertTrue(asked.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(WaitForAsyncUtils.asyncFx(s::isShowing).get(10, TimeUnit.SECONDS));
        robot.interact(s::close);
    }

    @Test
    void xpropsAnswersAreRead() {
        assertTrue(WindowTakenAway.answersNoWindowManager(0, "_NET_SUPPORTING_WM_CHECK:  no such atom on any window.\n"));
        assertTrue(WindowTakenAway.answersNoWindowManager(0, "_NET_SUPPORTING_WM_CHECK:  not found.\n"));
        assertFalse(WindowTakenAway.answersNoWindowManager(0, "_NET_SUPPORTING_WM_CHECK(WINDOW): window id # 0x200006\n"));
        assertFalse(WindowTakenAway.answersNoWindowManager(1, "xprop:  unable to open display ''\n"), "cannot ask: left alone");
    }
}
