package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.io.FormatException;
import org.unroll.io.ModelFile;
import org.unroll.io.SequenceFile;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;
import org.unroll.ui.session.Session;

class ModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSavedPairOpensAsTheSameWalkWithCharactersFromTheVocabulary() throws Exception {
        Scenario jeep = Scenario.build(Setup.JEEP);
        Path m = dir.resolve("jeep.model.json");
        Path s = dir.resolve("jeep.sequence.json");
        ModelFile.write(jeep.model(), m);
        SequenceFile.write(jeep.sequence(), s);
        Scenario opened = ModelFiles.load(m, s);
        assertNull(opened.text(), "no text: a file pair");
        assertEquals("j", opened.inputLabel(0));
        assertEquals("p", opened.targetLabel(2));
        Session session = new Session(Runnable::run, Runnable::run);
        session.open(opened);
        Session built = new Session(Runnable::run, Runnable::run);
        built.apply(Setup.JEEP);
        assertEquals(built.getWalkthrough().lossAfterUpdate(), session.getWalkthrough().lossAfterUpdate(), 1e-12);
        assertNull(session.getSetup());
    }

    @Test
    void aBadFileGivesOneLineNamingTheFile() throws Exception {
        Path m = dir.resolve("broken.json");
        Files.writeString(m, "{\"format\": \"bptt-model/1\"}");
        FormatException e = assertThrows(FormatException.class, () -> ModelFiles.load(m, m));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void theSaveDialogOffersANameLikeTheFixtures() {
        org.unroll.task.Setup jeep = org.unroll.task.Setup.JEEP;
        assertEquals("jeep_rnn.model.json", ModelFiles.defaultName(jeep, org.unroll.engine.CellType.RNN, "model"));
        assertEquals("jeep_lstm.seq.json", ModelFiles.defaultName(jeep, org.unroll.engine.CellType.LSTM, "seq"));
        assertEquals("hello_world_gru.seq.json",
                ModelFiles.defaultName(jeep.withText("Hello, world!"), org.unroll.engine.CellType.GRU, "seq"));
        assertEquals("unroll_rnn.model.json",
                ModelFiles.defaultName(jeep.withText("我爱你"), org.unroll.engine.CellType.RNN, "model"));
        assertEquals("unroll_rnn.model.json", ModelFiles.defaultName(null, org.unroll.engine.CellType.RNN, "model"));
    }
}
