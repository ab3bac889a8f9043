package org.unroll.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds the built-in lessons: the {@code lessons/} folder of the working copy when there is
 * one (so an edited lesson shows at once), else the copy packaged in the jar under
 * {@code /lessons}. Files are taken in name order, so 01-…, 02-… set the order.
 */
public final class LessonLibrary {
    /** The file ending of a lesson. */
    public static final String SUFFIX = ".lesson";
    /** Names a lessons folder to use instead of ./lessons. */
    public static final String FOLDER_PROPERTY = "unroll.lessons";

    private LessonLibrary() {
    }

    /** The lessons folder to read: {@code -Dunroll.lessons=DIR}, else ./lessons when it exists, else null. */
    public static Path folder() {
        String p = System.getProperty(FOLDER_PROPERTY);
        Path dir = p != null ? Paths.get(p) : Paths.get("lessons");
        return Files.isDirectory(dir) ? dir : null;
    }

    /** The lesson files of a folder, in name order. */
    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    /**
     * Every built-in lesson that parses; a file that does not is reported to {@code problems}
     * (one line each) and left out, so one bad file never hides the others.
     */
    public static List<Lesson> load(Consumer<String> problems) {
        return load(problems, Integer.MAX_VALUE).lessons();
    }

    /** Lessons read from the built-in lesson files, and how many such files there are. */
    public record Shelf(List<Lesson> lessons, int files) {
    }

    /**
     * The first built-in lesson that parses (none when no file parses), and the number of lesson
     * files: what a window opens on, read without parsing the others. The files before it that do not
     * parse are reported as by {@link #load}.
     */
    public static Shelf loadFirst(Consumer<String> problems) {
        return load(problems, 1);
    }

    /** The first {@code most} built-in lessons that parse. */
    private static Shelf load(Consumer<String> problems, int most) {
        Path dir = folder();
        try {
            return dir != null ? loadFolder(dir, problems, most) : loadResources(problems, most);
        } catch (IOException | URISyntaxException e) {
            problems.accept("cannot list the lessons: " + e.getMessage());
            return new Shelf(List.of(), 0);
        }
    }

    /** The lessons of one folder. */
    public static List<Lesson> loadFolder(Path dir, Consumer<String> problems) throws IOException {
        return loadFolder(dir, problems, Integer.MAX_VALUE).lessons();
    }

    private static Shelf loadFolder(Path dir, Consumer<String> problems, int most) throws IOException {
        List<Lesson> out = new ArrayList<>();
        List<Path> files = files(dir);
        for (Path f : files) {
            if (out.size() == most) {
                break;
            }
            try {
                out.add(LessonParser.parse(f));
            } catch (LessonFormatException e) {
                problems.accept(e.firstLine());
            }
        }
        return new Shelf(out, files.size());
    }

    /** The lessons packaged on the class path under /lessons. */
    static List<Lesson> loadResources(Consumer<String> problems) throws IOException, URISyntaxException {
        return loadResources(problems, Integer.MAX_VALUE).lessons();
    }

    private static Shelf loadResources(Consumer<String> problems, int most) throws IOException, URISyntaxException {
        URL url = LessonLibrary.class.getResource("/lessons");
        if (url == null) {
            return new Shelf(List.of(), 0);
        }
        URI uri = url.toURI();
        if (!"jar".equals(uri.getScheme())) {
            return loadFolder(Paths.get(uri), problems, most);
        }
        FileSystem fs;
        boolean close = false;
        try {
            fs = FileSystems.newFileSystem(uri, Map.of());
            close = true;
        } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(uri);
        }
        try {
            List<Lesson> out = new ArrayList<>();
            List<Path> files = files(fs.getPath("/lessons"));
            for (Path f : files) {
                if (out.size() == most) {
                    break;
                }
                String name = "lessons/" + f.getFileName();
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(LessonParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (LessonFormatException e) {
                    problems.accept(e.firstLine());
                }
            }
            return new Shelf(out, files.size());
        } finally {
            if (close) {
                fs.close();
            }
        }
    }
}
