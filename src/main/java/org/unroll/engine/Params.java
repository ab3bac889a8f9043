package org.unroll.engine;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The six parameter tensors of a model, named and laid out as PyTorch's state_dict:
 * weight_ih (G·H × I), weight_hh (G·H × H), bias_ih (1 × G·H), bias_hh (1 × G·H),
 * weight_out (O × H) and bias_out (1 × O). Gradients use the same class.
 */
public final class Params {
    /** The names, in the order every loop over parameters uses. */
    public static final List<String> NAMES =
            List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_out", "bias_out");
    /** The parameters shared by the recurrent cell at every step. */
    public static final List<String> RECURRENT = NAMES.subList(0, 4);

    public final DMatrixRMaj weightIh;
    public final DMatrixRMaj weightHh;
    public final DMatrixRMaj biasIh;
    public final DMatrixRMaj biasHh;
    public final DMatrixRMaj weightOut;
    public final DMatrixRMaj biasOut;
    private final DMatrixRMaj[] all;

    public Params(DMatrixRMaj weightIh, DMatrixRMaj weightHh, DMatrixRMaj biasIh,
                  DMatrixRMaj biasHh, DMatrixRMaj weightOut, DMatrixRMaj biasOut) {
        this.weightIh = weightIh;
        this.weightHh = weightHh;
        this.biasIh = biasIh;
        this.biasHh = biasHh;
        this.weightOut = weightOut;
        this.biasOut = biasOut;
        this.all = new DMatrixRMaj[] {weightIh, weightHh, biasIh, biasHh, weightOut, biasOut};
    }

    /** All zeros, shaped for a cell with G gate blocks. */
    public static Params zeros(int gates, int inputSize, int hiddenSize, int outputSize) {
        int gh = gates * hiddenSize;
        return new Params(new DMatrixRMaj(gh, inputSize), new DMatrixRMaj(gh, hiddenSize),
                new DMatrixRMaj(1, gh), new DMatrixRMaj(1, gh),
                new DMatrixRMaj(outputSize, hiddenSize), new DMatrixRMaj(1, outputSize));
    }

    /** PyTorch's default initialisation: every entry uniform in [−1/√H, 1/√H]. */
    public static Params uniform(int gates, int inputSize, int hiddenSize, int outputSize, Random rng) {
        Params p = zeros(gates, inputSize, hiddenSize, outputSize);
        double k = 1.0 / Math.sqrt(hiddenSize);
        for (DMatrixRMaj m : p.all) {
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = (2 * rng.nextDouble() - 1) * k;
            }
        }
        return p;
    }

    public DMatrixRMaj get(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown parameter " + name);
        }
        return all[i];
    }

    /** Tensor k in {@link #NAMES} order, without the list {@link #all()} builds. */
    public DMatrixRMaj tensor(int k) {
        return all[k];
    }

    /** The six tensors in {@link #NAMES} order. */
    public List<DMatrixRMaj> all() {
        return List.of(all);
    }

    /** The same shapes, all zeros. */
    public Params zerosLike() {
        return new Params(new DMatrixRMaj(weightIh.numRows, weightIh.numCols),
                new DMatrixRMaj(weightHh.numRows, weightHh.numCols),
                new DMatrixRMaj(1, biasIh.numCols), new DMatrixRMaj(1, biasHh.numCols),
                new DMatrixRMaj(weightOut.numRows, weightOut.numCols),
                new DMatrixRMaj(1, biasOut.numCols));
    }

    public Params copy() {
        return new Params(weightIh.copy(), weightHh.copy(), biasIh.copy(), biasHh.copy(),
                weightOut.copy(), biasOut.copy());
    }

    /** this ← other, entry by entry (shapes must match). */
    public void setTo(Params other) {
        for (int i = 0; i < all.length; i++) {
            all[i].setTo(other.all[i]);
        }
    }

    /** Sets every entry to zero. */
    public void zero() {
        for (DMatrixRMaj m : all) {
            m.zero();
        }
    }

    /** The total number of scalar parameters. */
    public int size() {
        int n = 0;
        for (DMatrixRMaj m : all) {
            n += m.getNumElements();
        }
        return n;
    }

    /** ‖θ‖₂ over all six tensors together (the norm gradient clipping uses). */
    public double globalNorm() {
        return Norms.combined(java.util.Arrays.asList(all));
    }
}
