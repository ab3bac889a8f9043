package org.unroll.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.LossType;
import org.unroll.engine.PaddedBatch;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.StackedModel;

/**
 * Reads bptt-sequence/1 for a stacked or bidirectional network: one sequence (inputs T × I)
 * or a batch (inputs B × T × I, targets B × T or B × T × O, optional lengths), with h0 / c0
 * for every layer and direction in PyTorch's order. Padded steps' inputs and targets are
 * not read.
 */
public final class PaddedSequenceFile {

    /** How the initial states were written, so their gradients are written the same way. */
    public enum StateLayout {
        /** H: one sequence, one layer and direction. */
        VECTOR,
        /** (L·D) × H: one sequence. */
        PER_LAYER,
        /** B × H: a batch, one layer and direction. */
        PER_SEQUENCE,
        /** (L·D) × B × H: a batch. */
        PER_LAYER_AND_SEQUENCE
    }

    /**
     * A batch and how its file was laid out.
     *
     * @param batched  whether the file held a batch (B × T × I) rather than one sequence
     * @param h0Layout the layout of the given h0, or the default for this kind of file
     * @param c0Layout the same for c0
     */
    public record Read(PaddedBatch batch, boolean batched, StateLayout h0Layout, StateLayout c0Layout) {
    }

    private PaddedSequenceFile() {
    }

    public static Read read(Path path, StackedModel model) throws FormatException {
        return fromJson(JsonFields.readObject(path), path.toString(), model);
    }

    static Read fromJson(JsonNode root, String name, StackedModel model) throws FormatException {
        JsonFields f = new JsonFields(name);
        String format = f.text(root, "format", "format");
        if (!SequenceFile.FORMAT.equals(format)) {
            throw f.error("format", "unknown format \"" + format + "\", expected \"" + SequenceFile.FORMAT + "\"");
        }
        f.onlyFields(root, "", SequenceFile.FIELDS, "a field of " + SequenceFile.FORMAT);
        JsonNode inputsNode = f.required(root, "inputs", "inputs");
        if (!inputsNode.isArray() || inputsNode.size() == 0) {
            throw f.error("inputs", inputsNode.isArray() ? "is empty: a sequence needs at least one step"
                    : "expected an array, found " + JsonFields.describe(inputsNode));
        }
        boolean batched = inputsNode.get(0).isArray() && inputsNode.get(0).size() > 0
                && inputsNode.get(0).get(0).isArray();
        int nb = batched ? inputsNode.size() : 1;
        int steps = 0;
        for (int b = 0; b < nb; b++) {
            JsonNode s = batched ? inputsNode.get(b) : inputsNode;
            if (!s.isArray() || s.size() == 0) {
                throw f.error("inputs[" + b + "]", "expected a sequence of at least one step, found "
                        + JsonFields.describe(s));
            }
            steps = Math.max(steps, s.size());
        }
        int[] lengths = lengths(f, root, batched, inputsNode, nb, steps);
        String lossName = f.text(root, "loss", "loss");
        LossType loss = switch (lossName) {
            case "cross_entropy" -> LossType.CROSS_ENTROPY;
            case "mse" -> LossType.MSE;
            default -> throw f.error("loss", "unknown loss \"" + lossName + "\", expected cross_entropy or mse");
        };
        int in = model.inputSize();
        int out = model.outputSize();
        DMatrixRMaj inputs = new DMatrixRMaj(steps * nb, in);
        JsonNode targetsNode = f.required(root, "targets", "targets");
        if (batched && (!targetsNode.isArray() || targetsNode.size() != nb)) {
            throw f.error("targets", "has " + (targetsNode.isArray() ? targetsNode.size() + " entries"
                    : JsonFields.describe(targetsNode)) + ", expected one per sequence of inputs (" + nb + ")");
        }
        int[] cls = new int[steps * nb];
        java.util.Arrays.fill(cls, -1);
        DMatrixRMaj vec = new DMatrixRMaj(steps * nb, out);
        boolean[] has = new boolean[steps * nb];
        for (int b = 0; b < nb; b++) {
            JsonNode xs = batched ? inputsNode.get(b) : inputsNode;
            JsonNode ts = batched ? targetsNode.get(b) : targetsNode;
            String xp = batched ? "inputs[" + b + "]" : "inputs";
            String tp = batched ? "targets[" + b + "]" : "targets";
            if (!ts.isArray() || ts.size() < lengths[b]) {
                throw f.error(tp, "has " + (ts.isArray() ? ts.size() + " entries" : JsonFields.describe(ts))
                        + ", expected one per step (" + (batched ? lengths[b] : steps) + ")");
            }
            if (!batched && ts.size() != steps) {
                throw f.error(tp, "has " + ts.size() + " entries, expected one per step of inputs (" + steps + ")");
            }
            for (int t = 0; t < lengths[b]; t++) {
                int r = t * nb + b;
                DMatrixRMaj x = f.vector(xs.get(t), in, xp + "[" + t + "]");
                System.arraycopy(x.data, 0, inputs.data, r * in, in);
                JsonNode n = ts.get(t);
                String p = tp + "[" + t + "]";
                if (n.isNull()) {
                    continue;
                }
                if (loss == LossType.CROSS_ENTROPY) {
                    if (!JsonFields.isWhole(n)) {
                        throw f.error(p, "expected a class index (a whole number) or null, found "
                                + JsonFields.describe(n));
                    }
                    if (n.asLong() < 0 || n.asLong() >= out) {
                        throw f.error(p, "class index " + n.asText() + " is out of range 0.." + (out - 1)
                                + " (output_size " + out + ")");
                    }
                    cls[r] = n.asInt();
                } else {
                    DMatrixRMaj v = f.vector(n, out, p);
                    System.arraycopy(v.data, 0, vec.data, r * out, out);
                }
                has[r] = true;
            }
        }
        int layers = model.layers() * model.directions();
        StateLayout defaultLayout = batched ? StateLayout.PER_LAYER_AND_SEQUENCE
                : layers == 1 ? StateLayout.VECTOR : StateLayout.PER_LAYER;
        JsonNode c0Node = root.get("c0");
        if (c0Node != null && !c0Node.isNull() && !model.cell().hasCellState()) {
            throw f.error("c0", "only an lstm model has a cell state, and this model is " + model.cell().id());
        }
        StateLayout[] layout = {defaultLayout, defaultLayout};
        DMatrixRMaj h0 = state(f, root, "h0", model, batched, nb, layout, 0);
        DMatrixRMaj c0 = state(f, root, "c0", model, batched, nb, layout, 1);
        JsonNode textNode = root.get("text");
        String text = textNode == null || textNode.isNull() ? null
                : textNode.isTextual() ? textNode.asText() : textNode.toString();
        SequenceBatch seq = loss == LossType.CROSS_ENTROPY
                ? SequenceBatch.classification(steps, nb, inputs, cls, null, null, text)
                : SequenceBatch.regression(steps, nb, inputs, vec, has, null, null, text);
        return new Read(new PaddedBatch(seq, lengths, h0, c0), batched, layout[0], layout[1]);
    }

