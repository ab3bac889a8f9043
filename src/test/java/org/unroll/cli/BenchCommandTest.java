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
}
