package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient check passes on random small models of every cell with both losses, reports
 * what it computed faithfully, leaves the model alone, and fails when analytic and numeric
 * gradients disagree.
 */
class GradCheckTest {

    static Stream<Arguments> models() {
        List<Arguments> out = new ArrayList<>();
        long seed = 31;
        for (BpttReferenceTest.Variant v : BpttReferenceTest.VARIANTS) {
            for (LossType loss : LossType.values()) {
                for (int batch : new int[] {1, 2}) {
                    out.add(Arguments.of(v, loss, batch, seed++));
                }
            }
        }
        return out.stream();
    }

    private static SequenceBatch small(Model m, LossType loss, int batch, Random rng) {
        return loss == LossType.CROSS_ENTROPY
                ? Cases.characters(m, 5, batch, Cases.Targets.SOME, true, rng)
                : Cases.regression(m, 5, batch, Cases.Targets.SOME, true, 0.5, rng);
    }

    @ParameterizedTest(name = "{0} {1} B={2}")
    @MethodSource("models")
    void passesOnTheEngine(BpttReferenceTest.Variant v, LossType loss, int batch, long seed) {
        Random rng = new Random(seed);
        Model m = Cases.model(v.cell(), v.act(), 3, 3, 3, rng);
        SequenceBatch s = small(m, loss, batch, rng);
        Params before = m.params().copy();

        GradCheck.Report report = GradCheck.run(m, s, GradCheckConfig.DEFAULT);

        assertTrue(report.passed(), () -> v + " " + loss + ": worst relative error " + report.worstRelativeError());
        Cases.assertParamsClose(before, m.params(), 0, 0, "the model is not modified");
        // the report is what it claims: the engine's analytic gradient, and numbers close to the reference
        Params analytic = Cases.engineGradients(new Bptt(m, s));
        RefParams reference = RefParams.of(m.params()).zerosLike();
        for (int b = 0; b < batch; b++) {
            reference.add(Cases.reference(m, s, b).grads);
        }
        assertEquals(Params.NAMES.size(), report.params().size());
        double worst = 0;
        for (int k = 0; k < Params.NAMES.size(); k++) {
            GradCheck.ParamCheck c = report.params().get(k);
            String name = Params.NAMES.get(k);
            DMatrixRMaj p = m.params().get(name);
            assertEquals(name, c.name());
            assertEquals(p.numRows, c.rows());
            assertEquals(p.numCols, c.cols());
            assertTrue(c.passed(), name);
            assertArrayEquals(analytic.get(name).data, c.analytic(), 0.0, name + " analytic");
            Cases.assertClose(reference.flat(name), c.numeric(), 1e-6, 1e-8, name + " numeric vs reference");
            for (int i = 0; i < c.relativeError().length; i++) {
                assertEquals(GradCheck.relativeError(c.analytic()[i], c.numeric()[i]), c.relativeError()[i], 0.0);
                assertTrue(c.relativeError()[i] <= c.worstRelativeError());
            }
            worst = Math.max(worst, c.worstRelativeError());
        }
        assertEquals(worst, report.worstRelativeError(), 0.0);
    }

    @Test
    void relativeErrorIsSymmetricScaleFreeAndZeroForZeros() {
        assertEquals(0.0, GradCheck.relativeError(0, 0), 0.0);
        assertEquals(0.0, GradCheck.relativeError(2.5, 2.5), 0.0);
        assertEquals(1.0, GradCheck.relativeError(1, -1), 0.0);
        assertEquals(1.0, GradCheck.relativeError(0, 3), 0.0);
        assertEquals(1.0, GradCheck.relativeError(-3, 0), 0.0);
        assertEquals(0.1 / 2.1, GradCheck.relativeError(1.0, 1.1), 1e-15);
        assertEquals(GradCheck.relativeError(1.0, 1.1), GradCheck.relativeError(1.1, 1.0), 0.0);
        assertEquals(GradCheck.relativeError(1.0, 1.1), GradCheck.relativeError(1e-7, 1.1e-7), 1e-12);
        assertTrue(GradCheck.relativeError(1, 1 + 1e-4) > GradCheckConfig.DEFAULT.maxRelativeError());
        assertTrue(GradCheck.relativeError(1, 1 + 1e-6) < GradCheckConfig.DEFAULT.maxRelativeError());
    }

