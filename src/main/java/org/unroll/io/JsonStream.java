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
        g.writeStartObject();
        for (String name : names) {
            DMatrixRMaj m = p.get(name);
            g.writeFieldName(name);
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
