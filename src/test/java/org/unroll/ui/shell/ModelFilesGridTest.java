package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.unroll.engine.GridWalk;
import org.unroll.io.GradInputs;
import org.unroll.testing.Fixtures;
import org.unroll.ui.session.Session;

/** File › Open takes stacked models and batched sequence files: they open as a grid. */
class ModelFilesGridTest {
    private final Session session = new Session(Runnable::run, Runnable::run);

    private static Path deep(String file) {
        return Fixtures.dir().resolve("deep").resolve(file);
    }

    @Test
    void aBidirectionalModelOnAMaskedBatchOpensAsAGrid() throws Exception {
        new ModelFiles(session).open(deep("words_bigru_masked.model.json"), deep("words_bigru_masked.seq.json"));
        GridWalk g = session.getGridWalk();
        assertNotNull(g);
        assertNull(session.getWalkthrough());
        assertNull(session.getSetup(), "from files, not a built-in setup");
        assertTrue(g.model().bidirectional());
        GradInputs in = GradInputs.load(deep("words_bigru_masked.model.json"), deep("words_bigru_masked.seq.json"));
        assertEquals(in.padded().batch().batch(), g.sequences());
        assertTrue(g.sequences() > 1);
        assertEquals(g.order(0).size(), session.positionsProperty().get());
    }

    @Test
    void aStackedModelOnOneSequenceOpensAsAGridAndASingleLayerPairAsBefore() throws Exception {
        new ModelFiles(session).open(deep("jeep_rnn_2layers.model.json"), deep("jeep_rnn_2layers.seq.json"));
        assertEquals(2, session.getGridWalk().model().layers());
        assertEquals(1, session.getGridWalk().sequences());
        String one = Fixtures.names().get(0);
        new ModelFiles(session).open(Fixtures.model(one), Fixtures.seq(one));
        assertNull(session.getGridWalk());
        assertNotNull(session.getWalkthrough());
    }
}
