package org.unroll.cli;

import java.nio.file.Path;
import java.util.List;
import org.unroll.engine.Walkthrough;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonChecker;
import org.unroll.lesson.LessonFormatException;
import org.unroll.lesson.LessonParser;
import org.unroll.lesson.LessonPlayer;
import org.unroll.lesson.Question;
import picocli.CommandLine.Option;
import org.unroll.lesson.LessonProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unroll lesson check FILE...}: parses each lesson file and plays every step on the engine. */
@Command(name = "lesson", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Works with lesson files (see lessons/README.md).",
        subcommands = {LessonCommand.Check.class, LessonCommand.Show.class})
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

    /** {@code unroll lesson show FILE [--lang L]}: the lesson as a student reads it, live values filled in. */
    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Prints a lesson as the student reads it: every step's narration and question with the"
                    + " live values filled in, then the exercises.")
    static final class Show extends Subcommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "a .lesson file")
        private Path file;

        @Option(names = "--lang", paramLabel = "LANG", description = "en, zh_CN or zh_TW (default: the program's language, e.g. UNROLL_LANG)")
        private String lang;

        @Override
        protected int run() {
            Lang l = Languages.choose(lang, spec());
            Lesson lesson;
            try {
                lesson = LessonParser.parse(file);
            } catch (LessonFormatException e) {
                err().println(OneLine.of(e.firstLine()));
                return ExitCodes.BAD_INPUT;
            } catch (java.io.IOException e) {
                err().println(OneLine.of(file + ": cannot read the file: " + e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
            LessonPlayer player = new LessonPlayer(lesson);
            out().println(player.title(l));
            for (int k = 0; k < lesson.size(); k++) {
                player.goTo(k);
                Walkthrough w = player.walk();
                out().println();
                out().println("[" + (k + 1) + "/" + lesson.size() + "]");
                Question q = player.question();
                if (q != null) {
                    out().println("? " + player.fill(q.ask().get(l), w));
                    List<String> options = q.options(l);
                    for (int i = 0; i < options.size(); i++) {
                        out().println("  " + (i + 1) + ") " + player.fill(options.get(i), w));
                    }
                    out().println("= " + q.rightAnswer(l, w) + ": " + player.fill(q.explain().get(l), w));
                }
                out().println(player.narration(l, w));
            }
            for (int i = 0; i < lesson.exercises().size(); i++) {
                out().println();
                out().println("* " + lesson.exercises().get(i).get(l));
            }
            return ExitCodes.OK;
        }
    }
}
