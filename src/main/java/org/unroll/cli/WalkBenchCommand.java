package org.unroll.cli;

import java.util.Locale;
import org.unroll.engine.CellType;
import org.unroll.train.WalkBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code unroll bench walk CELL T H}: what one walk of a long sequence costs the app, the pass and every Jacobian
 * norm, in milliseconds, and how many numbers its tape holds.
 */
@Command(name = "walk", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Times one walk of a single random sequence (B = 1), as the app builds it: the forward and"
                + " backward pass with the update (pass_ms), then every Jacobian norm ||dh_T/dh_k|| of its"
                + " gradient flow (jacobian_norms_ms). Prints the first of each (a fresh JVM), the median of"
                + " --repeats more after as many untimed ones, and the tape's size.")
final class WalkBenchCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "CELL", description = "rnn, lstm or gru")
    private String cell;

    @Parameters(index = "1", paramLabel = "T", description = "time steps")
    private int steps;

    @Parameters(index = "2", paramLabel = "H", description = "hidden size")
    private int hidden;

    @Option(names = "--input", paramLabel = "I", description = "input size (default: ${DEFAULT-VALUE})")
    private int input = 4;

    @Option(names = "--output", paramLabel = "O", description = "output size, classes (default: ${DEFAULT-VALUE})")
    private int output = 4;

    @Option(names = "--repeats", paramLabel = "N", description = "timed walks after the first (default: ${DEFAULT-VALUE})")
    private int repeats = 5;

    @Override
    protected int run() {
        CellType type = switch (cell) {
            case "rnn" -> CellType.RNN;
            case "lstm" -> CellType.LSTM;
            case "gru" -> CellType.GRU;
            default -> throw bad("CELL must be rnn, lstm or gru, got '" + cell + "'");
        };
        positive("T", steps, 100_000);
        positive("H", hidden, 1024);
        positive("--input", input, 4096);
        positive("--output", output, 4096);
        positive("--repeats", repeats, 1000);
        if ((long) steps * type.gates() * hidden > 50_000_000L) {
            throw bad("T x gates x H is too large for memory (" + (long) steps * type.gates() * hidden + " > 5e7)");
        }
        WalkBenchmark.Result r = WalkBenchmark.run(new WalkBenchmark.Sizes(type, steps, hidden, input, output), repeats);
        out().println(String.format(Locale.ROOT, "pass_ms_first %.1f", r.firstPassMs()));
        out().println(String.format(Locale.ROOT, "pass_ms %.1f", r.passMs()));
        out().println(String.format(Locale.ROOT, "jacobian_norms_ms_first %.1f", r.firstFlowMs()));
        out().println(String.format(Locale.ROOT, "jacobian_norms_ms %.1f", r.flowMs()));
        out().println(String.format(Locale.ROOT, "tape_values %d (%.1f MB, %.0f per step)", r.tapeValues(),
                r.tapeValues() * 8 / 1e6, (double) r.tapeValues() / steps));
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
