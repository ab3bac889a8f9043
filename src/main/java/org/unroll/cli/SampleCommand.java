package org.unroll.cli;

import java.nio.file.Path;
import org.unroll.engine.StackedModel;
import org.unroll.io.FormatException;
import org.unroll.io.StackedModelFile;
import org.unroll.task.Sampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code unroll sample MODEL.json --prime TEXT --length N}: test-time generation from a character model. */
@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Generates text from a trained character model: warms the state up on the prime,"
                + " then feeds each prediction back in as the next input. Prints the prime and the"
                + " generated characters as one line.")
final class SampleCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "MODEL.json",
            description = "a bptt-model/1 character model (with a vocab; any num_layers, one direction)")
    private Path modelFile;

    @Option(names = "--prime", required = true, paramLabel = "TEXT", description = "the characters to start from")
    private String prime;

    @Option(names = "--length", paramLabel = "N", description = "characters to generate (default 20)")
    private int length = 20;

    @Option(names = "--temperature", paramLabel = "T", description = "softmax temperature (default 1)")
    private Double temperature;

    @Option(names = "--greedy", description = "always take the most likely character")
    private boolean greedy;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the draws (default 0)")
    private long seed;

    @Override
    protected int run() throws FormatException {
        if (length < 0 || length > 1_000_000) {
            throw bad("--length must be between 0 and 1000000, got " + length);
        }
        if (greedy && temperature != null) {
            throw bad("give --temperature or --greedy, not both");
        }
        double t = temperature == null ? 1.0 : temperature;
        if (!(t > 0) || !Double.isFinite(t)) {
            throw bad("--temperature must be a positive finite number, got " + t);
        }
        if (prime.isEmpty()) {
            throw bad("--prime is empty: it needs at least one character");
        }
        // one layer and one direction reads as before; num_layers > 1 is sampled layer by layer
        StackedModel model = StackedModelFile.read(modelFile).model();
        String text;
        try {
            text = Sampler.generate(model, prime, length, greedy, t, seed);
        } catch (IllegalArgumentException e) {
            throw new FormatException(modelFile.toString(), "", e.getMessage());
        }
        out().println(text);
        return ExitCodes.OK;
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec().commandLine(), message);
    }
}
