package org.unroll.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Setup;
import org.unroll.ui.session.Session;

/** The charts pane on the JavaFX thread: fed by a session, following its cursor, checking and exporting. */
@ExtendWith(ApplicationExtension.class)
class ChartsPaneTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // snapshots are taken off-window
    }

    private static <T> T onFx(FxRobot robot, java.util.function.Supplier<T> s) {
        Object[] out = new Object[1];
        robot.interact(() -> out[0] = s.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    @Test
    void followsTheSessionAndItsCursor(FxRobot robot) throws Exception {
        Session session = onFx(robot, () -> new Session(Runnable::run, Runnable::run));
        ChartsPane pane = onFx(robot, () -> new ChartsPane(session));
        robot.interact(() -> session.apply(Setup.JEEP));
        Walkthrough w = session.getWalkthrough();
        XYSeriesCollection d = (XYSeriesCollection) pane.stepNormChart().chart().getXYPlot().getDataset();
        assertEquals(0, d.getItemCount(0), "at the start no backward norm exists");
        assertTrue(pane.viewer(ChartsViewModel.Kind.STEP_NORMS).isVisible() == false, "its reason stands in for it");
        robot.interact(() -> session.moveTo(Cursor.update()));
        assertTrue(pane.viewer(ChartsViewModel.Kind.STEP_NORMS).isVisible());
        assertEquals(3, d.getItemCount(0));
        assertEquals(w.flow().dhNorms()[1], d.getYValue(0, 1));
        assertTrue(pane.showsNoGatesMessage(), "a plain RNN has no gates");

        robot.interact(() -> session.moveTo(Cursor.backward(1, BackwardStage.ADD_FUTURE)));
        assertEquals(2, pane.stepNormChart().currentStep());
        robot.interact(() -> session.moveTo(Cursor.loss()));
        assertEquals(-1, pane.stepNormChart().currentStep());
        assertEquals(w, session.getWalkthrough(), "moving the cursor recomputes nothing");

        // the W_hh slider: a new walk moves the curves
        robot.interact(() -> session.apply(Setup.JEEP.withSpectralNorm(3.0).withCell(CellType.LSTM), Cursor.update()));
        Walkthrough w2 = session.getWalkthrough();
        XYSeriesCollection v = (XYSeriesCollection) pane.vanishingChart().chart().getXYPlot().getDataset();
        assertEquals(w2.flow().jacobianNorms()[0], v.getYValue(0, 0));
        assertFalse(pane.showsNoGatesMessage());
        // gate f (index 1), step 1, unit 2: the tape's value, as the map holds it and the tooltip says it
        assertEquals(w2.tape().gates.get(0, 4 + 1), pane.gateChart().map().value(1, 0, 1));
        assertTrue(pane.gateChart().tipAt(1, pane.gateChart().yOf(1, 1)).startsWith("f  t = 1, unit 2:"));

        robot.interact(() -> pane.chooseEntry("weight_hh", 5, 2));
        assertEquals("weight_hh[5,2]", pane.entryLabel());
        var total = pane.contributionChart().entryDataset().getSeries(2);
        assertEquals(w2.gradients().weightHh.get(5, 2), total.getYValue(0));

        for (ChartsViewModel.Kind k : ChartsViewModel.Kind.values()) {
            Path png = dir.resolve(k + ".png");
            Path svg = dir.resolve(k + ".svg");
            robot.interact(() -> {
                try {
                    pane.export(k, png, false, 2);
                    pane.export(k, svg, true, 1);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertEquals(2560, ImageIO.read(png.toFile()).getWidth());
            // a chart, or (the check not run) the message that stands in for it
            assertTrue(java.nio.file.Files.readString(svg).contains("<svg") && svg.toFile().length() > 300, k + " as SVG");
        }
    }

    @Test
    void theGradientCheckRunsInTheBackgroundAndCanBeCancelled(FxRobot robot) throws Exception {
        Session session = onFx(robot, () -> new Session(Runnable::run, Runnable::run));
        ChartsPane pane = onFx(robot, () -> new ChartsPane(session));
        robot.interact(() -> session.apply(Setup.JEEP.withCell(CellType.GRU)));
        var first = onFx(robot, pane::runGradCheck);
        assertTrue(first.get(60, TimeUnit.SECONDS).allPass());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(GradCheckViewModel.State.PASSED, pane.gradCheckModel().getState());
        assertFalse(onFx(robot, pane::isCheckRunning));
        assertTrue(pane.gradCheckChart().shown() != null && pane.gradCheckChart().shown().allPass());

        // a long check, cancelled at once
        robot.interact(() -> session.apply(new Setup(CellType.LSTM, org.unroll.engine.Activation.TANH, 256, 1, 0,
                "a much longer text so that the check takes a while to finish", org.unroll.task.InitialState.ZEROS, 0.1)));
        assertEquals(null, pane.gradCheckChart().shown(), "a new model clears the old check");
        var second = onFx(robot, pane::runGradCheck);
        assertTrue(onFx(robot, pane::isCheckRunning));
        robot.interact(pane::cancelGradCheck);
        assertFalse(onFx(robot, pane::isCheckRunning));
        // completes only once the background thread has let go of the check
        assertThrows(java.util.concurrent.CancellationException.class, () -> second.get(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(GradCheckViewModel.State.CANCELLED, pane.gradCheckModel().getState());
        assertEquals(null, pane.gradCheckChart().shown(), "a cancelled check shows nothing");
    }

    @Test
    void snapshotOfTheJeepCharts(FxRobot robot) throws Exception {
        Session session = onFx(robot, () -> new Session(Runnable::run, Runnable::run));
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> {
            ChartsPane pane = new ChartsPane(session);
            session.apply(Setup.JEEP.withCell(CellType.LSTM));
            session.moveTo(Cursor.backward(1, BackwardStage.PASS_BACK));
            pane.select(ChartsViewModel.Kind.VANISHING);
            Scene scene = new Scene(pane, 1280, 720);
            shot[0] = scene.snapshot(null);
        });
        File out = new File(System.getProperty("unroll.snapshotDir", System.getProperty("java.io.tmpdir")
                + "/unroll-snapshots"), "charts-pane-jeep.png");
        out.getParentFile().mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out);
        assertEquals(1280, (int) shot[0].getWidth());
    }
}
