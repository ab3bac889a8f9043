package org.unroll.ui.shell;

import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.charts.ChartRoom;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.UnrollApp;
import org.unroll.ui.charts.ChartsPane;
import org.unroll.ui.charts.ChartsViewModel;
import org.unroll.ui.session.Session;

/**
 * How much room each chart gets in the real window (an LSTM on jeep at the update, the gradient
 * check run): its size on screen and exported, each plot's data area, labelled ticks per axis, and
 * the titles or axis labels that do not fit. Prints one line per chart; the numbers are in
 * docs/ui_notes.md. Run with {@code mvn test -Dtest=ChartRoomMeasurement -Dunroll.measure=true}.
 */
@EnabledIfSystemProperty(named = "unroll.measure", matches = "true")
@ExtendWith(ApplicationExtension.class)
class ChartRoomMeasurement {
    private final ExecutorService compute = UnrollApp.computeThread();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        compute.shutdownNow();
    }

    @ParameterizedTest(name = "{0}×{1} presenter={2}")
    @CsvSource({"1280, 720, false", "1280, 720, true", "1920, 1080, false", "1920, 1080, true"})
    void measure(int width, int height, boolean presenter, FxRobot robot) throws Exception {
        Session[] session = new Session[1];
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            I18n.setLocale(I18n.ENGLISH);
            session[0] = new Session(compute, Platform::runLater);
            window[0] = UnrollApp.open(stage, session[0]);
            stage.setWidth(width);
            stage.setHeight(height);
            window[0].zoom().setPresenter(presenter);
            session[0].apply(Setup.JEEP.withCell(CellType.LSTM));
        });
        Settle.until(() -> session[0].getWalkthrough() != null && !session[0].busyProperty().get());
        robot.interact(() -> session[0].moveTo(Cursor.update()));
        robot.interact(() -> window[0].showFocus(MainWindow.Focus.CHARTS));
        WaitForAsyncUtils.waitForFxEvents();
        ChartsPane charts = (ChartsPane) window[0].chartsSlot().getChildren().get(0);
        robot.interact(charts::runGradCheck);
        Settle.until(() -> !charts.isCheckRunning());
        for (ChartsViewModel.Kind kind : ChartsViewModel.Kind.values()) {
            robot.interact(() -> charts.select(kind));
            WaitForAsyncUtils.waitForFxEvents();
            ChartViewer viewer = null;
            for (Node n : charts.lookupAll(".chart-viewer")) {
                if (n instanceof ChartViewer v && v.isVisible() && v.getScene() != null && v.getWidth() > 0
                        && v.localToScene(v.getLayoutBounds()).getMinX() >= 0 && visible(v)) {
                    viewer = v;
                }
            }
            if (viewer == null) {
                System.out.printf("unroll.measure %dx%d presenter=%s %s: no chart shown%n", width, height, presenter, kind);
                continue;
            }
            int w = (int) viewer.getWidth();
            int h = (int) viewer.getHeight();
            ChartRoom.Room room = ChartRoom.measure(viewer.getChart(), w, h);
            int[] e = charts.exportSize();
            ChartRoom.Room exported = ChartRoom.measure(viewer.getChart(), e[0], e[1]);
            System.out.printf("unroll.measure %dx%d presenter=%s %s: screen %dx%d %s| export %dx%d %s| readable %s%n",
                    width, height, presenter, kind, w, h, room, e[0], e[1], exported, room.readable(560, 300, 3));
        }
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
