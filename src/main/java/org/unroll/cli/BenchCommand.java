package org.unroll.cli;

import java.util.Locale;
import org.unroll.engine.CellType;
import org.unroll.engine.kernel.Gemm;
import org.unroll.train.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code unroll bench CELL I H O T BATCH ITERS}: the training step of ../shared/bench/ref_numpy.py
 * (forward, cross-entropy at every step, full BPTT, Adam), timed the same way.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Times one training step (forward over T steps, cross-entropy at every step,"
                + " full BPTT, one Adam step with lr 3e-3) on a batch of random sequences, like"
                + " ../shared/bench/ref_numpy.py, and prints 'ms_per_iteration X'. The JVM is warmed up first"
                + " (at least 3 iterations and 1.5 s, then until the JIT is idle for 1 s, at most 10 s).")
final class BenchCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "CELL", description = "rnn, lstm or gru")
    private String cell;

    @Parameters(index = "1", paramLabel = "I", description = "input size")
    private int input;

    @Parameters(index = "2", paramLabel = "H", description = "hidden size")
    private int hidden;

    @Parameters(index = "3", paramLabel = "O", description = "output size (classes)")
    private int output;

    @Parameters(index = "4", paramLabel = "T", description = "time steps")
    private int steps;

    @Parameters(index = "5", paramLabel = "BATCH", description = "sequences per batch")
    private int batch;

    @Parameters(index = "6", paramLabel = "ITERS", description = "timed iterations")
    private int iterations;

    @Option(names = "--threads", paramLabel = "N", description = "threads the batch is split over (default: the number of cores)")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--verbose", description = "also print the kernel and threads on standard error")
    private boolean verbose;

    @Override
    protected int run() {
        CellType type = switch (cell) {
            case "rnn" -> CellType.RNN;
            case "lstm" -> CellType.LSTM;
            case "gru" -> CellType.GRU;
            default -> throw bad("CELL must be rnn, lstm or gru, got '" + cell + "'");
        };
        positive("I", input, 4096);
        positive("H", hidden, 4096);
        positive("O", output, 4096);
        positive("T", steps, 100_000);
        positive("BATCH", batch, 100_000);
        positive("ITERS", iterations, 1_000_000);
        positive("--threads", threads, 64);
        if ((long) steps * batch * type.gates() * hidden > 50_000_000L) {
            throw bad("T x BATCH x gates x H is too large for memory (" + (long) steps * batch * type.gates() * hidden + " > 5e7)");
        }
        Benchmark.Result r = Benchmark.run(
                new Benchmark.Sizes(type, input, hidden, output, steps, batch, iterations), threads);
        if (verbose) {
            err().println("kernel: " + (Gemm.usesVectorApi() ? "vector" : "scalar") + ", threads: " + threads
                    + String.format(Locale.ROOT, ", warm-up: %d iterations in %.0f ms", r.warmupIterations(), r.warmupMs()));
        }
        out().println(String.format(Locale.ROOT, "ms_per_iteration %.4f", r.msPerIteration()));
        return ExitCodes.OK;
    }

    private void positive(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw bad(name + " must be between 1 and " + max + ", got " + value);
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec().commandLine(), message);
    }
}
