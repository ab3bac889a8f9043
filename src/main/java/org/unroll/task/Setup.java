package org.unroll.task;

import java.util.Objects;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;

/**
 * Everything that defines a character-model lesson: the state the model panel edits, that a
 * lesson or a saved session restores. {@link Scenario#build(Setup)} turns it into a model and
 * a sequence.
 *
 * @param cell         RNN, LSTM or GRU
 * @param activation   tanh or ReLU (RNN only)
 * @param hiddenSize   H, 1 … 256
 * @param seed         the random seed of the initial weights (and a random initial state)
 * @param spectralNorm σ_max(W_hh) after scaling, or 0 to keep PyTorch's initialisation
 * @param text         the training text; its characters are the vocabulary
 * @param initialState zeros or random h_0 (and c_0)
 * @param learningRate the step size of the SGD update that ends the walk
 * @param numbers      a regression task on numbers instead of the text, or null
 * @param training     training on the sequence before the walk (the walk shows the trained model), or null
 */
public record Setup(CellType cell, Activation activation, int hiddenSize, long seed,
                    double spectralNorm, String text, InitialState initialState, double learningRate,
                    Numbers numbers, Training training) {

    public static final int MAX_HIDDEN = 256;

    /** The opening lesson: a tanh RNN with 4 hidden units learning "jeep". */
    public static final Setup JEEP = new Setup(CellType.RNN, Activation.TANH, 4, 7, 0.0, "jeep",
            InitialState.ZEROS, 0.1);

    /** A character task on {@code text}. */
    public Setup(CellType cell, Activation activation, int hiddenSize, long seed,
                 double spectralNorm, String text, InitialState initialState, double learningRate) {
        this(cell, activation, hiddenSize, seed, spectralNorm, text, initialState, learningRate, null, null);
    }

    /** Untrained: the walk shows the model as the seed (or fixed weights) gives it. */
    public Setup(CellType cell, Activation activation, int hiddenSize, long seed, double spectralNorm, String text,
                 InitialState initialState, double learningRate, Numbers numbers) {
        this(cell, activation, hiddenSize, seed, spectralNorm, text, initialState, learningRate, numbers, null);
    }

    public Setup {
        Objects.requireNonNull(cell);
        Objects.requireNonNull(activation);
        Objects.requireNonNull(text);
        Objects.requireNonNull(initialState);
        if (hiddenSize < 1 || hiddenSize > MAX_HIDDEN) {
            throw new IllegalArgumentException("the hidden size must be between 1 and " + MAX_HIDDEN);
        }
        if (!(spectralNorm >= 0) || spectralNorm > 100) {
            throw new IllegalArgumentException("the spectral norm must be between 0 and 100");
        }
        if (!(learningRate >= 0) || learningRate > 100) {
            throw new IllegalArgumentException("the learning rate must be between 0 and 100");
        }
    }

    public Setup withCell(CellType c) {
        return new Setup(c, activation, hiddenSize, seed, spectralNorm, text, initialState, learningRate, numbers, training);
    }

    public Setup withActivation(Activation a) {
        return new Setup(cell, a, hiddenSize, seed, spectralNorm, text, initialState, learningRate, numbers, training);
    }

    public Setup withHiddenSize(int h) {
        return new Setup(cell, activation, h, seed, spectralNorm, text, initialState, learningRate, numbers, training);
    }

    public Setup withSeed(long s) {
        return new Setup(cell, activation, hiddenSize, s, spectralNorm, text, initialState, learningRate, numbers, training);
    }

    public Setup withSpectralNorm(double s) {
        return new Setup(cell, activation, hiddenSize, seed, s, text, initialState, learningRate, numbers, training);
    }

    /** A character task on {@code t} (a numeric task set before is dropped). */
    public Setup withText(String t) {
        return new Setup(cell, activation, hiddenSize, seed, spectralNorm, t, initialState, learningRate, null, training);
    }

    /** A regression task on numbers (null: back to the text). */
    public Setup withNumbers(Numbers n) {
        return new Setup(cell, activation, hiddenSize, seed, spectralNorm, text, initialState, learningRate, n, training);
    }

    /** T: the numbers of a numeric task, else the characters of the text less one (a training that shows one window: its length). */
    public int steps() {
        int all = numbers != null ? numbers.steps() : text.codePointCount(0, text.length()) - 1;
        return training != null ? training.shownSteps(all) : all;
    }

    public Setup withInitialState(InitialState s) {
        return new Setup(cell, activation, hiddenSize, seed, spectralNorm, text, s, learningRate, numbers, training);
    }

    public Setup withLearningRate(double lr) {
        return new Setup(cell, activation, hiddenSize, seed, spectralNorm, text, initialState, lr, numbers, training);
    }

    /** Trained before the walk (null: untrained). */
    public Setup withTraining(Training t) {
        return new Setup(cell, activation, hiddenSize, seed, spectralNorm, text, initialState, learningRate, numbers, t);
    }
}
