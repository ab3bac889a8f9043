package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unroll slides}: a PDF with a page per step, or one line on stderr and exit 2. */
class SlidesCommandTest {
    @Test
    void writesADeckAndSaysHowManyPages(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("deck.pdf");
        CliRun run = CliRun.of("slides", "lessons/14-why-memory.lesson", "-o", pdf.toString(), "--lang", "zh_CN");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // four steps, one question, one page of exercises
            assertEquals(6, doc.getNumberOfPages());
            assertTrue(run.out().contains(": 6 pages"), run.out());
        }
        assertTrue(run.err().contains("page 6 of 6"), run.err());
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.lesson");
        Files.writeString(bad, "lesson x\ntitle.en: X\nstep\n");
        CliRun run = CliRun.of("slides", bad.toString(), "-o", dir.resolve("d.pdf").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("unroll slides: " + bad + ":"), run.err());
        assertFalse(Files.exists(dir.resolve("d.pdf")));

        CliRun png = CliRun.of("slides", "lessons/13-one-two-three.lesson", "-o", dir.resolve("d.png").toString());
        assertEquals(ExitCodes.BAD_INPUT, png.exitCode());
        assertTrue(png.err().contains("must end in .pdf"), png.err());

        CliRun lang = CliRun.of("slides", "lessons/13-one-two-three.lesson", "-o", dir.resolve("d.pdf").toString(),
                "--lang", "fr");
        assertEquals(ExitCodes.BAD_INPUT, lang.exitCode());
        assertTrue(lang.err().contains("unknown language \"fr\""), lang.err());
    }
}
