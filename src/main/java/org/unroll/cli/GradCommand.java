package org.unroll.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.unroll.engine.Bptt;
import org.unroll.engine.GradientFlow;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.StackedBptt;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;
import org.unroll.io.FormatException;
import org.unroll.io.GradInputs;
import org.unroll.io.GradientsFile;
import org.unroll.io.StackedGradientsFile;
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
        GradInputs in = GradInputs.load(model, sequence);
        if (in.single() != null) {
            single(in);
        } else {
            print(stacked(in));
        }
        return ExitCodes.OK;
    }

    /**
     * One layer, one direction, one sequence: the teaching pass with every per-step field,
     * streamed to standard output as it is written (a large result is never held whole).
     */
    private void single(GradInputs in) {
        Model m = in.model().model().single();
        Inputs.requireMemory(m, in.single(), spec().name());
        Bptt bptt = new Bptt(m, in.single());
        bptt.forward();
        Params grads = m.params().zerosLike();
        bptt.backward(grads);
        // the file named the tensors weight_ih_l0 …: the gradients carry those names as well
        Map<String, String> aliases = new LinkedHashMap<>();
        if (in.model().layerNames()) {
            for (String n : Params.RECURRENT) {
                aliases.put(n, in.model().fileName(n));
            }
        }
        try {
            GradientsFile.write(bptt, grads, GradientFlow.of(bptt, 0), aliases, out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out().println();
    }

    /** Stacked or bidirectional layers, or a batch of sequences of different lengths. */
    private static ObjectNode stacked(GradInputs in) {
        StackedModel m = in.model().model();
        StackedBptt pass = new StackedBptt(m, in.padded().batch());
        pass.forward();
        StackedParams grads = m.params().zerosLike();
        pass.backward(grads);
        return StackedGradientsFile.toJson(pass, grads, in.model(), in.padded());
    }

    /** The tree written straight onto standard output (no second copy as a string). */
    private void print(ObjectNode json) {
        try {
            GradientsFile.write(json, out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out().println();
    }
}
