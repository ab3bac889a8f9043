package org.unroll.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes replace a file only when complete; text files are read under one set of rules. */
class SafeFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFile() throws IOException {
        Path f = dir.resolve("model.json");
        Files.writeString(f, "the old content");
        IOException e = assertThrows(IOException.class, () -> SafeFiles.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("the old content", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
    }

    @Test
    void aCompleteWriteReplacesTheFileAndKeepsItsPermissions() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        SafeFiles.writeText(f, "new");
        assertEquals("new", Files.readString(f));
        assertEquals("rw-rw-r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Path fresh = dir.resolve("b.txt");
        SafeFiles.writeText(fresh, "x");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void aMissingDirectoryIsAnError() {
        Path f = dir.resolve("no/such/dir/a.txt");
        IOException e = assertThrows(IOException.class, () -> SafeFiles.writeText(f, "x"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("no")));
    }

    @Test
    void textRules() throws Exception {
        assertEquals("{}", SafeFiles.decode("\uFEFF{}".getBytes(StandardCharsets.UTF_8)), "a BOM is skipped");
        SafeFiles.Unreadable nul = assertThrows(SafeFiles.Unreadable.class,
                () -> SafeFiles.decode("a\nb\0c".getBytes(StandardCharsets.UTF_8)));
        assertEquals("is not a text file: a NUL character on line 2", nul.getMessage());
        assertThrows(SafeFiles.Unreadable.class, () -> SafeFiles.decode(new byte[] {(byte) 0xC3, 0x28}));
        assertEquals("no such file", assertThrows(SafeFiles.Unreadable.class,
                () -> SafeFiles.readText(dir.resolve("none"))).getMessage());
    }

    @Test
    void aFileThatNeverEndsIsRefusedAtTheLimit() {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            return;
        }
        SafeFiles.Unreadable e = assertThrows(SafeFiles.Unreadable.class, () -> SafeFiles.readText(zero));
        assertTrue(e.getMessage().startsWith("is larger than 64 MiB"), e.getMessage());
    }

    @Test
    void jsonMessagesSpeakOfTheFileNotTheParser() throws IOException {
        String[] texts = {"{\"a\": +1}", "[".repeat(1200) + "]".repeat(1200), "{\"a\": 01}", "{\"a\": abc}",
                "{\"a\": 1" + "2".repeat(2000) + "}"};
        for (String t : texts) {
            Path f = dir.resolve("bad.json");
            Files.writeString(f, t);
            FormatException e = assertThrows(FormatException.class, () -> ModelFile.read(f));
            String m = e.getMessage();
            assertTrue(m.startsWith(f + ": "), m);
            for (String internal : new String[] {"`", "StreamReadConstraints", "JsonReadFeature", "enable", "code "}) {
                assertTrue(!m.contains(internal), "'" + internal + "' in: " + m);
            }
        }
        Files.write(dir.resolve("nul.json"), "{\"format\": \"x\0\"}".getBytes(StandardCharsets.UTF_8));
        FormatException nul = assertThrows(FormatException.class, () -> ModelFile.read(dir.resolve("nul.json")));
        assertTrue(nul.getMessage().contains("NUL"), nul.getMessage());
    }
}
