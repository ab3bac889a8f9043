package org.unroll.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unroll.ui.formula.FormulaImages;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.formula.FormulaPane;
import org.unroll.ui.session.Session;
import org.unroll.ui.shell.ZoomModel;
import org.unroll.ui.shell.ZoomSceneBinder;

/**
 * Both panes side by side at 1280×720 for a human to look at (directory: system property
 * unroll.snapshotDir, default $TMPDIR/unroll-snapshots): jeep at a forward step and at backward stage 3,
 * an LSTM at stage 2, in normal and presenter mode. Snapshotted off-window (see SnapshotTest).
 */
@ExtendWith(ApplicationExtension.class)
class InspectorSnapshotTest {

    @Start
    void start(Stage stage) {
    }

    private record Shot(String name, Setup setup, Cursor cursor, String lang) {
    }

    @Test
    void writesSnapshots(FxRobot robot) throws IOException {
        File dir = new File(System.getProperty("unroll.snapshotDir", System.getProperty("java.io.tmpdir") + "/unroll-snapshots"));
        assertTrue(dir.isDirectory() || dir.mkdirs(), "cannot create " + dir);
        Shot[] shots = {
            new Shot("jeep-forward", Setup.JEEP, Cursor.forward(1), "en"),
            new Shot("jeep-stage3", Setup.JEEP, Cursor.backward(1, BackwardStage.PARAMETER_GRADIENTS), "en"),
            new Shot("lstm-stage2", Setup.JEEP.withCell(CellType.LSTM), Cursor.backward(1, BackwardStage.ADD_FUTURE), "en"),
            new Shot("gru-stage4-zh", Setup.JEEP.withCell(CellType.GRU), Cursor.backward(1, BackwardStage.PASS_BACK), "zh_CN"),
            new Shot("big-forward", Setup.JEEP.withHiddenSize(32).withText("hello world"), Cursor.forward(3), "en"),
        };
        for (Shot s : shots) {
            for (boolean presenter : new boolean[] {false, true}) {
                WritableImage[] shot = new WritableImage[1];
                robot.interact(() -> {
                    I18n.setLocale(s.lang().equals("en") ? I18n.ENGLISH : I18n.SIMPLIFIED_CHINESE);
                    Session session = new Session(Runnable::run, Runnable::run);
                    session.apply(s.setup());
                    session.moveTo(s.cursor());
                    FormulaPane formulas = new FormulaPane(session, new FormulaImages());
                    InspectorPane inspector = new InspectorPane(session);
                    formulas.setPrefWidth(640);
                    inspector.setPrefWidth(640);
                    HBox.setHgrow(formulas, Priority.ALWAYS);
                    HBox.setHgrow(inspector, Priority.ALWAYS);
                    ZoomModel zoom = new ZoomModel();
                    zoom.setPresenter(presenter);
                    Scene scene = new Scene(new HBox(formulas, inspector), 1280, 720);
                    ZoomSceneBinder.bind(zoom, scene);
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    shot[0] = scene.snapshot(null);
                });
                File file = new File(dir, "panes-" + s.name() + (presenter ? "-presenter" : "") + ".png");
                ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", file);
            }
        }
        robot.interact(() -> I18n.setLocale(I18n.ENGLISH));
    }
}
