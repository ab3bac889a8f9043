package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unroll.testing.Fixtures;
import org.unroll.testing.JsonCompare;

/** {@code unroll train SPEC}: every PyTorch run in fixtures/train, number by number; bad specs; divergence. */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> trainFixtures() throws IOException {
        Path dir = Fixtures.dir().resolve("train");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".train.json"))
                    .map(n -> n.substring(0, n.length() - ".train.json".length()))
                    .sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no training fixtures in " + dir.toAbsolutePath());
            }
            return names;
        }
    }

    @ParameterizedTest
    @MethodSource("trainFixtures")
    void equalsPyTorch(String name) throws IOException {
        Path dir = Fixtures.dir().resolve("train");
        CliRun run = CliRun.of("train", "--quiet", "--threads", "2", dir.resolve(name + ".train.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode expected = JSON.readTree(dir.resolve(name + ".log.json").toFile());
        JsonNode actual = JSON.readTree(run.out());
        JsonCompare.assertClose(expected, actual, name);
        assertEquals(expected.get("updates").size(), actual.get("summary").get("iterations").asInt());
    }

    /** Stacked and bidirectional runs made and replayed by PyTorch (tools/pytorch/stacked_train_cases.py, train_check.py --pytorch-log). */
    static List<String> stackedFixtures() throws IOException, java.net.URISyntaxException {
        try (Stream<Path> files = Files.list(stackedDir())) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".train.json"))
                    .map(n -> n.substring(0, n.length() - ".train.json".length()))
                    .sorted().toList();
            if (names.size() < 7) {
                throw new IllegalStateException("the stacked training cases are missing");
            }
            return names;
        }
    }

    private static Path stackedDir() throws java.net.URISyntaxException {
        return Path.of(TrainCommandTest.class.getResource("/org/unroll/train/stacked").toURI());
    }

    @ParameterizedTest
    @MethodSource("stackedFixtures")
    void stackedAndBidirectionalRunsEqualPyTorch(String name, @TempDir Path tmp) throws Exception {
        Path dir = stackedDir();
        Path model = tmp.resolve("out.model.json");
        Path saved = tmp.resolve("again.train.json");
        CliRun run = CliRun.of("train", "--quiet", dir.resolve(name + ".train.json").toString(), "-o", model.toString(),
                "--save-spec", saved.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode expected = JSON.readTree(dir.resolve(name + ".log.json").toFile());
        JsonNode actual = JSON.readTree(run.out());
        JsonCompare.assertClose(expected, actual, name);
        assertEquals(expected.get("params").size(), actual.get("params").size(), "every tensor of every layer");
        // the trained network is written with its layers and directions, under the same names
        JsonNode written = JSON.readTree(model.toFile());
        JsonCompare.assertClose(expected.get("params"), written.get("params"), name + " -o");
        assertEquals(JSON.readTree(dir.resolve(name + ".train.json").toFile()).get("model").get("num_layers"),
                written.get("num_layers"));
        // the saved spec is the same run
        CliRun again = CliRun.of("train", "--quiet", saved.toString());
        assertEquals(0, again.exitCode(), again.err());
        JsonCompare.assertClose(expected, JSON.readTree(again.out()), name + " --save-spec");
    }

    @Test
    void aModelGivenAsAPathIsReadBesideTheSpec(@TempDir Path dir) throws IOException {
        Path fixtures = Fixtures.dir().resolve("train");
        ObjectNode spec = (ObjectNode) JSON.readTree(fixtures.resolve("jeep_rnn_sgd.train.json").toFile());
        Files.writeString(dir.resolve("m.model.json"), JSON.writeValueAsString(spec.get("model")));
        spec.put("model", "m.model.json");
        Path file = dir.resolve("run.train.json");
        Files.writeString(file, JSON.writeValueAsString(spec));
        CliRun run = CliRun.of("train", "--quiet", file.toString(), "-o", dir.resolve("out.model.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonCompare.assertClose(JSON.readTree(fixtures.resolve("jeep_rnn_sgd.log.json").toFile()), JSON.readTree(run.out()), "log");
        JsonNode saved = JSON.readTree(dir.resolve("out.model.json").toFile());
        JsonCompare.assertClose(JSON.readTree(run.out()).get("params"), saved.get("params"), "saved model");
        assertEquals("bptt-model/1", saved.get("format").asText());
    }

    /** A copy of the jeep spec with one change, run, expected to fail with one line naming the field. */
    private static void rejects(Path dir, String field, String expectInMessage, java.util.function.Consumer<ObjectNode> change)
            throws IOException {
        ObjectNode spec = (ObjectNode) JSON.readTree(Fixtures.dir().resolve("train/jeep_rnn_sgd.train.json").toFile());
        change.accept(spec);
        Path file = dir.resolve(field.replaceAll("[^a-z_]", "") + ".train.json");
        Files.writeString(file, JSON.writeValueAsString(spec));
        CliRun run = CliRun.of("train", "--quiet", file.toString());
        assertEquals(2, run.exitCode(), field + ": " + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains(expectInMessage), field + ": " + run.err());
        assertTrue(run.err().contains(file.toString()), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badSpecsAreOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        rejects(dir, "num_steps", "num_steps", s -> s.put("num_steps", 0));
        rejects(dir, "optimizer.name", "unknown optimizer", s -> ((ObjectNode) s.get("optimizer")).put("name", "rmsprop"));
        rejects(dir, "optimizer.lr", "positive finite", s -> ((ObjectNode) s.get("optimizer")).put("lr", -1));
        rejects(dir, "optimizer.lrzero", "positive finite", s -> ((ObjectNode) s.get("optimizer")).put("lr", 0));
        rejects(dir, "clip_norm", "clip_norm", s -> s.put("clip_norm", -2));
        rejects(dir, "reduction", "unknown reduction", s -> s.put("reduction", "max"));
        rejects(dir, "epochs", "epochs", s -> s.put("epochs", 0));
        rejects(dir, "format", "unknown format", s -> s.put("format", "bptt-train/9"));
        rejects(dir, "data.inputs", "data.inputs[0]", s -> ((com.fasterxml.jackson.databind.node.ArrayNode) s.get("data")
                .get("inputs").get(0).get(0)).add(0));
        rejects(dir, "data.targets", "data.targets", s -> ((com.fasterxml.jackson.databind.node.ArrayNode) s.get("data")
                .get("targets").get(0)).add(1));
        rejects(dir, "data.targets.range", "out of range", s -> ((com.fasterxml.jackson.databind.node.ArrayNode) s.get("data")
                .get("targets").get(0)).set(0, 7));
        rejects(dir, "model.params", "model.params.weight_hh", s -> ((ObjectNode) s.get("model").get("params"))
                .putArray("weight_hh"));
        rejects(dir, "stateful", "stateful", s -> s.put("stateful", "yes"));
        rejects(dir, "model", "model", s -> s.put("model", 3));
        rejects(dir, "ragged", "data.inputs[1]", s -> {
            var inputs = (com.fasterxml.jackson.databind.node.ArrayNode) s.get("data").get("inputs");
            var second = inputs.addArray();
            second.addArray().add(1.0).add(0).add(0);
            ((com.fasterxml.jackson.databind.node.ArrayNode) s.get("data").get("targets")).addArray().add(1);
        });
    }

    @Test
    void malformedJsonAndMissingFilesAreOneLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.train.json");
        Files.writeString(bad, "{\"format\": ");
        CliRun run = CliRun.of("train", bad.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("malformed JSON"), run.err());
        CliRun missing = CliRun.of("train", dir.resolve("none.json").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void aDivergingRunStopsThereSaysSoAndExitsFour() throws IOException {
        // plain SGD at this rate on a squared error overshoots further every update until it overflows
        CliRun run = CliRun.of("train", "--quiet", "--task", "regress123", "--optimizer", "sgd", "--lr", "10");
        assertEquals(4, run.exitCode(), run.err());
        JsonNode log = JSON.readTree(run.out());
        int at = log.get("summary").get("diverged_at").asInt();
        assertEquals(at, log.get("updates").size(), "the log holds the updates before the diverging one");
        assertTrue(at > 5 && at < 300, "diverged at " + at);
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("diverged at update " + at), run.err());
        for (JsonNode u : log.get("updates")) {
            assertTrue(Double.isFinite(u.get("loss").asDouble()));
        }
        CliRun calm = CliRun.of("train", "--quiet", "--task", "regress123", "--optimizer", "sgd", "--lr", "0.001");
        assertEquals(0, calm.exitCode(), calm.err());
        assertFalse(JSON.readTree(calm.out()).get("summary").has("diverged_at"));
    }

    @Test
    void specAndTaskTogetherOrNeitherAreUsageErrors() {
        CliRun neither = CliRun.of("train");
        assertEquals(2, neither.exitCode());
        assertEquals(1, neither.errLines().size(), neither.err());
        CliRun both = CliRun.of("train", "x.json", "--task", "adding");
        assertEquals(2, both.exitCode());
        assertFalse(both.err().isEmpty());
    }
}
