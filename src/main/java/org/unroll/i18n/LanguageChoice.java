package org.unroll.i18n;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The language the user last picked in the window, kept in a one-line file
 * ({@code $XDG_CONFIG_HOME/unroll/language}, else {@code ~/.config/unroll/language}; the system
 * property {@code unroll.config.dir} names another folder). A missing or unreadable file is no choice.
 */
public final class LanguageChoice {
    /** The system property naming the folder of the file instead. */
    public static final String DIR_PROPERTY = "unroll.config.dir";
    private final Path file;

    public LanguageChoice(Path file) {
        this.file = file;
    }

    /** The file of this user. */
    public static LanguageChoice ofUser() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
            return new LanguageChoice(base.resolve("unroll").resolve("language"));
        }
        return new LanguageChoice(Path.of(dir).resolve("language"));
    }

    public Path file() {
        return file;
    }

    /** The remembered language, or null. */
    public Language load() {
        try {
            return Files.isRegularFile(file) && Files.size(file) < 100
                    ? Language.parse(Files.readString(file, StandardCharsets.UTF_8).trim()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Remembers {@code l}, written to a temporary file then moved over the old one. */
    public void save(Language l) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "language", ".tmp");
        try {
            Files.writeString(tmp, l.code() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
