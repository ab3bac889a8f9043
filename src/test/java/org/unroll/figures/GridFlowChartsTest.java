package org.unroll.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;
import org.unroll.engine.GridWalk;
import org.unroll.engine.StackedFlow;
import org.unroll.task.GridScenario;
import org.unroll.task.Setup;

class GridFlowChartsTest {
    private static final GridScenario G = GridScenario.build(Setup.JEEP.withCell(CellType.GRU).withLayers(3)
            .withBidirectional(true).withBatch(List.of("jeep", "horse")));
    private static final GridWalk W = new GridWalk(G.model(), G.batch());

    @Test
    void aCurvePerLayerAndDirectionNamedInTheLegend() {
        StackedFlow flow = W.flow(0);
        JFreeChart c = GridFlowCharts.inTime(flow, "t", "t", (k, d) -> "layer " + (k + 1) + (d == 1 ? " ←" : " →"));
        XYDataset data = c.getXYPlot().getDataset();
        assertEquals(6, data.getSeriesCount());
        assertEquals("layer 1 →", data.getSeriesKey(0));
        assertEquals("layer 1 ←", data.getSeriesKey(1));
        assertEquals("layer 3 ←", data.getSeriesKey(5));
        assertEquals(W.steps(), data.getItemCount(0));
        // "jeep" is 3 steps of 4: its last step is padding, its gradient 0
        assertEquals(0.0, data.getYValue(0, 3));
        assertEquals(flow.directions().get(2).dhNorms()[1], data.getYValue(2, 1));
    }

    @Test
    void theGradientReachingEachLayerInDepth() {
        StackedFlow flow = W.flow(1);
        XYDataset data = GridFlowCharts.inDepth(flow, "d", "layer", "reaching").getXYPlot().getDataset();
        assertEquals(4, data.getItemCount(0), "the input and three layers");
        assertEquals(flow.inputNorm(), data.getYValue(0, 0));
        assertEquals(flow.layerNorms()[2], data.getYValue(0, 3));
    }
}
