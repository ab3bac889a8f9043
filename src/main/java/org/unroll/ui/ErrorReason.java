package org.unroll.ui;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an exception into one localized line for a user: no class names, no stack traces. */
public final class ErrorReason {

    static final int MAX_LENGTH = 200;

    private ErrorReason() {
    }

    /** The reason to show for {@code error}, in the current language, on one line of at most {@value #MAX_LENGTH} characters. */
    public static String of(Throwable error) {
        Throwable cause = unwrap(error);
        String detail = firstLine(cause.getMessage());
        String reason;
        if (cause instanceof NoSuchFileException || cause instanceof FileNotFoundException) {
            reason = I18n.get("error.fileNotFound", detail.isEmpty() ? "?" : detail);
        } else if (cause instanceof AccessDeniedException) {
            reason = I18n.get("error.accessDenied", detail.isEmpty() ? "?" : detail);
        } else if (cause instanceof IOException) {
            reason = detail.isEmpty() ? I18n.get("error.io") : I18n.get("error.ioWithDetail", detail);
        } else if (cause instanceof OutOfMemoryError) {
            reason = I18n.get("error.outOfMemory");
        } else if (detail.isEmpty()) {
            reason = I18n.get("error.unexpected");
        } else {
            reason = I18n.get("error.unexpectedWithDetail", detail);
        }
        return shorten(reason);
    }

    /** Peels off wrappers that only carry another exception. */
    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current && isWrapper(current)) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isWrapper(Throwable t) {
        if (t instanceof InvocationTargetException || t instanceof ExecutionException
                || t instanceof CompletionException || t instanceof UncheckedIOException) {
            return true;
        }
        // new RuntimeException(cause) copies cause.toString() as its message: nothing of its own to say.
        return t.getClass() == RuntimeException.class
                && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return (newline >= 0 ? line.substring(0, newline) : line).strip();
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH - 1) + "…";
    }
}
