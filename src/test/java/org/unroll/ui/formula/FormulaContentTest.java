package org.unroll.ui.formula;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.unroll.engine.Activation;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;

class FormulaContentTest {

    private static final Tex TEX = FormulaContent.TEX;

    @BeforeAll
    static void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    private static Walkthrough walk(Scenario sc) {
        return new Walkthrough(sc.model(), sc.sequence(), 0.1);
    }

    private static FormulaContent at(Walkthrough w, Scenario sc, Cursor c) {
        return FormulaContent.at(w, sc, c);
    }

    private static void assertParses(String latex, String where) {
        assertNull(FormulaRenderer.unbalancedBraces(latex), where + ": " + latex);
        assertDoesNotThrow(() -> new TeXFormula(latex), where + ": " + latex);
    }

    private static List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>();
        all.add(Scenario.build(Setup.JEEP));
        all.add(Scenario.build(Setup.JEEP.withActivation(Activation.RELU)));
        all.add(Scenario.build(Setup.JEEP.withCell(CellType.LSTM)));
        all.add(Scenario.build(Setup.JEEP.withCell(CellType.GRU)));
        all.add(Scenario.build(Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(32).withText("hello, world")));
        all.add(Scenario.build(Setup.JEEP.withText("我爱你")));
        all.add(regression());
        return all;
    }

    @Test
    void everyPointOfEveryCellHasParsableFormulasAndACaption() {
        for (Scenario sc : scenarios()) {
            Walkthrough w = walk(sc);
            for (int i = 0; i < Cursor.positions(w.steps()); i++) {
                FormulaContent f = at(w, sc, Cursor.at(i, w.steps()));
                String where = sc.model().label() + " at " + Cursor.at(i, w.steps());
                assertFalse(f.equations().isEmpty(), where);
                assertFalse(f.caption().isBlank() || f.caption().contains("!formula"), where + ": " + f.caption());
                assertFalse(f.heading().contains("!"), where + ": " + f.heading());
                for (FormulaContent.Equation e : f.equations()) {
                    assertParses(e.symbolic(), where);
                    if (e.numeric() != null) {
                        assertParses(e.numeric(), where);
                    }
                }
                assertParses(f.latex(), where);
            }
        }
    }

    @Test
    void everyFormulaRendersToAnImage() {
        FormulaRenderer renderer = new FormulaRenderer(4);
        for (Scenario sc : scenarios()) {
            Walkthrough w = walk(sc);
            for (int i = 0; i < Cursor.positions(w.steps()); i++) {
                FormulaContent f = at(w, sc, Cursor.at(i, w.steps()));
                for (FormulaContent.Equation e : f.equations()) {
                    for (String latex : e.numeric() == null ? List.of(e.symbolic()) : List.of(e.symbolic(), e.numeric())) {
                        RenderedFormula r = renderer.render(latex, 16, 0xFF000000);
                        assertTrue(r.ok(), Cursor.at(i, w.steps()) + ": " + r.error() + " in " + latex);
                    }
                }
            }
        }
    }

    @Test
    void substitutesTheActualNumbers() {
        Scenario sc = Scenario.build(Setup.JEEP);
        Walkthrough w = walk(sc);

        String fwd = at(w, sc, Cursor.forward(1)).latex();
        assertTrue(fwd.contains("\\tanh"), fwd);
        assertTrue(fwd.contains(TEX.number(w.tape().stepLoss[1])), fwd);
        assertTrue(fwd.contains(TEX.number(w.tape().h.get(2, 0))), "h_t substituted: " + fwd);
        assertTrue(fwd.contains("\\text{e}"), "the target character: " + fwd);

        String loss = at(w, sc, Cursor.loss()).latex();
        assertTrue(loss.contains(TEX.number(w.loss())), loss);
        assertTrue(loss.contains("\\sum"), loss);

        String s1 = at(w, sc, Cursor.backward(2, BackwardStage.OUTPUT_GRADIENT)).latex();
        assertTrue(s1.contains("\\mathrm{softmax}(y_t) - \\mathrm{onehot}"), s1);
        assertTrue(s1.contains(TEX.number(w.tape().dy.get(2, 2))), s1);

        String s2 = at(w, sc, Cursor.backward(1, BackwardStage.ADD_FUTURE)).latex();
        assertTrue(s2.contains("dh_{\\mathrm{next}}"), s2);
        assertTrue(s2.contains(TEX.number(w.tape().dh.get(1, 0))), s2);

        String s3 = at(w, sc, Cursor.backward(1, BackwardStage.PARAMETER_GRADIENTS)).latex();
        assertTrue(s3.contains("\\delta_t = dh_t \\odot (1 - h_t^2)"), s3);
        assertTrue(s3.contains("h_{t-1}^{\\top}"), "outer product: " + s3);
        assertTrue(s3.contains(TEX.number(w.stepContribution(1).weightHh.get(0, 0))), s3);
        assertTrue(s3.contains(TEX.number(w.runningSum(1).weightHh.get(0, 0))), s3);

        String s4 = at(w, sc, Cursor.backward(1, BackwardStage.PASS_BACK)).latex();
        assertTrue(s4.contains("W_{hh}^{\\top}\\delta_t"), s4);
        assertTrue(s4.contains(TEX.number(w.tape().dhBack.get(1, 3))), s4);

        String up = at(w, sc, Cursor.update()).latex();
        assertTrue(up.contains("\\eta = 0.1"), up);
        assertTrue(up.contains(TEX.number(w.lossAfterUpdate())), up);
        assertTrue(up.contains(TEX.number(w.updatedModel().params().weightHh.get(1, 1))), up);
    }

    @Test
    void gatedCellsUseTheirOwnForms() {
        Scenario lstm = Scenario.build(Setup.JEEP.withCell(CellType.LSTM));
        Walkthrough wl = walk(lstm);
        String f = at(wl, lstm, Cursor.forward(0)).latex();
        assertTrue(f.contains("c_t = f_t \\odot c_{t-1} + i_t \\odot g_t"), f);
        String s2 = at(wl, lstm, Cursor.backward(0, BackwardStage.ADD_FUTURE)).latex();
        assertTrue(s2.contains("dc_t = dc_{\\mathrm{next}} + dh_t \\odot o_t \\odot (1 - \\tanh^2 c_t)"), s2);
        assertTrue(s2.contains(TEX.number(wl.tape().dc.get(0, 1))), s2);
        String s4 = at(wl, lstm, Cursor.backward(0, BackwardStage.PASS_BACK)).latex();
        assertTrue(s4.contains("dc_{t-1} = dc_t \\odot f_t"), s4);

        Scenario gru = Scenario.build(Setup.JEEP.withCell(CellType.GRU));
        Walkthrough wg = walk(gru);
        String g = at(wg, gru, Cursor.forward(0)).latex();
        assertTrue(g.contains("h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}"), g);
        String g4 = at(wg, gru, Cursor.backward(1, BackwardStage.PASS_BACK)).latex();
        assertTrue(g4.contains("z_t \\odot dh_t"), g4);
    }

    @Test
    void largeHiddenSizesAreElided() {
        Scenario sc = Scenario.build(Setup.JEEP.withHiddenSize(64));
        Walkthrough w = walk(sc);
        String f = at(w, sc, Cursor.forward(0)).latex();
        assertTrue(f.contains("\\vdots"), f);
        assertTrue(f.length() < 6000, "elided, not written out: " + f.length());
        String s3 = at(w, sc, Cursor.backward(0, BackwardStage.PARAMETER_GRADIENTS)).latex();
        assertTrue(s3.contains("\\ddots"), s3);
    }

    @Test
    void mseUsesTheSquaredError() {
        Scenario sc = regression();
        Walkthrough w = walk(sc);
        String loss = at(w, sc, Cursor.forward(0)).latex();
        assertTrue(loss.contains("\\| y_t - \\hat{y}_t \\|^2"), loss);
        String dy = at(w, sc, Cursor.backward(2, BackwardStage.OUTPUT_GRADIENT)).latex();
        assertTrue(dy.contains("dy_t = 2\\,(y_t - \\hat{y}_t)"), dy);
        assertTrue(dy.contains(TEX.number(w.tape().dy.get(2, 0))), dy);
    }

    @Test
    void captionsNameTheStep() {
        Scenario sc = Scenario.build(Setup.JEEP);
        Walkthrough w = walk(sc);
        assertTrue(at(w, sc, Cursor.forward(1)).caption().startsWith("Step 2"));
        assertTrue(at(w, sc, Cursor.backward(2, BackwardStage.ADD_FUTURE)).caption().contains("last step"));
        assertTrue(at(w, sc, Cursor.backward(0, BackwardStage.ADD_FUTURE)).caption().contains("step 2"));
        assertTrue(at(w, sc, Cursor.backward(1, BackwardStage.PARAMETER_GRADIENTS)).heading().contains("t = 2"));
    }

    static Scenario regression() {
        Params p = Params.uniform(1, 1, 2, 1, new Random(3));
        Model m = new Model(CellType.RNN, Activation.TANH, 1, 2, 1, null, p);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1}, {2}, {3}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{2}, {3}, {4}});
        SequenceBatch seq = SequenceBatch.regression(3, 1, x, y, new boolean[] {true, true, true}, null, null, null);
        return new Scenario(m, seq, null);
    }
}
