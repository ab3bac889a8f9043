package org.unroll.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorReasonTest {

    @BeforeEach
    @AfterEach
    void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    @Test
    void missingFileNamesTheFile() {
        assertEquals("File not found: lessons/jeep.json", ErrorReason.of(new NoSuchFileException("lessons/jeep.json")));
    }

    @Test
    void unwrapsWrappersToTheRealCause() {
        Throwable wrapped = new RuntimeException(new InvocationTargetException(
                new UncheckedIOException(new NoSuchFileException("m.json"))));
        assertEquals("File not found: m.json", ErrorReason.of(wrapped));
    }

    @Test
    void keepsOnlyTheFirstLineOfAMessage() {
        String reason = ErrorReason.of(new IllegalArgumentException("hidden size must be >= 1\n\tat org.unroll.Foo"));
        assertEquals("Something unexpected went wrong: hidden size must be >= 1", reason);
    }

    @Test
    void neverShowsClassNamesOrStackFrames() {
        String reason = ErrorReason.of(new NullPointerException());
        assertEquals("Something unexpected went wrong.", reason);
        assertFalse(reason.contains("Exception"));
    }

    @Test
    void ioErrorsAndOutOfMemory() {
        assertEquals("The file could not be read or written: disk full", ErrorReason.of(new IOException("disk full")));
        assertTrue(ErrorReason.of(new OutOfMemoryError()).startsWith("Out of memory"));
    }

    @Test
    void isLocalized() {
        I18n.setLocale(I18n.TRADITIONAL_CHINESE);
        assertEquals("找不到檔案：a.json", ErrorReason.of(new NoSuchFileException("a.json")));
    }

    @Test
    void longMessagesAreShortened() {
        String reason = ErrorReason.of(new IllegalStateException("x".repeat(1000)));
        assertEquals(ErrorReason.MAX_LENGTH, reason.length());
        assertTrue(reason.endsWith("…"));
    }
}
