package org.unroll.cli;

import java.nio.file.Path;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.io.FormatException;
import org.unroll.io.ModelFile;
import org.unroll.io.SequenceFile;

/** A model and a sequence checked to fit it: what most subcommands start from. */
public record Inputs(Model model, SequenceBatch sequence) {

    /** Reads the model, then the sequence against it. */
    public static Inputs load(Path modelFile, Path sequenceFile) throws FormatException {
        Model model = ModelFile.read(modelFile);
        return new Inputs(model, SequenceFile.read(sequenceFile, model));
    }
}
