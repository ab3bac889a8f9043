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
        File f = chooser(I18n.get("shell.menu.saveModel")).showSaveDialog(owner);
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
        File f = chooser(I18n.get("shell.menu.saveSequence")).showSaveDialog(owner);
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
