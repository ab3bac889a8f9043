package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.lesson.LessonLibrary;

/** {@code unroll lesson check}: ok per good file, FILE:LINE: reason per problem, exit 2. */
class LessonCommandTest {
    static final String GOOD = """
            lesson t
            title.en: T
            title.zh_CN: 题
            title.zh_TW: 題
            step
            at forward 1
            en: h_1 = {h[1]}
            zh_CN: 简
            zh_TW: 繁
            """;

    @Test
    void everyShippedLessonIsOk() throws Exception {
        List<String> args = new ArrayList<>(List.of("lesson", "check"));
        for (Path f : LessonLibrary.files(Path.of("lessons"))) {
            args.add(f.toString());
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals("", run.err());
        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals(args.size() - 2, run.out().lines().filter(l -> l.endsWith(": ok")).count());
    }

    @Test
    void reportsEachProblemWithItsLineAndExits2(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.lesson");
        Path bad = dir.resolve("bad.lesson");
        Files.writeString(good, GOOD);
        Files.writeString(bad, GOOD.replace("at forward 1", "celll lstm").replace("{h[1]}", "{h[9]}"));
        CliRun run = CliRun.of("lesson", "check", good.toString(), bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(List.of(good + ": ok"), run.out().lines().toList());
        List<String> err = run.errLines();
        assertEquals(2, err.size(), run.err());
        assertTrue(err.get(0).startsWith(bad + ":6: unknown directive \"celll\", did you mean \"cell\"?"), err.get(0));
        assertTrue(err.get(1).startsWith(bad + ":7: {h[9]}: index 9 is outside 0 … 3"), err.get(1));
    }

    @Test
    void aMissingFileIsOneLine(@TempDir Path dir) {
        Path none = dir.resolve("none.lesson");
        CliRun run = CliRun.of("lesson", "check", none.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.errLines().size());
        // the same wording as grad and render for the same problem
        assertTrue(run.err().startsWith(none + ": no such file"), run.err());
    }

    @Test
    void needsAFileAndASubcommand() {
        assertEquals(ExitCodes.BAD_INPUT, CliRun.of("lesson", "check").exitCode());
        assertEquals(ExitCodes.BAD_INPUT, CliRun.of("lesson").exitCode());
    }
}
