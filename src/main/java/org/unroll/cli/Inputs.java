package org.unroll.cli;

import java.nio.file.Path;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.io.FormatException;
import org.unroll.io.ModelFile;
import org.unroll.io.SequenceFile;

/** A model and a sequence checked to fit it: what most subcommands start from. */
public record Inputs(Model model, SequenceBatch sequence) {

    /**
     * The heap one forward and backward pass with its diagnostics takes, roughly: the tape
     * (every per-step quantity of the forward and backward pass) and the Jacobian products.
     */
    public long passBytes() {
        return passBytes(model, sequence);
    }

    static long passBytes(Model model, SequenceBatch sequence) {
        long steps = sequence.steps();
        long batch = sequence.batch();
        long h = model.hiddenSize();
        long gates = (long) model.cell().gates() * h;
        long perRow = model.inputSize() + 4L * model.outputSize() + 6 * gates + 10 * h;
        long state = model.cell().hasCellState() ? 2 * h : h;
        return 8 * (steps * batch * perRow + 4 * state * state + 4 * gates * (model.inputSize() + h));
    }

    /** Refuses, with one line and before any work, a pass that cannot fit in this JVM. */
    void requireMemory(String command) {
        requireMemory(model, sequence, command);
    }

    /** As {@link #requireMemory(String)}, for a model and sequence read another way. */
    static void requireMemory(Model model, SequenceBatch sequence, String command) {
        long needed = passBytes(model, sequence);
        if (!Memory.fits(needed)) {
            throw new TooLarge(Memory.tooLarge("this " + command + " (T = " + sequence.steps() + ", H = "
                    + model.hiddenSize() + ")", needed));
        }
    }

    /** Work known up front not to fit: reported as one line and exit code 1. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the model, then the sequence against it. */
    public static Inputs load(Path modelFile, Path sequenceFile) throws FormatException {
        Model model = ModelFile.read(modelFile);
        return new Inputs(model, SequenceFile.read(sequenceFile, model));
    }
}
