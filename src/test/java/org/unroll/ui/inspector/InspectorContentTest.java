package org.unroll.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unroll.engine.Activation;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.Tape;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;

class InspectorContentTest {

    private static Scenario jeep;
    private static Walkthrough w;

    @BeforeAll
    static void build() {
        I18n.setLocale(I18n.ENGLISH);
        jeep = Scenario.build(Setup.JEEP);
        w = new Walkthrough(jeep.model(), jeep.sequence(), Setup.JEEP.learningRate());
    }

    private static List<InspectorEntry> at(Cursor c) {
        return InspectorContent.at(w, jeep, c);
    }

    private static List<String> titles(List<InspectorEntry> entries) {
        return entries.stream().map(InspectorEntry::title).collect(Collectors.toList());
    }

    private static InspectorEntry find(List<InspectorEntry> entries, String title) {
        return entries.stream().filter(e -> e.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + title + " in " + titles(entries)));
    }

    /** The entry's values flattened in row order. */
    private static double[] flat(InspectorEntry e) {
        return java.util.Arrays.stream(e.values()).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double[] tapeRow(DMatrixRMaj m, int r) {
        return InspectorContent.row(m, r);
    }

    @Test
    void startShowsOnlyTheInputsAndTheInitialState() {
        List<InspectorEntry> e = at(Cursor.START);
        assertEquals(List.of("x_1 … x_T (inputs)", "h_0"), titles(e));
        Tape tape = w.tape();
        assertArrayEquals(tape.x.data, flat(e.get(0)), 0.0);
        assertEquals(List.of("j", "e", "p"), e.get(0).data().columnLabels());
        assertEquals(List.of("1: j", "2: e", "3: e"), e.get(0).data().rowLabels());
        assertArrayEquals(new double[4], flat(e.get(1)), 0.0);
    }

    @Test
    void forwardStepShowsTheStepsValuesAndNoGradients() {
        Tape tape = w.tape();
        for (int t = 0; t < 3; t++) {
            List<InspectorEntry> e = at(Cursor.forward(t));
            assertEquals(List.of("x_t", "h_{t−1}", "W_xh x_t + b_xh", "W_hh h_{t−1} + b_hh",
                    "z_t = W_xh x_t + W_hh h_{t−1} + b", "h_t", "y_t", "softmax(y_t)", "L_t"), titles(e));
            assertArrayEquals(tapeRow(tape.x, t), flat(find(e, "x_t")), 0.0);
            assertArrayEquals(tapeRow(tape.h, t), flat(find(e, "h_{t−1}")), 0.0);
            assertArrayEquals(tapeRow(tape.h, t + 1), flat(find(e, "h_t")), 0.0);
            assertArrayEquals(tapeRow(tape.zIh, t), flat(find(e, "W_xh x_t + b_xh")), 0.0);
            assertArrayEquals(tapeRow(tape.y, t), flat(find(e, "y_t")), 0.0);
            assertArrayEquals(tapeRow(tape.probs, t), flat(find(e, "softmax(y_t)")), 0.0);
            assertEquals(tape.stepLoss[t], find(e, "L_t").values()[0][0], 0.0);
            assertEquals(List.of("j", "e", "p"), find(e, "softmax(y_t)").data().columnLabels());
            assertEquals(1, find(e, "h_t").data().rows());
            assertEquals(4, find(e, "h_t").data().cols());
            assertFalse(find(e, "x_t").fresh());
            assertTrue(find(e, "h_t").fresh());
            for (String title : titles(e)) {
                assertFalse(title.startsWith("d") || title.startsWith("δ") || title.startsWith("Δ")
                        || title.startsWith("Σ") || title.startsWith("∂"), "a gradient at a forward step: " + title);
            }
        }
    }

    @Test
    void lossShowsStepLossesAndTheirSum() {
        List<InspectorEntry> e = at(Cursor.loss());
        assertEquals(List.of("softmax(y_t), t = 1 … T", "L_t, t = 1 … T", "L = Σ_t L_t"), titles(e));
        assertArrayEquals(w.tape().stepLoss, flat(e.get(1)), 0.0);
        assertEquals(w.loss(), e.get(2).values()[0][0], 1e-15);
        assertEquals(List.of("1: j→e", "2: e→e", "3: e→p"), e.get(1).data().rowLabels());
    }

    @Test
    void backwardStagesAddTheirGradientsOneByOne() {
        Tape tape = w.tape();
        int t = 1;
        List<InspectorEntry> s1 = at(Cursor.backward(t, BackwardStage.OUTPUT_GRADIENT));
        assertEquals(List.of("dy_t", "dL_t/dh_t",
                "ΣW_xh (running sum)", "ΣW_hh (running sum)", "Σb (running sum)", "ΣW_out (running sum)",
                "Σb_out (running sum)", "x_t", "h_{t−1}", "h_t", "softmax(y_t)"), titles(s1));
        assertArrayEquals(tapeRow(tape.dy, t), flat(find(s1, "dy_t")), 0.0);
        assertArrayEquals(tapeRow(tape.dhLocal, t), flat(find(s1, "dL_t/dh_t")), 0.0);
        // before stage 3 the running sum holds the later steps only
        assertArrayEquals(w.runningSum(t + 1).weightHh.data, flat(find(s1, "ΣW_hh (running sum)")), 0.0);
        assertTrue(find(s1, "dy_t").fresh());

        List<InspectorEntry> s2 = at(Cursor.backward(t, BackwardStage.ADD_FUTURE));
        assertArrayEquals(tapeRow(tape.dhBack, t + 1), flat(find(s2, "dh_next")), 0.0);
        assertArrayEquals(tapeRow(tape.dh, t), flat(find(s2, "dh_t")), 0.0);
        assertFalse(titles(s2).contains("δ_t"));
        assertFalse(titles(s2).contains("dh_{t−1}"));

        List<InspectorEntry> s3 = at(Cursor.backward(t, BackwardStage.PARAMETER_GRADIENTS));
        assertArrayEquals(tapeRow(tape.dA, t), flat(find(s3, "δ_t")), 0.0);
        Params step = w.stepContribution(t);
        Params sum = w.runningSum(t);
        assertArrayEquals(step.weightHh.data, flat(find(s3, "ΔW_hh (step t)")), 0.0);
        assertArrayEquals(step.weightIh.data, flat(find(s3, "ΔW_xh (step t)")), 0.0);
        assertArrayEquals(step.biasIh.data, flat(find(s3, "Δb (step t)")), 0.0);
        assertArrayEquals(step.weightOut.data, flat(find(s3, "ΔW_out (step t)")), 0.0);
        assertArrayEquals(sum.weightHh.data, flat(find(s3, "ΣW_hh (running sum)")), 0.0);
        assertEquals(List.of("j", "e", "p"), find(s3, "ΔW_xh (step t)").data().columnLabels());
        assertEquals(List.of("j", "e", "p"), find(s3, "ΔW_out (step t)").data().rowLabels());
        assertFalse(titles(s3).contains("dh_{t−1}"));

        List<InspectorEntry> s4 = at(Cursor.backward(t, BackwardStage.PASS_BACK));
        assertArrayEquals(tapeRow(tape.dhBack, t), flat(find(s4, "dh_{t−1}")), 0.0);
        assertTrue(find(s4, "dh_{t−1}").fresh());
        assertFalse(find(s4, "ΔW_hh (step t)").fresh());
    }

    @Test
    void theLastStepGetsNothingFromTheFuture() {
        List<InspectorEntry> e = at(Cursor.backward(2, BackwardStage.ADD_FUTURE));
        assertArrayEquals(new double[4], flat(find(e, "dh_next")), 0.0);
        assertArrayEquals(new double[4 * 4], flat(find(e, "ΣW_hh (running sum)")), 0.0);
    }

    @Test
    void updateShowsGradientsAndParametersBeforeAndAfter() {
        List<InspectorEntry> e = at(Cursor.update());
        assertArrayEquals(w.gradients().weightHh.data, flat(find(e, "∂L/∂W_hh")), 0.0);
        assertArrayEquals(w.model().params().weightHh.data, flat(find(e, "W_hh (before)")), 0.0);
        assertArrayEquals(w.updatedModel().params().weightHh.data, flat(find(e, "W_hh (after)")), 0.0);
        assertArrayEquals(w.updatedModel().params().biasHh.data, flat(find(e, "b_hh (after)")), 0.0);
        assertEquals(w.lossAfterUpdate(), find(e, "L (after)").values()[0][0], 0.0);
        assertEquals(2 + 3 * 6, e.size());
    }

    @Test
    void lstmAndGruShowTheirGatesAndCellPath() {
        Scenario lstm = Scenario.build(Setup.JEEP.withCell(CellType.LSTM));
        Walkthrough wl = new Walkthrough(lstm.model(), lstm.sequence(), 0.1);
        Cursor wlAt = Cursor.forward(0);
        List<String> fwd = titles(InspectorContent.at(wl, lstm, wlAt));
        assertTrue(fwd.containsAll(List.of("c_{t−1}", "i_t", "f_t", "g_t", "o_t", "c_t", "tanh(c_t)", "h_t")), fwd.toString());
        wlAt = Cursor.backward(1, BackwardStage.ADD_FUTURE);
        List<InspectorEntry> s2 = InspectorContent.at(wl, lstm, wlAt);
        assertArrayEquals(tapeRow(wl.tape().dc, 1), flat(find(s2, "dc_t")), 0.0);
        assertArrayEquals(tapeRow(wl.tape().dcBack, 2), flat(find(s2, "dc_next")), 0.0);
        wlAt = Cursor.backward(1, BackwardStage.PASS_BACK);
        List<InspectorEntry> s4 = InspectorContent.at(wl, lstm, wlAt);
        assertArrayEquals(tapeRow(wl.tape().dcBack, 1), flat(find(s4, "dc_{t−1}")), 0.0);
        InspectorEntry delta = find(s4, "δ_t (dz_t)");
        assertEquals(List.of("i", "f", "g", "o"), delta.data().columnLabels());
        assertEquals(wl.tape().dA.get(1, 4 + 2), delta.values()[2][1], 0.0); // f block, unit 2

        Scenario gru = Scenario.build(Setup.JEEP.withCell(CellType.GRU));
        Walkthrough wg = new Walkthrough(gru.model(), gru.sequence(), 0.1);
        Cursor wgAt = Cursor.forward(2);
        assertTrue(titles(InspectorContent.at(wg, gru, wgAt)).containsAll(List.of("r_t", "z_t", "n_t")));
        wgAt = Cursor.backward(0, BackwardStage.PARAMETER_GRADIENTS);
        List<InspectorEntry> g3 = InspectorContent.at(wg, gru, wgAt);
        assertTrue(titles(g3).containsAll(List.of("δ_t → W_xh", "δ_t → W_hh", "Δb_xh (step t)", "Δb_hh (step t)")));
    }

    @Test
    void everyPointOfEveryCellHasEntriesWithStableIdsAndSomethingFresh() {
        for (Setup s : List.of(Setup.JEEP, Setup.JEEP.withActivation(Activation.RELU), Setup.JEEP.withCell(CellType.LSTM),
                Setup.JEEP.withCell(CellType.GRU), Setup.JEEP.withHiddenSize(40).withText("hello world"))) {
            Scenario sc = Scenario.build(s);
            Walkthrough walk = new Walkthrough(sc.model(), sc.sequence(), 0.1);
            for (int i = 0; i < Cursor.positions(walk.steps()); i++) {
                Cursor walkAt = Cursor.at(i, walk.steps());
                List<InspectorEntry> e = InspectorContent.at(walk, sc, walkAt);
                assertFalse(e.isEmpty());
                assertTrue(e.stream().anyMatch(InspectorEntry::fresh), s + " at " + walkAt);
                assertEquals(e.size(), e.stream().map(InspectorEntry::id).distinct().count(), "ids are unique");
            }
        }
    }

    @Test
    void vectorsAreRowsEvenWhenLong() {
        Scenario sc = Scenario.build(Setup.JEEP.withHiddenSize(40));
        Walkthrough walk = new Walkthrough(sc.model(), sc.sequence(), 0.1);
        Cursor walkAt = Cursor.forward(0);
        InspectorEntry h = find(InspectorContent.at(walk, sc, walkAt), "h_t");
        assertEquals(1, h.data().rows());
        assertEquals(40, h.data().cols());
    }

    @Test
    void worksForARegressionModelWithoutAVocabulary() {
        Scenario sc = regression();
        Walkthrough walk = new Walkthrough(sc.model(), sc.sequence(), 0.1);
        for (int i = 0; i < Cursor.positions(walk.steps()); i++) {
            Cursor walkAt = Cursor.at(i, walk.steps());
            assertFalse(InspectorContent.at(walk, sc, walkAt).isEmpty());
        }
        Cursor walkAt = Cursor.loss();
        assertEquals("y_t, t = 1 … T", InspectorContent.at(walk, sc, walkAt).get(0).title());
    }

    /** The 1, 2, 3 regression example with MSE: predict the next number. */
    static Scenario regression() {
        Params p = Params.uniform(1, 1, 2, 1, new Random(3));
        Model m = new Model(CellType.RNN, Activation.TANH, 1, 2, 1, null, p);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1}, {2}, {3}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{2}, {3}, {4}});
        SequenceBatch seq = SequenceBatch.regression(3, 1, x, y, new boolean[] {true, true, true}, null, null, null);
        return new Scenario(m, seq, null);
    }
}
