package org.unroll.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the PyTorch reference fixtures in ../shared/fixtures. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir() {
        String prop = System.getProperty("unroll.fixtures");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared", "fixtures");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("fixtures not found at " + p.toAbsolutePath());
        }
        return p;
    }

    /** The case names, e.g. jeep_rnn, for which model, seq and grad files all exist. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".grad.json"))
                    .map(n -> n.substring(0, n.length() - ".grad.json".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #names()}, failing when there are none (a test over no fixtures proves nothing). */
    public static List<String> nonEmptyNames() {
        List<String> names = names();
        if (names.isEmpty()) {
            throw new IllegalStateException("no fixtures found in " + dir().toAbsolutePath());
        }
        return names;
    }

    public static Path model(String name) {
        return dir().resolve(name + ".model.json");
    }

    public static Path seq(String name) {
        return dir().resolve(name + ".seq.json");
    }

    public static Path grad(String name) {
        return dir().resolve(name + ".grad.json");
    }
}
