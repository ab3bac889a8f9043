package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unroll.testing.Fixtures;
import org.unroll.testing.JsonCompare;

/** {@code unroll grad} prints what PyTorch computed, for every fixture. */
class GradCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> cases() {
        return Fixtures.nonEmptyNames();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void printsTheFixturesGradients(String name) throws Exception {
        CliRun run = CliRun.of("grad", Fixtures.model(name).toString(), Fixtures.seq(name).toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("", run.err());
        JsonCompare.assertClose(JSON.readTree(Fixtures.grad(name).toFile()), JSON.readTree(run.out()), name);
    }

    @Test
    void acceptsClassTargetsWrittenAsWholeDoubles(@TempDir Path dir) throws Exception {
        ObjectNode seq = (ObjectNode) JSON.readTree(Fixtures.seq("jeep_rnn").toFile());
        ArrayNode targets = (ArrayNode) seq.get("targets");
        for (int t = 0; t < targets.size(); t++) {
            targets.set(t, targets.get(t).asDouble());
        }
        Path file = dir.resolve("doubles.seq.json");
        Files.writeString(file, seq.toString());

        CliRun run = CliRun.of("grad", Fixtures.model("jeep_rnn").toString(), file.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode expected = JSON.readTree(Fixtures.grad("jeep_rnn").toFile());
        JsonCompare.assertClose(expected, JSON.readTree(run.out()), "jeep_rnn with 1.0-style targets");
    }
}
