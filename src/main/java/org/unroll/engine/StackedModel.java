package org.unroll.engine;

import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * A recurrent network as PyTorch's nn.RNN / LSTM / GRU with {@code num_layers} L and
 * {@code bidirectional}, followed by one output layer: the cell, its sizes, L, the number
 * of directions D, the parameters and (for a character model) the vocabulary.
 */
public final class StackedModel {
    private final CellType cell;
    private final Activation activation;
    private final int inputSize;
    private final int hiddenSize;
    private final int outputSize;
    private final int layers;
    private final int directions;
    private final List<String> vocab;
    private final StackedParams params;

    public StackedModel(CellType cell, Activation activation, int inputSize, int hiddenSize, int outputSize,
                        int layers, boolean bidirectional, List<String> vocab, StackedParams params) {
        this.cell = Objects.requireNonNull(cell);
        this.activation = Objects.requireNonNull(activation);
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.outputSize = outputSize;
        this.layers = layers;
        this.directions = bidirectional ? 2 : 1;
        this.vocab = vocab == null ? null : List.copyOf(vocab);
        this.params = Objects.requireNonNull(params);
        if (layers < 1) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        if (params.layers() != layers || params.directions() != directions) {
            throw new IllegalArgumentException("the parameters are for " + params.layers() + " layers and "
                    + params.directions() + " directions");
        }
        StackedParams shapes = StackedParams.zeros(cell, inputSize, hiddenSize, outputSize, layers, directions);
        for (String name : shapes.names()) {
            DMatrixRMaj want = shapes.get(name);
            DMatrixRMaj got = params.get(name);
            if (got.numRows != want.numRows || got.numCols != want.numCols) {
                throw new IllegalArgumentException(name + " is " + got.numRows + "x" + got.numCols
                        + ", expected " + want.numRows + "x" + want.numCols);
            }
        }
    }

    /** A one-layer, one-direction model as a network (sharing its parameter tensors). */
    public static StackedModel of(Model m) {
        return new StackedModel(m.cell(), m.activation(), m.inputSize(), m.hiddenSize(), m.outputSize(),
                1, false, m.vocab(), StackedParams.of(m.params()));
    }

    /** Whether this is the one-layer, one-direction model the single-sequence engine runs. */
    public boolean isSingle() {
        return layers == 1 && directions == 1;
    }

    /** This network as a {@link Model}; only for {@link #isSingle()} networks (shares the tensors). */
    public Model single() {
        if (!isSingle()) {
            throw new IllegalStateException("a network of " + layers + " layers and " + directions
                    + " directions is not a single-layer model");
        }
        Params p = params.layer(0, 0);
        return new Model(cell, activation, inputSize, hiddenSize, outputSize, vocab,
                new Params(p.weightIh, p.weightHh, p.biasIh, p.biasHh, params.weightOut(), params.biasOut()));
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

    /** L. */
    public int layers() {
        return layers;
    }

    /** D: 2 when bidirectional, else 1. */
    public int directions() {
        return directions;
    }

    public boolean bidirectional() {
        return directions == 2;
    }

    /** The characters of a one-hot character model, or null. */
    public List<String> vocab() {
        return vocab;
    }

    public StackedParams params() {
        return params;
    }

    /** The same network with other parameter values. */
    public StackedModel withParams(StackedParams p) {
        return new StackedModel(cell, activation, inputSize, hiddenSize, outputSize, layers, bidirectional(), vocab, p);
    }

    /** The single-layer cell of layer k, direction d (its Params share this network's tensors). */
    Model layerModel(int k, int d) {
        int in = StackedParams.layerInputSize(k, inputSize, hiddenSize, directions);
        Params p = params.layer(k, d);
        return new Model(cell, activation, in, hiddenSize, 0, null,
                new Params(p.weightIh, p.weightHh, p.biasIh, p.biasHh, new DMatrixRMaj(0, hiddenSize),
                        new DMatrixRMaj(1, 0)));
    }
}
