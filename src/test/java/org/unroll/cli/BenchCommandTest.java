package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code unroll bench}: prints its figure in the reference script's form; rejects bad sizes. No timing is asserted. */
class BenchCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void printsMillisecondsPerIteration(String cell) {
        CliRun run = CliRun.of("bench", cell, "2", "4", "3", "5", "3", "2");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().strip().matches("ms_per_iteration \\d+\\.\\d{4}"), run.out());
    }

    @ParameterizedTest
    @CsvSource({"cnn,2,4,3,5,3,2,CELL", "rnn,0,4,3,5,3,2,I", "lstm,2,4,3,-1,3,2,T", "gru,2,4,3,5,3,0,ITERS"})
    void badSizesAreOneLineAndExitTwo(String cell, String i, String h, String o, String t, String b, String n, String named) {
        CliRun run = CliRun.of("bench", cell, i, h, o, t, b, n);
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(named), run.err());
    }

    @org.junit.jupiter.api.Test
    void missingSizesAreNamedOnOneLine() {
        CliRun run = CliRun.of("bench", "lstm", "2", "4");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("'O', 'T', 'BATCH', 'ITERS'"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void walkPrintsThePassTheJacobianNormsAndTheTape(String cell) {
        CliRun run = CliRun.of("bench", "walk", cell, "7", "3", "--repeats", "2");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\\R");
        assertEquals(5, lines.length, run.out());
        assertTrue(lines[0].matches("pass_ms_first \\d+\\.\\d"), run.out());
        assertTrue(lines[1].matches("pass_ms \\d+\\.\\d"), run.out());
        assertTrue(lines[2].matches("jacobian_norms_ms_first \\d+\\.\\d"), run.out());
        assertTrue(lines[3].matches("jacobian_norms_ms \\d+\\.\\d"), run.out());
        // T = 7, B = 1, I = O = 4, H = 3: the tape grows linearly in T (x, states, gates, outputs and their gradients)
        assertTrue(lines[4].startsWith("tape_values "), run.out());
        long values = Long.parseLong(lines[4].split(" ")[1]);
        int gates = cell.equals("lstm") ? 4 : cell.equals("gru") ? 3 : 1;
        assertTrue(values >= 7L * (4 + 3 * gates * 3 + 4), run.out());
        assertTrue(values <= 8L * (4 + 6 * gates * 3 + 6 * 3 + 3 * 4 + 1), run.out());
    }

    @ParameterizedTest
    @CsvSource({"cnn,7,3,CELL", "rnn,0,3,T", "lstm,7,0,H"})
    void badWalkSizesAreOneLineAndExitTwo(String cell, String t, String h, String named) {
        CliRun run = CliRun.of("bench", "walk", cell, t, h);
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(named), run.err());
    }
}
