package org.unroll.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each step's own contribution to the shared parameters: they are the reference's per-step
 * terms, they sum to the full gradient, and the walkthrough's running sums are their suffix sums.
 */
class StepContributionTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 400;
        for (BpttReferenceTest.Variant v : BpttReferenceTest.VARIANTS) {
            for (int steps : new int[] {1, 5, 12}) {
                for (int batch : new int[] {1, 2}) {
                    out.add(Arguments.of(v, steps, batch, seed++));
                }
            }
        }
        return out.stream();
    }

    private static void add(Params acc, Params g) {
        for (int k = 0; k < Params.NAMES.size(); k++) {
            DMatrixRMaj a = acc.all().get(k);
            for (int i = 0; i < a.data.length; i++) {
                a.data[i] += g.all().get(k).data[i];
            }
        }
    }

    @ParameterizedTest(name = "{0} T={1} B={2}")
    @MethodSource("cases")
    void stepGradientsSumToTheGradient(BpttReferenceTest.Variant v, int steps, int batch, long seed) {
        Random rng = new Random(seed);
        boolean ce = seed % 2 == 1;
        Model m = Cases.model(v.cell(), v.act(), 4, 3, ce ? 4 : 2, rng);
        SequenceBatch s = ce
                ? Cases.characters(m, steps, batch, Cases.Targets.SOME, true, rng)
                : Cases.regression(m, steps, batch, Cases.Targets.SOME, true, 1.0, rng);
        Bptt bptt = new Bptt(m, s);
        Params full = Cases.engineGradients(bptt);

        RefResult[] refs = new RefResult[batch];
        for (int b = 0; b < batch; b++) {
            refs[b] = Cases.reference(m, s, b);
        }
        Params sum = m.params().zerosLike();
        for (int t = 0; t < steps; t++) {
            Params step = bptt.stepGradients(t);
            RefParams expected = RefParams.of(m.params()).zerosLike();
            for (RefResult r : refs) {
                expected.add(r.stepGrads[t]);
            }
            Cases.assertParamsClose(expected, step, "step " + t + " vs reference");
            add(sum, step);
        }
        // recurrent and output parameters alike
        Cases.assertParamsClose(full, sum, Tolerances.REL, Tolerances.ABS, "Σ_t step gradients");
    }

    @ParameterizedTest(name = "{0} T={1} B={2}")
    @MethodSource("cases")
    void runningSumsAreSuffixSums(BpttReferenceTest.Variant v, int steps, int batch, long seed) {
        Random rng = new Random(seed);
        Model m = Cases.model(v.cell(), v.act(), 3, 3, 3, rng);
        SequenceBatch s = Cases.characters(m, steps, 1, Cases.Targets.ALL, batch > 1, rng);
        Walkthrough w = new Walkthrough(m, s, 1e-2);
        Bptt ref = new Bptt(m, s);
        Params full = Cases.engineGradients(ref);
        Cases.assertParamsClose(full, w.gradients(), 0, 0, "walkthrough gradients");
        Cases.assertParamsClose(w.gradients(), w.runningSum(0), Tolerances.REL, Tolerances.ABS, "runningSum(0)");
        Params suffix = m.params().zerosLike();
        for (int t = steps - 1; t >= 0; t--) {
            Params c = w.stepContribution(t);
            Cases.assertParamsClose(ref.stepGradients(t), c, 0, 0, "stepContribution(" + t + ")");
            add(suffix, c);
            Cases.assertParamsClose(suffix, w.runningSum(t), Tolerances.REL, Tolerances.ABS, "runningSum(" + t + ")");
        }
    }
}
