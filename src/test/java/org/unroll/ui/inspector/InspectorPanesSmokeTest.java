package org.unroll.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.ui.formula.FormulaImages;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.formula.FormulaPane;
import org.unroll.ui.formula.FormulaView;
import org.unroll.ui.session.Session;
import org.unroll.ui.shell.ZoomModel;
import org.unroll.ui.shell.ZoomSceneBinder;

/** Both panes on a headless stage with a session on jeep, following the cursor. */
@ExtendWith(ApplicationExtension.class)
class InspectorPanesSmokeTest {

    private Session session;
    private InspectorPane inspector;
    private FormulaPane formulas;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        session = new Session(Runnable::run, Runnable::run);
        inspector = new InspectorPane(session);
        formulas = new FormulaPane(session, new FormulaImages());
        HBox root = new HBox(formulas, inspector);
        HBox.setHgrow(formulas, Priority.ALWAYS);
        HBox.setHgrow(inspector, Priority.ALWAYS);
        formulas.setPrefWidth(450);
        inspector.setPrefWidth(450);
        Scene scene = new Scene(root, 900, 600);
        ZoomSceneBinder.bind(new ZoomModel(), scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void panesFollowTheCursor(FxRobot robot) throws Exception {
        assertTrue(inspector.getEntries().isEmpty(), "nothing before a walk exists");
        robot.interact(() -> session.apply(Setup.JEEP));
        assertEquals(List.of("x_1 … x_T (inputs)", "h_0"), inspector.getTitles());
        assertEquals("Start", formulas.getHeading().getText());

        robot.interact(() -> session.moveTo(Cursor.forward(1)));
        assertTrue(inspector.getTitles().containsAll(List.of("x_t", "h_{t−1}", "h_t", "softmax(y_t)")), inspector.getTitles().toString());
        assertFalse(inspector.getTitles().contains("dh_t"));
        MatrixHeatView h = inspector.viewFor("h");
        assertNotNull(h);
        assertTrue(h.getScene() != null, "the view is in the scene");
        assertEquals(session.getWalkthrough().tape().h.get(2, 0), h.getData().values()[0][0], 0.0);
        assertTrue(formulas.getHeading().getText().contains("t = 2"), formulas.getHeading().getText());
        assertFormulaImages();

        robot.interact(session::stepForward);
        assertSame(h, inspector.viewFor("h"), "the same quantity keeps its view");
        assertEquals(session.getWalkthrough().tape().h.get(3, 0), h.getData().values()[0][0], 0.0);

        robot.interact(() -> session.moveTo(Cursor.backward(1, BackwardStage.PARAMETER_GRADIENTS)));
        assertTrue(inspector.getTitles().containsAll(List.of("dh_next", "dh_t", "δ_t", "ΔW_hh (step t)", "ΣW_hh (running sum)")),
                inspector.getTitles().toString());
        assertTrue(formulas.getContent().latex().contains("\\delta_t"));
        assertFormulaImages();

        robot.interact(() -> session.apply(Setup.JEEP.withCell(CellType.LSTM)));
        assertTrue(inspector.getTitles().contains("δ_t (dz_t)"), inspector.getTitles().toString());
        assertTrue(formulas.getHeading().getText().contains("(3)"), formulas.getHeading().getText());
        assertFormulaImages();

        robot.interact(() -> session.moveTo(Cursor.update()));
        assertTrue(inspector.getTitles().contains("W_hh (after)"));
        assertFormulaImages();
    }

    @Test
    void clickingAValueCellDoesNotMoveThePanel(FxRobot robot) {
        robot.interact(() -> session.apply(Setup.JEEP));
        robot.interact(() -> session.moveTo(Cursor.forward(1)));
        // the state h_{t−1}, near the top of the panel, wholly on screen
        MatrixHeatView h = inspector.viewFor("h_prev");
        WaitForAsyncUtils.waitForFxEvents();
        double before = h.localToScene(0, 0).getY();
        Cell first = new Cell(0, 0);
        robot.clickOn(h.cellCenterOnScreen(first));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, h.selectedCellProperty().get(), "the click kept the cell");
        assertEquals(before, h.localToScene(0, 0).getY(), 0.5, "the value line kept its height");
        robot.moveTo(h.cellCenterOnScreen(h.getData().rows() > 1 ? new Cell(1, 0) : new Cell(0, 1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, h.localToScene(0, 0).getY(), 0.5, "pointing at another cell moves nothing either");
    }

    private void assertFormulaImages() throws Exception {
        // the formulas of a new point render in the background; the previous images show meanwhile
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !formulas.isRendering()).get());
        WaitForAsyncUtils.waitForFxEvents();
        List<FormulaView> views = formulas.getFormulaViews();
        assertFalse(views.isEmpty());
        for (FormulaView v : views) {
            assertFalse(v.isFailed(), v.getLatex());
            assertNotNull(v.imageProperty().get(), v.getLatex());
            assertTrue(v.imageProperty().get().getWidth() > 10);
        }
    }
}
