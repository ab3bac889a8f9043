package org.unroll.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonFormatException;
import org.unroll.lesson.LessonParser;
import org.unroll.slides.SlideDeck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code unroll slides LESSON.lesson -o deck.pdf [--lang L]}: a lesson as a 16:9 PDF deck for teaching. */
@Command(name = "slides", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Writes a lesson as slides, a 16:9 PDF: a page per step with its narration in large type,"
                + " the step's formula, the unrolled timeline and the chart the step is about as vector"
                + " graphics; a page before each question that asks it, and a page of exercises.")
final class SlidesCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "LESSON.lesson", description = "a lesson file")
    private Path lesson;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DECK.pdf", description = "where to write the PDF")
    private Path output;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "en, zh_CN or zh_TW (default: the program's language, e.g. UNROLL_LANG)")
    private String lang;

    @Override
    protected int run() {
        System.setProperty("java.awt.headless", "true");
        Lang l = Languages.choose(lang, spec());
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".pdf")) {
            throw new ParameterException(spec().commandLine(), "the output file '" + output + "' must end in .pdf");
        }
        if (Files.isDirectory(output)) {
            return cannotWrite("it is a directory");
        }
        Lesson parsed;
        try {
            parsed = LessonParser.parse(lesson);
        } catch (LessonFormatException e) {
            err().println(spec().qualifiedName() + ": " + OneLine.of(e.firstLine()));
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err().println(spec().qualifiedName() + ": cannot read " + lesson + ": " + OneLine.of(String.valueOf(e.getMessage())));
            return ExitCodes.BAD_INPUT;
        }
        SlideDeck deck = new SlideDeck(parsed, l);
        int total = deck.pageCount();
        try {
            deck.write(output, page -> {
                err().print("\rslides: page " + page + " of " + total);
                err().flush();
            });
            err().println();
        } catch (IOException e) {
            err().println();
            return cannotWrite(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        out().println(output + ": " + total + " pages");
        return ExitCodes.OK;
    }

    private int cannotWrite(String reason) {
        err().println(spec().qualifiedName() + ": cannot write " + output + ": " + OneLine.of(reason));
        return ExitCodes.BAD_INPUT;
    }
}
