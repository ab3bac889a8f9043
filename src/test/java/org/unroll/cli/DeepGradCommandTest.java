package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unroll.testing.Fixtures;
import org.unroll.testing.JsonCompare;

/** {@code unroll grad} on stacked, bidirectional and masked cases: PyTorch's numbers, and clear errors. */
class DeepGradCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path deep() {
        return Fixtures.dir().resolve("deep");
    }

    static List<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(deep())) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".grad.json"))
                    .map(n -> n.substring(0, n.length() - ".grad.json".length())).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no deep fixtures in " + deep().toAbsolutePath());
            }
            return names;
        }
    }

    private static CliRun grad(Path model, Path seq) {
        return CliRun.of("grad", model.toString(), seq.toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void printsPyTorchsNumbers(String name) throws Exception {
        CliRun run = grad(deep().resolve(name + ".model.json"), deep().resolve(name + ".seq.json"));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("", run.err());
        JsonNode expected = JSON.readTree(deep().resolve(name + ".grad.json").toFile());
        JsonNode actual = JSON.readTree(run.out());
        JsonCompare.assertClose(expected, actual, name);
        // every field the contract names for these cases is there
        for (String f : List.of("loss", "step_losses", "outputs", "hidden", "grads", "final_hidden", "dh0")) {
            assertTrue(actual.has(f), name + " lacks " + f);
        }
    }

    @Test
    void aOneLayerModelWithLayerNamesGivesTheSameNumbersUnderBothNames() throws Exception {
        ObjectNode model = (ObjectNode) JSON.readTree(Fixtures.model("jeep_lstm").toFile());
        ObjectNode params = (ObjectNode) model.get("params");
        ObjectNode renamed = JSON.createObjectNode();
        Iterator<String> it = params.fieldNames();
        while (it.hasNext()) {
            String n = it.next();
            renamed.set(n.endsWith("_out") ? n : n + "_l0", params.get(n));
        }
        model.set("params", renamed);
        model.put("num_layers", 1);
        Path m = dir.resolve("m.json");
        JSON.writeValue(m.toFile(), model);
        CliRun run = grad(m, Fixtures.seq("jeep_lstm"));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode expected = JSON.readTree(Fixtures.grad("jeep_lstm").toFile());
        JsonNode actual = JSON.readTree(run.out());
        JsonCompare.assertClose(expected, actual, "jeep_lstm with _l0 names");
        JsonCompare.assertClose(expected.get("grads").get("weight_hh"), actual.get("grads").get("weight_hh_l0"),
                "weight_hh_l0");
    }

    @Test
    void aBatchOfOneFullLengthSequenceEqualsTheSingleSequence() throws Exception {
        ObjectNode seq = (ObjectNode) JSON.readTree(Fixtures.seq("jeep_gru").toFile());
        ObjectNode batch = seq.deepCopy();
        batch.set("inputs", JSON.createArrayNode().add(seq.get("inputs")));
        batch.set("targets", JSON.createArrayNode().add(seq.get("targets")));
        Path s = dir.resolve("s.json");
        JSON.writeValue(s.toFile(), batch);
        CliRun run = grad(Fixtures.model("jeep_gru"), s);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode expected = JSON.readTree(Fixtures.grad("jeep_gru").toFile());
        JsonNode actual = JSON.readTree(run.out());
        JsonCompare.assertClose(expected.get("loss"), actual.get("loss"), "loss");
        JsonCompare.assertClose(expected.get("grads"), actual.get("grads"), "grads");
        JsonCompare.assertClose(expected.get("hidden"), actual.get("hidden").get(0), "hidden");
        JsonCompare.assertClose(expected.get("dh0"), actual.get("dh0").get(0).get(0), "dh0");
    }

    static Stream<Arguments> badCases() {
        return Stream.of(
                Arguments.of("num_layers 0", "words_bigru_masked", true,
                        (Consumer<ObjectNode>) m -> m.put("num_layers", 0), "num_layers"),
                Arguments.of("bidirectional not a boolean", "words_bigru_masked", true,
                        (Consumer<ObjectNode>) m -> m.put("bidirectional", "yes"), "bidirectional"),
                Arguments.of("a reverse tensor missing", "words_bigru_masked", true,
                        (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("params")).remove("weight_hh_l0_reverse"),
                        "params.weight_hh_l0_reverse"),
                Arguments.of("a layer too many", "jeep_rnn_2layers", true,
                        (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("params"))
                                .set("weight_hh_l2", m.get("params").get("weight_hh_l1")), "params.weight_hh_l2"),
                Arguments.of("layer 1 reads the wrong width", "jeep_rnn_2layers", true,
                        (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("params"))
                                .set("weight_ih_l1", m.get("params").get("weight_ih_l0")), "params.weight_ih_l1"),
                Arguments.of("a length beyond T", "words_bigru_masked", false,
                        (Consumer<ObjectNode>) s -> ((ArrayNode) s.get("lengths")).set(0, 9), "lengths[0]"),
                Arguments.of("a length of zero", "words_bigru_masked", false,
                        (Consumer<ObjectNode>) s -> ((ArrayNode) s.get("lengths")).set(1, 0), "lengths[1]"),
                Arguments.of("lengths for another batch size", "words_bigru_masked", false,
                        (Consumer<ObjectNode>) s -> ((ArrayNode) s.get("lengths")).remove(0), "lengths"),
                Arguments.of("targets for another batch size", "words_bigru_masked", false,
                        (Consumer<ObjectNode>) s -> ((ArrayNode) s.get("targets")).remove(0), "targets"),
                Arguments.of("a real step's class out of range", "words_bigru_masked", false,
                        (Consumer<ObjectNode>) s -> ((ArrayNode) s.get("targets").get(0)).set(0, 7), "targets[0][0]"),
                Arguments.of("h0 for one layer of a bidirectional model", "words_bigru_masked", false,
                        (Consumer<ObjectNode>) s -> s.set("h0", JSON.createArrayNode().add(zeros(3, 3))), "h0"),
                Arguments.of("h0 for one sequence of a 2-layer model, one row", "jeep_rnn_2layers", false,
                        (Consumer<ObjectNode>) s -> s.set("h0", zeros(1, 4)), "h0"));
    }

    private static ArrayNode zeros(int rows, int cols) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < rows; i++) {
            ArrayNode r = a.addArray();
            for (int j = 0; j < cols; j++) {
                r.add(0.0);
            }
        }
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void aSpoiledFileGivesOneLineNamingTheField(String what, String fixture, boolean spoilModel,
                                                Consumer<ObjectNode> spoil, String field) throws Exception {
        Path model = deep().resolve(fixture + ".model.json");
        Path seq = deep().resolve(fixture + ".seq.json");
        Path target = spoilModel ? model : seq;
        ObjectNode json = (ObjectNode) JSON.readTree(target.toFile());
        spoil.accept(json);
        Path spoiled = dir.resolve(target.getFileName());
        JSON.writeValue(spoiled.toFile(), json);
        CliRun run = spoilModel ? grad(spoiled, seq) : grad(model, spoiled);
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), what + ": " + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("'" + field + "'"), what + ": " + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void paddedStepsMayHoldAnyTargetAndAnyInput() throws Exception {
        Path seq = deep().resolve("words_bigru_masked.seq.json");
        ObjectNode json = (ObjectNode) JSON.readTree(seq.toFile());
        // sequence 1 has length 3: steps 3 and 4 are padding
        ((ArrayNode) json.get("targets").get(1)).set(4, 3);
        ((ArrayNode) json.get("inputs").get(1).get(4)).set(0, 1e6);
        Path spoiled = dir.resolve("s.json");
        JSON.writeValue(spoiled.toFile(), json);
        CliRun run = grad(deep().resolve("words_bigru_masked.model.json"), spoiled);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonCompare.assertClose(JSON.readTree(deep().resolve("words_bigru_masked.grad.json").toFile()),
                JSON.readTree(run.out()), "padding ignored");
    }

    @Test
    void gradcheckChecksEveryTensorOfEveryLayerAndDirection() throws Exception {
        CliRun run = CliRun.of("gradcheck", deep().resolve("words_bigru_masked.model.json").toString(),
                deep().resolve("words_bigru_masked.seq.json").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode model = JSON.readTree(deep().resolve("words_bigru_masked.model.json").toFile());
        Iterator<String> names = model.get("params").fieldNames();
        List<String> lines = run.out().lines().toList();
        while (names.hasNext()) {
            String n = names.next();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(n + " ")), n + " not checked:\n" + run.out());
        }
    }
}
