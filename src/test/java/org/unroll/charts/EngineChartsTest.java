package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.GradCheck;
import org.unroll.engine.GradCheckConfig;
import org.unroll.engine.Params;
import org.unroll.engine.Tape;
import org.unroll.engine.Walkthrough;
import org.unroll.task.InitialState;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/** Given an engine result, the chart records and the charts' series hold exactly the engine's numbers. */
class EngineChartsTest {

    private static Walkthrough walk(CellType cell, String text, int hidden) {
        Setup s = new Setup(cell, Activation.TANH, hidden, 7, 0.0, text, InitialState.ZEROS, 0.1);
        Scenario sc = Scenario.build(s);
        return new Walkthrough(sc.model(), sc.sequence(), s.learningRate());
    }

    @Test
    void flowCopiesTheEnginesNumbers() {
        for (CellType cell : CellType.values()) {
            Walkthrough w = walk(cell, "jeep", 4);
            GradientFlow f = EngineCharts.flow(w);
            org.unroll.engine.GradientFlow e = w.flow();
            assertEquals(w.model().label(), f.cellLabel());
            assertEquals(3, f.steps());
            assertArrayEquals(e.dhNorms(), f.dhNorms());
            assertArrayEquals(e.jacobianNorms(), f.jacobianNorms());
            assertArrayEquals(e.bound(), f.bound());
            assertEquals(e.sigmaMax(), f.sigmaMax());
            assertEquals(e.gamma(), f.gamma());
            assertEquals(cell == CellType.LSTM, f.hasCellPath());
            if (cell == CellType.LSTM) {
                assertArrayEquals(e.cellJacobianNorms(), f.cellJacobianNorms());
            }
        }
    }

    @Test
    void theChartsSeriesHoldTheFlow() {
        Walkthrough w = walk(CellType.LSTM, "hello world", 5);
        StepNormChart norms = new StepNormChart();
        norms.update(EngineCharts.flow(w));
        XYSeriesCollection d = (XYSeriesCollection) norms.chart().getXYPlot().getDataset();
        double[] dh = w.flow().dhNorms();
        assertEquals(dh.length, d.getItemCount(0));
        for (int t = 0; t < dh.length; t++) {
            assertEquals(t + 1.0, d.getXValue(0, t));
            assertEquals(dh[t], d.getYValue(0, t));
        }
        VanishingChart van = new VanishingChart();
        van.update(EngineCharts.flow(w));
        XYSeriesCollection v = (XYSeriesCollection) van.chart().getXYPlot().getDataset();
        double[] jac = w.flow().jacobianNorms();
        double[] cell = w.flow().cellJacobianNorms();
        assertEquals(3, v.getSeriesCount(), "h path, c path and the bound");
        for (int k = 0; k < jac.length; k++) {
            assertEquals(jac[k], v.getYValue(0, k));
            assertEquals(cell[k], v.getYValue(1, k));
            assertEquals(w.flow().bound()[k], v.getYValue(2, k));
        }
    }

    @Test
    void gatesAreTheTapesActivations() {
        Walkthrough w = walk(CellType.GRU, "jeep", 3);
        GateActivations a = EngineCharts.gates(w).orElseThrow();
        assertEquals(List.of("r", "z", "n"), a.gateNames());
        assertEquals(3, a.steps());
        assertEquals(3, a.units());
        Tape tape = w.tape();
        for (int g = 0; g < 3; g++) {
            for (int t = 0; t < 3; t++) {
                for (int u = 0; u < 3; u++) {
                    assertEquals(Tape.at(tape.gates, tape.row(t), g * 3 + u), a.value(g, t + 1, u));
                }
            }
        }
        GateHeatmapChart chart = new GateHeatmapChart();
        chart.update(a);
        assertEquals(a.value(2, 2, 1), chart.map().value(2, 1, 1));
        // the walk's own map (shared through its owner of derived values) holds the same numbers, read from the tape
        assertTrue(EngineCharts.readyGateMap(w) == null, "not computed before it is asked for");
        GateMap m = EngineCharts.gateMap(w).orElseThrow();
        assertSame(m, EngineCharts.readyGateMap(w).orElseThrow(), "computed once, then shared");
        for (int g = 0; g < 3; g++) {
            for (int t = 1; t <= 3; t++) {
                for (int u = 0; u < 3; u++) {
                    assertEquals(a.value(g, t, u), m.value(g, t - 1, u));
                }
            }
        }
        assertEquals(List.of("i", "f", "g", "o"), EngineCharts.gates(walk(CellType.LSTM, "jeep", 2))
                .orElseThrow().gateNames());
    }

    @Test
    void aPlainRnnHasNoGates() {
        Walkthrough w = walk(CellType.RNN, "jeep", 4);
        assertTrue(EngineCharts.gates(w).isEmpty());
        assertNotNull(EngineCharts.noGatesReason(w.model()));
        assertNull(EngineCharts.noGatesReason(walk(CellType.LSTM, "jeep", 2).model()));
    }

