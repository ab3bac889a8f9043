package org.unroll.train;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Activation;
import org.unroll.engine.Adam;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;

/**
 * The training step of ../shared/bench/ref_numpy.py: random parameters uniform in ±1/√H,
 * standard-normal inputs, random class targets at every step, cross-entropy, full BPTT and
 * Adam (lr 3e−3), three warm-up iterations, then the mean time of ITERS iterations.
 */
public final class Benchmark {

    /** The sizes, as the reference script takes them. */
    public record Sizes(CellType cell, int input, int hidden, int output, int steps, int batch, int iterations) {
    }

    private Benchmark() {
    }

    /** Milliseconds per training iteration. */
    public static double msPerIteration(Sizes s, int threads) {
        Random rng = new Random(0);
        Params p = Params.uniform(s.cell().gates(), s.input(), s.hidden(), s.output(), rng);
        Model model = new Model(s.cell(), Activation.TANH, s.input(), s.hidden(), s.output(), null, p);
        int rows = s.steps() * s.batch();
        DMatrixRMaj x = new DMatrixRMaj(rows, s.input());
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = rng.nextInt(s.output());
        }
        SequenceBatch batch = SequenceBatch.classification(s.steps(), s.batch(), x, y, null, null, null);
        try (BatchTrainer trainer = new BatchTrainer(model, batch, new Adam(3e-3), threads)) {
            for (int i = 0; i < 3; i++) {
                trainer.step();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < s.iterations(); i++) {
                trainer.step();
            }
            return (System.nanoTime() - t0) / 1e6 / s.iterations();
        }
    }
}
