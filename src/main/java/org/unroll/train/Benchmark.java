package org.unroll.train;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
 * Adam (lr 3e−3), a warm-up, then the mean time of ITERS iterations.
 *
 * <p>The warm-up differs from the reference's three iterations, which suit NumPy (it has nothing to
 * compile): the JVM first interprets the step, and the Vector API code is then hundreds of times
 * slower than once C2 has compiled it. So the warm-up runs at least {@value #MIN_WARMUP_ITERATIONS}
 * iterations and {@value #MIN_WARMUP_MS} ms, then until the JIT has compiled nothing for
 * {@value #QUIET_MS} ms, and stops after {@value #MAX_WARMUP_MS} ms in any case. The timed loop
 * then measures the compiled steady state.
 */
public final class Benchmark {

    /** The sizes, as the reference script takes them. */
    public record Sizes(CellType cell, int input, int hidden, int output, int steps, int batch, int iterations) {
    }

    static final int MIN_WARMUP_ITERATIONS = 3;
    static final long MIN_WARMUP_MS = 1500;
    static final long QUIET_MS = 1000;
    static final long MAX_WARMUP_MS = 10_000;

    private Benchmark() {
    }

    /** The timing, and the warm-up that preceded it. */
    public record Result(double msPerIteration, int warmupIterations, double warmupMs) {
    }


    /** Warms up, then times ITERS training iterations. */
    public static Result run(Sizes s, int threads) {
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
            long w0 = System.nanoTime();
            int warmup = warmUp(trainer);
            double warmupMs = (System.nanoTime() - w0) / 1e6;
            long t0 = System.nanoTime();
            for (int i = 0; i < s.iterations(); i++) {
                trainer.step();
            }
            return new Result((System.nanoTime() - t0) / 1e6 / s.iterations(), warmup, warmupMs);
        }
    }

    /** The warm-up described above; returns how many iterations it ran. */
    static int warmUp(BatchTrainer trainer) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean canWatchJit = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long lastCompile = start;
        long compiled = canWatchJit ? jit.getTotalCompilationTime() : 0;
        int iterations = 0;
        while (true) {
            trainer.step();
            iterations++;
            long now = System.nanoTime();
            if (canWatchJit) {
                long c = jit.getTotalCompilationTime();
                if (c != compiled) {
                    compiled = c;
                    lastCompile = now;
                }
            }
            long ms = (now - start) / 1_000_000;
            boolean quiet = !canWatchJit || (now - lastCompile) / 1_000_000 >= QUIET_MS;
            if ((iterations >= MIN_WARMUP_ITERATIONS && ms >= MIN_WARMUP_MS && quiet) || ms >= MAX_WARMUP_MS) {
                return iterations;
            }
        }
    }
}