    private static int[] lengths(JsonFields f, JsonNode root, boolean batched, JsonNode inputs, int nb, int steps)
            throws FormatException {
        int[] lengths = new int[nb];
        JsonNode l = root.get("lengths");
        if (l == null || l.isNull()) {
            for (int b = 0; b < nb; b++) {
                lengths[b] = batched ? inputs.get(b).size() : steps;
            }
            return lengths;
        }
        if (!batched) {
            throw f.error("lengths", "belongs to a batch (inputs B x T x I), and these inputs are one sequence");
        }
        if (!l.isArray() || l.size() != nb) {
            throw f.error("lengths", "has " + (l.isArray() ? l.size() + " entries" : JsonFields.describe(l))
                    + ", expected one per sequence of inputs (" + nb + ")");
        }
        for (int b = 0; b < nb; b++) {
            JsonNode n = l.get(b);
            int have = inputs.get(b).size();
            if (!JsonFields.isWhole(n) || n.asLong() < 1 || n.asLong() > have) {
                throw f.error("lengths[" + b + "]", "expected a whole number from 1 to " + have
                        + " (the steps of inputs[" + b + "]), found " + JsonFields.describe(n));
            }
            lengths[b] = n.asInt();
        }
        return lengths;
    }

    /** h0 or c0 as (L·D)·B × H, row (l·D + d)·B + b, or null when absent. */
    private static DMatrixRMaj state(JsonFields f, JsonNode root, String name, StackedModel model, boolean batched,
                                     int nb, StateLayout[] layout, int which) throws FormatException {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        int ld = model.layers() * model.directions();
        int hs = model.hiddenSize();
        int depth = depth(n);
        DMatrixRMaj out = new DMatrixRMaj(ld * nb, hs);
        String shapeWanted = batched ? ld + "x" + nb + "x" + hs : (ld == 1 ? String.valueOf(hs) : ld + "x" + hs);
        if (depth == 1 && !batched && ld == 1) {
            layout[which] = StateLayout.VECTOR;
            DMatrixRMaj v = f.vector(n, hs, name);
            System.arraycopy(v.data, 0, out.data, 0, hs);
        } else if (depth == 2 && !batched) {
            layout[which] = StateLayout.PER_LAYER;
            out.setTo(f.matrix(n, ld, hs, name));
        } else if (depth == 2 && batched && ld == 1) {
            layout[which] = StateLayout.PER_SEQUENCE;
            out.setTo(f.matrix(n, nb, hs, name));
        } else if (depth == 3 && batched) {
            layout[which] = StateLayout.PER_LAYER_AND_SEQUENCE;
            if (n.size() != ld) {
                throw f.error(name, "has " + n.size() + " entries, expected " + shapeWanted
                        + " (layers x directions = " + ld + ")");
            }
            for (int k = 0; k < ld; k++) {
                DMatrixRMaj m = f.matrix(n.get(k), nb, hs, name + "[" + k + "]");
                System.arraycopy(m.data, 0, out.data, k * nb * hs, nb * hs);
            }
        } else {
            throw f.error(name, "expected shape " + shapeWanted + ", found an array nested " + depth + " deep");
        }
        return out;
    }

    private static int depth(JsonNode n) {
        int d = 0;
        while (n != null && n.isArray()) {
            d++;
            n = n.size() == 0 ? null : n.get(0);
        }
        return d;
    }
}
