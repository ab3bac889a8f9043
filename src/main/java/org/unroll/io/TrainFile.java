package org.unroll.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.LossType;
import org.unroll.engine.StackedModel;
import org.unroll.engine.SequenceBatch;
import org.unroll.train.OptimizerSpec;
import org.unroll.train.Reduction;
import org.unroll.train.StreamData;
import org.unroll.train.TrainData;
import org.unroll.train.TrainSpec;

/** Reads and writes bptt-train/1: a model, B streams of data and how to train on them. */
public final class TrainFile {
    public static final String FORMAT = "bptt-train/1";

    private TrainFile() {
    }

    public static TrainSpec read(Path path) throws FormatException {
        return fromJson(JsonFields.readObject(path), path.toString(), path.toAbsolutePath().getParent());
    }

    static TrainSpec fromJson(JsonNode root, String name, Path dir) throws FormatException {
        JsonFields f = new JsonFields(name);
        String format = f.text(root, "format", "format");
        if (!FORMAT.equals(format)) {
            throw f.error("format", "unknown format \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        JsonNode m = f.required(root, "model", "model");
        // one layer and one direction is read by the single-layer reader as before; num_layers,
        // bidirectional or _l0 names make it a stacked network
        StackedModel model;
        if (m.isTextual()) {
            Path p = dir == null ? Path.of(m.asText()) : dir.resolve(m.asText());
            model = StackedModelFile.read(p).model();
        } else if (m.isObject()) {
            try {
                model = StackedModelFile.isStacked(m) ? StackedModelFile.fromJson(m, name).model()
                        : StackedModel.of(ModelFile.fromJson(m, name));
            } catch (FormatException e) {
                throw f.error("model" + (e.field().isEmpty() ? "" : "." + e.field()), e.reason());
            }
        } else {
            throw f.error("model", "expected a bptt-model/1 object or a path, found " + JsonFields.describe(m));
        }
        JsonNode d = f.required(root, "data", "data");
        if (!d.isObject()) {
            throw f.error("data", "expected an object, found " + JsonFields.describe(d));
        }
        StreamData data = data(f, d, model);
        JsonNode ns = root.get("num_steps");
        int numSteps = ns == null || ns.isNull() ? data.length() : f.positiveInt(root, "num_steps", "num_steps");
        boolean stateful = bool(f, root, "stateful", false);
        JsonNode ep = root.get("epochs");
        int epochs = ep == null || ep.isNull() ? 1 : f.positiveInt(root, "epochs", "epochs");
        OptimizerSpec opt = optimizer(f, f.required(root, "optimizer", "optimizer"));
        double clip = 0;
        JsonNode c = root.get("clip_norm");
        if (c != null && !c.isNull()) {
            clip = f.number(c, "clip_norm");
            if (!(clip > 0)) {
                throw f.error("clip_norm", "must be a positive finite number, found " + c.asText());
            }
        }
        Reduction reduction = Reduction.MEAN;
        JsonNode r = root.get("reduction");
        if (r != null && !r.isNull()) {
            String s = f.text(root, "reduction", "reduction");
            reduction = switch (s) {
                case "mean" -> Reduction.MEAN;
                case "sum" -> Reduction.SUM;
                default -> throw f.error("reduction", "unknown reduction \"" + s + "\", expected mean or sum");
            };
        }
        return new TrainSpec(model, data, numSteps, stateful, epochs, opt, clip, reduction);
    }

    private static boolean bool(JsonFields f, JsonNode root, String field, boolean absent) throws FormatException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return absent;
        }
        if (!n.isBoolean()) {
            throw f.error(field, "expected true or false, found " + JsonFields.describe(n));
        }
        return n.asBoolean();
    }

