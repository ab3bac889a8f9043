package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The further terms of a grid cell (what the formula pane substitutes): they agree with the
 * grid points, with each other across cells, and with the gradients of the whole pass.
 */
class GridCellTermsTest {
    private static final double EPS = 1e-12;

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 13, 17, 22, 30, 41, 47, 58, 71, 86, 95})
    void theCellsSharesSumToTheGradients(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        GridWalk w = new GridWalk(c.model(), c.batch());
        for (Lane lane : w.lanes()) {
            Params sum = w.model().params().layer(lane.layer(), dir(lane)).zerosLike();
            for (int b = 0; b < w.sequences(); b++) {
                for (int t = 0; t < w.steps(); t++) {
                    Params share = w.terms(lane, t, b).contribution();
                    for (int k = 0; k < 4; k++) {
                        org.ejml.dense.row.CommonOps_DDRM.addEquals(sum.tensor(k), share.tensor(k));
                    }
                }
            }
            Params grads = w.gradients().layer(lane.layer(), dir(lane));
            for (int k = 0; k < 4; k++) {
                assertArrayEquals(grads.tensor(k).data, sum.tensor(k).data, 1e-10, lane + " tensor " + k);
            }
        }
    }

    /** Stage 1: the top layer's gradient from above is its columns of W_out times dy; below, the halves of what the layer above passes down. */
    @ParameterizedTest
    @ValueSource(ints = {0, 3, 13, 17, 22, 30, 41, 47, 58, 71, 86, 95})
    void theGradientFromAboveIsWhatTheLayerAbovePassesDown(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        GridWalk w = new GridWalk(c.model(), c.batch());
        int hs = w.model().hiddenSize();
        int top = w.model().layers() - 1;
        DMatrixRMaj out = w.model().params().weightOut();
        for (int b = 0; b < w.sequences(); b++) {
            for (int t = 0; t < w.steps(); t++) {
                for (Lane lane : w.lanes()) {
                    GridPoint p = w.cell(lane, t, b);
                    GridCellTerms q = w.terms(lane, t, b);
                    double[] expected = new double[hs];
                    int from = dir(lane) * hs;
                    if (lane.layer() == top) {
                        assertNotNull(q.dy());
                        for (int j = 0; j < hs; j++) {
                            for (int o = 0; o < out.numRows; o++) {
                                expected[j] += out.get(o, from + j) * q.dy()[o];
                            }
                        }
                    } else {
                        assertNull(q.dy());
                        for (Lane up : w.lanes()) {
                            if (up.layer() == lane.layer() + 1) {
                                double[] down = w.terms(up, t, b).dxBelow();
                                for (int j = 0; j < hs; j++) {
                                    expected[j] += down[from + j];
                                }
                            }
                        }
                    }
                    if (!p.real()) {
                        expected = new double[hs];
                    }
                    assertArrayEquals(expected, p.dhFromAbove(), 1e-10, lane + " t=" + t + " b=" + b);
                }
            }
        }
    }

    /** Stage 4 of a cell is stage 2's "from its own future" of the cell its direction computes next. */
    @ParameterizedTest
    @ValueSource(ints = {1, 5, 14, 19, 26, 33, 42, 50, 61, 77})
    void whatACellPassesBackIsItsPastsFuture(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        GridWalk w = new GridWalk(c.model(), c.batch());
        for (int b = 0; b < w.sequences(); b++) {
            int len = w.batch().length(b);
            for (Lane lane : w.lanes()) {
                for (int s = 1; s < w.steps(); s++) {
                    int t = GridOrder.time(lane, s, len);
                    int before = GridOrder.time(lane, s - 1, len);
                    assertArrayEquals(w.terms(lane, t, b).dhBack(), w.cell(lane, before, b).dhFromFuture(), EPS);
                    GridCellTerms q = w.terms(lane, t, b);
                    if (q.dcBack() != null) {
                        assertArrayEquals(q.dcBack(), w.terms(lane, before, b).dcNext(), EPS);
                        assertArrayEquals(w.cell(lane, before, b).c(), q.cPrev(), EPS);
                    }
                    assertArrayEquals(w.cell(lane, before, b).h(), w.cell(lane, t, b).hPrev(), EPS);
                }
            }
        }
    }

    /** A walk point shows each gradient term only from the stage that computes it. */
    @ParameterizedTest
    @ValueSource(ints = {13, 41, 71})
    void termsExistOnlyFromTheirStage(int seed) {
        StackedBpttReferenceTest.Case c = StackedBpttReferenceTest.randomCase(seed);
        GridWalk w = new GridWalk(c.model(), c.batch());
        GridOrder o = w.order(0);
        Lane lane = w.lanes().get(0);
        int t = 0;
        assertTrue(w.at(0, o.indexOf(GridCursor.forward(lane, t)) - 1).terms(lane, t).isEmpty());
        GridCellTerms fwd = w.at(0, o.indexOf(GridCursor.forward(lane, t))).terms(lane, t).orElseThrow();
        assertNotNull(fwd.zIh());
        assertNull(fwd.dA());
        assertNull(fwd.dhBack());
        GridCellTerms s2 = w.at(0, o.indexOf(GridCursor.backward(lane, t, BackwardStage.ADD_FUTURE))).terms(lane, t)
                .orElseThrow();
        assertNull(s2.dA());
        GridCellTerms s3 = w.at(0, o.indexOf(GridCursor.backward(lane, t, BackwardStage.PARAMETER_GRADIENTS)))
                .terms(lane, t).orElseThrow();
        assertNotNull(s3.dA());
        assertNotNull(s3.contribution());
        assertNull(s3.dxBelow());
        GridCellTerms s4 = w.at(0, o.indexOf(GridCursor.backward(lane, t, BackwardStage.PASS_BACK))).terms(lane, t)
                .orElseThrow();
        assertNotNull(s4.dxBelow());
        assertEquals(w.model().inputSize(), s4.x().length);
    }

    private static int dir(Lane lane) {
        return lane.direction() == Lane.Direction.BACKWARD ? 1 : 0;
    }
}
