package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.unroll.charts.ExtremeValues.Kind;

class VanishingChartTest {

    private static XYSeriesCollection data(VanishingChart c) {
        return (XYSeriesCollection) c.chart().getXYPlot().getDataset();
    }

    @Test
    void oneFlowGivesItsJacobianNormsAndBoundAgainstK() {
        VanishingChart c = new VanishingChart();
        GradientFlow rnn = SampleData.rnn();
        c.update(rnn);
        assertInstanceOf(LogAxis.class, c.chart().getXYPlot().getRangeAxis());
        XYSeriesCollection d = data(c);
        assertEquals(List.of("RNN (tanh)", "RNN (tanh) bound 0.65^(T−k)"), List.of(d.getSeriesKey(0), d.getSeriesKey(1)));
        assertEquals(SampleData.T + 1, d.getItemCount(0));
        for (int k = 0; k <= SampleData.T; k++) {
            assertEquals(k, d.getXValue(0, k));
            assertEquals(rnn.jacobianNorms()[k], d.getYValue(0, k));
            assertEquals(Math.pow(0.65, SampleData.T - k), d.getYValue(1, k), 1e-15);
        }
        XYItemRenderer r = c.chart().getXYPlot().getRenderer();
        assertEquals(r.getSeriesPaint(0), r.getSeriesPaint(1), "a bound shares its cell's colour");
        assertNotEquals(r.getSeriesStroke(0), r.getSeriesStroke(1), "the bound is dashed");
    }

    @Test
    void overlayHasEveryCellAndTheLstmCellPathWithDistinctStyles() {
        VanishingChart c = new VanishingChart();
        c.update(List.of(SampleData.rnn(), SampleData.lstm(), SampleData.gru()));
        XYSeriesCollection d = data(c);
        assertEquals(7, d.getSeriesCount());
        assertEquals("LSTM cell ‖∂c_T/∂c_k‖", d.getSeriesKey(3));
        assertEquals(SampleData.lstm().cellJacobianNorms()[5], d.getYValue(3, 5));
        XYItemRenderer r = c.chart().getXYPlot().getRenderer();
        assertNotEquals(r.getSeriesPaint(0), r.getSeriesPaint(2));
        assertNotEquals(r.getSeriesPaint(2), r.getSeriesPaint(5));
        assertNotEquals(r.getSeriesShape(0), r.getSeriesShape(2));
        assertEquals(7, c.chart().getXYPlot().getLegendItems().getItemCount());
        c.update(SampleData.gru());
        assertEquals(2, data(c).getSeriesCount());
        assertEquals("GRU", data(c).getSeriesKey(0));
    }

    @Test
    void explodingValuesBecomeMarksOnTheLogAxis() {
        VanishingChart c = new VanishingChart();
        c.update(SampleData.exploding());
        XYSeriesCollection d = data(c);
        assertTrue(Double.isNaN(d.getYValue(0, 0)));
        assertTrue(Double.isNaN(d.getYValue(0, 2)));
        assertEquals(1e300, d.getYValue(0, 3));
        List<EdgeMarkAnnotation> marks = c.marks();
        assertEquals(List.of(Kind.NAN, Kind.POS_INF, Kind.POS_INF), marks.stream().map(EdgeMarkAnnotation::kind).toList());
        assertEquals(List.of(true, true, false), marks.stream().map(EdgeMarkAnnotation::labelled).toList(),
                "a run of ∞ is labelled once");
        c.update(SampleData.rnn());
        assertTrue(c.marks().isEmpty());
        assertTrue(c.chart().getXYPlot().getAnnotations().stream().noneMatch(EdgeMarkAnnotation.class::isInstance),
                "no mark left (the legend inside the plot stays)");
    }
}
