package org.unroll.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Model;
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
        root.set("params", JsonWriting.params(run.model().params()));
        ObjectNode state = root.putObject("state");
        state.set("h", JsonWriting.matrix(run.finalHidden()));
        DMatrixRMaj c = run.finalCell();
        if (c != null) {
            state.set("c", JsonWriting.matrix(c));
        }
        if (summary != null) {
            root.set("summary", summary);
        }
        return root;
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

    /** Writes a trained model safely (temporary file, then renamed). */
    public static void writeModel(Model model, Path path) throws IOException {
        SafeFiles.write(path, out -> JsonWriting.pretty(ModelFile.toJson(model), out));
    }
}