    private static OptimizerSpec optimizer(JsonFields f, JsonNode o) throws FormatException {
        if (!o.isObject()) {
            throw f.error("optimizer", "expected an object, found " + JsonFields.describe(o));
        }
        String name = f.text(o, "name", "optimizer.name");
        double lr = positive(f, f.required(o, "lr", "optimizer.lr"), "optimizer.lr");
        return switch (name) {
            case "sgd" -> OptimizerSpec.sgd(lr);
            case "momentum" -> {
                double mu = f.number(f.required(o, "momentum", "optimizer.momentum"), "optimizer.momentum");
                if (mu < 0) {
                    throw f.error("optimizer.momentum", "must not be negative, found " + mu);
                }
                yield OptimizerSpec.momentum(lr, mu);
            }
            case "adam" -> {
                double b1 = 0.9;
                double b2 = 0.999;
                JsonNode betas = o.get("betas");
                if (betas != null && !betas.isNull()) {
                    DMatrixRMaj b = f.vector(betas, 2, "optimizer.betas");
                    b1 = b.data[0];
                    b2 = b.data[1];
                    for (int i = 0; i < 2; i++) {
                        if (!(b.data[i] >= 0 && b.data[i] < 1)) {
                            throw f.error("optimizer.betas[" + i + "]", "must be in [0, 1), found " + b.data[i]);
                        }
                    }
                }
                JsonNode e = o.get("eps");
                double eps = e == null || e.isNull() ? 1e-8 : positive(f, e, "optimizer.eps");
                yield OptimizerSpec.adam(lr, b1, b2, eps);
            }
            default -> throw f.error("optimizer.name", "unknown optimizer \"" + name + "\", expected sgd, momentum or adam");
        };
    }

    private static double positive(JsonFields f, JsonNode n, String path) throws FormatException {
        double v = f.number(n, path);
        if (!(v > 0)) {
            throw f.error(path, "must be a positive finite number, found " + n.asText());
        }
        return v;
    }

    /** B × N × I inputs and B × N (× O) targets, read into rows t·B + b. */
    private static StreamData data(JsonFields f, JsonNode d, StackedModel model) throws FormatException {
        String lossName = f.text(d, "loss", "data.loss");
        LossType loss = switch (lossName) {
            case "cross_entropy" -> LossType.CROSS_ENTROPY;
            case "mse" -> LossType.MSE;
            default -> throw f.error("data.loss", "unknown loss \"" + lossName + "\", expected cross_entropy or mse");
        };
        JsonNode in = f.required(d, "inputs", "data.inputs");
        if (!in.isArray() || in.size() == 0) {
            throw f.error("data.inputs", "expected B streams (an array of T x I arrays), found " + JsonFields.describe(in));
        }
        int b = in.size();
        int i = model.inputSize();
        int o = model.outputSize();
        DMatrixRMaj first = f.matrix(in.get(0), -1, i, "data.inputs[0]");
        int n = first.numRows;
        if (n == 0) {
            throw f.error("data.inputs[0]", "is empty: a stream needs at least one step");
        }
        DMatrixRMaj x = new DMatrixRMaj(n * b, i);
        for (int s = 0; s < b; s++) {
            DMatrixRMaj m = s == 0 ? first : f.matrix(in.get(s), n, i, "data.inputs[" + s + "]");
            for (int t = 0; t < n; t++) {
                System.arraycopy(m.data, t * i, x.data, (t * b + s) * i, i);
            }
        }
        JsonNode tg = f.required(d, "targets", "data.targets");
        if (!tg.isArray() || tg.size() != b) {
            throw f.error("data.targets", "has " + (tg.isArray() ? tg.size() + " streams" : JsonFields.describe(tg))
                    + ", expected one per stream of inputs (" + b + ")");
        }
        for (int s = 0; s < b; s++) {
            JsonNode row = tg.get(s);
            if (!row.isArray() || row.size() != n) {
                throw f.error("data.targets[" + s + "]", "has " + (row.isArray() ? row.size() + " entries" : JsonFields.describe(row))
                        + ", expected one per step (" + n + ")");
            }
        }
        if (loss == LossType.CROSS_ENTROPY) {
            int[] cls = new int[n * b];
            for (int s = 0; s < b; s++) {
                for (int t = 0; t < n; t++) {
                    JsonNode v = tg.get(s).get(t);
                    String p = "data.targets[" + s + "][" + t + "]";
                    if (v.isNull()) {
                        cls[t * b + s] = -1;
                    } else if (!JsonFields.isWhole(v)) {
                        throw f.error(p, "expected a class index (a whole number) or null, found " + JsonFields.describe(v));
                    } else if (v.asLong() < 0 || v.asLong() >= o) {
                        throw f.error(p, "class index " + v.asText() + " is out of range 0.." + (o - 1)
                                + " (output_size " + o + ")");
                    } else {
                        cls[t * b + s] = v.asInt();
                    }
                }
            }
            return StreamData.classification(b, n, x, cls);
        }
        DMatrixRMaj y = new DMatrixRMaj(n * b, o);
        boolean[] has = new boolean[n * b];
        for (int s = 0; s < b; s++) {
            for (int t = 0; t < n; t++) {
                JsonNode v = tg.get(s).get(t);
                if (v.isNull()) {
                    continue;
                }
                DMatrixRMaj vec = f.vector(v, o, "data.targets[" + s + "][" + t + "]");
                System.arraycopy(vec.data, 0, y.data, (t * b + s) * o, o);
                has[t * b + s] = true;
            }
        }
        return StreamData.regression(b, n, x, y, has);
    }

