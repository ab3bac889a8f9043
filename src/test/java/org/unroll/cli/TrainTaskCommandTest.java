package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.testing.JsonCompare;

/** {@code unroll train --task}, {@code --save-spec} replayed, {@code unroll sample}, and their bad arguments. */
class TrainTaskCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSavedSpecReplaysToTheSameLog(@TempDir Path dir) throws IOException {
        for (String[] task : new String[][] {
                {"adding", "--length", "6", "--iterations", "5", "--batch", "3", "--cell", "gru"},
                {"text", "--text", "hello, world", "--batch", "2", "--num-steps", "4", "--epochs", "3", "--cell", "lstm"},
                {"copy", "--length", "2", "--iterations", "3", "--batch", "2", "--optimizer", "momentum", "--lr", "0.1"},
                {"sine", "--length", "12", "--batch", "2", "--num-steps", "5", "--epochs", "2", "--cell", "rnn"},
                {"regress123", "--epochs", "4", "--optimizer", "sgd", "--lr", "0.01"}}) {
            Path spec = dir.resolve(task[0] + ".train.json");
            String[] args = new String[task.length + 6];
            args[0] = "train";
            args[1] = "--quiet";
            args[2] = "--task";
            System.arraycopy(task, 0, args, 3, task.length);
            args[task.length + 3] = "--save-spec";
            args[task.length + 4] = spec.toString();
            args[task.length + 5] = "--threads=2";
            CliRun built = CliRun.of(args);
            assertEquals(0, built.exitCode(), task[0] + ": " + built.err());
            JsonNode log = JSON.readTree(built.out());
            assertEquals(task[0], log.get("summary").get("task").asText());
            assertTrue(log.get("updates").size() > 0);
            CliRun replay = CliRun.of("train", "--quiet", "--threads", "1", spec.toString());
            assertEquals(0, replay.exitCode(), task[0] + ": " + replay.err());
            JsonNode again = JSON.readTree(replay.out());
            JsonCompare.assertClose(log.get("updates"), again.get("updates"), task[0] + ".updates");
            JsonCompare.assertClose(log.get("params"), again.get("params"), task[0] + ".params");
            JsonCompare.assertClose(log.get("state"), again.get("state"), task[0] + ".state");
        }
    }

    @Test
    void theSummaryScoresEachTask() throws IOException {
        JsonNode adding = JSON.readTree(CliRun.of("train", "--quiet", "--task", "adding", "--length", "8", "--iterations", "3")
                .out()).get("summary");
        assertEquals(3, adding.get("iterations").asInt());
        assertTrue(adding.get("test_mse").asDouble() > 0);
        assertTrue(adding.get("seconds").asDouble() >= 0);
        assertTrue(adding.has("final_loss"));
        JsonNode text = JSON.readTree(CliRun.of("train", "--quiet", "--task", "text", "--epochs", "2").out()).get("summary");
        assertTrue(text.has("test_loss") && text.has("test_perplexity") && text.get("sample").asText().startsWith("j"));
        JsonNode copy = JSON.readTree(CliRun.of("train", "--quiet", "--task", "copy", "--iterations", "2").out()).get("summary");
        assertTrue(copy.get("test_accuracy").asDouble() >= 0 && copy.get("test_accuracy").asDouble() <= 1);
    }

    @Test
    void trainedOnJeepTheSampleIsJeep(@TempDir Path dir) {
        Path model = dir.resolve("jeep.model.json");
        CliRun train = CliRun.of("train", "--quiet", "--task", "text", "--text", "jeep", "-o", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        CliRun sample = CliRun.of("sample", model.toString(), "--prime", "j", "--length", "3", "--greedy");
        assertEquals(0, sample.exitCode(), sample.err());
        assertEquals("jeep\n", sample.out());
        CliRun drawn = CliRun.of("sample", model.toString(), "--prime", "je", "--length", "5", "--temperature", "0.7", "--seed", "3");
        assertEquals(0, drawn.exitCode(), drawn.err());
        assertEquals(8, drawn.out().length());
        assertTrue(drawn.out().startsWith("je"));
    }

    @Test
    void aStackedNetworkTrainedOnJeepSamplesJeep(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("jeep2.model.json");
        CliRun train = CliRun.of("train", "--quiet", "--task", "text", "--text", "jeep", "--layers", "2", "--cell", "gru",
                "--epochs", "300", "-o", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        JsonNode log = JSON.readTree(train.out());
        assertTrue(log.get("params").has("weight_hh_l1"), "the log names every layer's tensors");
        assertEquals(2, log.get("state").get("h").size(), "h_n is L x B x H");
        JsonNode written = JSON.readTree(model.toFile());
        assertEquals(2, written.get("num_layers").asInt());
        CliRun sample = CliRun.of("sample", model.toString(), "--prime", "j", "--length", "3", "--greedy");
        assertEquals(0, sample.exitCode(), sample.err());
        assertEquals("jeep\n", sample.out());
        // a bidirectional network trains, but cannot be sampled one character after another
        Path both = dir.resolve("bi.model.json");
        CliRun bi = CliRun.of("train", "--quiet", "--task", "text", "--text", "jeep", "--bidirectional", "--epochs", "2",
                "-o", both.toString());
        assertEquals(0, bi.exitCode(), bi.err());
        assertTrue(JSON.readTree(bi.out()).get("params").has("weight_ih_l0_reverse"));
        CliRun refused = CliRun.of("sample", both.toString(), "--prime", "j", "--length", "3");
        assertEquals(2, refused.exitCode());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("bidirectional"), refused.err());
        CliRun badLayers = CliRun.of("train", "--quiet", "--task", "text", "--layers", "0");
        assertEquals(2, badLayers.exitCode());
        assertTrue(badLayers.err().contains("--layers"), badLayers.err());
    }

    @Test
    void badSampleArgumentsAreOneLine(@TempDir Path dir) {
        Path model = dir.resolve("jeep.model.json");
        CliRun.of("train", "--quiet", "--task", "text", "--epochs", "1", "-o", model.toString());
        String m = model.toString();
        String[][] bad = {
                {"sample", m, "--prime", "jx", "--length", "3"},
                {"sample", m, "--prime", "", "--length", "3"},
                {"sample", m, "--prime", "j", "--length", "-1"},
                {"sample", m, "--prime", "j", "--temperature", "0"},
                {"sample", m, "--prime", "j", "--temperature", "1", "--greedy"},
                {"sample", m},
                {"sample", dir.resolve("none.json").toString(), "--prime", "j"},
        };
        for (String[] args : bad) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.errLines().size(), String.join(" ", args) + ": " + run.err());
            assertEquals("", run.out());
        }
        assertTrue(CliRun.of("sample", m, "--prime", "jx").err().contains("not in the model's vocabulary"));
    }

    @Test
    void badTaskArgumentsAreOneLineNamingTheOption(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        String[][] bad = {
                {"--task", "nope"},
                {"--task", "text", "--text", ""},
                {"--task", "text", "--text-file", empty.toString()},
                {"--task", "text", "--text-file", dir.resolve("missing.txt").toString()},
                {"--task", "text", "--text", "a", "--text-file", empty.toString()},
                {"--task", "adding", "--lr", "-0.1"},
                {"--task", "adding", "--lr", "NaN"},
                {"--task", "adding", "--clip", "-1"},
                {"--task", "adding", "--optimizer", "rmsprop"},
                {"--task", "adding", "--cell", "tree"},
                {"--task", "adding", "--length", "0"},
                {"--task", "text", "--num-steps", "0"},
                {"--task", "sine", "--batch", "0"},
                {"--task", "adding", "--threads", "0"},
                {"--task", "adding", "--lr", "fast"},
        };
        for (String[] rest : bad) {
            String[] args = new String[rest.length + 2];
            args[0] = "train";
            args[1] = "--quiet";
            System.arraycopy(rest, 0, args, 2, rest.length);
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", rest) + ": " + run.err());
            assertEquals(1, run.errLines().size(), String.join(" ", rest) + ": " + run.err());
            assertEquals("", run.out(), String.join(" ", rest));
        }
        assertTrue(CliRun.of("train", "--task", "adding", "--lr", "-0.1").err().contains("--lr"));
        assertTrue(CliRun.of("train", "--task", "text", "--text", "").err().contains("empty"));
        CliRun specWithOptions = CliRun.of("train", "x.train.json", "--lr", "0.1");
        assertEquals(2, specWithOptions.exitCode());
    }
}
