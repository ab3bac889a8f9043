package org.unroll.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Bptt;
import org.unroll.engine.GradientFlow;
import org.unroll.engine.Params;
import org.unroll.engine.Tape;

/** Writes bptt-gradients/1: one forward and one full backward pass of a single sequence. */
public final class GradientsFile {
    public static final String FORMAT = "bptt-gradients/1";

    private GradientsFile() {
    }

    /**
     * The complete result of {@code bptt} (backward done, {@code grads} summed) as a JSON tree,
     * the same content as {@link #write(Bptt, Params, GradientFlow, Map, Writer)} streams.
     */
    public static ObjectNode toJson(Bptt bptt, Params grads, GradientFlow flow) {
        try (TokenBuffer buffer = new TokenBuffer(JsonFields.MAPPER, false)) {
            write(bptt, grads, flow, Map.of(), buffer);
            return (ObjectNode) JsonFields.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams the result as indented JSON to {@code out} (left open, flushed), one number
     * after another: nothing of the size of the output is held in memory. Non-finite numbers
     * are written as the strings "NaN", "Infinity" and "-Infinity".
     *
     * @param aliases each parameter of {@code grads} that is written a second time under another
     *                name (weight_ih → weight_ih_l0 when the model file used PyTorch's layer names)
     */
    public static void write(Bptt bptt, Params grads, GradientFlow flow, Map<String, String> aliases, Writer out)
            throws IOException {
        try (JsonGenerator g = JsonFields.MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(bptt, grads, flow, aliases, g);
        }
    }

    private static void write(Bptt bptt, Params grads, GradientFlow flow, Map<String, String> aliases,
                              JsonGenerator g) throws IOException {
        Tape tape = bptt.tape();
        int steps = tape.steps;
        boolean lstm = tape.c != null;
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("loss", bptt.loss());
        g.writeFieldName("step_losses");
        JsonStream.vector(g, tape.stepLoss);
        g.writeFieldName("outputs");
        JsonStream.matrix(g, tape.y, 0, tape.y.numRows);
        g.writeFieldName("hidden");
        JsonStream.matrix(g, tape.h, tape.stateRow(1), steps);
        if (lstm) {
            g.writeFieldName("cells");
            JsonStream.matrix(g, tape.c, tape.stateRow(1), steps);
        }
        g.writeFieldName("grads");
        JsonStream.params(g, grads, Params.NAMES, aliases);
        g.writeFieldName("dh0");
        JsonStream.vector(g, bptt.dh0().data);
        if (lstm) {
            g.writeFieldName("dc0");
            JsonStream.vector(g, bptt.dc0().data);
        }
        g.writeFieldName("dL_dh");
        JsonStream.matrix(g, tape.dh, 0, tape.dh.numRows);
        if (lstm) {
            g.writeFieldName("dL_dc");
            DMatrixRMaj dc = cellGradientFromFuture(tape);
            JsonStream.matrix(g, dc, 0, dc.numRows);
        }
        g.writeFieldName("jacobian_norms");
        JsonStream.vector(g, flow.jacobianNorms());
        if (flow.cellJacobianNorms() != null) {
            g.writeFieldName("cell_jacobian_norms");
            JsonStream.vector(g, flow.cellJacobianNorms());
        }
        g.writeArrayFieldStart("step_grads");
        for (int t = 0; t < steps; t++) {
            JsonStream.params(g, bptt.stepGradients(t), Params.RECURRENT);
        }
        g.writeEndArray();
        // PyTorch's h_n (and c_n): 1 × H, the state after the last step
        g.writeFieldName("final_hidden");
        JsonStream.matrix(g, tape.h, tape.stateRow(steps), 1);
        if (lstm) {
            g.writeFieldName("final_cells");
            JsonStream.matrix(g, tape.c, tape.stateRow(steps), 1);
        }
        g.writeEndObject();
        g.flush();
    }

    /**
     * dL_dc as PyTorch reports it for the c_t that an LSTM cell returns: the gradient that
     * reaches c_t through its use in step t + 1 (dc_next), zero at the last step. The h_t path
     * inside the same step is not part of it, because the cell computes h_t from its own c_t.
     */
    static DMatrixRMaj cellGradientFromFuture(Tape tape) {
        DMatrixRMaj out = new DMatrixRMaj(tape.steps * tape.batch, tape.hiddenSize);
        int n = (tape.steps - 1) * tape.batch * tape.hiddenSize;
        System.arraycopy(tape.dcBack.data, tape.batch * tape.hiddenSize, out.data, 0, n);
        return out;
    }


    /** A result already built as a tree (stacked and batched models), indented onto {@code out}, left open. */
    public static void write(ObjectNode json, Writer out) throws IOException {
        JsonFields.MAPPER.writerWithDefaultPrettyPrinter()
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, json);
    }
}
