package org.unroll.ui;

import java.util.List;
import java.util.Random;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.unroll.ui.formula.FormulaImages;
import org.unroll.ui.formula.FormulaView;
import org.unroll.ui.formula.Tex;
import org.unroll.ui.inspector.MatrixData;
import org.unroll.ui.inspector.MatrixHeatView;
import org.unroll.ui.shell.ErrorDialogs;
import org.unroll.ui.shell.ZoomModel;
import org.unroll.ui.shell.ZoomSceneBinder;

/**
 * A window with every UI building block, for looking at them: {@code mvn test-compile} then run this main
 * with the test classpath (it is not the Application class, so the classpath launch works).
 */
public final class UiKitDemo {

    private UiKitDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo application. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            ZoomModel zoom = new ZoomModel();
            Scene scene = new Scene(content(zoom), 1280, 720);
            ZoomSceneBinder.bind(zoom, scene);
            ErrorDialogs.installUncaughtHandler();
            stage.setTitle(I18n.get("app.title"));
            stage.setScene(scene);
            stage.show();
        }
    }

    /** The demo content: a zoom toolbar, formulas and heat maps from 1×3 to 64×256. */
    public static Parent content(ZoomModel zoom) {
        Button zoomIn = new Button(I18n.get("menu.zoomIn"));
        Button zoomOut = new Button(I18n.get("menu.zoomOut"));
        ToggleButton presenter = new ToggleButton(I18n.get("menu.presenterMode"));
        zoomIn.setOnAction(e -> zoom.zoomIn());
        zoomOut.setOnAction(e -> zoom.zoomOut());
        zoomIn.disableProperty().bind(zoom.canZoomInProperty().not());
        zoomOut.disableProperty().bind(zoom.canZoomOutProperty().not());
        presenter.selectedProperty().addListener((obs, old, on) -> zoom.setPresenter(on));
        ToolBar bar = new ToolBar(zoomOut, zoomIn, presenter);

        VBox formulas = new VBox(formulas(new FormulaImages()).toArray(new FormulaView[0]));
        FlowPane heat = new FlowPane(heatMaps().toArray(new MatrixHeatView[0]));
        heat.setHgap(12);
        heat.setVgap(12);
        VBox body = new VBox(16, formulas, heat);
        body.setPadding(new Insets(12));
        BorderPane root = new BorderPane(new ScrollPane(body));
        root.setTop(bar);
        return root;
    }

    /** Only the heat maps, for looking at them without scrolling. */
    public static Parent heatPage(ZoomModel zoom) {
        FlowPane heat = new FlowPane(heatMaps().toArray(new MatrixHeatView[0]));
        heat.setHgap(12);
        heat.setVgap(12);
        heat.setPadding(new Insets(12));
        return new ScrollPane(heat);
    }

    static List<FormulaView> formulas(FormulaImages images) {
        Tex tex = Tex.DEFAULT;
        String ht = "h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b) = \\tanh\\left("
                + tex.matrix(new double[][] {{0.12, -0.5}, {0.3, 0.8}}) + tex.columnVector(new double[] {0.25, -1.5})
                + " + " + tex.columnVector(new double[] {1, 0}) + "\\right) = "
                + tex.columnVector(new double[] {-0.6352, 0.00001234});
        String dhraw = "dh_{raw} = (1 - h_t^2) \\odot (W_{hy}^\\top dy_t + dh_{next}) = "
                + tex.columnVector(new double[] {0.5, Double.NaN, Double.POSITIVE_INFINITY, 1, 2, 3, 4, 5, 6, 7, 8.5});
        return List.of(new FormulaView(ht, images), new FormulaView(dhraw, images), new FormulaView("\\frac{1}{2", images));
    }

    static List<MatrixHeatView> heatMaps() {
        Random random = new Random(7);
        MatrixHeatView x = new MatrixHeatView(MatrixData.row("x_t", new double[] {0, 1, 0})
                .withColumnLabels(List.of("j", "e", "p")));
        MatrixHeatView dh = new MatrixHeatView(MatrixData.column("dh_next", new double[] {0.25, -1.5, 0.0312}));
        MatrixHeatView whh = new MatrixHeatView(MatrixData.of("W_hh", gaussian(random, 3, 3))
                .withRowLabels(List.of("h0", "h1", "h2")).withColumnLabels(List.of("h0", "h1", "h2")));
        double[] broken = {0.4, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.2};
        MatrixHeatView bad = new MatrixHeatView(MatrixData.column("dh (overflow)", broken));
        MatrixHeatView gates = new MatrixHeatView(MatrixData.of("f gate (t × unit)", gaussian(random, 16, 40)));
        double[][] big = gaussian(random, 64, 256);
        big[3][5] = Double.NaN;
        big[10][200] = Double.POSITIVE_INFINITY;
        MatrixHeatView huge = new MatrixHeatView(MatrixData.of("dW_hh", big));
        return List.of(x, dh, whh, bad, gates, huge);
    }

    static double[][] gaussian(Random random, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = random.nextGaussian() * 0.5;
            }
        }
        return m;
    }
}
