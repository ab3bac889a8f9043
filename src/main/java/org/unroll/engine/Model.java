package org.unroll.engine;

import java.util.List;
import java.util.Objects;

/**
 * A recurrent model: the cell, its sizes, the parameters, and (for a character model) the
 * vocabulary that maps one-hot input positions and output classes to characters.
 */
public final class Model {
    private final CellType cell;
    private final Activation activation;
    private final int inputSize;
    private final int hiddenSize;
    private final int outputSize;
    private final List<String> vocab;
    private final Params params;

    public Model(CellType cell, Activation activation, int inputSize, int hiddenSize,
                 int outputSize, List<String> vocab, Params params) {
        this.cell = Objects.requireNonNull(cell);
        this.activation = Objects.requireNonNull(activation);
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.outputSize = outputSize;
        this.vocab = vocab == null ? null : List.copyOf(vocab);
        this.params = Objects.requireNonNull(params);
        int gh = cell.gates() * hiddenSize;
        check(params.weightIh, gh, inputSize, "weight_ih");
        check(params.weightHh, gh, hiddenSize, "weight_hh");
        check(params.biasIh, 1, gh, "bias_ih");
        check(params.biasHh, 1, gh, "bias_hh");
        check(params.weightOut, outputSize, hiddenSize, "weight_out");
        check(params.biasOut, 1, outputSize, "bias_out");
    }

    private static void check(org.ejml.data.DMatrixRMaj m, int rows, int cols, String name) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " is " + m.numRows + "x" + m.numCols
                    + ", expected " + rows + "x" + cols);
        }
    }

    public CellType cell() {
        return cell;
    }

    public Activation activation() {
        return activation;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int outputSize() {
        return outputSize;
    }

    /** The characters of a one-hot character model, or null. */
    public List<String> vocab() {
        return vocab;
    }

    public Params params() {
        return params;
    }

    /** The same model with other parameter values. */
    public Model withParams(Params p) {
        return new Model(cell, activation, inputSize, hiddenSize, outputSize, vocab, p);
    }

    /** A label for people: "RNN (tanh)", "LSTM", "GRU". */
    public String label() {
        return cell == CellType.RNN ? "RNN (" + (activation == Activation.RELU ? "ReLU" : activation.id()) + ")" : cell.name();
    }
}
