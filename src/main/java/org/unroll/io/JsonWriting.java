package org.unroll.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Params;

/** Numbers, vectors and matrices as JSON nodes, in the formats' layout. */
final class JsonWriting {
    private JsonWriting() {
    }

    /** Indented JSON onto {@code out}, which stays open. */
    static void pretty(com.fasterxml.jackson.databind.JsonNode json, java.io.OutputStream out) throws java.io.IOException {
        JsonFields.MAPPER.writerWithDefaultPrettyPrinter()
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, json);
    }

    static ArrayNode vector(DMatrixRMaj m) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        for (int i = 0; i < m.getNumElements(); i++) {
            a.add(m.data[i]);
        }
        return a;
    }

    static ArrayNode vector(double[] v) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    static ArrayNode matrix(DMatrixRMaj m) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        for (int i = 0; i < m.numRows; i++) {
            ArrayNode row = a.addArray();
            for (int j = 0; j < m.numCols; j++) {
                row.add(m.data[i * m.numCols + j]);
            }
        }
        return a;
    }

    /** All six tensors, biases flat, weights as arrays of rows. */
    static ObjectNode params(Params p) {
        return params(p, Params.NAMES);
    }

    static ObjectNode params(Params p, java.util.List<String> names) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        for (String name : names) {
            DMatrixRMaj m = p.get(name);
            o.set(name, ModelFile.isFlat(name) ? vector(m) : matrix(m));
        }
        return o;
    }
}
