package org.unroll.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.ui.formula.FormulaImages;
import org.unroll.ui.formula.FormulaView;
import org.unroll.ui.formula.Tex;
import org.unroll.ui.inspector.Cell;
import org.unroll.ui.inspector.MatrixData;
import org.unroll.ui.inspector.MatrixHeatView;
import org.unroll.ui.shell.ZoomModel;
import org.unroll.ui.shell.ZoomSceneBinder;

/** The building blocks on a real (headless Monocle) stage, driven by the TestFX robot. */
@ExtendWith(ApplicationExtension.class)
class UiKitSmokeTest {

    private static final String H_T = "h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b) = \\tanh("
            + Tex.DEFAULT.columnVector(new double[] {0.12, -0.5}) + ")";

    private FormulaView formula;
    private MatrixHeatView heat;
    private ZoomModel zoom;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        formula = new FormulaView(H_T, new FormulaImages());
        heat = new MatrixHeatView(MatrixData.column("dh_next", new double[] {0.25, -1.5, Double.NaN}));
        zoom = new ZoomModel();
        Scene scene = new Scene(new VBox(formula, heat), 900, 600);
        ZoomSceneBinder.bind(zoom, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void formulaIsRenderedToAnImageWithInk(FxRobot robot) {
        Image image = formula.imageProperty().get();
        assertNotNull(image);
        assertTrue(image.getWidth() > 100 && image.getHeight() > 20, image.getWidth() + "x" + image.getHeight());
        assertTrue(formula.getWidth() > 100, "laid out at its image size");
        WritableImage onScreen = snapshot(robot, formula);
        assertTrue(darkPixels(onScreen) > 300, "the formula is visible on the stage");
    }

    @Test
    void hoveringACellShowsItsExactValue(FxRobot robot) {
        robot.moveTo(heat.cellCenterOnScreen(new Cell(1, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Cell(1, 0), heat.hoveredCellProperty().get());
        assertEquals("dh_next[2] = -1.5", valueLabel(robot).getText(), "the second entry, counted from 1");

        robot.moveTo(heat.cellCenterOnScreen(new Cell(2, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("dh_next[3] = NaN", valueLabel(robot).getText());
    }

    @Test
    void clickingSelectsACellWhoseValueStaysAfterTheMouseLeaves(FxRobot robot) {
        robot.clickOn(heat.cellCenterOnScreen(new Cell(0, 0)));
        robot.moveTo(formula);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(heat.hoveredCellProperty().get());
        assertEquals(new Cell(0, 0), heat.selectedCellProperty().get());
        assertEquals("dh_next[1] = 0.25", valueLabel(robot).getText());
    }

    @Test
    void badLatexShowsTheRawTextInRed(FxRobot robot) {
        robot.interact(() -> formula.setLatex("\\frac{1}{2"));
        assertTrue(formula.isFailed());
        Label error = robot.lookup(".formula-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("\\frac{1}{2", error.getText());
        Color fill = (Color) error.getTextFill();
        assertTrue(fill.getRed() > 0.6 && fill.getGreen() < 0.3, "red text, was " + fill);
        robot.interact(() -> formula.setLatex("x_t"));
        assertTrue(!formula.isFailed() && !error.isVisible());
    }

    @Test
    void ctrlPlusZoomsAndPresenterModeEnlargesFormulaAndCells(FxRobot robot) {
        double formulaBefore = formula.imageProperty().get().getWidth();
        double heatBefore = heat.prefWidth(-1);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.1, zoom.getZoom());
        robot.interact(() -> zoom.setPresenter(true));
        assertTrue(formula.getScene().getRoot().getStyleClass().contains(Theme.PRESENTER));
        double factor = 22 * 1.1 / 15;
        assertEquals(factor, formula.imageProperty().get().getWidth() / formulaBefore, 0.15);
        double heatAfter = heat.prefWidth(-1);
        assertTrue(heatAfter > 1.3 * heatBefore, heatAfter + " vs " + heatBefore);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, zoom.getZoom());
    }

    private static Label valueLabel(FxRobot robot) {
        return robot.lookup(".matrix-value").queryAs(Label.class);
    }

    private static WritableImage snapshot(FxRobot robot, javafx.scene.Node node) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = node.snapshot(null, null));
        return out[0];
    }

    static int darkPixels(Image image) {
        PixelReader reader = image.getPixelReader();
        int dark = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if (reader.getColor(x, y).getBrightness() < 0.5) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
