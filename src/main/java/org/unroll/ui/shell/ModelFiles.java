package org.unroll.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.io.FormatException;
import org.unroll.io.GradInputs;
import org.unroll.io.StackedModelFile;
import org.unroll.task.GridScenario;
import org.unroll.io.ModelFile;
import org.unroll.io.SequenceFile;
import org.unroll.task.Scenario;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * Opening and saving bptt-model/1 and bptt-sequence/1 files, e.g. a tiny model trained in
 * PyTorch. A file that cannot be used shows its one-line reason; the current model stays.
 */
public final class ModelFiles {
    private final Session session;
    private File lastDir;

    public ModelFiles(Session session) {
        this.session = session;
    }

    /** Reads a model and a sequence for it into a scenario (no text: labels come from the model's vocabulary). */
    public static Scenario load(Path model, Path sequence) throws FormatException {
        Model m = ModelFile.read(model);
        SequenceBatch s = SequenceFile.read(sequence, m);
        return new Scenario(m, s, null);
    }

    /** Opens a model and sequence file in the session, as {@link #open(Window)} does once both are chosen. */
    public void open(Path model, Path sequence) throws FormatException {
        GradInputs in = GradInputs.load(model, sequence);
        if (in.single() != null) {
            session.open(new Scenario(in.model().model().single(), in.single(), null));
        } else {
            session.open(new GridScenario(in.model().model(), in.padded().batch(), null));
        }
    }

    /**
     * Asks for a model file, then for its sequence, and opens the pair in the session: a one-layer,
     * one-direction model on one sequence as the single-layer walk, a stacked or bidirectional model
     * or a batched sequence file (with lengths) as a grid.
     */
    public void open(Window owner) {
        File model = chooser(I18n.get("shell.dialog.openModel")).showOpenDialog(owner);
        if (model == null) {
            return;
        }
        lastDir = model.getParentFile();
        try {
            StackedModelFile.read(model.toPath());
        } catch (FormatException e) {
            ErrorDialogs.show(owner, e.getMessage());
            return;
        }
        File seq = chooser(I18n.get("shell.dialog.openSequence")).showOpenDialog(owner);
        if (seq == null) {
            return;
        }
        try {
            open(model.toPath(), seq.toPath());
        } catch (FormatException e) {
            ErrorDialogs.show(owner, e.getMessage());
        }
    }

    /** Saves the current model (as walked, before the update) and then its sequence. */
    public void saveModel(Window owner) {
        if (session.getGridWalk() != null) {
            saveGridModel(owner);
            return;
        }
        if (session.getWalkthrough() == null) {
            return;
        }
        FileChooser c = chooser(I18n.get("shell.menu.saveModel"));
        c.setInitialFileName(defaultName(session.getSetup(), session.getWalkthrough().model().cell(), "model"));
        File f = c.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        lastDir = f.getParentFile();
        try {
            ModelFile.write(session.getWalkthrough().model(), f.toPath());
        } catch (IOException | RuntimeException e) {
            ErrorDialogs.show(owner, e);
        }
    }

    /** A stacked or bidirectional network as bptt-model/1 with PyTorch's layer names. */
    private void saveGridModel(Window owner) {
        FileChooser c = chooser(I18n.get("shell.menu.saveModel"));
        c.setInitialFileName(defaultName(session.getSetup(), session.getGridWalk().model().cell(), "model"));
        File f = c.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        lastDir = f.getParentFile();
        try {
            StackedModelFile.write(session.getGridWalk().model(), f.toPath());
        } catch (IOException | RuntimeException e) {
            ErrorDialogs.show(owner, e);
        }
    }

    public void saveSequence(Window owner) {
        if (session.getScenario() == null) {
            return;
        }
        FileChooser c = chooser(I18n.get("shell.menu.saveSequence"));
        c.setInitialFileName(defaultName(session.getSetup(), session.getScenario().model().cell(), "seq"));
        File f = c.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        lastDir = f.getParentFile();
        try {
            SequenceFile.write(session.getScenario().sequence(), f.toPath());
        } catch (IOException | RuntimeException e) {
            ErrorDialogs.show(owner, e);
        }
    }

    /**
     * The name a save dialog offers, as the fixtures are named: the text's letters and digits (at
     * most 16), the cell, then {@code .model.json} or {@code .seq.json}: {@code jeep_rnn.model.json};
     * {@code unroll_lstm.seq.json} for a text without Latin letters or a model opened from files.
     */
    static String defaultName(org.unroll.task.Setup setup, org.unroll.engine.CellType cell, String kind) {
        String text = setup == null ? "" : setup.text().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (text.length() > 16) {
            text = text.substring(0, 16).replaceAll("_+$", "");
        }
        return (text.isEmpty() ? "unroll" : text.toLowerCase(java.util.Locale.ROOT)) + "_"
                + cell.name().toLowerCase(java.util.Locale.ROOT) + "." + kind + ".json";
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("shell.dialog.jsonFiles"), "*.json"));
        if (lastDir != null && lastDir.isDirectory()) {
            c.setInitialDirectory(lastDir);
        }
        return c;
    }
}