    @Test
    void contributionsAreTheStepGradientsAndTheTotalIsTheEngines() {
        Walkthrough w = walk(CellType.RNN, "hello", 4);
        StepContributions c = EngineCharts.contributions(w, "weight_hh", 2, 1);
        assertEquals(4, c.steps());
        for (int t = 0; t < 4; t++) {
            assertEquals(w.stepContribution(t).weightHh.get(2, 1), c.entryContributions()[t]);
            double s = 0;
            for (double v : w.stepContribution(t).weightOut.data) {
                s += v * v;
            }
            assertEquals(Math.sqrt(s), c.stepNorms("weight_out")[t], 1e-15);
        }
        assertEquals(w.gradients().weightHh.get(2, 1), c.total());
        assertEquals(c.total(), c.sumOfSteps(), 1e-12);
        assertEquals(EngineCharts.offerOrder(), List.copyOf(c.stepNorms().keySet()));
        StepContributions bias = EngineCharts.contributions(w, "bias_out", 0, 2);
        assertEquals(w.gradients().biasOut.get(0, 2), bias.total());
        assertThrows(IllegalArgumentException.class, () -> EngineCharts.contributions(w, "weight_hh", 4, 0));
        int[] big = EngineCharts.largestEntry(w.gradients(), "weight_hh");
        double max = 0;
        for (double v : w.gradients().weightHh.data) {
            max = Math.max(max, Math.abs(v));
        }
        assertEquals(max, Math.abs(w.gradients().weightHh.get(big[0], big[1])));

        StepContributionChart chart = new StepContributionChart();
        chart.update(c);
        // the waterfall's total bar is the engine's accumulated entry
        var entry = chart.entryDataset();
        var totalSeries = entry.getSeries(2);
        assertEquals(c.total(), totalSeries.getYValue(0));
        assertEquals(StepContributionChart.totalX(c), totalSeries.getX(0).doubleValue());
    }

    @Test
    void gradCheckRowsAreTheEnginesChecks() {
        Walkthrough w = walk(CellType.LSTM, "jeep", 3);
        Scenario sc = Scenario.build(new Setup(CellType.LSTM, Activation.TANH, 3, 7, 0.0, "jeep",
                InitialState.ZEROS, 0.1));
        GradCheck.Report report = GradCheck.run(sc.model(), sc.sequence(), GradCheckConfig.DEFAULT, 5,
                GradCheck.Progress.NONE);
        GradCheckResult r = EngineCharts.gradCheck("LSTM", report, GradCheckConfig.DEFAULT);
        int expected = 0;
        for (GradCheck.ParamCheck p : report.params()) {
            expected += Math.min(5, p.rows() * p.cols());
        }
        assertEquals(expected, r.rows().size());
        GradCheck.ParamCheck hh = report.params().get(Params.NAMES.indexOf("weight_hh"));
        assertArrayEquals(GradCheck.sample(4 * 3 * 3, 5), hh.entries());
        GradCheckResult.Row first = r.rows().stream().filter(x -> x.parameter().equals("weight_hh"))
                .findFirst().orElseThrow();
        assertEquals(hh.analytic()[0], first.analytic());
        assertEquals(hh.numeric()[0], first.numeric());
        assertEquals(hh.relativeError()[0], first.relativeError());
        assertEquals(w.gradients().weightHh.data[hh.entries()[0]], first.analytic(), 1e-12);
        assertTrue(report.passed());
        assertEquals(report.passed(), r.allPass(), "the chart's verdict is the engine's");
        assertEquals(GradCheckConfig.DEFAULT.minAbsoluteError(), r.absoluteTolerance());
        assertEquals(GradCheckConfig.DEFAULT.maxRelativeError(), r.tolerance());
        GradCheckChart chart = new GradCheckChart();
        chart.update(r);
        assertEquals(first.analytic(), chart.valueDataset().getYValue(0, r.rows().indexOf(first)));
    }

    @Test
    void aCappedCheckIsTheFullChecksSubset() {
        Scenario sc = Scenario.build(Setup.JEEP);
        GradCheck.Report full = GradCheck.run(sc.model(), sc.sequence(), GradCheckConfig.DEFAULT);
        GradCheck.Report capped = GradCheck.run(sc.model(), sc.sequence(), GradCheckConfig.DEFAULT, 3,
                GradCheck.Progress.NONE);
        for (int p = 0; p < full.params().size(); p++) {
            GradCheck.ParamCheck f = full.params().get(p);
            GradCheck.ParamCheck c = capped.params().get(p);
            for (int k = 0; k < c.entries().length; k++) {
                assertEquals(f.analytic()[c.entries()[k]], c.analytic()[k]);
                assertEquals(f.numeric()[c.entries()[k]], c.numeric()[k]);
            }
        }
    }

    @Test
    void aCheckCanBeCancelled() {
        Scenario sc = Scenario.build(Setup.JEEP);
        AtomicInteger calls = new AtomicInteger();
        assertThrows(CancellationException.class, () -> GradCheck.run(sc.model(), sc.sequence(),
                GradCheckConfig.DEFAULT, 100, (done, total) -> calls.incrementAndGet() < 4));
        assertEquals(4, calls.get());
    }
}
