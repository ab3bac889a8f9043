package org.unroll.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;
import org.unroll.testing.Fixtures;

/** bptt-model/1 with layers and directions: written, read back the same, PyTorch's names. */
class StackedModelFileTest {

    @Test
    void writesAndReadsBackEveryTensor(@TempDir Path dir) throws Exception {
        for (CellType cell : CellType.values()) {
            StackedParams p = StackedParams.uniform(cell, 3, 4, 2, 3, 2, new Random(cell.ordinal()));
            StackedModel m = new StackedModel(cell, cell == CellType.RNN ? Activation.RELU : Activation.TANH,
                    3, 4, 2, 3, true, null, p);
            Path file = dir.resolve(cell.id() + ".model.json");
            StackedModelFile.write(m, file);
            StackedModel back = StackedModelFile.read(file).model();
            assertEquals(3, back.layers());
            assertEquals(2, back.directions());
            assertEquals(m.activation(), back.activation());
            assertEquals(p.names(), back.params().names());
            for (String n : p.names()) {
                assertArrayEquals(p.get(n).data, back.params().get(n).data, 0.0, n);
            }
        }
    }

    @Test
    void savingGoesThroughSafeFilesASymlinkStaysALink(@TempDir Path dir) throws Exception {
        StackedParams p = StackedParams.uniform(CellType.RNN, 2, 3, 2, 2, 1, new Random(7));
        StackedModel m = new StackedModel(CellType.RNN, Activation.TANH, 2, 3, 2, 2, false, null, p);
        Path real = dir.resolve("real.model.json");
        java.nio.file.Files.writeString(real, "old");
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link.model.json"), real.getFileName());
        StackedModelFile.write(m, link);
        assertTrue(java.nio.file.Files.isSymbolicLink(link), "the link is written through, not replaced");
        assertEquals(2, StackedModelFile.read(real).model().layers());
        java.io.IOException missing = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> StackedModelFile.write(m, dir.resolve("no/such.model.json")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void namesFollowPyTorchsStateDict() {
        assertEquals(java.util.List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
                "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse",
                "weight_out", "bias_out"), StackedParams.names(2, 2));
        assertEquals(java.util.List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_out", "bias_out"),
                StackedParams.names(1, 1));
    }

    @Test
    void readsTheDeepFixtures() throws Exception {
        StackedModelFile.Read two = StackedModelFile.read(Fixtures.dir().resolve("deep/jeep_rnn_2layers.model.json"));
        assertEquals(2, two.model().layers());
        assertEquals(4, two.model().params().get("weight_ih_l1").numCols);
        StackedModelFile.Read bi = StackedModelFile.read(Fixtures.dir().resolve("deep/words_bigru_masked.model.json"));
        assertTrue(bi.model().bidirectional());
        assertEquals(6, bi.model().params().weightOut().numCols);
        StackedModelFile.Read one = StackedModelFile.read(Fixtures.model("jeep_gru"));
        assertTrue(one.model().isSingle());
        assertEquals("weight_hh", one.fileName("weight_hh"));
    }
}
