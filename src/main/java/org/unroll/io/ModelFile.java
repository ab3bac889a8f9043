package org.unroll.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.Params;

/** Reads and writes bptt-model/1: PyTorch's parameter names and layout. */
public final class ModelFile {
    public static final String FORMAT = "bptt-model/1";
    /** Every top-level field bptt-model/1 defines (num_layers and bidirectional for stacked models). */
    static final List<String> FIELDS = List.of("format", "cell", "nonlinearity", "input_size", "hidden_size",
            "output_size", "num_layers", "bidirectional", "vocab", "params");
    /** The parameters of a one-layer, one-direction model (PyTorch's short names). */
    static final List<String> PARAMS = List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_out", "bias_out");

    private ModelFile() {
    }

    public static Model read(Path path) throws FormatException {
        return fromJson(JsonFields.readObject(path), path.toString());
    }

    static Model fromJson(JsonNode root, String name) throws FormatException {
        JsonFields f = new JsonFields(name);
        String format = f.text(root, "format", "format");
        if (!FORMAT.equals(format)) {
            throw f.error("format", "unknown format \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        String cellName = f.text(root, "cell", "cell");
        CellType cell = switch (cellName) {
            case "rnn" -> CellType.RNN;
            case "lstm" -> CellType.LSTM;
            case "gru" -> CellType.GRU;
            default -> throw f.error("cell", "unknown cell \"" + cellName + "\", expected rnn, lstm or gru");
        };
        Activation act = Activation.TANH;
        JsonNode nl = root.get("nonlinearity");
        if (nl != null && !nl.isNull()) {
            String a = f.text(root, "nonlinearity", "nonlinearity");
            act = switch (a) {
                case "tanh" -> Activation.TANH;
                case "relu" -> Activation.RELU;
                default -> throw f.error("nonlinearity", "unknown nonlinearity \"" + a + "\", expected tanh or relu");
            };
            if (cell != CellType.RNN && act != Activation.TANH) {
                throw f.error("nonlinearity", "only an rnn cell takes a nonlinearity");
            }
        }
        int in = f.positiveInt(root, "input_size", "input_size");
        int hid = f.positiveInt(root, "hidden_size", "hidden_size");
        int out = f.positiveInt(root, "output_size", "output_size");
        List<String> vocab = null;
        JsonNode v = root.get("vocab");
        if (v != null && !v.isNull()) {
            if (!v.isArray()) {
                throw f.error("vocab", "expected an array of strings, found " + JsonFields.describe(v));
            }
            vocab = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    throw f.error("vocab[" + i + "]", "expected a string, found " + JsonFields.describe(v.get(i)));
                }
                vocab.add(v.get(i).asText());
            }
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            for (int i = 0; i < vocab.size(); i++) {
                String c = vocab.get(i);
                if (c.codePointCount(0, c.length()) != 1) {
                    throw f.error("vocab[" + i + "]", "expected one character, found " + c.codePointCount(0, c.length())
                            + " (\"" + JsonFields.shownName(c) + "\")");
                }
                Integer before = seen.putIfAbsent(c, i);
                if (before != null) {
                    throw f.error("vocab[" + i + "]", "repeats vocab[" + before + "] (\"" + JsonFields.shownName(c)
                            + "\"); each character appears once");
                }
            }
            if (vocab.size() != in && vocab.size() != out) {
                throw f.error("vocab", "has " + vocab.size() + " entries, expected input_size " + in
                        + " or output_size " + out);
            }
        }
        JsonNode p = f.required(root, "params", "params");
        if (!p.isObject()) {
            throw f.error("params", "expected an object, found " + JsonFields.describe(p));
        }
        int gh = cell.gates() * hid;
        Params params = new Params(
                f.matrix(f.required(p, "weight_ih", "params.weight_ih"), gh, in, "params.weight_ih"),
                f.matrix(f.required(p, "weight_hh", "params.weight_hh"), gh, hid, "params.weight_hh"),
                f.vector(f.required(p, "bias_ih", "params.bias_ih"), gh, "params.bias_ih"),
                f.vector(f.required(p, "bias_hh", "params.bias_hh"), gh, "params.bias_hh"),
                f.matrix(f.required(p, "weight_out", "params.weight_out"), out, hid, "params.weight_out"),
                f.vector(f.required(p, "bias_out", "params.bias_out"), out, "params.bias_out"));
        f.onlyFields(root, "", FIELDS, "a field of " + FORMAT);
        f.onlyFields(p, "params.", PARAMS, "a parameter of a one-layer model");
        return new Model(cell, act, in, hid, out, vocab, params);
    }

    public static void write(Model m, Path path) throws IOException {
        ObjectNode json = toJson(m);
        SafeFiles.write(path, out -> JsonWriting.pretty(json, out));
    }

    static ObjectNode toJson(Model m) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("cell", m.cell().id());
        if (m.cell() == CellType.RNN) {
            root.put("nonlinearity", m.activation().id());
        }
        root.put("input_size", m.inputSize());
        root.put("hidden_size", m.hiddenSize());
        root.put("output_size", m.outputSize());
        if (m.vocab() != null) {
            ArrayNode v = root.putArray("vocab");
            m.vocab().forEach(v::add);
        }
        root.set("params", JsonWriting.params(m.params()));
        return root;
    }

    /** Row vectors are written flat, matrices as arrays of rows. */
    static boolean isFlat(String name) {
        return name.startsWith("bias");
    }

}
