package org.unroll.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.PaddedBatch;
import org.unroll.engine.StackedBptt;
import org.unroll.engine.StackedParams;
import org.unroll.engine.Tape;

/**
 * Writes bptt-gradients/1 for a stacked or bidirectional network or a batch: per-step
 * fields get the batch dimension first when the sequence file held a batch (0 at padded
 * steps), {@code final_hidden} / {@code final_cells} are PyTorch's h_n / c_n, and
 * {@code dh0} / {@code dc0} have the layout of the given h0 / c0.
 */
public final class StackedGradientsFile {

    private StackedGradientsFile() {
    }

    /** The result of {@code pass} (backward done, {@code grads} filled) as JSON. */
    public static ObjectNode toJson(StackedBptt pass, StackedParams grads, StackedModelFile.Read model,
                                    PaddedSequenceFile.Read seq) {
        PaddedBatch batch = pass.batch();
        boolean batched = seq.batched();
        int steps = batch.steps();
        int nb = batch.batch();
        boolean lstm = pass.model().cell().hasCellState();
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", GradientsFile.FORMAT);
        root.put("loss", pass.loss());
        double[] losses = new double[steps * nb];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < nb; b++) {
                losses[t * nb + b] = pass.stepLoss(t, b);
            }
        }
        root.set("step_losses", perStep(new DMatrixRMaj(steps * nb, 1, true, losses), nb, batched, true));
        root.set("outputs", perStep(pass.outputs(), nb, batched, false));
        root.set("hidden", perStep(pass.layerOutput(pass.model().layers() - 1), nb, batched, false));
        root.set("grads", StackedModelFile.params(grads, model::fileName));
        int ld = pass.model().layers() * pass.model().directions();
        root.set("final_hidden", states(pass.finalHidden(), ld, nb, batched
                ? PaddedSequenceFile.StateLayout.PER_LAYER_AND_SEQUENCE : PaddedSequenceFile.StateLayout.PER_LAYER));
        if (lstm) {
            root.set("final_cells", states(pass.finalCells(), ld, nb, batched
                    ? PaddedSequenceFile.StateLayout.PER_LAYER_AND_SEQUENCE : PaddedSequenceFile.StateLayout.PER_LAYER));
        }
        root.set("dh0", states(pass.dh0(), ld, nb, seq.h0Layout()));
        if (lstm) {
            root.set("dc0", states(pass.dc0(), ld, nb, seq.c0Layout()));
        }
        return root;
    }

    /** Rows t·B + b as B × T × cols (batched) or T × cols; with {@code flat}, one number per step. */
    private static ArrayNode perStep(DMatrixRMaj m, int nb, boolean batched, boolean flat) {
        ArrayNode out = JsonFields.MAPPER.createArrayNode();
        int steps = m.numRows / nb;
        for (int b = 0; b < nb; b++) {
            ArrayNode seq = batched ? out.addArray() : out;
            for (int t = 0; t < steps; t++) {
                int r = t * nb + b;
                if (flat) {
                    seq.add(m.data[r]);
                } else {
                    ArrayNode row = seq.addArray();
                    for (int j = 0; j < m.numCols; j++) {
                        row.add(m.data[r * m.numCols + j]);
                    }
                }
            }
        }
        return out;
    }

    /** (L·D)·B × H rows (l·D + d)·B + b in the given layout. */
    private static ArrayNode states(DMatrixRMaj m, int ld, int nb, PaddedSequenceFile.StateLayout layout) {
        return switch (layout) {
            case VECTOR -> JsonWriting.vector(Tape.block(m, 0, 1));
            case PER_LAYER, PER_SEQUENCE -> JsonWriting.matrix(m);
            case PER_LAYER_AND_SEQUENCE -> {
                ArrayNode out = JsonFields.MAPPER.createArrayNode();
                for (int k = 0; k < ld; k++) {
                    out.add(JsonWriting.matrix(Tape.block(m, k * nb, nb)));
                }
                yield out;
            }
        };
    }
}
