package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void gradientFlowComputesTheBoundAndCopiesArrays() {
        double[] dh = {1, 2};
        GradientFlow g = GradientFlow.withBound("RNN", dh, new double[] {0.25, 0.5, 1}, null, 1, 0.5);
        assertArrayEquals(new double[] {0.25, 0.5, 1}, g.bound(), 1e-15);
        assertEquals(2, g.steps());
        dh[0] = 99;
        assertEquals(1, g.dhNorms()[0]);
        g.dhNorms()[0] = 42;
        assertEquals(1, g.dhNorms()[0]);
        assertFalse(g.hasCellPath());
        assertEquals(g, GradientFlow.withBound("RNN", new double[] {1, 2}, new double[] {0.25, 0.5, 1}, null, 1, 0.5));
    }

    @Test
    void gradientFlowAcceptsOverflowButNotNegativeNormsOrWrongLengths() {
        double[] jac = {Double.NaN, Double.POSITIVE_INFINITY, 1};
        GradientFlow.withBound("RNN", new double[] {1e300, 0}, jac, null, 1, 2);
        assertThrows(IllegalArgumentException.class,
                () -> GradientFlow.withBound("RNN", new double[] {-1, 0}, jac, null, 1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> GradientFlow.withBound("RNN", new double[] {1, 0}, new double[] {1, 1}, null, 1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> GradientFlow.withBound("LSTM", new double[] {1, 0}, jac, new double[] {1}, 1, 2));
        assertThrows(IllegalArgumentException.class,
                () -> GradientFlow.withBound(" ", new double[] {1, 0}, jac, null, 1, 2));
    }

    @Test
    void gateActivationsValidateShapeAndKnowTanhGates() {
        GateActivations a = GateActivations.gru(SampleData.gates(3, 5, 2, Set.of(2), 1));
        assertEquals(5, a.steps());
        assertEquals(2, a.units());
        assertTrue(a.isTanh(2));
        assertFalse(a.isTanh(0));
        assertEquals(a.values()[1][4][1], a.value(1, 5, 1));
        double[][][] ragged = SampleData.gates(3, 5, 2, Set.of(), 1);
        ragged[1][3] = new double[3];
        assertThrows(IllegalArgumentException.class, () -> GateActivations.gru(ragged));
        assertThrows(IllegalArgumentException.class, () -> GateActivations.lstm(SampleData.gates(3, 5, 2, Set.of(), 1)));
        assertThrows(IllegalArgumentException.class, () -> new GateActivations("X", List.of("a", "b"), Set.of("c"),
                SampleData.gates(2, 5, 2, Set.of(), 1)));
    }

    @Test
    void stepContributionsFromPerStepSumsTheEntryAndTakesFrobeniusNorms() {
        Map<String, double[][][]> per = new LinkedHashMap<>();
        per.put("weight_hh", new double[][][] {{{3, 0}, {0, 4}}, {{1, -2}, {2, 0}}});
        per.put("bias_hh", new double[][][] {{{1}, {0}}, {{0}, {0}}});
        StepContributions c = StepContributions.fromPerStep("RNN", per, "weight_hh", 1, 0);
        assertArrayEquals(new double[] {0, 2}, c.entryContributions());
        assertEquals(2, c.total());
        assertEquals(2, c.sumOfSteps());
        assertArrayEquals(new double[] {5, 3}, c.stepNorms("weight_hh"), 1e-12);
        assertArrayEquals(new double[] {1, 0}, c.stepNorms("bias_hh"), 1e-12);
        assertEquals(List.of("weight_hh", "bias_hh"), List.copyOf(c.stepNorms().keySet()));
        // shown in the display notation, counted from 1
        assertEquals("W_hh[2,1]", c.entryLabel());
        assertThrows(IllegalArgumentException.class, () -> c.stepNorms("weight_ih"));
        assertThrows(IllegalArgumentException.class,
                () -> new StepContributions("RNN", "w", 0, 0, new double[] {1, 2}, 3, Map.of("w", new double[] {1})));
    }

    @Test
    void gradCheckRowComputesTheRelativeError() {
        GradCheckResult.Row r = GradCheckResult.Row.of("weight_hh", 1.0, 3.0, 2, 1);
        assertEquals(0.5, r.relativeError(), 1e-15);
        assertEquals("weight_hh[2,1]", r.label());
        assertEquals(0, GradCheckResult.Row.of("bias_hh", 0, 0, 0).relativeError());
        assertFalse(r.passes(1e-6));
        GradCheckResult ok = SampleData.gradCheck();
        assertTrue(ok.allPass());
        assertFalse(SampleData.brokenGradCheck().allPass());
        assertThrows(IllegalArgumentException.class, () -> new GradCheckResult("X", List.of(), 1e-6));
        assertThrows(IllegalArgumentException.class, () -> new GradCheckResult("X", List.of(r), 0));
        assertNotEquals(r, GradCheckResult.Row.of("weight_hh", 1.0, 3.0, 2, 0));
    }
}
