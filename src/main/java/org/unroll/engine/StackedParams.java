package org.unroll.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The parameters of a stacked (L layers), possibly bidirectional (D = 2) network, under
 * PyTorch's state_dict names: weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k}
 * (and the same with _reverse for the backward direction), then weight_out and bias_out.
 * A network of one layer and one direction uses the short names weight_ih … bias_hh.
 * Layer 0 reads the input (width I); layer k &gt; 0 reads the previous layer's output (H·D);
 * weight_out is O × H·D. Gradients use the same class.
 */
public final class StackedParams {
    private static final String[] RECURRENT = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"};

    private final int layers;
    private final int directions;
    private final Map<String, DMatrixRMaj> tensors;

    /** @param tensors every tensor under its name, in {@link #names(int, int)} order */
    public StackedParams(int layers, int directions, Map<String, DMatrixRMaj> tensors) {
        this.layers = layers;
        this.directions = directions;
        List<String> names = names(layers, directions);
        if (!tensors.keySet().equals(new java.util.HashSet<>(names))) {
            throw new IllegalArgumentException("expected the parameters " + names + ", got " + tensors.keySet());
        }
        LinkedHashMap<String, DMatrixRMaj> ordered = new LinkedHashMap<>();
        for (String n : names) {
            ordered.put(n, tensors.get(n));
        }
        this.tensors = Collections.unmodifiableMap(ordered);
    }

    /** Every name, in PyTorch's order: l0, l0_reverse, l1, …, then the output layer. */
    public static List<String> names(int layers, int directions) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            for (int d = 0; d < directions; d++) {
                out.addAll(layerNames(layers, directions, k, d));
            }
        }
        out.add("weight_out");
        out.add("bias_out");
        return out;
    }

    /** The four recurrent names of layer k, direction d (0 forward, 1 reverse). */
    public static List<String> layerNames(int layers, int directions, int k, int d) {
        boolean shortNames = layers == 1 && directions == 1;
        List<String> out = new ArrayList<>(4);
        for (String r : RECURRENT) {
            out.add(shortNames ? r : r + "_l" + k + (d == 1 ? "_reverse" : ""));
        }
        return out;
    }

    /** The input width of layer k: I for layer 0, H·D above it. */
    public static int layerInputSize(int k, int inputSize, int hiddenSize, int directions) {
        return k == 0 ? inputSize : hiddenSize * directions;
    }

    /** All zeros, shaped for the given network. */
    public static StackedParams zeros(CellType cell, int inputSize, int hiddenSize, int outputSize,
                                      int layers, int directions) {
        int gh = cell.gates() * hiddenSize;
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        for (int k = 0; k < layers; k++) {
            int in = layerInputSize(k, inputSize, hiddenSize, directions);
            for (int d = 0; d < directions; d++) {
                List<String> n = layerNames(layers, directions, k, d);
                m.put(n.get(0), new DMatrixRMaj(gh, in));
                m.put(n.get(1), new DMatrixRMaj(gh, hiddenSize));
                m.put(n.get(2), new DMatrixRMaj(1, gh));
                m.put(n.get(3), new DMatrixRMaj(1, gh));
            }
        }
        m.put("weight_out", new DMatrixRMaj(outputSize, hiddenSize * directions));
        m.put("bias_out", new DMatrixRMaj(1, outputSize));
        return new StackedParams(layers, directions, m);
    }

    /** PyTorch's default initialisation: every entry uniform in [−1/√H, 1/√H]. */
    public static StackedParams uniform(CellType cell, int inputSize, int hiddenSize, int outputSize,
                                        int layers, int directions, Random rng) {
        StackedParams p = zeros(cell, inputSize, hiddenSize, outputSize, layers, directions);
        double k = 1.0 / Math.sqrt(hiddenSize);
        for (DMatrixRMaj m : p.tensors.values()) {
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = (2 * rng.nextDouble() - 1) * k;
            }
        }
        return p;
    }

    /** A one-layer, one-direction network's parameters, sharing the tensors of {@code p}. */
    public static StackedParams of(Params p) {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        for (String n : Params.NAMES) {
            m.put(n, p.get(n));
        }
        return new StackedParams(1, 1, m);
    }

    public int layers() {
        return layers;
    }

    public int directions() {
        return directions;
    }

    /** The names in order. */
    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    /** The tensor of that name. */
    public DMatrixRMaj get(String name) {
        DMatrixRMaj m = tensors.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown parameter " + name);
        }
        return m;
    }

    /** Every tensor under its name, in order (read-only map, live tensors). */
    public Map<String, DMatrixRMaj> tensors() {
        return tensors;
    }

    public DMatrixRMaj weightOut() {
        return tensors.get("weight_out");
    }

    public DMatrixRMaj biasOut() {
        return tensors.get("bias_out");
    }

    /**
     * Layer k, direction d as a {@link Params} that shares its four recurrent tensors (its
     * output tensors are empty: the output layer belongs to the whole network).
     */
    public Params layer(int k, int d) {
        List<String> n = layerNames(layers, directions, k, d);
        return new Params(get(n.get(0)), get(n.get(1)), get(n.get(2)), get(n.get(3)),
                new DMatrixRMaj(0, 0), new DMatrixRMaj(1, 0));
    }

    /** The same shapes, all zeros. */
    public StackedParams zerosLike() {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        tensors.forEach((n, t) -> m.put(n, new DMatrixRMaj(t.numRows, t.numCols)));
        return new StackedParams(layers, directions, m);
    }

    public StackedParams copy() {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        tensors.forEach((n, t) -> m.put(n, t.copy()));
        return new StackedParams(layers, directions, m);
    }

    /** Sets every entry to zero. */
    public void zero() {
        tensors.values().forEach(DMatrixRMaj::zero);
    }
}
