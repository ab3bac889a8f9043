package org.unroll.ui.training;

import java.awt.geom.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.fx.FXGraphics2D;

/**
 * A full-size chart (fonts made for a whole 1280×720 slide) drawn scaled down into a smaller
 * region, so its text keeps its proportions; redrawn whenever the chart changes or the region
 * is resized.
 */
final class ScaledChartView extends Region {
    private final Canvas canvas = new Canvas();
    private final FXGraphics2D g = new FXGraphics2D(canvas.getGraphicsContext2D());
    private final JFreeChart chart;
    private final double scale;

    ScaledChartView(JFreeChart chart, double scale) {
        this.chart = chart;
        this.scale = scale;
        getChildren().add(canvas);
        // the chart is drawn at full size and the canvas node scaled: exact for text, lines and the
        // plot's clip alike (FXGraphics2D applied its own scale to the clip twice, cutting the data)
        canvas.getTransforms().setAll(new javafx.scene.transform.Scale(scale, scale, 0, 0));
        chart.addChangeListener(e -> draw());
        setMinSize(100, 100);
        setPrefSize(420, 240);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth() / scale);
        canvas.setHeight(getHeight() / scale);
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 10 || h < 10) {
            return;
        }
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
    }
}
