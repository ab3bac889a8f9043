package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

class GateHeatmapChartTest {

    @Test
    void oneSubplotPerGateHoldingEveryCell() {
        GateHeatmapChart c = new GateHeatmapChart();
        GateActivations a = SampleData.lstmGates();
        c.update(a);
        assertEquals(4, c.subplots().size());
        for (int g = 0; g < 4; g++) {
            XYZDataset d = c.dataset(g);
            assertEquals(a.steps() * a.units(), d.getItemCount(0));
            int item = 7 * a.units() + 3; // t = 8, the fourth unit: unit 4 as a person counts
            assertEquals(8, d.getXValue(0, item));
            assertEquals(4, d.getYValue(0, item));
            assertEquals(a.value(g, 8, 3), d.getZValue(0, item));
        }
        assertEquals("f forget", c.subplots().get(1).getRangeAxis().getLabel());
    }

    @Test
    void sigmoidGatesUseZeroToOneAndTanhGatesMinusOneToOneWithLegends() {
        GateHeatmapChart c = new GateHeatmapChart();
        c.update(SampleData.lstmGates());
        PaintScale i = ((XYBlockRenderer) c.subplots().get(0).getRenderer()).getPaintScale();
        PaintScale g = ((XYBlockRenderer) c.subplots().get(2).getRenderer()).getPaintScale();
        assertEquals(0, i.getLowerBound());
        assertEquals(1, i.getUpperBound());
        assertEquals(-1, g.getLowerBound());
        assertEquals(1, g.getUpperBound());
        long legends = c.chart().getSubtitles().stream().filter(PaintScaleLegend.class::isInstance).count();
        assertEquals(2, legends);
        assertNotEquals(i.getPaint(0), i.getPaint(1));
        assertEquals(ColorRamp.NAN_COLOR, i.getPaint(Double.NaN));
        assertEquals(i.getPaint(1), i.getPaint(5), "values beyond the range are clamped");
    }

    @Test
    void tooltipShowsGateStepUnitAndValue() {
        GateHeatmapChart c = new GateHeatmapChart();
        GateActivations a = SampleData.lstmGates();
        c.update(a);
        XYPlot f = c.subplots().get(1);
        String tip = f.getRenderer().getDefaultToolTipGenerator().generateToolTip(c.dataset(1), 0, 2 * a.units() + 5);
        // the sixth unit (index 5) is unit 6: units are counted from 1, like time steps
        assertEquals(String.format(java.util.Locale.ROOT, "f  t = 3, unit 6: %.4f", a.value(1, 3, 5)), tip);
        assertEquals(0.5, f.getRangeAxis().getLowerBound());
        assertEquals(a.units() + 0.5, f.getRangeAxis().getUpperBound());
    }

    @Test
    void updateReplacesDataOrRebuildsWhenTheGatesChange() {
        GateHeatmapChart c = new GateHeatmapChart();
        c.update(SampleData.lstmGates());
        XYPlot first = c.subplots().get(0);
        GateActivations other = GateActivations.lstm(SampleData.gates(4, SampleData.T, 12, java.util.Set.of(2), 99));
        c.update(other);
        assertSame(first, c.subplots().get(0), "same shape: sub-plots are kept");
        assertEquals(other.value(0, 1, 0), c.dataset(0).getZValue(0, 0));
        c.update(SampleData.gruGates());
        assertEquals(3, c.subplots().size());
        assertEquals(List.of("r reset", "z update", "n new"),
                c.subplots().stream().map(p -> p.getRangeAxis().getLabel()).toList());
        assertEquals(SampleData.gruGates().value(2, 1, 0), c.dataset(2).getZValue(0, 0));
        assertEquals(2, c.chart().getSubtitles().stream().filter(PaintScaleLegend.class::isInstance).count());
    }
}
