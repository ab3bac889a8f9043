package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unroll.engine.CellType;
import org.unroll.engine.GradCheckConfig;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/**
 * Every chart drawn at the smallest size the window gives it on a 1280 × 720 projector in
 * presenter mode (700 × 450 px; the window gives 705 × 453 there), as on screen and as exported: each plot's data area at least
 * 560 × 300 px with at least three labelled ticks on each axis, and no title or axis label cut
 * (JFreeChart's own layout and refreshTicks, through {@link ChartRoom}).
 */
class ChartRoomTest {
    static final int WIDTH = 700;
    static final int HEIGHT = 450;

    private static Walkthrough walk(CellType cell) {
        Setup s = Setup.JEEP.withCell(cell);
        Scenario sc = Scenario.build(s);
        return new Walkthrough(sc.model(), sc.sequence(), s.learningRate());
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"RNN", "LSTM", "GRU"})
    void everyChartHasRoomAt700By450(CellType cell) {
        Walkthrough w = walk(cell);
        List<JFreeChart> charts = new ArrayList<>();
        StepNormChart norms = new StepNormChart();
        norms.update(EngineCharts.flow(w));
        charts.add(norms.chart());
        StepNormChart logNorms = new StepNormChart();
        logNorms.setLogScale(true);
        logNorms.update(EngineCharts.flow(w));
        charts.add(logNorms.chart());
        VanishingChart vanishing = new VanishingChart();
        vanishing.update(EngineCharts.flow(w));
        charts.add(vanishing.chart());
        EngineCharts.gates(w).ifPresent(g -> {
            GateHeatmapChart gates = new GateHeatmapChart();
            gates.update(g);
            charts.add(gates.chart());
        });
        for (StepContributionChart.Mode m : StepContributionChart.Mode.values()) {
            StepContributionChart c = new StepContributionChart();
            int[] rc = EngineCharts.largestEntry(w.gradients(), "weight_hh");
            c.update(EngineCharts.contributions(w, "weight_hh", rc[0], rc[1]));
            c.setMode(m);
            charts.add(c.chart());
        }
        GradCheckChart check = new GradCheckChart();
        check.update(EngineCharts.gradCheck(w.model(), w.sequence(), GradCheckConfig.DEFAULT, EngineCharts.DEFAULT_CHECK_ENTRIES, org.unroll.engine.GradCheck.Progress.NONE));
        charts.add(check.chart());
        List<String> problems = new ArrayList<>();
        for (JFreeChart c : charts) {
            ChartRoom.Room room = ChartRoom.measure(c, WIDTH, HEIGHT);
            System.out.println("unroll.room " + cell + " " + c.getTitle().getText() + ": " + room);
            if (System.getProperty("unroll.roomDir") != null) {
                try {
                    ChartExport.writePng(c, java.nio.file.Path.of(System.getProperty("unroll.roomDir"),
                            cell + "-" + charts.indexOf(c) + ".png"), WIDTH, HEIGHT, 1);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            if (!room.readable(560, 300, 3)) {
                problems.add(c.getTitle().getText() + ": " + room);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
