package org.unroll.engine;

/** Per-step losses; the total is their sum over steps (and over the batch). */
public enum LossType {
    /** −log softmax(y_t)[target_t]. */
    CROSS_ENTROPY("cross_entropy"),
    /** Σ_i (y_t,i − target_t,i)², PyTorch's reduction="sum". */
    MSE("mse");

    private final String id;

    LossType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
