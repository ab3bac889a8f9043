package org.unroll.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unroll.ui.shell.ZoomModel;
import org.unroll.ui.shell.ZoomSceneBinder;

/**
 * Renders the UiKitDemo content at 1280×720 in normal and presenter mode and writes PNGs for a human to
 * look at (directory: system property unroll.snapshotDir, default $TMPDIR/unroll-snapshots).
 */
@ExtendWith(ApplicationExtension.class)
class SnapshotTest {

    @Start
    void start(Stage stage) {
        // The scenes below are snapshotted off-window: a 1280×720 scene on Monocle's headless screen
        // trips its uploading painter (BufferOverflowException), and no window is needed for a snapshot.
    }

    @Test
    void writesNormalAndPresenterSnapshots(FxRobot robot) throws IOException {
        File dir = new File(System.getProperty("unroll.snapshotDir", System.getProperty("java.io.tmpdir") + "/unroll-snapshots"));
        assertTrue(dir.isDirectory() || dir.mkdirs(), "cannot create " + dir);
        for (String lang : new String[] {"en", "zh_CN", "zh_TW"}) {
            for (boolean presenter : new boolean[] {false, true}) {
                WritableImage[] shot = new WritableImage[1];
                robot.interact(() -> {
                    I18n.setLocale(I18n.resolve(lang, null));
                    ZoomModel zoom = new ZoomModel();
                    zoom.setPresenter(presenter);
                    Scene scene = new Scene(UiKitDemo.content(zoom), 1280, 720);
                    ZoomSceneBinder.bind(zoom, scene);
                    shot[0] = scene.snapshot(null);
                });
                File file = new File(dir, "uikit-" + lang + (presenter ? "-presenter" : "") + ".png");
                ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", file);
                assertTrue(UiKitSmokeTest.darkPixels(shot[0]) > 1000, file + " is blank");
            }
        }
        for (boolean presenter : new boolean[] {false, true}) {
            WritableImage[] shot = new WritableImage[1];
            robot.interact(() -> {
                I18n.setLocale(I18n.ENGLISH);
                ZoomModel zoom = new ZoomModel();
                zoom.setPresenter(presenter);
                Scene scene = new Scene(UiKitDemo.heatPage(zoom), 1280, presenter ? 1800 : 1300);
                ZoomSceneBinder.bind(zoom, scene);
                shot[0] = scene.snapshot(null);
            });
            File file = new File(dir, "uikit-heat" + (presenter ? "-presenter" : "") + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", file);
            assertEquals(presenter ? 1800 : 1300, (int) shot[0].getHeight(), file + " has the page's height");
            assertTrue(UiKitSmokeTest.darkPixels(shot[0]) > 1000, file + " is blank");
            assertEquals(presenter ? 1800 : 1300, ImageIO.read(file).getHeight(), file + " was written whole");
        }
        robot.interact(() -> I18n.setLocale(I18n.ENGLISH));
    }
}
