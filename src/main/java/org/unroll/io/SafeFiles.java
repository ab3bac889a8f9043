package org.unroll.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every file Unroll reads as text or writes, in one place.
 *
 * <p>Writing: the content goes to a temporary file beside the target, is forced to the disk,
 * and only then renamed over the target, so a failed or interrupted write leaves the old file
 * as it was, byte for byte. A symbolic link is written through (the file it points to is
 * replaced, the link stays). A missing parent directory is an error, never created.
 *
 * <p>Reading: at most {@link #MAX_INPUT_BYTES} (a file that never ends, such as /dev/zero or
 * a FIFO, is refused at that point, not read whole), UTF-8 only, a leading byte-order mark
 * skipped, and a NUL character refused: the same rules for JSON files and lessons.
 */
public final class SafeFiles {
    /** The largest input file read: 64 MiB. */
    public static final long MAX_INPUT_BYTES = 64L << 20;

    private SafeFiles() {
    }

    /** Writes the whole content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file that cannot be read as text, with the one-line reason (the file is not named in it). */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason);
        }
    }

    /**
     * Replaces {@code target} with what {@code content} writes, or leaves it untouched when
     * anything fails (the IOException's message then says what, in one line).
     */
    public static void write(Path target, Content content) throws IOException {
        Path file = throughLinks(target);
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("the directory " + (parent == null ? file : parent) + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("it is a directory");
        }
        Path temp;
        try {
            temp = Files.createTempFile(parent, "." + file.getFileName() + ".", ".part");
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied in " + parent);
        } catch (FileSystemException e) {
            throw new IOException("cannot create a file in " + parent + ": " + reason(e));
        }
        keepPermissions(file, temp);
        boolean done = false;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
            channel.force(true);
            done = true;
        } catch (IOException e) {
            throw new IOException(reason(e), e);
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException(reason(e), e);
        }
    }

    /** The new file gets the old one's permissions, or rw-r--r-- (a temporary file starts private). */
    private static void keepPermissions(Path file, Path temp) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(file)
                ? Files.getPosixFilePermissions(file)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, perms);
    }

    /** Writes text as UTF-8, as {@link #write(Path, Content)}. */
    public static void writeText(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The file a chain of symbolic links ends at (the path itself when it is no link). */
    private static Path throughLinks(Path target) throws IOException {
        Path p = target;
        for (int i = 0; i < 40 && Files.isSymbolicLink(p); i++) {
            Path link = Files.readSymbolicLink(p);
            Path parent = p.toAbsolutePath().getParent();
            p = parent == null ? link : parent.resolve(link);
        }
        if (Files.isSymbolicLink(p)) {
            throw new IOException("too many levels of symbolic links");
        }
        return p;
    }

    /** One line for an I/O failure, in the file's terms where Java has them. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (m == null || m.isBlank()) {
            m = "input/output error";
        }
        return m.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** A text file read whole under the rules above. */
    public static String readText(Path path) throws Unreadable {
        if (Files.isDirectory(path)) {
            throw new Unreadable("is a directory, not a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) MAX_INPUT_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable("permission denied");
        } catch (IOException e) {
            throw new Unreadable("cannot be read: " + reason(e));
        }
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new Unreadable("is larger than " + (MAX_INPUT_BYTES >> 20) + " MiB, the largest input Unroll reads");
        }
        return decode(bytes);
    }

    /** UTF-8 bytes as text: a leading byte-order mark dropped, malformed bytes and NUL refused. */
    public static String decode(byte[] bytes) throws Unreadable {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = 1;
            for (int i = 0; i < nul; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            throw new Unreadable("is not a text file: a NUL character on line " + line);
        }
        return text;
    }
}
