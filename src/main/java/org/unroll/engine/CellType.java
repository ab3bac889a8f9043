package org.unroll.engine;

/** The recurrent cells the engine knows, with PyTorch's number of stacked gate blocks. */
public enum CellType {
    /** h' = act(W_ih x + b_ih + W_hh h + b_hh). */
    RNN(1, new String[] {"h"}),
    /** Gates i, f, g, o stacked in PyTorch's order. */
    LSTM(4, new String[] {"i", "f", "g", "o"}),
    /** Gates r, z, n stacked in PyTorch's order. */
    GRU(3, new String[] {"r", "z", "n"});

    private final int gates;
    private final String[] gateNames;

    CellType(int gates, String[] gateNames) {
        this.gates = gates;
        this.gateNames = gateNames;
    }

    /** G: how many H-row blocks weight_ih and weight_hh stack. */
    public int gates() {
        return gates;
    }

    /** The names of the stacked blocks, in row order. */
    public String[] gateNames() {
        return gateNames.clone();
    }

    /** The lower-case name used in bptt-model/1. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean hasCellState() {
        return this == LSTM;
    }
}
