package org.unroll.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
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

    /** The complete result of {@code bptt} (backward done, {@code grads} summed) as JSON. */
    public static ObjectNode toJson(Bptt bptt, Params grads, GradientFlow flow) {
        Tape tape = bptt.tape();
        int steps = tape.steps;
        boolean lstm = tape.c != null;
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("loss", bptt.loss());
        root.set("step_losses", JsonWriting.vector(tape.stepLoss));
        root.set("outputs", JsonWriting.matrix(tape.y));
        root.set("hidden", JsonWriting.matrix(Tape.block(tape.h, tape.stateRow(1), steps)));
        if (lstm) {
            root.set("cells", JsonWriting.matrix(Tape.block(tape.c, tape.stateRow(1), steps)));
        }
        root.set("grads", JsonWriting.params(grads));
        root.set("dh0", JsonWriting.vector(bptt.dh0()));
        if (lstm) {
            root.set("dc0", JsonWriting.vector(bptt.dc0()));
        }
        root.set("dL_dh", JsonWriting.matrix(tape.dh));
        if (lstm) {
            root.set("dL_dc", JsonWriting.matrix(cellGradientFromFuture(tape)));
        }
        root.set("jacobian_norms", JsonWriting.vector(flow.jacobianNorms()));
        if (flow.cellJacobianNorms() != null) {
            root.set("cell_jacobian_norms", JsonWriting.vector(flow.cellJacobianNorms()));
        }
        ArrayNode stepGrads = root.putArray("step_grads");
        for (int t = 0; t < steps; t++) {
            stepGrads.add(JsonWriting.params(bptt.stepGradients(t), Params.RECURRENT));
        }
        return root;
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

    public static void write(ObjectNode json, OutputStream out) throws IOException {
        JsonFields.MAPPER.writerWithDefaultPrettyPrinter()
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, json);
    }

}
