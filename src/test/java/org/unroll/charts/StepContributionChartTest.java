package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.unroll.charts.ExtremeValues.Kind;

class StepContributionChartTest {

    private static StepContributions of(double total, double... entry) {
        Map<String, double[]> norms = new LinkedHashMap<>();
        norms.put("weight_hh", entry.clone());
        for (int i = 0; i < entry.length; i++) {
            norms.get("weight_hh")[i] = Math.abs(entry[i]);
        }
        norms.put("bias_hh", new double[entry.length]);
        return new StepContributions("RNN", "weight_hh", 1, 0, entry, total, norms);
    }

    @Test
    void waterfallBarsRunFromTheSumBeforeToTheSumAfterAndEndInTheTotal() {
        StepContributionChart c = new StepContributionChart();
        c.update(of(0.25, 0.5, -0.75, 0.5));
        XYIntervalSeriesCollection d = c.entryDataset();
        // adds: steps 1 (0 → 0.5) and 3 (−0.25 → 0.25)
        assertEquals(2, d.getItemCount(0));
        assertEquals(1, d.getXValue(0, 0));
        assertEquals(0, d.getStartYValue(0, 0));
        assertEquals(0.5, d.getEndYValue(0, 0));
        assertEquals(3, d.getXValue(0, 1));
        assertEquals(-0.25, d.getStartYValue(0, 1));
        assertEquals(0.25, d.getEndYValue(0, 1));
        // subtracts: step 2 (0.5 → −0.25)
        assertEquals(1, d.getItemCount(1));
        assertEquals(2, d.getXValue(1, 0));
        assertEquals(-0.25, d.getStartYValue(1, 0));
        assertEquals(0.5, d.getEndYValue(1, 0));
        // total bar at T + 2 from 0 to the total
        assertEquals(1, d.getItemCount(2));
        assertEquals(5, d.getXValue(2, 0));
        assertEquals(0, d.getStartYValue(2, 0));
        assertEquals(0.25, d.getEndYValue(2, 0));
        Marker m = c.chart().getXYPlot().getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertEquals(0.25, ((ValueMarker) m).getValue());
    }

    @Test
    void updateReplacesTheBarsAndTheTotalLine() {
        StepContributionChart c = new StepContributionChart();
        c.update(of(0.25, 0.5, -0.75, 0.5));
        c.update(of(-1, -1));
        XYIntervalSeriesCollection d = c.entryDataset();
        assertEquals(0, d.getItemCount(0));
        assertEquals(1, d.getItemCount(1));
        assertEquals(-1, d.getStartYValue(2, 0));
        assertEquals(1, c.chart().getXYPlot().getRangeMarkers(Layer.FOREGROUND).size());
        assertEquals(-1, ((ValueMarker) c.chart().getXYPlot().getRangeMarkers(Layer.FOREGROUND).iterator().next())
                .getValue());
    }

    @Test
    void normModeShowsTheChosenParametersFrobeniusNorms() {
        StepContributionChart c = new StepContributionChart();
        c.update(SampleData.contributions());
        c.setMode(StepContributionChart.Mode.NORMS);
        assertEquals(c.normDataset(), c.chart().getXYPlot().getDataset());
        assertEquals("weight_hh", c.normParameter());
        double[] n = SampleData.contributions().stepNorms("weight_hh");
        assertEquals(n.length, c.normDataset().getItemCount(0));
        assertEquals(n[6], c.normDataset().getEndYValue(0, 6));
        assertEquals(0, c.normDataset().getStartYValue(0, 6));
        c.setNormParameter("bias_ih");
        assertEquals(SampleData.contributions().stepNorms("bias_ih")[6], c.normDataset().getEndYValue(0, 6));
        assertTrue(c.chart().getXYPlot().getRangeMarkers(Layer.FOREGROUND) == null
                || c.chart().getXYPlot().getRangeMarkers(Layer.FOREGROUND).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> c.setNormParameter("nope"));
        c.setMode(StepContributionChart.Mode.ENTRY);
        assertEquals(c.entryDataset(), c.chart().getXYPlot().getDataset());
    }

    @Test
    void nonFiniteStepsBecomeMarks() {
        StepContributionChart c = new StepContributionChart();
        c.update(of(Double.NaN, 1e300, Double.POSITIVE_INFINITY, Double.NaN));
        assertEquals(1, c.entryDataset().getItemCount(0));
        assertEquals(0, c.entryDataset().getItemCount(2));
        assertEquals(List.of(Kind.POS_INF, Kind.NAN, Kind.NAN),
                c.marks().stream().map(EdgeMarkAnnotation::kind).toList());
        assertEquals(List.of(2.0, 3.0, 5.0), c.marks().stream().map(EdgeMarkAnnotation::x).toList());
    }
}
