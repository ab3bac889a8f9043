package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.unroll.charts.ExtremeValues.Kind;

class GradCheckChartTest {

    @Test
    void valuesAndErrorsPerEntry() {
        GradCheckChart c = new GradCheckChart();
        GradCheckResult r = SampleData.gradCheck();
        c.update(r);
        XYSeriesCollection v = c.valueDataset();
        assertEquals(r.rows().size(), v.getItemCount(0));
        for (int i = 0; i < r.rows().size(); i++) {
            assertEquals(i, v.getXValue(0, i));
            assertEquals(r.rows().get(i).analytic(), v.getYValue(0, i));
            assertEquals(r.rows().get(i).numeric(), v.getYValue(1, i));
        }
        XYSeriesCollection e = c.errorDataset();
        assertEquals(r.rows().size(), e.getItemCount(0), "all pass");
        assertEquals(0, e.getItemCount(1));
        assertEquals(r.rows().get(0).relativeError(), e.getYValue(0, 0));
        // row 10 has analytic == numeric: relative error 0 is a "0" mark, not a point
        assertTrue(Double.isNaN(e.getYValue(0, 10)));
        assertEquals(List.of(Kind.ZERO), c.marks().stream().map(EdgeMarkAnnotation::kind).toList());
        assertEquals(10, c.marks().get(0).x());
        assertEquals(1e-6, c.toleranceShown());
        Range range = c.chart().getXYPlot().getDomainAxis().getRange();
        assertEquals(-0.5, range.getLowerBound());
        assertTrue(c.chart().getTitle().getText().contains("all 16 entries pass"));
    }

    @Test
    void failuresIncludingNaNAreSeparatedAndTheToleranceStaysInRange() {
        GradCheckChart c = new GradCheckChart();
        GradCheckResult r = SampleData.brokenGradCheck();
        c.update(r);
        XYSeriesCollection e = c.errorDataset();
        assertEquals(14, e.getItemCount(0));
        assertEquals(2, e.getItemCount(1));
        assertEquals(3, e.getXValue(1, 0));
        assertEquals(r.rows().get(3).relativeError(), e.getYValue(1, 0));
        assertEquals(List.of(Kind.ZERO, Kind.NAN), c.marks().stream().map(EdgeMarkAnnotation::kind).toList());
        assertEquals(List.of(Kind.NAN), c.valueMarks().stream().map(EdgeMarkAnnotation::kind).toList());
        Range er = GradCheckChart.errorRange(r);
        assertTrue(er.contains(1e-6) && er.contains(r.rows().get(3).relativeError()));
        assertTrue(c.chart().getTitle().getText().contains("2 of 16 entries fail"));
    }
}
