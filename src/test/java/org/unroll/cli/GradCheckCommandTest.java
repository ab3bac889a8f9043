package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unroll.testing.Fixtures;

/** {@code unroll gradcheck}: passes on correct gradients, fails (exit 3) where finite differences disagree. */
class GradCheckCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"jeep_rnn", "jeep_lstm", "jeep_gru", "regress123_rnn"})
    void everyFixturePasses(String name) {
        CliRun run = CliRun.of("gradcheck", Fixtures.model(name).toString(), Fixtures.seq(name).toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        for (String param : new String[] {"weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_out", "bias_out"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(param + " ")), param + " missing:\n" + run.out());
        }
        assertTrue(run.out().contains("entries pass"), run.out());
    }

    @Test
    void everyEntryIsListedWhenAsked() {
        CliRun run = CliRun.of("gradcheck", "--entries", Fixtures.model("jeep_rnn").toString(),
                Fixtures.seq("jeep_rnn").toString());
        // 12 + 16 + 4 + 4 + 12 + 3 entries, a header and a verdict
        assertEquals(51 + 2, run.out().lines().count(), run.out());
    }

    /**
     * A ReLU RNN whose pre-activations are exactly 0: BPTT uses ReLU'(0) = 0, while the central
     * difference sees half the slope. The check must say so.
     */
    @Test
    void aKinkFailsWithExitThree(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("kink.model.json");
        Files.writeString(model, """
                {"format": "bptt-model/1", "cell": "rnn", "nonlinearity": "relu",
                 "input_size": 2, "hidden_size": 2, "output_size": 2,
                 "params": {"weight_ih": [[0, 0], [0, 0]], "weight_hh": [[0, 0], [0, 0]],
                            "bias_ih": [0, 0], "bias_hh": [0, 0],
                            "weight_out": [[1, 0.5], [-1, 2]], "bias_out": [0, 0]}}
                """);
        Path seq = dir.resolve("kink.seq.json");
        Files.writeString(seq, """
                {"format": "bptt-sequence/1", "inputs": [[1, 0], [0, 1]], "loss": "cross_entropy", "targets": [1, 0]}
                """);
        CliRun run = CliRun.of("gradcheck", model.toString(), seq.toString());
        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode(), run.out());
        assertTrue(run.out().contains("FAIL"), run.out());
    }

    @Test
    void aBadEpsilonIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("gradcheck", "--epsilon", "0", Fixtures.model("jeep_rnn").toString(),
                Fixtures.seq("jeep_rnn").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("--epsilon"), run.err());
    }
}