    @Test
    void configRejectsNonPositiveValues() {
        assertThrows(IllegalArgumentException.class, () -> new GradCheckConfig(0, 1e-5, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new GradCheckConfig(1e-6, 0, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new GradCheckConfig(1e-6, 1e-5, -1));
        assertThrows(IllegalArgumentException.class, () -> new GradCheckConfig(Double.NaN, 1e-5, 1e-8));
    }

    /**
     * A ReLU exactly at its kink: the analytic derivative there is 0, the central difference sees
     * half the slope. GradCheck itself must report the mismatch.
     */
    @Test
    void failsWhereAnalyticAndNumericDisagree() {
        Params p = Params.zeros(1, 1, 1, 1);
        p.weightOut.set(0, 0, 1.0);
        Model m = new Model(CellType.RNN, Activation.RELU, 1, 1, 1, null, p);
        DMatrixRMaj target = new DMatrixRMaj(new double[][] {{-1}});
        SequenceBatch s = SequenceBatch.regression(1, 1, new DMatrixRMaj(1, 1), target, new boolean[] {true},
                null, null, null);

        GradCheck.Report report = GradCheck.run(m, s, GradCheckConfig.DEFAULT);

        assertFalse(report.passed());
        GradCheck.ParamCheck bias = report.params().get(Params.NAMES.indexOf("bias_ih"));
        assertFalse(bias.passed());
        assertEquals(0.0, bias.analytic()[0], 0.0);
        assertEquals(1.0, bias.numeric()[0], 1e-5);
        assertEquals(1.0, report.worstRelativeError(), 1e-12);
        // the output layer is differentiable there and passes on its own
        assertTrue(report.params().get(Params.NAMES.indexOf("bias_out")).passed());
    }

    /** The pass/fail rule of GradCheck, applied to an analytic array of our choosing. */
    private static boolean judge(double[] analytic, double[] numeric, GradCheckConfig config) {
        for (int i = 0; i < analytic.length; i++) {
            if (GradCheck.relativeError(analytic[i], numeric[i]) > config.maxRelativeError()
                    && Math.abs(analytic[i] - numeric[i]) > config.minAbsoluteError()) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.unroll.engine.BpttReferenceTest#cellVariants")
    void numericGradientsFlagACorruptedAnalyticGradient(BpttReferenceTest.Variant v) {
        Random rng = new Random(5);
        Model m = Cases.model(v.cell(), v.act(), 3, 4, 3, rng);
        SequenceBatch s = Cases.characters(m, 6, 1, Cases.Targets.ALL, true, rng);
        GradCheckConfig config = GradCheckConfig.DEFAULT;
        GradCheck.Report report = GradCheck.run(m, s, config);
        assertTrue(report.passed());
        Bptt bptt = new Bptt(m, s);
        Params full = Cases.engineGradients(bptt);
        for (GradCheck.ParamCheck c : report.params()) {
            assertTrue(judge(c.analytic(), c.numeric(), config), c.name());
            // one entry off by 0.1 %: flagged
            double[] wrong = c.analytic().clone();
            int i = c.worstIndex() == 0 ? wrong.length - 1 : 0;
            wrong[i] = wrong[i] * 1.001 + (wrong[i] == 0 ? 1e-3 : 0);
            assertFalse(judge(wrong, c.numeric(), config), c.name() + " corrupted entry " + i);
            // a sign error: flagged
            double[] negated = c.analytic().clone();
            for (int k = 0; k < negated.length; k++) {
                negated[k] = -negated[k];
            }
            assertFalse(judge(negated, c.numeric(), config), c.name() + " negated");
        }
        // the classic bug: only the last step's contribution to the recurrent weights (no sum over time)
        Params lastOnly = bptt.stepGradients(s.steps() - 1);
        GradCheck.ParamCheck whh = report.params().get(Params.NAMES.indexOf("weight_hh"));
        assertArrayEquals(full.weightHh.data, whh.analytic(), 0.0);
        assertFalse(judge(lastOnly.weightHh.data, whh.numeric(), config), "truncated to the last step");
    }

    @Test
    void nonFiniteGradientsFailAndFiniteOnesAreJudgedByBothTolerances() {
        GradCheckConfig c = GradCheckConfig.DEFAULT;
        assertTrue(GradCheck.fails(c, Double.NaN, 0.5));
        assertTrue(GradCheck.fails(c, 0.5, Double.NaN));
        assertTrue(GradCheck.fails(c, Double.POSITIVE_INFINITY, 1.0));
        assertFalse(GradCheck.fails(c, 0.25, 0.25 * (1 + 1e-7)), "a small relative error passes");
        assertFalse(GradCheck.fails(c, 1e-12, 3e-12), "a tiny absolute difference passes");
        assertTrue(GradCheck.fails(c, 0.25, 0.26), "both errors large: fails");
    }
}
