package org.unroll.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Model;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;

/**
 * Reads and writes bptt-model/1 with {@code num_layers} and {@code bidirectional}: PyTorch's
 * state_dict names weight_ih_l{k}[_reverse] … for the layers. A one-layer, one-direction model
 * keeps the short names; its {@code _l0} names are accepted too.
 */
public final class StackedModelFile {

    /** A network and whether its file named a one-layer model's tensors with {@code _l0}. */
    public record Read(StackedModel model, boolean layerNames) {
        /** The name a file of this kind uses for the tensor the engine calls {@code name}. */
        public String fileName(String name) {
            return layerNames && model.isSingle() && !name.endsWith("_out") ? name + "_l0" : name;
        }
    }

    private StackedModelFile() {
    }

    public static Read read(Path path) throws FormatException {
        return fromJson(JsonFields.readObject(path), path.toString());
    }

    /** Whether a parsed model file describes more than one layer or direction, or uses _l0 names. */
    static boolean isStacked(JsonNode root) {
        JsonNode l = root.get("num_layers");
        JsonNode b = root.get("bidirectional");
        JsonNode p = root.get("params");
        return (l != null && !l.isNull() && !(JsonFields.isWhole(l) && l.asLong() == 1))
                || (b != null && !b.isNull() && !(b.isBoolean() && !b.asBoolean()))
                || (p != null && p.isObject() && p.has("weight_ih_l0"));
    }

    static Read fromJson(JsonNode root, String name) throws FormatException {
        JsonFields f = new JsonFields(name);
        String format = f.text(root, "format", "format");
        if (!ModelFile.FORMAT.equals(format)) {
            throw f.error("format", "unknown format \"" + format + "\", expected \"" + ModelFile.FORMAT + "\"");
        }
        int layers = 1;
        JsonNode l = root.get("num_layers");
        if (l != null && !l.isNull()) {
            if (!JsonFields.isWhole(l) || l.asLong() < 1 || l.asLong() > 64) {
                throw f.error("num_layers", "expected a whole number from 1 to 64, found " + JsonFields.describe(l));
            }
            layers = l.asInt();
        }
        boolean bidirectional = false;
        JsonNode b = root.get("bidirectional");
        if (b != null && !b.isNull()) {
            if (!b.isBoolean()) {
                throw f.error("bidirectional", "expected true or false, found " + JsonFields.describe(b));
            }
            bidirectional = b.asBoolean();
        }
        int directions = bidirectional ? 2 : 1;
        boolean single = layers == 1 && directions == 1;
        JsonNode given = root.get("params");
        boolean layerNames = single && given != null && given.isObject() && given.has("weight_ih_l0");
        if (single && !layerNames) {
            // the short names: the single-layer reader checks everything the same way, in its order
            return new Read(StackedModel.of(ModelFile.fromJson(root, name)), false);
        }
        // everything but the recurrent tensors, read once by the single-layer reader's rules
        ObjectNode head = root.deepCopy();
        head.remove("num_layers");
        head.remove("bidirectional");
        ObjectNode shortParams = JsonFields.MAPPER.createObjectNode();
        head.set("params", shortParams);
        Model shape = ModelFile.fromJson(withDummyParams(head, root, f), name);
        JsonNode p = f.required(root, "params", "params");
        if (!p.isObject()) {
            throw f.error("params", "expected an object, found " + JsonFields.describe(p));
        }
        StackedParams zeros = StackedParams.zeros(shape.cell(), shape.inputSize(), shape.hiddenSize(),
                shape.outputSize(), layers, directions);
        Map<String, DMatrixRMaj> tensors = new LinkedHashMap<>();
        for (String n : zeros.names()) {
            String fileName = layerNames && !n.endsWith("_out") ? n + "_l0" : n;
            DMatrixRMaj want = zeros.get(n);
            String path = "params." + fileName;
            JsonNode t = f.required(p, fileName, path);
            tensors.put(n, n.startsWith("bias") ? f.vector(t, want.numCols, path)
                    : f.matrix(t, want.numRows, want.numCols, path));
        }
        List<String> known = layerNames ? null : zeros.names();
        var it = p.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            boolean ok = known == null ? (k.endsWith("_out") || tensors.containsKey(k.replaceFirst("_l0$", "")))
                    : known.contains(k);
            if (!ok) {
                throw f.error("params." + k, "is not a parameter of a " + shape.cell().id() + " model with "
                        + layers + (layers == 1 ? " layer" : " layers") + (bidirectional ? " and both directions" : "")
                        + "; expected " + (layerNames ? "the _l0 names" : zeros.names()));
            }
        }
        StackedModel model = new StackedModel(shape.cell(), shape.activation(), shape.inputSize(),
                shape.hiddenSize(), shape.outputSize(), layers, bidirectional, shape.vocab(),
                new StackedParams(layers, directions, tensors));
        return new Read(model, layerNames);
    }

    /**
     * The head of the file with zero tensors of the right shapes in place of the parameters,
     * so the single-layer reader checks format, cell, sizes and vocab.
     */
    private static JsonNode withDummyParams(ObjectNode head, JsonNode root, JsonFields f) throws FormatException {
        String cell = f.text(root, "cell", "cell");
        int gates = switch (cell) {
            case "lstm" -> 4;
            case "gru" -> 3;
            default -> 1;
        };
        int in = f.positiveInt(root, "input_size", "input_size");
        int hid = f.positiveInt(root, "hidden_size", "hidden_size");
        int out = f.positiveInt(root, "output_size", "output_size");
        ObjectNode params = (ObjectNode) head.get("params");
        params.set("weight_ih", zeros(gates * hid, in));
        params.set("weight_hh", zeros(gates * hid, hid));
        params.set("bias_ih", zeros(1, gates * hid).get(0));
        params.set("bias_hh", zeros(1, gates * hid).get(0));
        params.set("weight_out", zeros(out, hid));
        params.set("bias_out", zeros(1, out).get(0));
        return head;
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode zeros(int rows, int cols) {
        var a = JsonFields.MAPPER.createArrayNode();
        for (int i = 0; i < rows; i++) {
            var r = a.addArray();
            for (int j = 0; j < cols; j++) {
                r.add(0.0);
            }
        }
        return a;
    }

    /** Writes safely: a temporary file beside {@code path}, then renamed over it. */
    public static void write(StackedModel m, Path path) throws IOException {
        SafeFiles.write(path, out -> JsonWriting.pretty(toJson(m), out));
    }

    static ObjectNode toJson(StackedModel m) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", ModelFile.FORMAT);
        root.put("cell", m.cell().id());
        if (m.cell() == org.unroll.engine.CellType.RNN) {
            root.put("nonlinearity", m.activation().id());
        }
        root.put("input_size", m.inputSize());
        root.put("hidden_size", m.hiddenSize());
        root.put("output_size", m.outputSize());
        root.put("num_layers", m.layers());
        root.put("bidirectional", m.bidirectional());
        if (m.vocab() != null) {
            var v = root.putArray("vocab");
            m.vocab().forEach(v::add);
        }
        root.set("params", params(m.params(), n -> n));
        return root;
    }

    /** Every tensor under {@code names.apply(engine name)}, biases flat. */
    static ObjectNode params(StackedParams p, java.util.function.UnaryOperator<String> names) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        for (Map.Entry<String, DMatrixRMaj> e : p.tensors().entrySet()) {
            o.set(names.apply(e.getKey()), ModelFile.isFlat(e.getKey())
                    ? JsonWriting.vector(e.getValue()) : JsonWriting.matrix(e.getValue()));
        }
        return o;
    }
}
