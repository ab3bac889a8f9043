package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.junit.jupiter.api.Test;

class GateHeatmapChartTest {

    /** Every item of every dataset of the plot: what JFreeChart draws one by one. */
    private static int items(XYPlot plot) {
        int n = 0;
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            if (plot.getDataset(i) != null) {
                for (int s = 0; s < plot.getDataset(i).getSeriesCount(); s++) {
                    n += plot.getDataset(i).getItemCount(s);
                }
            }
        }
        return n;
    }

    private static List<XYDataImageAnnotation> images(GateHeatmapChart c) {
        return c.plot().getAnnotations().stream().map(a -> (XYDataImageAnnotation) a).toList();
    }

    @Test
    void oneBandPerGateHoldingEveryStep() {
        GateHeatmapChart c = new GateHeatmapChart();
        GateActivations a = SampleData.lstmGates();
        c.update(a);
        assertEquals(List.of("i", "f", "g", "o"), c.bandLabels());
        assertEquals(4, images(c).size(), "one image per band");
        assertEquals(a.steps(), c.map().columns(), "a short walk: one column per step");
        for (int g = 0; g < 4; g++) {
            // t = 8, the fourth unit: unit 4 as a person counts
            assertEquals(a.value(g, 8, 3), c.map().value(g, 7, 3));
            assertEquals(4, c.unitAt(g, c.yOf(g, 3)));
        }
        // bands from the top: gate i above f above g above o, each band's units inside it
        assertTrue(c.yOf(0, 0) > c.yOf(1, a.units() - 1), "i's band lies above f's");
        SymbolAxis bands = (SymbolAxis) c.plot().getRangeAxis();
        assertEquals("i", bands.valueToString(3));
        assertEquals("o", bands.valueToString(0));
        XYDataImageAnnotation i = images(c).get(0);
        assertEquals(0.5, i.getX(), 1e-12);
        assertEquals(a.steps(), i.getWidth(), 1e-12, "the image spans every step");
        assertEquals(3 - 0.5 + GateHeatmapChart.BAND_PAD, i.getY(), 1e-12, "gate i is the top band");
    }

    @Test
    void eachCellIsPaintedInItsGatesScale() {
        GateActivations a = SampleData.lstmGates();
        GateMap m = GateMap.of(a);
        for (int g = 0; g < 4; g++) {
            BufferedImage img = m.image(g);
            assertEquals(a.steps() * m.columnPixels(), img.getWidth());
            assertEquals(a.units() * m.unitPixels(), img.getHeight());
            // step 5, unit 2 (index 1): unit 1 is the bottom row of the band
            int x = 4 * m.columnPixels();
            int y = (a.units() - 2) * m.unitPixels();
            Color want = (Color) GateHeatmapChart.scale(g == 2).getPaint(a.value(g, 5, 1));
            assertEquals(want.getRGB(), img.getRGB(x, y), "gate " + g);
        }
    }

    @Test
    void sigmoidGatesUseZeroToOneAndTanhGatesMinusOneToOneWithLegends() {
        GateHeatmapChart c = new GateHeatmapChart();
        c.update(SampleData.lstmGates());
        PaintScale i = GateHeatmapChart.scale(false);
        PaintScale g = GateHeatmapChart.scale(true);
        assertEquals(0, i.getLowerBound());
        assertEquals(1, i.getUpperBound());
        assertEquals(-1, g.getLowerBound());
        assertEquals(1, g.getUpperBound());
        assertEquals(2, c.legends().size());
        assertTrue(c.legends().get(1).getAxis().getLabel().contains("g candidate"), "the tanh scale names its gate");
        assertEquals(i, c.legends().get(0).getScale());
        assertNotEquals(i.getPaint(0), i.getPaint(1));
        assertEquals(ColorRamp.NAN_COLOR, i.getPaint(Double.NaN));
        assertEquals(i.getPaint(1), i.getPaint(5), "values beyond the range are clamped");
    }

    @Test
    void tooltipShowsGateStepUnitAndValue() {
        GateHeatmapChart c = new GateHeatmapChart();
        GateActivations a = SampleData.lstmGates();
        c.update(a);
        // the sixth unit (index 5) is unit 6: units are counted from 1, like time steps
        assertEquals(String.format(java.util.Locale.ROOT, "f  t = 3, unit 6: %.4f", a.value(1, 3, 5)),
                c.tipAt(3.2, c.yOf(1, 5)));
        assertNull(c.tipAt(a.steps() + 1, c.yOf(1, 5)), "beyond the last step");
        assertNull(c.tipAt(3, 1.5 - GateHeatmapChart.BAND_PAD / 2), "in the gap between two bands");
    }

    @Test
    void updateReplacesDataOrRebuildsWhenTheGatesChange() {
        GateHeatmapChart c = new GateHeatmapChart();
        c.update(SampleData.lstmGates());
        Object axis = c.plot().getRangeAxis();
        GateActivations other = GateActivations.lstm(SampleData.gates(4, SampleData.T, 12, java.util.Set.of(2), 99));
        c.update(other);
        assertSame(axis, c.plot().getRangeAxis(), "same shape: the bands are kept");
        assertEquals(other.value(0, 1, 0), c.map().value(0, 0, 0));
        assertEquals(4, images(c).size(), "the old images are replaced, not added to");
        c.update(SampleData.gruGates());
        assertEquals(List.of("r", "z", "n"), c.bandLabels());
        assertEquals(SampleData.gruGates().value(2, 1, 0), c.map().value(2, 0, 0));
        assertEquals(3, images(c).size());
        assertEquals(2, c.legends().size());
    }

    @Test
    void onlyTheStepsAskedForAreDrawn() {
        GateHeatmapChart c = new GateHeatmapChart();
        GateActivations a = SampleData.lstmGates();
        c.update(a, 2);
        assertEquals(2, c.shownColumns());
        assertEquals(2, c.lastShownStep());
        assertEquals(2, images(c).get(0).getWidth(), 1e-12, "steps 1 and 2");
        assertEquals(2 * c.map().columnPixels(), ((BufferedImage) images(c).get(0).getImage()).getWidth());
        assertEquals(a.steps() + 0.5, c.plot().getDomainAxis().getUpperBound(), 1e-9, "the time axis keeps every step");
        c.update(a, 0);
        assertEquals(0, c.shownColumns());
        assertTrue(images(c).isEmpty());
    }

    @Test
    void aLongWalkIsBinnedToThePlotsWidth() {
        int steps = 1000;
        int units = 3;
        GateActivations a = GateActivations.gru(SampleData.gates(3, steps, units, java.util.Set.of(2), 5));
        GateMap m = GateMap.of(a);
        assertEquals(GateMap.MAX_COLUMNS, m.columns());
        // the columns tile 1 … T without gaps or overlaps, and each holds the mean of its steps
        int next = 1;
        for (int col = 0; col < m.columns(); col++) {
            assertEquals(next, m.firstStep(col));
            assertTrue(m.lastStep(col) >= m.firstStep(col));
            for (int t = m.firstStep(col); t <= m.lastStep(col); t++) {
                assertEquals(col, m.columnOf(t));
            }
            double sum = 0;
            for (int t = m.firstStep(col); t <= m.lastStep(col); t++) {
                sum += a.value(1, t, 2);
            }
            assertEquals(sum / (m.lastStep(col) - m.firstStep(col) + 1), m.value(1, col, 2), 1e-15);
            next = m.lastStep(col) + 1;
        }
        assertEquals(steps + 1, next);
        // at a cursor inside a column, that column is not drawn yet
        int col = m.columnOf(500);
        while (m.lastStep(col) == m.firstStep(col)) {
            col++;
        }
        assertEquals(col, m.columnsThrough(m.firstStep(col)), "its last step has not run");
        assertEquals(col + 1, m.columnsThrough(m.lastStep(col)));
        GateHeatmapChart c = new GateHeatmapChart();
        c.update(m, 10);
        String tip = c.tipAt(m.firstStep(3), c.yOf(0, 0));
        assertTrue(tip.startsWith("r  t = " + m.firstStep(3) + (m.lastStep(3) > m.firstStep(3) ? "–" + m.lastStep(3) : "")), tip);
    }

    /**
     * The freeze of an LSTM with T = 1000 and H = 128: the chart was handed 4 × 128,000 blocks, each drawn
     * (and given a tooltip entity) one by one on the JavaFX thread. Now the work handed to JFreeChart does not
     * grow with T·H: no dataset items, one image per gate of at most the plot's width of columns.
     */
    @Test
    void aWalkOfAThousandStepsAndHundredTwentyEightUnitsHandsThePlotOneImagePerGate() {
        GateActivations a = GateActivations.lstm(SampleData.gates(4, 1000, 128, java.util.Set.of(2), 3));
        GateMap m = GateMap.of(a);
        GateHeatmapChart c = new GateHeatmapChart();
        c.update(m, 1000);
        assertEquals(0, items(c.plot()), "no cells handed to the plot's renderers");
        assertEquals(4, images(c).size());
        for (XYDataImageAnnotation img : images(c)) {
            assertTrue(((BufferedImage) img.getImage()).getWidth() <= GateMap.MAX_COLUMNS, "at most the plot's width");
        }
        ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
        BufferedImage out = new BufferedImage(700, 450, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g2 = out.createGraphics();
        c.chart().draw(g2, new java.awt.Rectangle(700, 450), info);
        g2.dispose();
        assertTrue(info.getEntityCollection().getEntityCount() < 50,
                "a drawing makes a handful of entities, not one per cell: " + info.getEntityCollection().getEntityCount());
    }
}
