package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.UnrollApp;
import org.unroll.ui.session.Session;

/**
 * The whole window as the app opens it, measured for a classroom projector at 1280 × 720 and on a
 * 1920 × 1080 screen, in the default and in presenter mode: no {@link Labeled} whose text is cut
 * to "…" or pushed out of sight (formula, values, the model panel), and the lesson's narration
 * whole, without scrolling. (Each chart's room is measured with ChartRoom; see docs/ui_notes.md.)
 */
@ExtendWith(ApplicationExtension.class)
public class RoomLayoutTest {
    private final ExecutorService compute = UnrollApp.computeThread();
    private Stage stage;
    private Session session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        compute.shutdownNow();
    }

    private void open(FxRobot robot, int width, int height, boolean presenter, Setup setup) throws Exception {
        robot.interact(() -> {
            I18n.setLocale(I18n.ENGLISH);
            session = new Session(compute, Platform::runLater);
            window = UnrollApp.open(stage, session);
            stage.setWidth(width);
            stage.setHeight(height);
            window.zoom().setPresenter(presenter);
            session.apply(setup);
        });
        settle();
    }

    private void settle() throws Exception {
        Settle.until(() -> session.getWalkthrough() != null && !session.busyProperty().get());
    }

    @ParameterizedTest(name = "{0}×{1} presenter={2}")
    @CsvSource({"1280, 720, false", "1280, 720, true", "1920, 1080, false", "1920, 1080, true"})
    void noLabelIsCutInTheFormulaOrTheValues(int width, int height, boolean presenter, FxRobot robot) throws Exception {
        open(robot, width, height, presenter, Setup.JEEP.withCell(CellType.LSTM));
        for (Cursor c : List.of(Cursor.START, Cursor.forward(2), Cursor.update())) {
            robot.interact(() -> session.moveTo(c));
            settle();
            assertEquals(width, window.root().getScene().getWidth(), 1);
            assertNothingCut(robot, c + ", formula");
            robot.interact(() -> window.showFocus(MainWindow.Focus.VALUES));
            WaitForAsyncUtils.waitForFxEvents();
            assertNothingCut(robot, c + ", values");
            robot.interact(() -> window.showFocus(MainWindow.Focus.FORMULA));
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> window.showModelPanel(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut(robot, "model panel open");
    }

    @ParameterizedTest(name = "{0}×{1} presenter={2}")
    @CsvSource({"1280, 720, false", "1280, 720, true", "1920, 1080, false"})
    void theLessonNarrationReadsWithoutScrolling(int width, int height, boolean presenter, FxRobot robot) throws Exception {
        open(robot, width, height, presenter, Setup.JEEP);
        ScrollPane scroll = robot.lookup(".lesson-narration-scroll").queryAs(ScrollPane.class);
        Labeled narration = robot.lookup(".lesson-narration").queryAs(Labeled.class);
        org.unroll.ui.lesson.LessonPane lesson = (org.unroll.ui.lesson.LessonPane) window.lessonSlot().getChildren().get(0);
        int steps = lesson.model().stepCountProperty().get();
        int maxLines = 0;
        for (int s = 0; s < steps; s++) {
            settle();
            WaitForAsyncUtils.waitForFxEvents();
            double lineHeight = narration.getFont().getSize() * 1.2;
            int lines = (int) Math.round(narration.getHeight() / (lineHeight + narration.getLineSpacing()));
            maxLines = Math.max(maxLines, lines);
            assertFalse(verticalBarShown(scroll), "step " + (s + 1) + " of the first lesson (" + lines + " lines) needs no scrolling");
            assertTrue(narration.getHeight() <= scroll.getViewportBounds().getHeight() + 1, "the narration is whole at step " + (s + 1));
            assertNothingCut(robot, "lesson step " + (s + 1));
            robot.interact(() -> lesson.model().next());
        }
        assertTrue(maxLines >= 3, "the narration was measured: " + maxLines + " lines at most");
    }

    /**
     * Every chart, on screen and exported at the size it shows at: each plot's data area at least
     * 560 × 300 px, at least three labelled ticks on each axis (JFreeChart's own layout and
     * refreshTicks), no title or axis label cut; and no control of the charts cut to "…". An LSTM on
     * jeep at the update with the gradient check run, so that every chart has its data.
     */
    @ParameterizedTest(name = "{0}×{1} presenter={2}")
    @CsvSource({"1280, 720, false", "1280, 720, true", "1920, 1080, false", "1920, 1080, true"})
    void everyChartHasRoomAndNothingIsCut(int width, int height, boolean presenter, FxRobot robot) throws Exception {
        open(robot, width, height, presenter, Setup.JEEP.withCell(CellType.LSTM));
        robot.interact(() -> session.moveTo(Cursor.update()));
        robot.interact(() -> window.showFocus(MainWindow.Focus.CHARTS));
        WaitForAsyncUtils.waitForFxEvents();
        org.unroll.ui.charts.ChartsPane charts = (org.unroll.ui.charts.ChartsPane) window.chartsSlot().getChildren().get(0);
        java.util.concurrent.CompletableFuture<?>[] check = new java.util.concurrent.CompletableFuture<?>[1];
        robot.interact(() -> check[0] = charts.runGradCheck());
        check[0].get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        for (org.unroll.ui.charts.ChartsViewModel.Kind kind : org.unroll.ui.charts.ChartsViewModel.Kind.values()) {
            robot.interact(() -> charts.select(kind));
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            org.jfree.chart.fx.ChartViewer viewer = charts.viewer(kind);
            double[] size = new double[2];
            int[] export = new int[2];
            robot.interact(() -> {
                size[0] = viewer.getWidth();
                size[1] = viewer.getHeight();
                int[] e = charts.exportSize();
                export[0] = e[0];
                export[1] = e[1];
            });
            assertTrue(viewer.isVisible(), kind + " shows its chart");
            org.unroll.charts.ChartRoom.Room screen = org.unroll.charts.ChartRoom.measure(viewer.getChart(), (int) size[0], (int) size[1]);
            org.unroll.charts.ChartRoom.Room exported = org.unroll.charts.ChartRoom.measure(viewer.getChart(), export[0], export[1]);
            System.out.printf("unroll.room %dx%d presenter=%s %s: screen %.0fx%.0f %s| export %dx%d %s%n", width, height,
                    presenter, kind, size[0], size[1], screen, export[0], export[1], exported);
            if (!screen.readable(560, 300, 3)) {
                problems.add(kind + " on screen " + (int) size[0] + "×" + (int) size[1] + ": " + screen);
            }
            if (!exported.readable(560, 300, 3)) {
                problems.add(kind + " exported " + export[0] + "×" + export[1] + ": " + exported);
            }
            List<String> cut = new ArrayList<>();
            robot.interact(() -> cut.addAll(cutLabels(window.root())));
            if (!cut.isEmpty()) {
                problems.add(kind + " page: " + String.join("; ", cut));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static boolean verticalBarShown(ScrollPane scroll) {
        for (Node n : scroll.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible()) {
                return true;
            }
        }
        return false;
    }

    private void assertNothingCut(FxRobot robot, String where) {
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(cutLabels(window.root())));
        assertTrue(cut.isEmpty(), where + ": " + String.join("; ", cut));
    }

    /**
     * Every shown Labeled whose drawn text differs from its text (cut to "…"), or that lies outside
     * the scene or outside a clipping ancestor (pushed out of a row); labels inside a scroll pane's
     * content may scroll away and are only checked for "…".
     */
    public static List<String> cutLabels(Parent root) {
        List<String> cut = new ArrayList<>();
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, root.getScene().getWidth(), root.getScene().getHeight());
        for (Node n : all(root)) {
            if (!(n instanceof Labeled l) || !shown(l) || l.getText() == null || l.getText().isEmpty()) {
                continue;
            }
            String drawn = drawnText(l);
            String expected = l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText();
            if (drawn != null && !drawn.equals(expected) && !drawn.replace("_", "").equals(expected)) {
                cut.add("\"" + l.getText() + "\" drawn as \"" + drawn + "\"");
                continue;
            }
            boolean scrolls = false;
            for (Node p = l.getParent(); p != null; p = p.getParent()) {
                scrolls |= p instanceof ScrollPane;
            }
            if (scrolls) {
                continue;
            }
            Bounds b = l.localToScene(l.getLayoutBounds());
            if (b.getWidth() <= 0 || b.getHeight() <= 0) {
                continue;
            }
            if (!inside(scene, b)) {
                cut.add("\"" + l.getText() + "\" outside the window at " + b);
                continue;
            }
            for (Node p = l.getParent(); p != null; p = p.getParent()) {
                if (p.getClip() != null) {
                    Bounds c = p.localToScene(p.getClip().getBoundsInParent());
                    if (!inside(c, b)) {
                        cut.add("\"" + l.getText() + "\" clipped by " + p.getClass().getSimpleName() + " at " + b);
                        break;
                    }
                }
            }
        }
        return cut;
    }

    private static boolean inside(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 1 && inner.getMinY() >= outer.getMinY() - 1
                && inner.getMaxX() <= outer.getMaxX() + 1 && inner.getMaxY() <= outer.getMaxY() + 1;
    }

    private static String drawnText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static boolean shown(Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible() || p.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Node> all(Parent root) {
        List<Node> out = new ArrayList<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            out.add(n);
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }
}
