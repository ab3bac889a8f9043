package org.unroll.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Params;

/** Vectors, matrices and parameters written number by number onto a JSON stream, in the formats' layout. */
final class JsonStream {
    private JsonStream() {
    }

    static void vector(JsonGenerator g, double[] v) throws IOException {
        g.writeStartArray();
        for (double x : v) {
            g.writeNumber(x);
        }
        g.writeEndArray();
    }

    /** Rows [from, from + rows) of m as an array of rows. */
    static void matrix(JsonGenerator g, DMatrixRMaj m, int from, int rows) throws IOException {
        g.writeStartArray();
        for (int i = from; i < from + rows; i++) {
            g.writeStartArray();
            for (int j = 0; j < m.numCols; j++) {
                g.writeNumber(m.data[i * m.numCols + j]);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** The named tensors: biases flat, weights as arrays of rows. */
    static void params(JsonGenerator g, Params p, List<String> names) throws IOException {
        params(g, p, names, java.util.Map.of());
    }

    /** The named tensors, then those in {@code aliases} again under their second name. */
    static void params(JsonGenerator g, Params p, List<String> names, java.util.Map<String, String> aliases)
            throws IOException {
        g.writeStartObject();
        java.util.List<String> all = new java.util.ArrayList<>(names);
        java.util.List<String> written = new java.util.ArrayList<>(names);
        aliases.forEach((from, to) -> {
            all.add(from);
            written.add(to);
        });
        for (int k = 0; k < all.size(); k++) {
            String name = all.get(k);
            DMatrixRMaj m = p.get(name);
            g.writeFieldName(written.get(k));
            if (ModelFile.isFlat(name)) {
                g.writeStartArray();
                for (int i = 0; i < m.getNumElements(); i++) {
                    g.writeNumber(m.data[i]);
                }
                g.writeEndArray();
            } else {
                matrix(g, m, 0, m.numRows);
            }
        }
        g.writeEndObject();
    }
}
