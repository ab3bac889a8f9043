package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;

/** A curve of a few points (a test score every 250 updates) is drawn with markers, so one point alone shows. */
class CurveChartTest {

    @Test
    void aSparseCurveMarksItsPointsAndADenseOneDoesNot() {
        CurveChart chart = new CurveChart("t", "update", "y");
        double[] denseX = new double[CurveChart.MARKED_POINTS + 1];
        double[] denseY = new double[denseX.length];
        for (int i = 0; i < denseX.length; i++) {
            denseX[i] = i;
            denseY[i] = 1.0 / (i + 1);
        }
        chart.set(List.of(new CurveChart.Curve("test", new double[] {250}, new double[] {2.1}),
                new CurveChart.Curve("loss", denseX, denseY)));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.chart().getXYPlot().getRenderer();
        assertEquals(1, chart.dataset().getSeries(0).getItemCount());
        assertTrue(r.getSeriesShapesVisible(0), "one test score is drawn as a marker");
        assertFalse(r.getSeriesShapesVisible(1), "a curve of many points is a plain line");

        chart.set(List.of(new CurveChart.Curve("test", denseX, denseY)));
        assertFalse(r.getSeriesShapesVisible(0), "once the curve is dense its markers go");
    }
}
