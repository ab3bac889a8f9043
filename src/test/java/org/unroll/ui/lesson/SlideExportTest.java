package org.unroll.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonParser;

/** File › Export lesson as slides: in the background, with progress, whole or not at all. */
class SlideExportTest {
    private static Lesson lesson() throws Exception {
        return LessonParser.parse("q.lesson", LessonQuestionTest.TEXT);
    }

    @Test
    void theDeckIsBuiltInTheBackgroundWithProgressAndSaved(@TempDir Path dir) throws Exception {
        List<Runnable> queued = new ArrayList<>();
        SlideExport export = new SlideExport(queued::add, Runnable::run);
        List<Double> seen = new ArrayList<>();
        export.progressProperty().addListener((o, was, now) -> seen.add(now.doubleValue()));
        Lesson l = lesson();
        assertEquals("q.pdf", SlideExport.defaultName(l, Lang.EN));
        assertEquals("q-zh_TW.pdf", SlideExport.defaultName(l, Lang.ZH_TW));
        Path pdf = dir.resolve(SlideExport.defaultName(l, Lang.EN));

        CompletableFuture<Path> done = export.export(l, Lang.EN, pdf);
        // nothing is built on the calling (UI) thread: the work waits on the background executor
        assertTrue(export.runningProperty().get());
        assertFalse(done.isDone());
        assertFalse(Files.exists(pdf));
        assertTrue(export.export(l, Lang.EN, dir.resolve("other.pdf")).isCompletedExceptionally(), "one export at a time");
        assertEquals(1, queued.size());

        queued.get(0).run();
        assertEquals(pdf, done.get());
        assertFalse(export.runningProperty().get());
        assertEquals(1.0, export.progressProperty().get(), 0.0);
        // a page at a time: 3 steps, one page before each of the 2 questions, one of exercises
        assertEquals(List.of(1 / 6.0, 2 / 6.0, 3 / 6.0, 4 / 6.0, 5 / 6.0, 1.0), seen);
        assertEquals("Saved q.pdf (6 pages)", export.statusProperty().get());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(6, doc.getNumberOfPages());
        }
    }

    @Test
    void aFailureSaysWhyAndLeavesNoFile(@TempDir Path dir) throws Exception {
        SlideExport export = new SlideExport(Runnable::run, Runnable::run);
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        Path pdf = notADir.resolve("deck.pdf");
        CompletableFuture<Path> done = export.export(lesson(), Lang.ZH_CN, pdf);
        assertTrue(done.isCompletedExceptionally());
        assertFalse(export.runningProperty().get());
        assertTrue(export.statusProperty().get().startsWith("无法导出幻灯片："), export.statusProperty().get());
        assertFalse(Files.exists(pdf));
        assertEquals(List.of("file"), Files.list(dir).map(p -> p.getFileName().toString()).toList(), "no temporary file left");
    }
}
