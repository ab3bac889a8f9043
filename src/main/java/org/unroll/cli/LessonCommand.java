package org.unroll.cli;

import java.nio.file.Path;
import java.util.List;
import org.unroll.lesson.LessonChecker;
import org.unroll.lesson.LessonProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unroll lesson check FILE...}: parses each lesson file and plays every step on the engine. */
@Command(name = "lesson", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Works with lesson files (see lessons/README.md).",
        subcommands = LessonCommand.Check.class)
final class LessonCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand (lesson check FILE...)");
    }

    /** {@code unroll lesson check FILE...}. */
    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Checks lesson files: the format, every placeholder against its step's setup, and"
                    + " every step played on the engine in all three languages. Prints 'FILE: ok' for a good"
                    + " file and one line 'FILE:LINE: reason' per problem on standard error; exit code 2"
                    + " when any file has a problem.")
    static final class Check extends Subcommand {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "a .lesson file")
        private List<Path> files;

        @Override
        protected int run() {
            int code = ExitCodes.OK;
            for (Path f : files) {
                List<LessonProblem> problems = LessonChecker.check(f);
                if (problems.isEmpty()) {
                    out().println(org.unroll.i18n.Texts.get("cli.lesson.ok", f));
                } else {
                    code = ExitCodes.BAD_INPUT;
                    for (LessonProblem p : problems) {
                        err().println(OneLine.of(p.toString()));
                    }
                }
            }
            return code;
        }
    }
}
