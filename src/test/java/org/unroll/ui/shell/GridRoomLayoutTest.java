package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridWalk;
import org.unroll.engine.Lane;
import org.unroll.figures.GridTimelineFigure;
import org.unroll.figures.GridTimelineLayout;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.UnrollApp;
import org.unroll.ui.session.Session;
import org.unroll.ui.timeline.TimelineViewModel;

/**
 * A deep grid in the whole window at 1280 × 720, default and presenter mode: L = 3 layers, both
 * directions, T = 20 keeps its text at 12 px or more (readable from the back of a room), the
 * grid scrolling so that the cell at the cursor is always whole in view; and a lesson step that
 * walks a grid keeps its lesson row (the question's options, the step's row) on screen.
 */
@ExtendWith(ApplicationExtension.class)
class GridRoomLayoutTest {
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

    private void open(FxRobot robot, boolean presenter) {
        robot.interact(() -> {
            I18n.setLocale(I18n.ENGLISH);
            session = new Session(compute, Platform::runLater);
            window = UnrollApp.open(stage, session);
            stage.setWidth(1280);
            stage.setHeight(720);
            window.zoom().setPresenter(presenter);
        });
    }

    private void settle() {
        Settle.until(() -> session.getGridWalk() != null && !session.busyProperty().get());
    }

    @ParameterizedTest(name = "presenter={0}")
    @ValueSource(booleans = {false, true})
    void threeLayersBothDirectionsTwentyStepsStayReadable(boolean presenter, FxRobot robot) {
        open(robot, presenter);
        robot.interact(() -> session.apply(Setup.JEEP.withLayers(3).withBidirectional(true)
                .withText("the quick brown foxes")));
        settle();
        GridWalk w = session.getGridWalk();
        assertNotNull(w, "the grid is shown");
        TimelineViewModel vm = window.timeline().viewModel();
        for (Lane lane : w.lanes()) {
            for (GridCursor c : List.of(GridCursor.forward(lane, 10), GridCursor.backward(lane, 19, BackwardStage.OUTPUT_GRADIENT),
                    GridCursor.backward(lane, 0, BackwardStage.PASS_BACK))) {
                robot.interact(() -> session.moveToIndex(w.order(0).indexOf(c)));
                WaitForAsyncUtils.waitForFxEvents();
                GridTimelineFigure.Frame f = vm.getGridFrame();
                GridTimelineLayout lay = GridTimelineFigure.layout(f, vm.viewportWidth(), vm.viewportHeight());
                String where = c + " in a " + vm.viewportWidth() + " × " + vm.viewportHeight() + " timeline";
                assertTrue(lay.smallFont() >= 12, "small text " + lay.smallFont() + " px at " + where);
                assertTrue(lay.rowShown(lane), "the cursor's row is whole in view at " + where);
                assertTrue(lay.columnX(c.time()) >= lay.gutter() && lay.columnX(c.time()) + lay.columnWidth() <= lay.width() + 0.5,
                        "the cursor's step is in view at " + where);
            }
        }
        assertTrue(vm.maxScrollYProperty().get() > 0, "six rows of readable height scroll in a 720 px window");
    }

    @ParameterizedTest(name = "presenter={0}")
    @ValueSource(booleans = {false, true})
    void aLessonStepOnAGridKeepsItsQuestionAndRowOnScreen(boolean presenter, FxRobot robot) {
        open(robot, presenter);
        org.unroll.ui.lesson.LessonViewModel m =
                ((org.unroll.ui.lesson.LessonPane) window.lessonSlot().getChildren().get(0)).model();
        robot.interact(() -> m.lessons().stream().filter(l -> l.id().equals("21-stacked-bidirectional-masked"))
                .findFirst().ifPresent(m::choose));
        // step 3 asks its question over the batch's grid
        robot.interact(m::next);
        robot.interact(m::next);
        settle();
        assertNotNull(session.getGridWalk(), "the step walks a grid");
        double height = window.root().getScene().getHeight();
        List<Node> must = new java.util.ArrayList<>(robot.lookup(".lesson-question-option").queryAll());
        assertFalse(must.isEmpty(), "the question's options are shown");
        must.add(robot.lookup(".lesson-step").query());
        for (Node n : must) {
            Bounds b = n.localToScene(n.getBoundsInLocal());
            assertTrue(n.isVisible() && b.getMaxY() <= height + 0.5 && b.getMinY() >= 0,
                    n + " at " + b.getMinY() + " … " + b.getMaxY() + " in a scene " + height + " high");
        }
        assertFalse(m.narrationProperty().get().contains("…"), m.narrationProperty().get());
        // step 4 quotes the grid walk's gradients from above and from the future: filled from the walk shown
        robot.interact(() -> m.answerOption(2));
        robot.interact(m::next);
        settle();
        Settle.until(() -> session.getGridWalk() != null && session.getGridWalk().model().layers() == 2);
        GridWalk w = session.getGridWalk();
        String above = org.unroll.lesson.GridPlaceholders.fill("{dh_above_norm_l1_fwd[1]}", w, session.getGridScenario(), 0);
        String text = m.narrationProperty().get();
        assertTrue(text.contains("norm " + above + " from layer 2"), above + " in: " + text);
        assertFalse(text.contains("?}") || text.contains("…"), text);
    }
}
