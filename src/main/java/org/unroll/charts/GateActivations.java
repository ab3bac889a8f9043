package org.unroll.charts;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The gate activations of a gated cell over one sequence: the input of
 * {@link GateHeatmapChart}. Sigmoid gates live in 0..1, tanh gates (LSTM g, GRU n) in
 * −1..1; the chart gives each its colour scale.
 *
 * @param cellLabel what the title calls the cell, e.g. "LSTM"
 * @param gateNames the gates in drawing order, e.g. i, f, g, o
 * @param tanhGates the names of the gates that are tanh (range −1..1), a subset of gateNames
 * @param values    values[gate][t−1][unit]: gate {@code gate} at time step t = 1..T for
 *                  hidden unit 0..H−1; the same T and H for every gate
 */
public record GateActivations(String cellLabel, List<String> gateNames, Set<String> tanhGates,
                              double[][][] values) {

    /** Validates and copies. */
    public GateActivations {
        Checks.label(cellLabel, "cellLabel");
        gateNames = List.copyOf(gateNames);
        tanhGates = Set.copyOf(tanhGates);
        if (gateNames.isEmpty()) {
            throw new IllegalArgumentException("no gates");
        }
        if (Set.copyOf(gateNames).size() != gateNames.size()) {
            throw new IllegalArgumentException("gate names repeat: " + gateNames);
        }
        if (!gateNames.containsAll(tanhGates)) {
            throw new IllegalArgumentException("tanh gates " + tanhGates + " not among " + gateNames);
        }
        if (values == null || values.length != gateNames.size()) {
            throw new IllegalArgumentException("values must hold one [T][H] array per gate");
        }
        double[][][] c = new double[values.length][][];
        for (int g = 0; g < values.length; g++) {
            c[g] = Checks.copyRectangular(values[g], "values[" + gateNames.get(g) + "]");
            if (c[g].length != c[0].length || c[g][0].length != c[0][0].length) {
                throw new IllegalArgumentException("gate " + gateNames.get(g) + " is " + c[g].length + "×"
                        + c[g][0].length + ", gate " + gateNames.get(0) + " is " + c[0].length + "×" + c[0][0].length);
            }
        }
        values = c;
    }

    /**
     * LSTM gates in PyTorch order i, f, g, o (g is tanh).
     *
     * @param values values[gate][t−1][unit] for i, f, g, o
     * @return the activations
     */
    public static GateActivations lstm(double[][][] values) {
        return new GateActivations("LSTM", List.of("i", "f", "g", "o"), Set.of("g"), values);
    }

    /**
     * GRU gates in PyTorch order r, z, n (n is tanh).
     *
     * @param values values[gate][t−1][unit] for r, z, n
     * @return the activations
     */
    public static GateActivations gru(double[][][] values) {
        return new GateActivations("GRU", List.of("r", "z", "n"), Set.of("n"), values);
    }

    /** @return T, the number of time steps */
    public int steps() {
        return values[0].length;
    }

    /** @return H, the number of hidden units */
    public int units() {
        return values[0][0].length;
    }

    /**
     * @param gate gate index
     * @return whether it is a tanh gate (range −1..1)
     */
    public boolean isTanh(int gate) {
        return tanhGates.contains(gateNames.get(gate));
    }

    /**
     * @param gate gate index
     * @param t    time step 1..T
     * @param unit hidden unit 0..H−1
     * @return the activation
     */
    public double value(int gate, int t, int unit) {
        return values[gate][t - 1][unit];
    }

    @Override
    public double[][][] values() {
        return Checks.deepCopy(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GateActivations a && cellLabel.equals(a.cellLabel) && gateNames.equals(a.gateNames)
                && tanhGates.equals(a.tanhGates) && Arrays.deepEquals(values, a.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cellLabel, gateNames, tanhGates, Arrays.deepHashCode(values));
    }

    @Override
    public String toString() {
        return "GateActivations[" + cellLabel + ", gates=" + gateNames + ", T=" + steps() + ", H=" + units() + "]";
    }
}
