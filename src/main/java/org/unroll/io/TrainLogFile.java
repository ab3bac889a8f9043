package org.unroll.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Model;
import org.unroll.engine.StackedModel;
import org.unroll.train.TrainingRun;
import org.unroll.train.Update;

/** Writes bptt-trainlog/1: every update's loss and gradient norm, the final parameters and state. */
public final class TrainLogFile {
    public static final String FORMAT = "bptt-trainlog/1";

    private TrainLogFile() {
    }

    /** The log of the run so far; {@code summary} (may be null) follows the contract's fields. */
    public static ObjectNode toJson(TrainingRun run, ObjectNode summary) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode updates = root.putArray("updates");
        for (Update u : run.updates()) {
            ObjectNode e = updates.addObject();
            e.put("epoch", u.epoch());
            e.put("window", u.window());
            e.put("loss", u.loss());
            e.put("grad_norm", u.gradNorm());
        }
        StackedModel net = run.network();
        root.set("params", net.isSingle() ? JsonWriting.params(run.model().params())
                : StackedModelFile.params(net.params(), n -> n));
        // h_n (and c_n): B × H for one layer and one direction, else (L·D) × B × H as PyTorch's
        ObjectNode state = root.putObject("state");
        int lanes = net.layers() * net.directions();
        state.set("h", state(run.finalHidden(), lanes, net.isSingle()));
        DMatrixRMaj c = run.finalCell();
        if (c != null) {
            state.set("c", state(c, lanes, net.isSingle()));
        }
        if (summary != null) {
            root.set("summary", summary);
        }
        return root;
    }

    /** A (L·D)·B × H state as L·D matrices B × H, or as one matrix when {@code flat}. */
    private static com.fasterxml.jackson.databind.JsonNode state(DMatrixRMaj s, int lanes, boolean flat) {
        if (flat) {
            return JsonWriting.matrix(s);
        }
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        int rows = s.numRows / lanes;
        for (int l = 0; l < lanes; l++) {
            DMatrixRMaj part = new DMatrixRMaj(rows, s.numCols);
            System.arraycopy(s.data, l * rows * s.numCols, part.data, 0, rows * s.numCols);
            a.add(JsonWriting.matrix(part));
        }
        return a;
    }

    /** An empty object for a summary, made by the same mapper. */
    public static ObjectNode newObject() {
        return JsonFields.MAPPER.createObjectNode();
    }

    public static void write(ObjectNode json, OutputStream out) throws IOException {
        JsonFields.MAPPER.writerWithDefaultPrettyPrinter()
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, json);
    }

    /** Writes a trained network safely: bptt-model/1 with num_layers and bidirectional unless it is one layer, one direction. */
    public static void writeModel(TrainingRun run, Path path) throws IOException {
        if (run.network().isSingle()) {
            writeModel(run.model(), path);
        } else {
            StackedModelFile.write(run.network(), path);
        }
    }

    /** Writes a trained model safely (temporary file, then renamed). */
    public static void writeModel(Model model, Path path) throws IOException {
        SafeFiles.write(path, out -> JsonWriting.pretty(ModelFile.toJson(model), out));
    }
}
