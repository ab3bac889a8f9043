package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Step contributions, gradient flow, grid values and the gradient check of stacked networks. */
class StackedDiagnosticsTest {

    private static StackedBptt run(StackedBpttReferenceTest.Case c, StackedParams grads) {
        StackedBptt pass = new StackedBptt(c.model(), c.batch());
        pass.forward();
        pass.backward(grads);
        return pass;
    }

    private static void close(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(expected - actual) <= tol * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 14, 19, 27, 38, 42, 47, 61, 70, 83, 95})
    void stepContributionsSumToEveryGradient(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        StackedParams grads = c.model().params().zerosLike();
        StackedBptt pass = run(c, grads);
        StackedParams sum = grads.zerosLike();
        for (int t = 0; t < c.batch().steps(); t++) {
            StackedParams step = pass.stepGradients(t);
            for (String n : sum.names()) {
                CommonOps_DDRM.addEquals(sum.get(n), step.get(n));
            }
        }
        for (String n : grads.names()) {
            for (int i = 0; i < grads.get(n).getNumElements(); i++) {
                close(grads.get(n).data[i], sum.get(n).data[i], 1e-12, n);
            }
        }
    }

    @Test
    void oneLayerStepContributionsAndFlowEqualTheSingleLayerEngine() {
        for (long seed = 0; seed < 9; seed++) {
            Random rng = new Random(seed);
            CellType cell = CellType.values()[(int) (seed % 3)];
            int hs = 2 + rng.nextInt(3);
            int steps = 2 + rng.nextInt(5);
            Model model = new Model(cell, Activation.TANH, 3, hs, 3, null, Params.uniform(cell.gates(), 3, hs, 3, rng));
            DMatrixRMaj x = new DMatrixRMaj(steps, 3);
            int[] targets = new int[steps];
            for (int t = 0; t < steps; t++) {
                x.set(t, rng.nextInt(3), 1.0);
                targets[t] = rng.nextInt(3);
            }
            SequenceBatch seq = SequenceBatch.classification(steps, 1, x, targets, null, null, null);
            Bptt single = new Bptt(model, seq);
            single.forward();
            single.backward(model.params().zerosLike());
            GradientFlow flow = GradientFlow.of(single, 0);
            StackedModel net = StackedModel.of(model);
            StackedBptt pass = new StackedBptt(net, PaddedBatch.full(seq));
            pass.forward();
            pass.backward(net.params().zerosLike());
            StackedFlow deep = StackedFlow.of(pass, 0);
            assertEquals(1, deep.directions().size());
            assertArrayEquals(flow.dhNorms(), deep.directions().get(0).dhNorms(), 1e-12);
            assertArrayEquals(flow.jacobianNorms(), deep.directions().get(0).jacobianNorms(), 1e-10);
            if (cell == CellType.LSTM) {
                assertArrayEquals(flow.cellJacobianNorms(), deep.directions().get(0).cellJacobianNorms(), 1e-10);
            }
            for (int t = 0; t < steps; t++) {
                Params a = single.stepGradients(t);
                StackedParams b = pass.stepGradients(t);
                for (String n : Params.NAMES) {
                    assertArrayEquals(a.get(n).data, b.get(n).data, 1e-12, n + " at " + t);
                }
            }
        }
    }

    /** ‖∂h_len/∂h_0‖₂ of every layer and direction against a finite-difference Jacobian of h_n in h0. */
    @ParameterizedTest
    @ValueSource(ints = {12, 13, 14, 15, 20, 21, 22, 23, 60, 62, 63})
    void jacobianNormsAreThoseOfTheStateMap(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        StackedModel m = c.model();
        PaddedBatch batch = c.batch();
        int nb = batch.batch();
        int hs = m.hiddenSize();
        int ld = m.layers() * m.directions();
        DMatrixRMaj h0 = batch.h0() == null ? new DMatrixRMaj(ld * nb, hs) : batch.h0().copy();
        PaddedBatch base = new PaddedBatch(batch.sequences(), batch.lengths(), h0, batch.c0());
        StackedBptt pass = new StackedBptt(m, base);
        pass.forward();
        pass.backward(m.params().zerosLike());
        int b = nb - 1;
        StackedFlow flow = StackedFlow.of(pass, b);
        double eps = 1e-6;
        for (int k = 0; k < ld; k++) {
            DMatrixRMaj jac = new DMatrixRMaj(hs, hs);
            for (int j = 0; j < hs; j++) {
                int entry = (k * nb + b) * hs + j;
                double saved = h0.data[entry];
                h0.data[entry] = saved + eps;
                pass.forward();
                DMatrixRMaj plus = pass.finalHidden();
                h0.data[entry] = saved - eps;
                pass.forward();
                DMatrixRMaj minus = pass.finalHidden();
                h0.data[entry] = saved;
                for (int i = 0; i < hs; i++) {
                    int r = (k * nb + b) * hs + i;
                    jac.set(i, j, (plus.data[r] - minus.data[r]) / (2 * eps));
                }
            }
            double[] norms = flow.directions().get(k).jacobianNorms();
            assertEquals(batch.length(b) + 1, norms.length);
            close(GradientFlow.spectralNorm(jac), norms[0], 1e-6, "‖∂h_n/∂h_0‖ of layer-direction " + k);
            assertEquals(1.0, norms[norms.length - 1], 1e-12);
        }
    }

    /**
     * An exploding 2-layer ReLU network (W_hh = 12·I in both layers, T = 300, all states
     * positive so every ReLU passes): ‖∂h_T/∂h_k‖₂ = 12^(T−k) exactly, which leaves the range
     * of a double below k ≈ 15. Each norm is that number while it is finite and +∞ beyond,
     * never NaN (an unscaled product turns ∞ · 0 into NaN).
     */
    @Test
    void explodingStackedReluHasFiniteOrInfiniteNormsNeverNaN() {
        int steps = 300;
        int hs = 3;
        StackedParams p = StackedParams.zeros(CellType.RNN, 2, hs, 2, 2, 1);
        for (String layer : new String[] {"l0", "l1"}) {
            for (int i = 0; i < hs; i++) {
                p.get("weight_hh_" + layer).set(i, i, 12.0);
            }
        }
        for (int i = 0; i < hs; i++) {
            p.get("weight_ih_l1").set(i, i, 1.0);
        }
        CommonOps_DDRM.fill(p.get("weight_out"), 0.5);
        StackedModel m = new StackedModel(CellType.RNN, Activation.RELU, 2, hs, 2, 2, false, null, p);
        SequenceBatch seq = SequenceBatch.classification(steps, 1, new DMatrixRMaj(steps, 2), new int[steps],
                null, null, null);
        DMatrixRMaj h0 = new DMatrixRMaj(2, hs);
        CommonOps_DDRM.fill(h0, 1e-300);
        StackedBptt pass = new StackedBptt(m, new PaddedBatch(seq, new int[] {steps}, h0, null));
        pass.forward();
        pass.backward(m.params().zerosLike());
        StackedFlow flow = StackedFlow.of(pass, 0);
        int infinite = 0;
        for (StackedFlow.DirectionFlow d : flow.directions()) {
            double[] norms = d.jacobianNorms();
            assertEquals(steps + 1, norms.length);
            for (int k = 0; k <= steps; k++) {
                double expected = Math.pow(12, steps - k);
                assertFalse(Double.isNaN(norms[k]), "layer " + d.layer() + ", k = " + k + " is NaN");
                if (Double.isInfinite(expected)) {
                    assertEquals(Double.POSITIVE_INFINITY, norms[k], "layer " + d.layer() + ", k = " + k);
                    infinite++;
                } else {
                    close(expected, norms[k], 1e-12, "layer " + d.layer() + ", k = " + k);
                }
            }
        }
        assertTrue(infinite > 0, "the case overflows a double");
    }

    /** The gradient reaching the input, against finite differences of the loss in the inputs. */
    @ParameterizedTest
    @ValueSource(ints = {3, 16, 29, 40, 58, 71})
    void gradientReachingEachLayerIsMeasured(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        StackedBptt pass = run(c, c.model().params().zerosLike());
        int nb = c.batch().batch();
        int b = 0;
        StackedFlow flow = StackedFlow.of(pass, b);
        DMatrixRMaj x = c.batch().sequences().inputs();
        double eps = 1e-6;
        double sq = 0;
        for (int t = 0; t < c.batch().length(b); t++) {
            for (int i = 0; i < x.numCols; i++) {
                int e = (t * nb + b) * x.numCols + i;
                double saved = x.data[e];
                x.data[e] = saved + eps;
                double plus = pass.forward();
                x.data[e] = saved - eps;
                double minus = pass.forward();
                x.data[e] = saved;
                double g = (plus - minus) / (2 * eps);
                sq += g * g;
            }
        }
        close(Math.sqrt(sq), flow.inputNorm(), 1e-6, "‖dL/dx‖");
        pass.forward();
        pass.backward(c.model().params().zerosLike());
        int top = c.model().layers() - 1;
        assertEquals(c.model().layers(), flow.layerNorms().length);
        // the top layer receives dy · W_out
        DMatrixRMaj dTop = pass.layerOutputGradient(top);
        double s = 0;
        for (int t = 0; t < c.batch().length(b); t++) {
            for (int j = 0; j < dTop.numCols; j++) {
                s += dTop.get(t * nb + b, j) * dTop.get(t * nb + b, j);
            }
        }
        close(Math.sqrt(s), flow.layerNorms()[top], 1e-12, "‖dL/d top output‖");
    }

    @Test
    void gridPointsSplitTheGradientIntoAboveAndFuture() {
        // lstm and gru with 3 layers and one direction, and with one layer and both
        for (int seed : new int[] {22, 14, 23, 15}) {
            StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
            StackedBptt pass = run(c, c.model().params().zerosLike());
            StackedModel m = c.model();
            int hs = m.hiddenSize();
            int nb = c.batch().batch();
            for (int k = 0; k < m.layers(); k++) {
                for (int d = 0; d < m.directions(); d++) {
                    for (int b = 0; b < nb; b++) {
                        for (int t = 0; t < c.batch().steps(); t++) {
                            GridPoint p = pass.gridPoint(k, d, t, b);
                            GridPoint byLane = pass.gridPoint(p.lane(), t, b);
                            assertEquals(p.step(), byLane.step());
                            assertArrayEquals(p.h(), byLane.h(), 0.0);
                            assertArrayEquals(p.dh(), byLane.dh(), 0.0);
                            assertEquals(t < c.batch().length(b), p.real());
                            for (int j = 0; j < hs; j++) {
                                close(p.dhFromAbove()[j] + p.dhFromFuture()[j], p.dh()[j], 1e-12, "dh");
                                if (p.real()) {
                                    assertEquals(pass.layerOutput(k).get(t * nb + b, d * hs + j), p.h()[j], 0.0);
                                    assertEquals(pass.layerOutputGradient(k).get(t * nb + b, d * hs + j),
                                            p.dhFromAbove()[j], 0.0);
                                } else {
                                    assertEquals(p.hPrev()[j], p.h()[j], 0.0);
                                    assertEquals(0.0, p.dhFromAbove()[j], 0.0);
                                }
                            }
                            if (p.real() && d == 1) {
                                assertEquals(c.batch().length(b) - 1 - t, p.step());
                            }
                        }
                    }
                }
            }
            assertFalse(m.cell() == CellType.LSTM && pass.gridPoint(0, 0, 0, 0).c() == null);
            assertEquals(m.layers() * m.directions(), pass.lanes().size());
            for (int i = 0; i < pass.lanes().size(); i++) {
                Lane lane = pass.lanes().get(i);
                assertEquals(i / m.directions(), lane.layer());
                assertEquals(i % m.directions() == 1, lane.direction() == Lane.Direction.BACKWARD);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3, 13, 14, 22, 23, 26, 39, 46, 47, 90})
    void theGradientCheckPassesForEveryParameter(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        GradCheck.Report report = StackedGradCheck.run(c.model(), c.batch(), GradCheckConfig.DEFAULT, 6);
        assertEquals(c.model().params().names(),
                report.params().stream().map(GradCheck.ParamCheck::name).toList());
        assertTrue(report.passed(), "worst relative error " + report.worstRelativeError());
        for (GradCheck.ParamCheck p : report.params()) {
            assertTrue(p.analytic().length > 0, p.name());
        }
    }
}
