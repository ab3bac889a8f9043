package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

class GateHeatmapChartTest {

    @Test
    void oneBandPerGateHoldingEveryCell() {
        GateHeatmapChart c = new GateHeatmapChart();
        GateActivations a = SampleData.lstmGates();
        c.update(a);
        assertEquals(List.of("i", "f", "g", "o"), c.bandLabels());
        for (int g = 0; g < 4; g++) {
            XYZDataset d = c.dataset(g);
            assertEquals(a.steps() * a.units(), d.getItemCount(0));
            int item = 7 * a.units() + 3; // t = 8, the fourth unit: unit 4 as a person counts
            assertEquals(8, d.getXValue(0, item));
            assertEquals(4, c.unitAt(g, d.getYValue(0, item)));
            assertEquals(a.value(g, 8, 3), d.getZValue(0, item));
        }
        // bands from the top: gate i above f above g above o, each band's units inside it
        double iLow = c.dataset(0).getYValue(0, 0);
        double fHigh = c.dataset(1).getYValue(0, a.units() - 1);
        assertTrue(iLow > fHigh, "i's band lies above f's");
        SymbolAxis bands = (SymbolAxis) c.plot().getRangeAxis();
        assertEquals("i", bands.valueToString(3));
        assertEquals("o", bands.valueToString(0));
    }

    @Test
    void sigmoidGatesUseZeroToOneAndTanhGatesMinusOneToOneWithLegends() {
        GateHeatmapChart c = new GateHeatmapChart();
        c.update(SampleData.lstmGates());
        PaintScale i = c.renderer(0).getPaintScale();
        PaintScale g = c.renderer(2).getPaintScale();
        assertEquals(0, i.getLowerBound());
        assertEquals(1, i.getUpperBound());
        assertEquals(-1, g.getLowerBound());
        assertEquals(1, g.getUpperBound());
        assertEquals(2, c.legends().size());
        assertTrue(c.legends().get(1).getAxis().getLabel().contains("g candidate"), "the tanh scale names its gate");
        assertNotEquals(i.getPaint(0), i.getPaint(1));
        assertEquals(ColorRamp.NAN_COLOR, i.getPaint(Double.NaN));
        assertEquals(i.getPaint(1), i.getPaint(5), "values beyond the range are clamped");
    }

    @Test
    void tooltipShowsGateStepUnitAndValue() {
        GateHeatmapChart c = new GateHeatmapChart();
        GateActivations a = SampleData.lstmGates();
        c.update(a);
        String tip = c.renderer(1).getDefaultToolTipGenerator().generateToolTip(c.dataset(1), 0, 2 * a.units() + 5);
        // the sixth unit (index 5) is unit 6: units are counted from 1, like time steps
        assertEquals(String.format(java.util.Locale.ROOT, "f  t = 3, unit 6: %.4f", a.value(1, 3, 5)), tip);
    }

    @Test
    void updateReplacesDataOrRebuildsWhenTheGatesChange() {
        GateHeatmapChart c = new GateHeatmapChart();
        c.update(SampleData.lstmGates());
        XYBlockRenderer first = c.renderer(0);
        GateActivations other = GateActivations.lstm(SampleData.gates(4, SampleData.T, 12, java.util.Set.of(2), 99));
        c.update(other);
        assertSame(first, c.renderer(0), "same shape: the bands are kept");
        assertEquals(other.value(0, 1, 0), c.dataset(0).getZValue(0, 0));
        c.update(SampleData.gruGates());
        assertEquals(List.of("r", "z", "n"), c.bandLabels());
        assertEquals(SampleData.gruGates().value(2, 1, 0), c.dataset(2).getZValue(0, 0));
        assertEquals(2, c.legends().size());
    }

    @Test
    void onlyTheStepsAskedForAreDrawn() {
        GateHeatmapChart c = new GateHeatmapChart();
        GateActivations a = SampleData.lstmGates();
        c.update(a, 2);
        assertEquals(2 * a.units(), c.dataset(0).getItemCount(0));
        assertEquals(2, c.lastShownStep());
        assertEquals(a.steps() + 0.5, c.plot().getDomainAxis().getUpperBound(), 1e-9, "the time axis keeps every step");
        c.update(a, 0);
        assertEquals(0, c.dataset(3).getItemCount(0));
    }
}
