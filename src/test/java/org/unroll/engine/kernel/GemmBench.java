package org.unroll.engine.kernel;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;

/**
 * Micro benchmark: GFLOP/s of EJML, the scalar kernel and the Vector API kernel at the engine's sizes.
 * Each measurement warms up, then reports the median of {@value #RUNS} timed runs of about {@value #RUN_MILLIS} ms.
 *
 * <p>Run with {@code java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat target/classpath.txt)
 * org.unroll.engine.kernel.GemmBench} after {@code mvn test-compile} (it lives with the tests, not in the app); without the flag the vector column reads n/a.
 */
public final class GemmBench {

    private static final int RUNS = 7;
    private static final int RUN_MILLIS = 40;
    private static final int WARM_UP_MILLIS = 400;

    /** The three product shapes the engine uses. */
    private enum Op {
        /** C = A·Bᵀ, A m×k, B n×k. */
        MULT_TRANS_B,
        /** C = A·B, A m×k, B k×n. */
        MULT,
        /** C += A·B, A m×k, B k×n. */
        MULT_ADD,
        /** C += Aᵀ·B, A k×m, B k×n. */
        MULT_ADD_TRANS_A
    }

    private record Case(String label, Op op, int m, int k, int n) {
        double flops() {
            return 2.0 * m * k * n;
        }
    }

    private interface Product {
        void run(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
    }

    private static final Case[] CASES = {
        new Case("z = h·W_hhᵀ  (H=32)", Op.MULT_TRANS_B, 32, 32, 128),
        new Case("z = h·W_hhᵀ  (H=128)", Op.MULT_TRANS_B, 32, 128, 512),
        new Case("z = h·(W_hhᵀ kept)  (H=32)", Op.MULT, 32, 32, 128),
        new Case("z = x·W_xhᵀ  (I=2)", Op.MULT_TRANS_B, 32, 2, 128),
        new Case("z = h·W_hhᵀ  (H=32, B=1)", Op.MULT_TRANS_B, 1, 32, 128),
        new Case("dh += dz·W_hh  (H=32)", Op.MULT_ADD, 32, 128, 32),
        new Case("dh += dz·W_hh  (H=128)", Op.MULT_ADD, 32, 512, 128),
        new Case("dW += dzᵀ·h  (H=32)", Op.MULT_ADD_TRANS_A, 128, 32, 32),
        new Case("dW += dzᵀ·h  (H=128)", Op.MULT_ADD_TRANS_A, 512, 32, 128),
        new Case("dW += dzᵀ·x  (I=2)", Op.MULT_ADD_TRANS_A, 128, 32, 2),
        new Case("dW += DZᵀ·H_prev  (T·B=1920, H=32)", Op.MULT_ADD_TRANS_A, 128, 1920, 32),
    };

    private GemmBench() {
    }

    public static void main(String[] args) {
        Multiplier scalar = new Multiplier(new ScalarKernel());
        Multiplier vector = Kernels.vectorModulePresent() ? new Multiplier(Kernels.selected()) : null;
        System.out.printf("%d cores, %s, vector module %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"), vector == null ? "absent" : "present");
        System.out.printf("%-36s %-18s %8s %8s %8s%n", "product", "m×k×n", "EJML", "scalar", "vector");
        measureAll(scalar, vector, false);
        measureAll(scalar, vector, true);
    }

    /** One pass over all cases; the first, unprinted pass lets the JIT see every code path before timing. */
    private static void measureAll(Multiplier scalar, Multiplier vector, boolean print) {
        Random random = new Random(1);
        for (Case c : CASES) {
            DMatrixRMaj a = c.op == Op.MULT_ADD_TRANS_A
                    ? RandomMatrices_DDRM.rectangle(c.k, c.m, -1, 1, random)
                    : RandomMatrices_DDRM.rectangle(c.m, c.k, -1, 1, random);
            DMatrixRMaj b = c.op == Op.MULT_TRANS_B
                    ? RandomMatrices_DDRM.rectangle(c.n, c.k, -1, 1, random)
                    : RandomMatrices_DDRM.rectangle(c.k, c.n, -1, 1, random);
            DMatrixRMaj out = new DMatrixRMaj(c.m, c.n);
            double ejml = gflops(c, ejml(c.op), a, b, out);
            double scalarRate = gflops(c, on(scalar, c.op), a, b, out);
            String vectorRate = vector == null ? "n/a" : String.format("%8.1f", gflops(c, on(vector, c.op), a, b, out));
            if (print) {
                System.out.printf("%-36s %-18s %8.1f %8.1f %8s%n", c.label, c.m + "×" + c.k + "×" + c.n,
                        ejml, scalarRate, vectorRate);
            }
        }
    }

    private static Product ejml(Op op) {
        return switch (op) {
            case MULT_TRANS_B -> CommonOps_DDRM::multTransB;
            case MULT -> CommonOps_DDRM::mult;
            case MULT_ADD -> CommonOps_DDRM::multAdd;
            case MULT_ADD_TRANS_A -> CommonOps_DDRM::multAddTransA;
        };
    }

    private static Product on(Multiplier multiplier, Op op) {
        return switch (op) {
            case MULT_TRANS_B -> (a, b, c) -> multiplier.timesTransposed(a, 0, a.numRows, b, c, 0, false);
            case MULT -> (a, b, c) -> multiplier.times(a, 0, a.numRows, b, c, 0, false);
            case MULT_ADD -> (a, b, c) -> multiplier.times(a, 0, a.numRows, b, c, 0, true);
            case MULT_ADD_TRANS_A -> (a, b, c) -> multiplier.transposedTimesAdd(a, 0, a.numRows, b, 0, c);
        };
    }

    /** Median GFLOP/s over the timed runs, after a warm-up that also sizes the runs. */
    private static double gflops(Case c, Product product, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        long calls = 0;
        long start = System.nanoTime();
        long warmUpEnd = start + WARM_UP_MILLIS * 1_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            product.run(a, b, out);
            calls++;
        }
        long repetitions = Math.max(1, calls * RUN_MILLIS / WARM_UP_MILLIS);
        double[] seconds = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            Arrays.fill(out.data, 0.0);
            long t0 = System.nanoTime();
            for (long r = 0; r < repetitions; r++) {
                product.run(a, b, out);
            }
            seconds[run] = (System.nanoTime() - t0) * 1e-9 / repetitions;
        }
        Arrays.sort(seconds);
        return c.flops() / seconds[RUNS / 2] * 1e-9;
    }
}
