package org.unroll.train;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.GradientFlow;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.Walkthrough;

/**
 * What the app pays for one walk of a long sequence (B = 1): building the {@link Walkthrough} (the forward and
 * backward pass, the SGD update and the loss after it) and its gradient flow (every Jacobian norm ‖∂h_T/∂h_k‖₂, and
 * ‖∂c_T/∂c_k‖₂ for LSTM). Random parameters uniform in ±1/√H, standard-normal inputs, a random class at every step.
 * The first of each is timed in a fresh JVM (what a user waits for on the first walk), then the median of
 * {@code repeats} more after as many untimed ones (the compiled steady state).
 */
public final class WalkBenchmark {

    /** The sizes of the walk. */
    public record Sizes(CellType cell, int steps, int hidden, int input, int output) {
    }

    /** Milliseconds: the first pass and flow, their medians afterwards, and the tape's size. */
    public record Result(double firstPassMs, double passMs, double firstFlowMs, double flowMs, long tapeValues) {
    }

    private WalkBenchmark() {
    }

    public static Result run(Sizes s, int repeats) {
        Random rng = new Random(0);
        Params p = Params.uniform(s.cell().gates(), s.input(), s.hidden(), s.output(), rng);
        Model model = new Model(s.cell(), Activation.TANH, s.input(), s.hidden(), s.output(), null, p);
        DMatrixRMaj x = new DMatrixRMaj(s.steps(), s.input());
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        int[] y = new int[s.steps()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextInt(s.output());
        }
        SequenceBatch seq = SequenceBatch.classification(s.steps(), 1, x, y, null, null, null);
        double[] first = timeOnce(model, seq);
        long values = new Walkthrough(model, seq, 0.1).tape().storedValues();
        for (int i = 0; i < repeats; i++) {
            timeOnce(model, seq);
        }
        double[] pass = new double[repeats];
        double[] flow = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            double[] t = timeOnce(model, seq);
            pass[i] = t[0];
            flow[i] = t[1];
        }
        return new Result(first[0], median(pass), first[1], median(flow), values);
    }

    /** {pass ms, flow ms} of one new walk. */
    private static double[] timeOnce(Model model, SequenceBatch seq) {
        long t0 = System.nanoTime();
        Walkthrough walk = new Walkthrough(model, seq, 0.1);
        long t1 = System.nanoTime();
        GradientFlow flow = walk.flow();
        long t2 = System.nanoTime();
        if (flow.jacobianNorms().length != seq.steps() + 1) {
            throw new IllegalStateException("a flow of the wrong length");
        }
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6};
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
