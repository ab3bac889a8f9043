package org.unroll.ui.lesson;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.slides.SlideDeck;

/**
 * File › Export lesson as slides: builds and writes the deck of a lesson on the background
 * executor (a deck trains the lesson's models and draws its charts: seconds, never on the UI
 * thread), reports each page done on the UI executor, and says where it went or why it could
 * not. {@link SlideDeck#write} saves through {@code io.SafeFiles}: the PDF appears whole or not
 * at all. One export at a time. Plain-JUnit testable with {@code Runnable::run}.
 */
public final class SlideExport {
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public SlideExport(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
    }

    /** The name the save dialog proposes: the lesson's id, and the language when it is not English ("07-clipping-zh_TW.pdf"). */
    public static String defaultName(Lesson lesson, Lang lang) {
        return lesson.id() + (lang == Lang.EN ? "" : "-" + lang.code()) + ".pdf";
    }

    /**
     * Writes the deck of {@code lesson} in {@code lang} to {@code file}. The future completes
     * with the file, or exceptionally with the reason (also in {@link #statusProperty()});
     * while one export runs another is refused.
     */
    public CompletableFuture<Path> export(Lesson lesson, Lang lang, Path file) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        if (running.get()) {
            done.completeExceptionally(new IllegalStateException(LessonTexts.exportBusy(lang)));
            return done;
        }
        running.set(true);
        progress.set(0);
        status.set(LessonTexts.exporting(lang, 0, 0));
        background.execute(() -> {
            try {
                SlideDeck deck = new SlideDeck(lesson, lang);
                int total = deck.pageCount();
                ui.execute(() -> status.set(LessonTexts.exporting(lang, 0, total)));
                deck.write(file, page -> ui.execute(() -> {
                    progress.set(page / (double) total);
                    status.set(LessonTexts.exporting(lang, page, total));
                }));
                ui.execute(() -> {
                    running.set(false);
                    progress.set(1);
                    status.set(LessonTexts.exported(lang, file.getFileName().toString(), total));
                    done.complete(file);
                });
            } catch (Exception | Error e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.execute(() -> {
                    running.set(false);
                    progress.set(0);
                    status.set(LessonTexts.exportFailed(lang, reason));
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** True while a deck is being built and written. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Pages done over pages, 0 … 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Page 3 of 12…", "Saved deck.pdf (12 pages)" or why it failed; empty before the first export. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