    /** Everything of the run but its data, which {@link #write} streams in place of the empty "data". */
    static ObjectNode head(TrainSpec spec) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("model", spec.isSingle() ? ModelFile.toJson(spec.model()) : StackedModelFile.toJson(spec.network()));
        root.putObject("data");
        root.put("num_steps", spec.numSteps());
        root.put("stateful", spec.stateful());
        root.put("epochs", spec.epochs());
        ObjectNode o = root.putObject("optimizer");
        OptimizerSpec opt = spec.optimizer();
        o.put("name", opt.name());
        o.put("lr", opt.lr());
        if (OptimizerSpec.MOMENTUM.equals(opt.name())) {
            o.put("momentum", opt.momentum());
        } else if (OptimizerSpec.ADAM.equals(opt.name())) {
            o.putArray("betas").add(opt.beta1()).add(opt.beta2());
            o.put("eps", opt.eps());
        }
        if (spec.clipNorm() > 0) {
            root.put("clip_norm", spec.clipNorm());
        }
        root.put("reduction", spec.reduction().id());
        return root;
    }

    /**
     * Writes the run as bptt-train/1, safely (a temporary file beside it, then renamed over it),
     * streaming the data stream by stream, so that a long generated run is never held as a JSON tree.
     */
    public static void write(TrainSpec spec, Path path) throws IOException {
        SafeFiles.write(path, out -> {
            try (JsonGenerator g = JsonFields.MAPPER.getFactory().createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> it = head(spec).fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().equals("data")) {
                        writeData(spec, g);
                    } else {
                        g.writeFieldName(e.getKey());
                        JsonFields.MAPPER.writeTree(g, e.getValue());
                    }
                }
                g.writeEndObject();
            }
        });
    }

    /** "data": inputs, then targets, stream by stream and window by window. */
    private static void writeData(TrainSpec spec, JsonGenerator g) throws IOException {
        TrainData td = spec.data();
        int b = td.streams();
        int n = td.length();
        int in = td.inputSize();
        g.writeObjectFieldStart("data");
        for (boolean inputs : new boolean[] {true, false}) {
            g.writeArrayFieldStart(inputs ? "inputs" : "targets");
            for (int s = 0; s < b; s++) {
                g.writeStartArray();
                for (int from = 0; from < n; from += spec.numSteps()) {
                    int len = Math.min(spec.numSteps(), n - from);
                    SequenceBatch w = td.copyOfWindow(from, len, s, 1, null, null);
                    for (int t = 0; t < len; t++) {
                        if (inputs) {
                            g.writeStartArray();
                            for (int j = 0; j < in; j++) {
                                g.writeNumber(w.inputs().data[t * in + j]);
                            }
                            g.writeEndArray();
                        } else if (!w.hasTarget(t)) {
                            g.writeNull();
                        } else if (td.loss() == LossType.CROSS_ENTROPY) {
                            g.writeNumber(w.classTarget(t));
                        } else {
                            DMatrixRMaj y = w.vectorTargets();
                            g.writeStartArray();
                            for (int j = 0; j < y.numCols; j++) {
                                g.writeNumber(y.data[t * y.numCols + j]);
                            }
                            g.writeEndArray();
                        }
                    }
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeStringField("loss", td.loss().id());
        g.writeEndObject();
    }
}
