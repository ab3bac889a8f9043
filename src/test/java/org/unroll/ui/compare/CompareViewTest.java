package org.unroll.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unroll.engine.Cursor;

/** The compare view: overlaid charts of every cell, stepped together, exported whole. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
    }

    @Test
    void overlaysTheCellsAndFollowsTheSharedCursor(FxRobot robot) throws Exception {
        CompareSession[] s = new CompareSession[1];
        CompareView[] v = new CompareView[1];
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> {
            s[0] = new CompareSession(Runnable::run, Runnable::run);
            v[0] = new CompareView(s[0]);
            s[0].applyDefault();
            s[0].moveTo(Cursor.forward(20));
            Scene scene = new Scene(v[0], 1280, 720);
            shot[0] = scene.snapshot(null);
        });
        XYSeriesCollection d = (XYSeriesCollection) v[0].vanishingChart().chart().getXYPlot().getDataset();
        // RNN h-path and bound, LSTM h-path, cell path and bound, GRU h-path and bound
        assertEquals(7, d.getSeriesCount());
        assertEquals(s[0].walks().get(0).flow().jacobianNorms()[0], d.getYValue(0, 0));
        assertEquals(21, v[0].stepNormChart().currentStep());
        File out = new File(System.getProperty("unroll.snapshotDir", System.getProperty("java.io.tmpdir")
                + "/unroll-snapshots"), "compare-view.png");
        out.getParentFile().mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out);
        Path png = dir.resolve("c.png");
        robot.interact(() -> {
            try {
                v[0].export(png, false, 1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(ImageIO.read(png.toFile()).getWidth() >= 1280);
    }

    /** RNN against LSTM at T = 40, at the end of the backward pass: the picture for the README. */
    @Test
    void rnnAgainstLstmSnapshot(FxRobot robot) throws Exception {
        File dir = new File(System.getProperty("unroll.snapshotDir", System.getProperty("java.io.tmpdir")
                + "/unroll-snapshots"));
        dir.mkdirs();
        robot.interact(() -> {
            CompareSession s = new CompareSession(Runnable::run, Runnable::run);
            CompareView v = new CompareView(s);
            s.apply(CompareSession.defaultSetup(), java.util.List.of(org.unroll.engine.CellType.RNN,
                    org.unroll.engine.CellType.LSTM));
            s.moveTo(Cursor.backward(0, org.unroll.engine.BackwardStage.PASS_BACK));
            Scene scene = new Scene(v, 1280, 720);
            WritableImage img = scene.snapshot(null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(dir, "compare-rnn-lstm-view.png"));
                v.export(new File(dir, "compare-rnn-lstm-export.png").toPath(), false, 1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(5, ((XYSeriesCollection) v.vanishingChart().chart().getXYPlot().getDataset()).getSeriesCount());
        });
    }
}
