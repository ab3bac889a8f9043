package org.unroll.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.LossType;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;

/** Reads and writes bptt-sequence/1, checked against the model it will run through. */
public final class SequenceFile {
    public static final String FORMAT = "bptt-sequence/1";
    /** Every top-level field bptt-sequence/1 defines (lengths for a batch; h0, c0 and text optional). */
    static final java.util.List<String> FIELDS = java.util.List.of("format", "inputs", "loss", "targets", "lengths",
            "h0", "c0", "text");

    private SequenceFile() {
    }

    /** Reads a sequence (batch of one) and checks that it fits {@code model}. */
    public static SequenceBatch read(Path path, Model model) throws FormatException {
        return fromJson(JsonFields.readObject(path), path.toString(), model);
    }

    static SequenceBatch fromJson(JsonNode root, String name, Model model) throws FormatException {
        JsonFields f = new JsonFields(name);
        String format = f.text(root, "format", "format");
        if (!FORMAT.equals(format)) {
            throw f.error("format", "unknown format \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        f.onlyFields(root, "", SequenceFile.FIELDS, "a field of " + SequenceFile.FORMAT);
        int in = model.inputSize();
        int out = model.outputSize();
        int hid = model.hiddenSize();
        JsonNode inputsNode = f.required(root, "inputs", "inputs");
        if (inputsNode.isArray() && inputsNode.size() == 0) {
            throw f.error("inputs", "is empty: a sequence needs at least one step");
        }
        DMatrixRMaj inputs = f.matrix(inputsNode, -1, in, "inputs");
        int steps = inputs.numRows;
        String lossName = f.text(root, "loss", "loss");
        LossType loss = switch (lossName) {
            case "cross_entropy" -> LossType.CROSS_ENTROPY;
            case "mse" -> LossType.MSE;
            default -> throw f.error("loss", "unknown loss \"" + lossName + "\", expected cross_entropy or mse");
        };
        JsonNode targets = f.required(root, "targets", "targets");
        if (!targets.isArray() || targets.size() != steps) {
            throw f.error("targets", "has " + (targets.isArray() ? targets.size() + " entries" : JsonFields.describe(targets))
                    + ", expected one per step of inputs (" + steps + ")");
        }
        DMatrixRMaj h0 = optionalState(f, root, "h0", hid);
        JsonNode c0Node = root.get("c0");
        if (c0Node != null && !c0Node.isNull() && !model.cell().hasCellState()) {
            throw f.error("c0", "only an lstm model has a cell state, and this model is "
                    + model.cell().id());
        }
        DMatrixRMaj c0 = optionalState(f, root, "c0", hid);
        JsonNode textNode = root.get("text");
        String text = textNode == null || textNode.isNull() ? null : f.text(root, "text", "text");
        if (loss == LossType.CROSS_ENTROPY) {
            int[] cls = new int[steps];
            for (int t = 0; t < steps; t++) {
                JsonNode n = targets.get(t);
                String p = "targets[" + t + "]";
                if (n.isNull()) {
                    cls[t] = -1;
                } else if (!JsonFields.isWhole(n)) {
                    throw f.error(p, "expected a class index (a whole number) or null, found "
                            + JsonFields.describe(n));
                } else if (n.asLong() < 0 || n.asLong() >= out) {
                    throw f.error(p, "class index " + n.asText() + " is out of range 0.." + (out - 1)
                            + " (output_size " + out + ")");
                } else {
                    cls[t] = n.asInt();
                }
            }
            return SequenceBatch.classification(steps, 1, inputs, cls, h0, c0, text);
        }
        DMatrixRMaj y = new DMatrixRMaj(steps, out);
        boolean[] has = new boolean[steps];
        for (int t = 0; t < steps; t++) {
            JsonNode n = targets.get(t);
            if (n.isNull()) {
                continue;
            }
            DMatrixRMaj v = f.vector(n, out, "targets[" + t + "]");
            System.arraycopy(v.data, 0, y.data, t * out, out);
            has[t] = true;
        }
        return SequenceBatch.regression(steps, 1, inputs, y, has, h0, c0, text);
    }

    private static DMatrixRMaj optionalState(JsonFields f, JsonNode root, String name, int hidden) throws FormatException {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray() && n.size() != hidden) {
            throw f.error(name, "has length " + n.size() + ", expected hidden_size " + hidden);
        }
        return f.vector(n, hidden, name);
    }

    public static void write(SequenceBatch s, Path path) throws IOException {
        ObjectNode json = toJson(s);
        SafeFiles.write(path, out -> JsonWriting.pretty(json, out));
    }

    /** The first sequence of the batch as bptt-sequence/1. */
    static ObjectNode toJson(SequenceBatch s) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        int b = s.batch();
        int in = s.inputSize();
        ArrayNode inputs = root.putArray("inputs");
        for (int t = 0; t < s.steps(); t++) {
            ArrayNode row = inputs.addArray();
            for (int j = 0; j < in; j++) {
                row.add(s.inputs().data[t * b * in + j]);
            }
        }
        root.put("loss", s.loss().id());
        ArrayNode targets = root.putArray("targets");
        for (int t = 0; t < s.steps(); t++) {
            int r = t * b;
            if (!s.hasTarget(r)) {
                targets.addNull();
            } else if (s.loss() == LossType.CROSS_ENTROPY) {
                targets.add(s.classTarget(r));
            } else {
                DMatrixRMaj y = s.vectorTargets();
                ArrayNode v = targets.addArray();
                for (int j = 0; j < y.numCols; j++) {
                    v.add(y.data[r * y.numCols + j]);
                }
            }
        }
        if (s.h0() != null) {
            root.set("h0", firstRow(s.h0()));
        }
        if (s.c0() != null) {
            root.set("c0", firstRow(s.c0()));
        }
        if (s.text() != null) {
            root.put("text", s.text());
        }
        return root;
    }

    private static ArrayNode firstRow(DMatrixRMaj m) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        for (int j = 0; j < m.numCols; j++) {
            a.add(m.data[j]);
        }
        return a;
    }
}
