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
 * (forward, cross-entropy at every step, full BPTT, Adam), timed the same way; {@code unroll bench walk CELL T H}
 * ({@link WalkBenchCommand}) times one walk of a long sequence instead.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = WalkBenchCommand.class,
        description = "Times one training step (forward over T steps, cross-entropy at every step,"
                + " full BPTT, one Adam step with lr 3e-3) on a batch of random sequences, like"
                + " ../shared/bench/ref_numpy.py, and prints 'ms_per_iteration X'. The JVM is warmed up first"
                + " (at least 3 iterations and 1.5 s, then until the JIT is idle for 1 s, at most 10 s).")
final class BenchCommand extends Subcommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CELL", description = "rnn, lstm or gru")
    private String cell;

    @Parameters(index = "1", arity = "0..1", paramLabel = "I", description = "input size")
    private Integer input;

    @Parameters(index = "2", arity = "0..1", paramLabel = "H", description = "hidden size")
    private Integer hidden;

    @Parameters(index = "3", arity = "0..1", paramLabel = "O", description = "output size (classes)")
    private Integer output;

    @Parameters(index = "4", arity = "0..1", paramLabel = "T", description = "time steps")
    private Integer steps;

    @Parameters(index = "5", arity = "0..1", paramLabel = "BATCH", description = "sequences per batch")
    private Integer batch;

    @Parameters(index = "6", arity = "0..1", paramLabel = "ITERS", description = "timed iterations")
    private Integer iterations;

    @Option(names = "--threads", paramLabel = "N", description = "threads the batch is split over (default: the number of cores)")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--verbose", description = "also print the kernel and threads on standard error")
    private boolean verbose;

    @Override
    protected int run() {
        // the sizes are optional for picocli only so that 'bench walk' can be told apart; here all are needed
        java.util.List<String> missing = new java.util.ArrayList<>();
        Object[] given = {cell, input, hidden, output, steps, batch, iterations};
        String[] names = {"CELL", "I", "H", "O", "T", "BATCH", "ITERS"};
        for (int i = 0; i < given.length; i++) {
            if (given[i] == null) {
                missing.add("'" + names[i] + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw bad("Missing required parameter" + (missing.size() > 1 ? "s" : "") + ": " + String.join(", ", missing));
        }
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

    private void positive(String name, Integer value, int max) {
        if (value < 1 || value > max) {
            throw bad(name + " must be between 1 and " + max + ", got " + value);
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec().commandLine(), message);
    }
}
