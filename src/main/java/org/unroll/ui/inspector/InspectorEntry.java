package org.unroll.ui.inspector;

import java.util.Objects;

/**
 * One matrix or vector the inspector shows at a cursor.
 *
 * @param id      a stable key ("h_prev", "dW_hh"): the same quantity keeps its id from step to step,
 *                so a view can be reused when only the numbers change
 * @param section where it belongs (forward values, backward gradients, parameter gradients, …)
 * @param data    the title, the values (rows × cols) and the labels
 * @param fresh   true if it was computed by the very point the cursor is at (highlighted)
 */
public record InspectorEntry(String id, Section section, MatrixData data, boolean fresh) {

    /** Groups of entries, in display order. */
    public enum Section {
        /** Inputs, previous states: what a step reads. */
        INPUTS,
        /** Forward values of the current step. */
        FORWARD,
        /** Step losses and the total. */
        LOSS,
        /** Gradients of the current backward step (dy, dh, δ, dh_{t−1}). */
        BACKWARD,
        /** The step's own contributions to the shared parameter gradients. */
        STEP_GRADIENTS,
        /** The running sums of the parameter gradients. */
        RUNNING_SUMS,
        /** The summed gradients and the parameters before and after the update. */
        UPDATE;

        /** The I18n key of the section heading. */
        public String key() {
            return "inspector.section." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public InspectorEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(section);
        Objects.requireNonNull(data);
    }

    /** The title shown above the matrix. */
    public String title() {
        return data.title();
    }

    /** The values, rows × cols (a copy). */
    public double[][] values() {
        return data.values();
    }
}
