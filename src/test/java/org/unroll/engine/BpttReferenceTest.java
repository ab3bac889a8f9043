package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.unroll.engine.Cases.assertClose;
import static org.unroll.engine.Cases.row;

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
 * The engine (batched, EJML-backed BPTT) against the independent loop-based references
 * ReferenceRnn / ReferenceLstm / ReferenceGru: every forward quantity, every gradient, dh_0
 * (dc_0) and the total dL/dh_t (dL/dc_t), to 1e-12 relative. With B = 3 the batch must equal
 * three separate sequences: per-row states equal, losses and gradients summed.
 */
class BpttReferenceTest {

    record Variant(String name, CellType cell, Activation act) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("rnn-tanh", CellType.RNN, Activation.TANH),
            new Variant("rnn-relu", CellType.RNN, Activation.RELU),
            new Variant("lstm", CellType.LSTM, Activation.TANH),
            new Variant("gru", CellType.GRU, Activation.TANH));

    static Stream<Variant> cellVariants() {
        return VARIANTS.stream();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int[][] sizes = {{3, 1}, {11, 4}, {3, 9}};
        Cases.Targets[] patterns = Cases.Targets.values();
        int k = 0;
        for (Variant v : VARIANTS) {
            for (LossType loss : LossType.values()) {
                for (int steps : new int[] {1, 7, 40}) {
                    for (int[] size : sizes) {
                        for (boolean nonZeroState : new boolean[] {false, true}) {
                            for (int batch : new int[] {1, 3}) {
                                Cases.Targets targets = patterns[k % patterns.length];
                                out.add(Arguments.of(v, loss, steps, size[0], size[1], nonZeroState, batch, targets, 1000L + k));
                                k++;
                            }
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    static SequenceBatch sequence(Model m, LossType loss, int steps, int batch, Cases.Targets targets,
                                  boolean nonZeroState, Random rng) {
        return loss == LossType.CROSS_ENTROPY
                ? Cases.characters(m, steps, batch, targets, nonZeroState, rng)
                : Cases.regression(m, steps, batch, targets, nonZeroState, 1.0, rng);
    }

    @ParameterizedTest(name = "{0} {1} T={2} I={3} H={4} state={5} B={6} targets={7}")
    @MethodSource("cases")
    void engineMatchesReference(Variant v, LossType loss, int steps, int size, int hidden, boolean nonZeroState,
                                int batch, Cases.Targets targets, long seed) {
        Random rng = new Random(seed);
        int out = loss == LossType.CROSS_ENTROPY ? size : 2;
        Model m = Cases.model(v.cell(), v.act(), size, hidden, out, rng);
        SequenceBatch s = sequence(m, loss, steps, batch, targets, nonZeroState, rng);
        Bptt bptt = new Bptt(m, s);
        Params grads = Cases.engineGradients(bptt);
        Tape tape = bptt.tape();
        DMatrixRMaj dh0 = bptt.dh0();
        DMatrixRMaj dc0 = bptt.dc0();

        double loss0 = 0;
        double[] stepLoss = new double[steps];
        RefParams gradSum = RefParams.of(m.params()).zerosLike();
        for (int b = 0; b < batch; b++) {
            RefResult ref = Cases.reference(m, s, b);
            String at = "b=" + b;
            loss0 += ref.loss;
            for (int t = 0; t < steps; t++) {
                stepLoss[t] += ref.stepLoss[t];
                int r = tape.row(t) + b;
                int st = tape.stateRow(t + 1) + b;
                assertClose(ref.y[t], row(tape.y, r), at + " y_" + t);
                assertClose(ref.h[t], row(tape.h, st), at + " h_" + t);
                assertClose(ref.dh[t], row(tape.dh, r), at + " dL/dh_" + t);
                if (v.cell() == CellType.LSTM) {
                    assertClose(ref.c[t], row(tape.c, st), at + " c_" + t);
                    assertClose(ref.dc[t], row(tape.dc, r), at + " dL/dc_" + t);
                }
            }
            assertClose(ref.dh0, row(dh0, b), at + " dh0");
            if (v.cell() == CellType.LSTM) {
                assertClose(ref.dc0, row(dc0, b), at + " dc0");
            }
            gradSum.add(ref.grads);
        }
        if (v.cell() != CellType.LSTM) {
            assertNull(dc0, "only LSTM has dc0");
        }
        assertClose(loss0, bptt.loss(), "loss");
        assertClose(stepLoss, tape.stepLoss, "step losses");
        Cases.assertParamsClose(gradSum, grads, "grad");

        if (batch > 1) {
            // the batch is the sum of its sequences run one at a time by the engine itself
            Params sum = m.params().zerosLike();
            double lossSum = 0;
            for (int b = 0; b < batch; b++) {
                Bptt one = new Bptt(m, Cases.single(s, b));
                Params g = Cases.engineGradients(one);
                lossSum += one.loss();
                for (int k = 0; k < 6; k++) {
                    DMatrixRMaj acc = sum.all().get(k);
                    for (int i = 0; i < acc.data.length; i++) {
                        acc.data[i] += g.all().get(k).data[i];
                    }
                }
                for (int t = 0; t < steps; t++) {
                    assertClose(row(one.tape().h, one.tape().stateRow(t + 1)),
                            row(tape.h, tape.stateRow(t + 1) + b), "batched h_" + t + " of b=" + b);
                }
                assertClose(row(one.dh0(), 0), row(dh0, b), "batched dh0 of b=" + b);
            }
            assertClose(lossSum, bptt.loss(), "batched loss = Σ_b");
            Cases.assertParamsClose(sum, grads, Tolerances.REL, Tolerances.ABS, "batched grad = Σ_b");
        }
    }

    /** A second pass on the same tape (setSequence) gives the same result as a fresh engine. */
    @Test
    void reusedTapeGivesTheSameResult() {
        Random rng = new Random(7);
        for (Variant v : VARIANTS) {
            Model m = Cases.model(v.cell(), v.act(), 3, 4, 3, rng);
            SequenceBatch a = Cases.characters(m, 6, 2, Cases.Targets.ALL, true, rng);
            SequenceBatch b = Cases.characters(m, 6, 2, Cases.Targets.SOME, false, rng);
            Bptt reused = new Bptt(m, a);
            Cases.engineGradients(reused);
            reused.setSequence(b);
            Params g = Cases.engineGradients(reused);
            Bptt freshPass = new Bptt(m, b);
            Params fresh = Cases.engineGradients(freshPass);
            Cases.assertParamsClose(fresh, g, 0, 0, v + " reused tape");
            assertEquals(freshPass.loss(), reused.loss(), 0.0, v + " loss");
            Cases.assertClose(freshPass.dh0().data, reused.dh0().data, 0, 0, v + " dh0");
        }
    }
}
