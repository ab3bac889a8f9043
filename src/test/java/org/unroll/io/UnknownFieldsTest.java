package org.unroll.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.engine.Model;
import org.unroll.engine.StackedModel;
import org.unroll.testing.Fixtures;

/**
 * What a format does not define is refused with one line naming the field; everything the
 * contract defines and every fixture and writer of ours is still read.
 */
class UnknownFieldsTest {

    private static ObjectNode json(Path p) throws Exception {
        return (ObjectNode) JsonFields.readObject(p);
    }

    private static void assertRefused(String expectedStart, FormatException e) {
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anUnknownTopLevelFieldOfAModelIsRefused() throws Exception {
        ObjectNode m = json(Fixtures.model("jeep_rnn"));
        m.put("hiden_size", 4);
        FormatException e = assertThrows(FormatException.class, () -> ModelFile.fromJson(m, "m.json"));
        assertRefused("m.json: field 'hiden_size': is not a field of bptt-model/1; expected format, cell", e);
    }

    @Test
    void anUnknownParameterIsRefusedInOneAndManyLayers() throws Exception {
        ObjectNode m = json(Fixtures.model("jeep_gru"));
        ((ObjectNode) m.get("params")).set("weight_xx", m.get("params").get("weight_hh").deepCopy());
        FormatException e = assertThrows(FormatException.class, () -> ModelFile.fromJson(m, "m.json"));
        assertRefused("m.json: field 'params.weight_xx': is not a parameter", e);
        FormatException viaStacked = assertThrows(FormatException.class, () -> StackedModelFile.fromJson(m, "m.json"));
        assertRefused("m.json: field 'params.weight_xx'", viaStacked);

        ObjectNode deep = json(Fixtures.dir().resolve("deep/jeep_rnn_2layers.model.json"));
        ((ObjectNode) deep.get("params")).set("weight_hh_l2", deep.get("params").get("weight_hh_l1").deepCopy());
        assertRefused("m.json: field 'params.weight_hh_l2'",
                assertThrows(FormatException.class, () -> StackedModelFile.fromJson(deep, "m.json")));
        ObjectNode deepTop = json(Fixtures.dir().resolve("deep/jeep_rnn_2layers.model.json"));
        deepTop.put("dropout", 0.5);
        assertRefused("m.json: field 'dropout': is not a field of bptt-model/1",
                assertThrows(FormatException.class, () -> StackedModelFile.fromJson(deepTop, "m.json")));
    }

    @Test
    void anUnknownSequenceFieldIsRefused() throws Exception {
        Model model = ModelFile.read(Fixtures.model("jeep_rnn"));
        ObjectNode s = json(Fixtures.seq("jeep_rnn"));
        s.put("lenghts", 3);
        assertRefused("s.json: field 'lenghts': is not a field of bptt-sequence/1",
                assertThrows(FormatException.class, () -> SequenceFile.fromJson(s, "s.json", model)));
        assertRefused("s.json: field 'lenghts'", assertThrows(FormatException.class,
                () -> PaddedSequenceFile.fromJson(s, "s.json", StackedModel.of(model))));
    }

    @Test
    void anUnknownTrainFieldIsRefusedAtEveryLevel() throws Exception {
        Path run;
        try (Stream<Path> files = Files.list(Fixtures.dir().resolve("train"))) {
            run = files.filter(p -> p.toString().endsWith(".train.json")).sorted().findFirst().orElseThrow();
        }
        for (String where : new String[] {"", "data", "optimizer", "model", "model.params"}) {
            ObjectNode t = json(run);
            ObjectNode target = where.isEmpty() ? t : (ObjectNode) at(t, where);
            target.put("extra_field", 1);
            FormatException e = assertThrows(FormatException.class, () -> TrainFile.fromJson(t, "t.json", null));
            String field = where.isEmpty() ? "extra_field" : where + ".extra_field";
            assertRefused("t.json: field '" + field + "': is not ", e);
        }
    }

    private static JsonNode at(JsonNode n, String path) {
        for (String part : path.split("\\.")) {
            n = n.get(part);
        }
        return n;
    }

    @Test
    void aFieldNameWithAControlCharacterStaysOnOneLine() throws Exception {
        ObjectNode m = json(Fixtures.model("jeep_rnn"));
        m.put("a\nb", 1);
        FormatException e = assertThrows(FormatException.class, () -> ModelFile.fromJson(m, "m.json"));
        assertRefused("m.json: field 'a\\u000ab'", e);
    }

    @Test
    void vocabularyEntriesAreSingleDistinctCharacters() throws Exception {
        ObjectNode m = json(Fixtures.model("jeep_rnn"));
        ArrayNode v = (ArrayNode) m.get("vocab");
        String first = v.get(0).asText();
        v.set(1, v.get(0).deepCopy());
        assertEquals("m.json: field 'vocab[1]': repeats vocab[0] (\"" + first + "\"); each character appears once",
                assertThrows(FormatException.class, () -> ModelFile.fromJson(m, "m.json")).getMessage());
        ObjectNode m2 = json(Fixtures.model("jeep_rnn"));
        ((ArrayNode) m2.get("vocab")).set(2, m2.textNode("ee"));
        assertEquals("m.json: field 'vocab[2]': expected one character, found 2 (\"ee\")",
                assertThrows(FormatException.class, () -> ModelFile.fromJson(m2, "m.json")).getMessage());
        ObjectNode m3 = json(Fixtures.model("jeep_rnn"));
        ((ArrayNode) m3.get("vocab")).set(2, m3.textNode(""));
        assertThrows(FormatException.class, () -> ModelFile.fromJson(m3, "m.json"));
        // a character outside the basic plane is one character (two UTF-16 units)
        ObjectNode m4 = json(Fixtures.model("jeep_rnn"));
        ((ArrayNode) m4.get("vocab")).set(2, m4.textNode("\uD83D\uDE00"));
        assertEquals("\uD83D\uDE00", ModelFile.fromJson(m4, "m.json").vocab().get(2));
    }

    @Test
    void everyFixtureIsStillRead() throws Exception {
        int models = 0;
        int runs = 0;
        try (Stream<Path> files = Files.walk(Fixtures.dir())) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".model.json")) {
                    StackedModel m = StackedModelFile.read(p).model();
                    Path seq = p.resolveSibling(n.replace(".model.json", ".seq.json"));
                    if (Files.exists(seq)) {
                        GradInputs.load(p, seq);
                    }
                    assertTrue(m.layers() >= 1);
                    models++;
                } else if (n.endsWith(".train.json")) {
                    TrainFile.read(p);
                    runs++;
                }
            }
        }
        assertTrue(models >= 5 && runs >= 2, models + " models, " + runs + " runs");
    }

    @Test
    void whatOurWritersSaveIsReadBack(@TempDir Path dir) throws Exception {
        StackedModel deep = StackedModelFile.read(Fixtures.dir().resolve("deep/words_bigru_masked.model.json")).model();
        Path d = dir.resolve("d.model.json");
        StackedModelFile.write(deep, d);
        assertEquals(deep.params().names(), StackedModelFile.read(d).model().params().names());
        Model single = ModelFile.read(Fixtures.model("jeep_lstm"));
        Path s = dir.resolve("s.model.json");
        ModelFile.write(single, s);
        assertEquals(single.vocab(), ModelFile.read(s).vocab());
        Path q = dir.resolve("s.seq.json");
        SequenceFile.write(SequenceFile.read(Fixtures.seq("jeep_lstm"), single), q);
        SequenceFile.read(q, single);
        Path run;
        try (Stream<Path> files = Files.list(Fixtures.dir().resolve("train"))) {
            run = files.filter(p -> p.toString().endsWith(".train.json")).sorted().findFirst().orElseThrow();
        }
        Path t = dir.resolve("t.train.json");
        TrainFile.write(TrainFile.read(run), t);
        TrainFile.read(t);
    }

}
