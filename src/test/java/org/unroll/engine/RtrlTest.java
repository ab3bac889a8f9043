package org.unroll.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Forward-mode RTRL and reverse-mode BPTT compute the same gradient and the same dL/dh_0. */
class RtrlTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 900;
        for (Activation act : Activation.values()) {
            for (int steps : new int[] {1, 4, 15}) {
                for (int hidden : new int[] {1, 3, 6}) {
                    for (int batch : new int[] {1, 2}) {
                        out.add(Arguments.of(act, steps, hidden, batch, seed++));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} T={1} H={2} B={3}")
    @MethodSource("cases")
    void rtrlEqualsBptt(Activation act, int steps, int hidden, int batch, long seed) {
        Random rng = new Random(seed);
        boolean ce = seed % 2 == 0;
        Model m = Cases.model(CellType.RNN, act, 3, hidden, ce ? 3 : 2, rng);
        SequenceBatch s = ce
                ? Cases.characters(m, steps, batch, Cases.Targets.SOME, true, rng)
                : Cases.regression(m, steps, batch, Cases.Targets.ALL, true, 1.0, rng);
        Bptt bptt = new Bptt(m, s);
        Params expected = Cases.engineGradients(bptt);

        Rtrl.Result r = Rtrl.run(m, s);

        Cases.assertParamsClose(expected, r.grads(), Tolerances.RTRL, 1e-13, "RTRL grad");
        Cases.assertClose(bptt.dh0().data, r.dh0().data, Tolerances.RTRL, 1e-13, "RTRL dh0");
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"LSTM", "GRU"})
    void rejectsGatedCells(CellType cell) {
        Random rng = new Random(1);
        Model m = Cases.model(cell, Activation.TANH, 3, 2, 3, rng);
        SequenceBatch s = Cases.characters(m, 3, 1, Cases.Targets.ALL, false, rng);
        assertThrows(IllegalArgumentException.class, () -> Rtrl.run(m, s));
    }
}
