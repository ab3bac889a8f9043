package org.unroll.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.unroll.engine.SequenceBatch;

/**
 * A model and a sequence file read for one gradient pass. A one-layer, one-direction model
 * with one sequence is read exactly as before ({@link #single()}); a stacked or bidirectional
 * model, or a batch, is read as a padded batch ({@link #padded()}). Exactly one of the two is set.
 */
public record GradInputs(StackedModelFile.Read model, SequenceBatch single, PaddedSequenceFile.Read padded) {

    public static GradInputs load(Path modelFile, Path sequenceFile) throws FormatException {
        StackedModelFile.Read model = StackedModelFile.read(modelFile);
        JsonNode root = JsonFields.readObject(sequenceFile);
        String name = sequenceFile.toString();
        if (model.model().isSingle() && !isBatch(root)) {
            return new GradInputs(model, SequenceFile.fromJson(root, name, model.model().single()), null);
        }
        return new GradInputs(model, null, PaddedSequenceFile.fromJson(root, name, model.model()));
    }

    /** Whether a sequence file holds a batch: inputs nested three deep, or lengths given. */
    static boolean isBatch(JsonNode root) {
        JsonNode in = root.get("inputs");
        JsonNode lengths = root.get("lengths");
        boolean nested = in != null && in.isArray() && in.size() > 0 && in.get(0).isArray()
                && in.get(0).size() > 0 && in.get(0).get(0).isArray();
        return nested || (lengths != null && !lengths.isNull());
    }
}
