package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Renders the gallery into target/gallery; every file must be written and non-trivial. */
class ChartGalleryTest {

    @Test
    void rendersEveryChart() throws Exception {
        // safe writes refuse a missing directory, and a clean build has none
        Path dir = Files.createDirectories(Path.of("target/gallery"));
        List<Path> files = ChartGallery.render(dir);
        assertEquals(12, files.size());
        for (Path p : files) {
            assertTrue(Files.size(p) > 10_000, p + " is suspiciously small");
        }
    }
}
