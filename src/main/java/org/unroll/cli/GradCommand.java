package org.unroll.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.unroll.engine.Bptt;
import org.unroll.engine.GradientFlow;
import org.unroll.engine.Params;
import org.unroll.io.FormatException;
import org.unroll.io.GradientsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code unroll grad MODEL.json SEQ.json}: one forward and one full backward pass, as bptt-gradients/1. */
@Command(name = "grad", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs one forward and one full backward pass of the sequence through the model"
                + " and prints every gradient as bptt-gradients/1 JSON.")
final class GradCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "MODEL.json", description = "a bptt-model/1 file")
    private Path model;

    @Parameters(index = "1", paramLabel = "SEQ.json", description = "a bptt-sequence/1 file")
    private Path sequence;

    @Override
    protected int run() throws FormatException {
        Inputs in = Inputs.load(model, sequence);
        in.requireMemory(spec().name());
        Bptt bptt = new Bptt(in.model(), in.sequence());
        bptt.forward();
        Params grads = in.model().params().zerosLike();
        bptt.backward(grads);
        try {
            GradientsFile.write(bptt, grads, GradientFlow.of(bptt, 0), out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out().println();
        return ExitCodes.OK;
    }
}
