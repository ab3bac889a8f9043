package org.unroll.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.Cursor;
import org.unroll.engine.GridCursor;
import org.unroll.engine.Lane;
import org.unroll.figures.CompareStripFigure;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;
import org.unroll.ui.shell.RoomLayoutTest;

/** The compare view: the main view's keys and stepper, a way out, room at 1280 × 720, exports. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    @TempDir
    Path dir;

    private Stage stage;
    private CompareViewModel vm;
    private CompareView view;
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger presenterToggles = new AtomicInteger();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The view in the test's window, computed synchronously, with the window's zoom as a font size and scale. */
    private void show(FxRobot robot, int width, int height, boolean presenter, List<CompareViewModel.Side> sides) {
        robot.interact(() -> {
            I18n.setLocale(I18n.ENGLISH);
            vm = new CompareViewModel(Runnable::run, Runnable::run);
            view = new CompareView(vm);
            vm.apply(CompareViewModel.defaultSetup(), sides);
            double font = presenter ? 22 : 15;
            view.setStyle("-fx-font-size: " + font + "px;");
            view.scaleProperty().set(font / 15);
            view.presenterProperty().set(presenter);
            view.setOnClose(closed::incrementAndGet);
            Scene scene = new Scene(view, width, height);
            scene.getStylesheets().add(org.unroll.ui.Theme.stylesheet());
            view.installKeys(scene, presenterToggles::incrementAndGet);
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            stage.toFront();
            view.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void cursorsAre(Cursor expected) {
        for (Session s : vm.sessions()) {
            assertEquals(expected, s.getCursor());
        }
    }

    @Test
    void theMainViewsKeysStepEverySide(FxRobot robot) {
        show(robot, 1280, 720, false, CompareViewModel.CELLS);
        robot.type(KeyCode.RIGHT);
        cursorsAre(Cursor.forward(0));
        // a presenter's clicker: Page Down and Space step on, Page Up back
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.SPACE);
        cursorsAre(Cursor.forward(2));
        robot.type(KeyCode.PAGE_UP);
        cursorsAre(Cursor.forward(1));
        robot.type(KeyCode.LEFT);
        cursorsAre(Cursor.forward(0));
        robot.type(KeyCode.END);
        cursorsAre(Cursor.forward(39));
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.HOME);
        cursorsAre(Cursor.START);
        robot.type(KeyCode.F5);
        assertEquals(1, presenterToggles.get(), "F5 toggles presenter mode as in the main view");
        // the title line is the stepper's: the stage title of the point
        robot.type(KeyCode.RIGHT);
        assertTrue(view.titleLabel().getText().startsWith("Forward"), view.titleLabel().getText());
        assertEquals(0, closed.get());
    }

    @Test
    void escCtrlMAndTheButtonLeave(FxRobot robot) {
        show(robot, 1280, 720, false, CompareViewModel.CELLS);
        robot.type(KeyCode.ESCAPE);
        assertEquals(1, closed.get());
        robot.press(KeyCode.CONTROL).press(KeyCode.M).release(KeyCode.M).release(KeyCode.CONTROL);
        assertEquals(2, closed.get());
        robot.interact(() -> view.closeButton().fire());
        assertEquals(3, closed.get());
        assertTrue(view.closeButton().isVisible());
    }

    @Test
    void theRealWindowClosesWithEscAndLeavesTheMainWindowAlone(FxRobot robot) throws Exception {
        Stage[] compare = new Stage[1];
        robot.interact(() -> {
            stage.setScene(new Scene(new javafx.scene.control.Label("main"), 1280, 720));
            stage.show();
            compare[0] = CompareView.open(stage);
        });
        CompareView v = (CompareView) compare[0].getScene().getRoot();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> v.viewModel().getStepper() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(compare[0].isShowing());
        robot.interact(() -> compare[0].requestFocus());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(compare[0].isShowing(), "Esc leaves compare mode");
        assertTrue(stage.isShowing());
    }

    @ParameterizedTest(name = "{0}×{1} presenter={2}")
    @CsvSource({"1280, 720, false", "1280, 720, true", "1920, 1080, false", "1920, 1080, true"})
    void nothingIsCutAndTheStripsHaveRoom(int width, int height, boolean presenter, FxRobot robot) {
        for (List<CompareViewModel.Side> sides : List.of(CompareViewModel.CELLS, CompareViewModel.DIRECTIONS)) {
            show(robot, width, height, presenter, sides);
            robot.interact(() -> vm.sessions().get(vm.lead()).moveToIndex(vm.sessions().get(vm.lead())
                    .positionsProperty().get() / 2));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = new java.util.ArrayList<>();
            robot.interact(() -> cut.addAll(RoomLayoutTest.cutLabels(view)));
            assertTrue(cut.isEmpty(), width + "×" + height + " " + sides + ": " + String.join("; ", cut));
            for (Canvas c : view.canvases()) {
                // three sides and the charts on a 720-pixel projector: each strip at least 70 px high
                assertTrue(c.getHeight() >= (height < 1000 ? 70 : 120), "strip " + c.getHeight() + " px high");
                CompareStripFigure.Columns cols = CompareStripFigure.columns(c.getWidth(), 40, view.scaleProperty().get());
                assertTrue(cols.column() >= CompareStripFigure.MIN_COLUMN, "column " + cols.column());
            }
            // the settings row open as well
            robot.interact(() -> {
                view.setupToggle().setSelected(true);
                view.applyCss();
                view.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            cut.clear();
            robot.interact(() -> cut.addAll(RoomLayoutTest.cutLabels(view)));
            assertTrue(cut.isEmpty(), "settings open, " + width + "×" + height + ": " + String.join("; ", cut));
        }
    }

    /**
     * Each chart has its own tab with the room the main window's charts have: a plot of at least 560 × 300 px and
     * three labelled ticks per axis (org.unroll.charts.ChartRoom, JFreeChart's own layout), at both sizes, in
     * presenter mode too, for the cells and for 1 layer vs 2; and the stepping keys still step from a chart's tab.
     */
    @ParameterizedTest(name = "{0}×{1} presenter={2}")
    @CsvSource({"1280, 720, false", "1280, 720, true", "1920, 1080, false", "1920, 1080, true"})
    void eachChartHasTheRoomOfTheMainWindowsCharts(int width, int height, boolean presenter, FxRobot robot) {
        for (List<CompareViewModel.Side> sides : List.of(CompareViewModel.CELLS, CompareViewModel.DEPTHS)) {
            show(robot, width, height, presenter, sides);
            robot.interact(() -> vm.sessions().get(vm.lead()).moveToIndex(vm.sessions().get(vm.lead())
                    .positionsProperty().get() - 2));
            WaitForAsyncUtils.waitForFxEvents();
            for (int tab = 1; tab <= 2; tab++) {
                int t = tab;
                robot.interact(() -> view.views().getSelectionModel().select(t));
                WaitForAsyncUtils.waitForFxEvents();
                double[] size = new double[2];
                org.jfree.chart.JFreeChart[] chart = new org.jfree.chart.JFreeChart[1];
                robot.interact(() -> {
                    javafx.scene.layout.Region pane = (javafx.scene.layout.Region) view.views().getTabs().get(t).getContent();
                    size[0] = pane.getWidth();
                    size[1] = pane.getHeight();
                    chart[0] = t == 1 ? view.stepNormChart().chart() : view.vanishingChart().chart();
                });
                org.unroll.charts.ChartRoom.Room room = org.unroll.charts.ChartRoom.measure(chart[0], (int) size[0], (int) size[1]);
                assertTrue(room.readable(560, 300, 3), width + "×" + height + " presenter=" + presenter + " " + sides
                        + " tab " + t + " " + (int) size[0] + "×" + (int) size[1] + ": " + room);
                List<String> cut = new java.util.ArrayList<>();
                robot.interact(() -> cut.addAll(RoomLayoutTest.cutLabels(view)));
                assertTrue(cut.isEmpty(), "tab " + t + ": " + String.join("; ", cut));
            }
            int before = vm.sessions().get(vm.lead()).positionProperty().get();
            robot.type(KeyCode.LEFT);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(before - 1, vm.sessions().get(vm.lead()).positionProperty().get(), "← from a chart's tab");
        }
    }

    @Test
    void oneLayerAgainstTwoStepsThroughTheSharedStepper(FxRobot robot) {
        show(robot, 1280, 720, false, CompareViewModel.DEPTHS);
        Session single = vm.sessions().get(0);
        Session deep = vm.sessions().get(1);
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.RIGHT);
        }
        assertEquals(GridCursor.forward(new Lane(0, Lane.Direction.FORWARD), 2), deep.gridCursorProperty().get());
        assertEquals(Cursor.forward(2), single.getCursor());
        // the title is the grid's: the layer and the step
        assertTrue(view.titleLabel().getText().contains("layer 1"), view.titleLabel().getText());
        robot.type(KeyCode.END);
        robot.type(KeyCode.END);
        assertEquals(Cursor.backward(0, BackwardStage.PASS_BACK), single.getCursor());
    }

    @Test
    void ctrlPlusZoomsTheStripsThroughTheWindowsZoom(FxRobot robot) {
        show(robot, 1280, 720, false, CompareViewModel.CELLS);
        org.unroll.ui.shell.ZoomModel zoom = new org.unroll.ui.shell.ZoomModel();
        robot.interact(() -> {
            org.unroll.ui.shell.ZoomSceneBinder.bind(zoom, view.getScene());
            view.scaleProperty().bind(zoom.fontSizeProperty().divide(org.unroll.ui.shell.ZoomModel.BASE_FONT_PX));
        });
        double before = view.scaleProperty().get();
        robot.press(KeyCode.CONTROL).press(KeyCode.EQUALS).release(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.scaleProperty().get() > before, "Ctrl + enlarges the strips: " + view.scaleProperty().get());
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT0).release(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, view.scaleProperty().get(), 1e-9);
    }

    @Test
    void aLongTextScrollsTheStripsToTheLeadsStep(FxRobot robot) {
        show(robot, 1280, 720, false, CompareViewModel.CELLS);
        String text = "a longer sentence than a projector holds at a readable column width, so the strips scroll along";
        robot.interact(() -> vm.apply(CompareViewModel.defaultSetup().withText(text), CompareViewModel.CELLS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, view.scrollOffset(), 1e-9);
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        int steps = text.length() - 1;
        CompareStripFigure.Columns cols = CompareStripFigure.columns(view.canvases().get(0).getWidth(), steps, 1);
        assertTrue(cols.maxScroll() > 0, "the columns do not fit");
        // at the last forward step, its column is in view
        double left = (steps - 1) * cols.column() - view.scrollOffset();
        assertTrue(view.scrollOffset() > 0 && left >= 0 && left + cols.column() <= view.canvases().get(0).getWidth()
                - cols.gutter(), "scrolled to " + view.scrollOffset());
    }

    @Test
    void overlaysTheSidesAndExportsEachSideAndTheWhole(FxRobot robot) throws Exception {
        show(robot, 1280, 720, false, CompareViewModel.CELLS);
        robot.interact(() -> vm.sessions().get(0).moveTo(Cursor.backward(20, BackwardStage.PASS_BACK)));
        WaitForAsyncUtils.waitForFxEvents();
        XYSeriesCollection d = (XYSeriesCollection) view.vanishingChart().chart().getXYPlot().getDataset();
        // RNN h-path and bound, LSTM h-path, cell path and bound, GRU h-path and bound
        assertEquals(7, d.getSeriesCount());
        assertEquals(vm.walks().get(0).flow().jacobianNorms()[0], d.getYValue(0, 0));
        assertEquals(21, view.stepNormChart().currentStep());
        Path side = dir.resolve("side.png");
        Path svg = dir.resolve("side.svg");
        Path all = dir.resolve("all.png");
        robot.interact(() -> {
            try {
                view.writeSide(1, side, false, 1);
                view.writeSide(1, svg, true, 1);
                view.export(all, false, 1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        var strip = ImageIO.read(side.toFile());
        assertNotNull(strip);
        assertEquals((int) view.canvases().get(1).getWidth(), strip.getWidth());
        assertTrue(Files.readString(svg).contains("<svg"));
        assertTrue(ImageIO.read(all.toFile()).getWidth() >= 1280);
    }
}
