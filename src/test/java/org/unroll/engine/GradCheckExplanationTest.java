package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unroll.charts.EngineCharts;
import org.unroll.charts.GradCheckChart;
import org.unroll.charts.GradCheckResult;
import org.unroll.i18n.Language;
import org.unroll.i18n.Texts;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/**
 * A gradient check that fails where the finite difference cannot judge says so on the entry:
 * a ReLU unit switching on or off inside ±h, a loss too large for its rounding.
 */
class GradCheckExplanationTest {
    @AfterEach
    void english() {
        Texts.use(Language.EN);
    }

    private static Scenario relu(double sigma, int hidden, String text) {
        return Scenario.build(Setup.JEEP.withActivation(Activation.RELU).withSpectralNorm(sigma)
                .withHiddenSize(hidden).withText(text));
    }

    @Test
    void failuresOfAReluNetWithAWideNudgeAreKinksAndTheRestIsUnexplained() {
        Scenario sc = relu(1.0, 16, "the quick brown fox jumps over the lazy dog");
        assertEquals("RNN (ReLU)", sc.model().label(), "one spelling, as in the model panel");
        // h = 0.05 is wide enough that many ReLU pre-activations cross 0 within the nudge
        GradCheckConfig wide = new GradCheckConfig(0.05, 1e-5, 1e-8);
        GradCheck.Report r = GradCheck.run(sc.model(), sc.sequence(), wide);
        int kinks = 0;
        for (GradCheck.ParamCheck p : r.params()) {
            for (int k = 0; k < p.analytic().length; k++) {
                boolean fails = GradCheck.fails(wide, p.analytic()[k], p.numeric()[k]);
                GradCheck.Unreliable u = p.unreliable(k);
                if (!fails) {
                    assertEquals(GradCheck.Unreliable.NO, u, "a passing entry needs no excuse");
                }
                if (u == GradCheck.Unreliable.RELU_KINK) {
                    kinks++;
                }
            }
        }
        assertFalse(r.passed(), "the wide nudge fails somewhere");
        assertTrue(kinks > 0, "some failures are explained by a kink");

        // with the default h far fewer entries fail: the kinks were the finite difference's fault, not BPTT's
        GradCheck.Report fine = GradCheck.run(sc.model(), sc.sequence(), GradCheckConfig.DEFAULT);
        assertTrue(failures(fine, GradCheckConfig.DEFAULT) < failures(r, wide),
                failures(fine, GradCheckConfig.DEFAULT) + " vs " + failures(r, wide));
    }

    private static int failures(GradCheck.Report r, GradCheckConfig c) {
        int n = 0;
        for (GradCheck.ParamCheck p : r.params()) {
            for (int k = 0; k < p.analytic().length; k++) {
                n += GradCheck.fails(c, p.analytic()[k], p.numeric()[k]) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void aTanhNetHasNoKinksToBlame() {
        Scenario sc = Scenario.build(Setup.JEEP.withHiddenSize(16).withText("the quick brown fox jumps"));
        GradCheckConfig wide = new GradCheckConfig(0.3, 1e-7, 0);
        GradCheck.Report r = GradCheck.run(sc.model(), sc.sequence(), wide);
        assertFalse(r.passed(), "a wide nudge fails on curvature alone");
        for (GradCheck.ParamCheck p : r.params()) {
            for (int k = 0; k < p.analytic().length; k++) {
                assertFalse(p.unreliable(k) == GradCheck.Unreliable.RELU_KINK, "tanh is smooth");
            }
        }
    }

    @Test
    void aHugeLossIsNamed() {
        GradCheckConfig config = GradCheckConfig.DEFAULT;
        // L is about 1e12: ulp(L)/h is about 1e-4·1e6 = 100 per unit, far above any gradient of 1
        Scenario sc = relu(1.0, 4, "ab");
        Bptt bptt = new Bptt(sc.model().withParams(sc.model().params().copy()), sc.sequence());
        var p = bptt.model().params().weightHh;
        GradCheck.Unreliable u = GradCheck.unreliable(bptt, p, 0, p.data[0], config, 1.0, 0.0, 1e12, 1e12 + 1);
        assertEquals(GradCheck.Unreliable.HUGE_LOSS, u);
        assertEquals(GradCheck.Unreliable.NOT_FINITE,
                GradCheck.unreliable(bptt, p, 0, p.data[0], config, Double.NaN, 0.0, 1, 1));
        assertEquals(p.data[0], bptt.model().params().weightHh.data[0], "the parameter is put back");
    }

    @Test
    void theChartSaysWhyUnderThePlotsAndInTheTitle() {
        Scenario sc = relu(1.0, 16, "the quick brown fox jumps over the lazy dog");
        GradCheckConfig wide = new GradCheckConfig(0.05, 1e-5, 1e-8);
        GradCheckResult result = EngineCharts.gradCheck(sc.model(), sc.sequence(), wide, 16, GradCheck.Progress.NONE);
        assertTrue(result.unreliableFailures() > 0);
        GradCheckChart c = new GradCheckChart();
        c.update(result);
        assertNotNull(c.explanation());
        assertTrue(c.explanation().contains("ReLU kink") && c.explanation().contains("smaller h"), c.explanation());
        assertTrue(c.chart().getTitle().getText().contains("where the finite difference is unreliable"),
                c.chart().getTitle().getText());
        assertEquals(3, c.errorDataset().getSeriesCount(), "passes, failures, unreliable failures");

        Scenario fine = Scenario.build(Setup.JEEP);
        c.update(EngineCharts.gradCheck(fine.model(), fine.sequence(), GradCheckConfig.DEFAULT, 16, GradCheck.Progress.NONE));
        assertNull(c.explanation(), "nothing to explain when all pass");
    }
}
