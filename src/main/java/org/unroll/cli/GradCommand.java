package org.unroll.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.unroll.engine.Bptt;
import org.unroll.engine.GradientFlow;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.StackedBptt;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;
import org.unroll.engine.Tape;
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
        ObjectNode json = in.single() != null ? single(in) : stacked(in);
        out().println(text(json));
        return ExitCodes.OK;
    }

    /** One layer, one direction, one sequence: the teaching pass with every per-step field. */
    private static ObjectNode single(GradInputs in) {
        Model m = in.model().model().single();
        Bptt bptt = new Bptt(m, in.single());
        bptt.forward();
        Params grads = m.params().zerosLike();
        bptt.backward(grads);
        ObjectNode json = GradientsFile.toJson(bptt, grads, GradientFlow.of(bptt, 0));
        // PyTorch's h_n (and c_n): 1 x H, the state after the last step
        Tape tape = bptt.tape();
        json.set("final_hidden", json.arrayNode().add(json.get("hidden").get(tape.steps - 1)));
        if (tape.c != null) {
            json.set("final_cells", json.arrayNode().add(json.get("cells").get(tape.steps - 1)));
        }
        if (in.model().layerNames()) {
            // the file named the tensors weight_ih_l0 …: the gradients carry those names as well
            ObjectNode g = (ObjectNode) json.get("grads");
            for (String n : Params.RECURRENT) {
                g.set(in.model().fileName(n), g.get(n));
            }
        }
        return json;
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

    private static String text(ObjectNode json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            GradientsFile.write(json, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
