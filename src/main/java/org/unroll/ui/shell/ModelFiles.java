package org.unroll.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.io.FormatException;
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

    /** Asks for a model file, then for its sequence, and opens the pair in the session. */
    public void open(Window owner) {
        File model = chooser(I18n.get("shell.dialog.openModel")).showOpenDialog(owner);
        if (model == null) {
            return;
        }
        lastDir = model.getParentFile();
        Model m;
        try {
            m = ModelFile.read(model.toPath());
        } catch (FormatException e) {
            ErrorDialogs.show(owner, e.getMessage());
            return;
        }
        File seq = chooser(I18n.get("shell.dialog.openSequence")).showOpenDialog(owner);
        if (seq == null) {
            return;
        }
        try {
            session.open(new Scenario(m, SequenceFile.read(seq.toPath(), m), null));
        } catch (FormatException e) {
            ErrorDialogs.show(owner, e.getMessage());
        }
    }

    /** Saves the current model (as walked, before the update) and then its sequence. */
    public void saveModel(Window owner) {
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
