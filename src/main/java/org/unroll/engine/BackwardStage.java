package org.unroll.engine;

/** The four stages of one backward step of BPTT, in the order they run. */
public enum BackwardStage {
    /** (1) dy_t at the output and its share of dL/dh_t through W_out. */
    OUTPUT_GRADIENT,
    /** (2) add dh_next (and dc_next), the gradient that comes back from the future. */
    ADD_FUTURE,
    /** (3) through the cell to its pre-activations, and this step's parameter-gradient contributions. */
    PARAMETER_GRADIENTS,
    /** (4) dh_{t−1} (and dc_{t−1}): what this step passes back to the step before. */
    PASS_BACK;

    /** 1 … 4, as the derivation numbers them. */
    public int number() {
        return ordinal() + 1;
    }
}
