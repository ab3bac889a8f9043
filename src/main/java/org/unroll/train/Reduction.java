package org.unroll.train;

/** How a window's loss is reduced before its gradient is taken (PyTorch's {@code reduction}). */
public enum Reduction {
    /** The summed loss divided by the number of (stream, step) pairs that have a target. */
    MEAN("mean"),
    /** The summed loss as it is. */
    SUM("sum");

    private final String id;

    Reduction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
