package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unroll.io.FormatException;
import picocli.CommandLine.Command;

/** Help, version, usage mistakes and bugs: what reaches the terminal, and the exit code. */
class UsageTest {

    @Test
    void helpListsTheSubcommands() {
        CliRun run = CliRun.of("--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().contains("Usage: unroll"), run.out());
        assertTrue(run.out().contains("grad"), run.out());
    }

    @Test
    void subcommandHelpNamesItsArguments() {
        CliRun run = CliRun.of("grad", "--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().contains("MODEL.json") && run.out().contains("SEQ.json"), run.out());
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals("unroll " + Version.NUMBER, run.out().strip());
    }

    @Test
    void unknownSubcommandIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("gard", "a.json", "b.json");
        assertOneLine(run, ExitCodes.BAD_INPUT);
        assertTrue(run.err().contains("unknown subcommand 'gard'"), run.err());
        assertTrue(run.err().contains("grad"), run.err());
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("grad", "--fast", "a.json", "b.json");
        assertOneLine(run, ExitCodes.BAD_INPUT);
        assertTrue(run.err().startsWith("unroll grad: Unknown option: '--fast'"), run.err());
    }

    @Test
    void missingArgumentsAreOneLineAndExitTwo() {
        CliRun run = CliRun.of("grad", "only-a-model.json");
        assertOneLine(run, ExitCodes.BAD_INPUT);
        assertTrue(run.err().contains("SEQ.json"), run.err());
        assertTrue(run.err().contains("unroll grad --help"), run.err());
    }

    @Test
    void noSubcommandIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("--");
        assertOneLine(run, ExitCodes.BAD_INPUT);
        assertTrue(run.err().contains("Missing subcommand"), run.err());
    }

    @Test
    void aBugIsOneLineAndExitOne() {
        CliRun run = CliRun.of(cmd -> cmd.addSubcommand(new Broken()), "broken");
        assertOneLine(run, ExitCodes.FAILURE);
        assertTrue(run.err().startsWith("unroll broken: internal error: IllegalStateException: the tape is torn"),
                run.err());
    }

    private static void assertOneLine(CliRun run, int exitCode) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Command(name = "broken")
    static final class Broken extends Subcommand {
        @Override
        protected int run() throws FormatException {
            throw new IllegalStateException("the tape is torn");
        }
    }
}
