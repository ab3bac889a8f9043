package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.unroll.charts.ExtremeValues.Kind;

class StepNormChartTest {

    private static GradientFlow flow(String label, double... dh) {
        double[] jac = new double[dh.length + 1];
        java.util.Arrays.fill(jac, 1);
        return GradientFlow.withBound(label, dh, jac, null, 1, 1);
    }

    private static XYSeriesCollection data(StepNormChart c) {
        return (XYSeriesCollection) c.chart().getXYPlot().getDataset();
    }

    @Test
    void seriesHoldTheNormsAgainstT() {
        StepNormChart c = new StepNormChart();
        c.update(flow("RNN", 0.5, 0.25, 2));
        XYSeriesCollection d = data(c);
        assertEquals(1, d.getSeriesCount());
        assertEquals("RNN", d.getSeriesKey(0));
        assertEquals(3, d.getItemCount(0));
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, d.getXValue(0, i));
        }
        assertEquals(0.5, d.getYValue(0, 0));
        assertEquals(2, d.getYValue(0, 2));
        assertTrue(c.marks().isEmpty());
    }

    @Test
    void updateReplacesOldValuesWithOneRedraw() {
        StepNormChart c = new StepNormChart();
        c.update(List.of(flow("RNN", 1, 2, 3), flow("LSTM", 4, 5, 6)));
        AtomicInteger events = new AtomicInteger();
        c.chart().addChangeListener(e -> events.incrementAndGet());
        c.update(flow("GRU", 7, 8));
        assertEquals(1, events.get());
        XYSeriesCollection d = data(c);
        assertEquals(1, d.getSeriesCount());
        assertEquals("GRU", d.getSeriesKey(0));
        assertEquals(2, d.getItemCount(0));
        assertEquals(8, d.getYValue(0, 1));
        c.update(flow("GRU", 9, 10));
        assertEquals(10, data(c).getYValue(0, 1));
        assertEquals(2, events.get());
    }

    @Test
    void logScaleMarksZerosAndNonFiniteInsteadOfPlottingThem() {
        StepNormChart c = new StepNormChart();
        c.update(flow("RNN", 0, 1e300, Double.POSITIVE_INFINITY, Double.NaN, 0.5));
        // linear: a 0 is a point, ∞ and NaN are marks
        assertEquals(0, data(c).getYValue(0, 0));
        assertEquals(List.of(Kind.POS_INF, Kind.NAN), c.marks().stream().map(EdgeMarkAnnotation::kind).toList());
        c.setLogScale(true);
        assertInstanceOf(LogAxis.class, c.chart().getXYPlot().getRangeAxis());
        assertTrue(Double.isNaN(data(c).getYValue(0, 0)));
        assertEquals(1e300, data(c).getYValue(0, 1));
        assertTrue(Double.isNaN(data(c).getYValue(0, 2)));
        assertEquals(0.5, data(c).getYValue(0, 4));
        List<EdgeMarkAnnotation> marks = c.marks();
        assertEquals(List.of(Kind.ZERO, Kind.POS_INF, Kind.NAN), marks.stream().map(EdgeMarkAnnotation::kind).toList());
        assertEquals(List.of(1.0, 3.0, 4.0), marks.stream().map(EdgeMarkAnnotation::x).toList());
        assertTrue(c.chart().getXYPlot().getAnnotations().containsAll(marks));
        c.setLogScale(false);
        assertInstanceOf(NumberAxis.class, c.chart().getXYPlot().getRangeAxis());
        assertEquals(2, c.chart().getXYPlot().getAnnotations().size());
    }

    @Test
    void currentStepMarkerMovesAndGoes() {
        StepNormChart c = new StepNormChart();
        c.update(flow("RNN", 1, 2, 3));
        XYPlot p = c.chart().getXYPlot();
        assertTrue(p.getDomainMarkers(Layer.BACKGROUND) == null || p.getDomainMarkers(Layer.BACKGROUND).isEmpty());
        c.setCurrentStep(2);
        assertEquals(1, p.getDomainMarkers(Layer.BACKGROUND).size());
        assertEquals(2, ((ValueMarker) p.getDomainMarkers(Layer.BACKGROUND).iterator().next()).getValue());
        c.setCurrentStep(3);
        assertEquals(1, p.getDomainMarkers(Layer.BACKGROUND).size());
        assertEquals(3, ((ValueMarker) p.getDomainMarkers(Layer.BACKGROUND).iterator().next()).getValue());
        assertEquals(3, c.currentStep());
        c.setCurrentStep(-1);
        assertTrue(p.getDomainMarkers(Layer.BACKGROUND).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> c.setCurrentStep(-2));
        assertFalse(c.isLogScale());
    }

    @Test
    void atMostThreeFlows() {
        StepNormChart c = new StepNormChart();
        GradientFlow f = flow("RNN", 1);
        assertThrows(IllegalArgumentException.class, () -> c.update(List.of(f, f, f, f)));
        c.update(List.of(f, f));
        assertEquals(List.of("RNN #1", "RNN #2"), data(c).getSeries().stream()
                .map(s -> ((org.jfree.data.xy.XYSeries) s).getKey()).toList());
    }
}
