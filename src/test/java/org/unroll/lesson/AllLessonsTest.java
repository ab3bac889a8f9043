package org.unroll.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in lessons/ parses, has all three languages everywhere and plays through on the engine. */
class AllLessonsTest {
    static final Path DIR = Paths.get("lessons");

    static List<Path> files() throws Exception {
        List<Path> f = LessonLibrary.files(DIR);
        assertTrue(f.size() >= 8, "expected at least 8 lessons, found " + f.size());
        return f;
    }

    @ParameterizedTest
    @MethodSource("files")
    void parsesAndPlaysThrough(Path file) throws Exception {
        assertEquals(List.of(), LessonChecker.check(file));
        Lesson lesson = LessonParser.parse(file);
        for (Lang l : Lang.values()) {
            assertFalse(lesson.title().get(l).isBlank(), l + " title");
        }
        for (Step s : lesson.steps()) {
            for (Lang l : Lang.values()) {
                assertTrue(s.narration().has(l), file + ":" + s.line() + " " + l);
                assertFalse(s.narration().get(l).isBlank(), file + ":" + s.line() + " " + l);
            }
        }
        LessonPlayer p = new LessonPlayer(lesson);
        int n = 1;
        while (p.next()) {
            n++;
        }
        assertEquals(lesson.size(), n);
    }

    @Test
    void idsAreUniqueAndMatchTheFileNames() throws Exception {
        Set<String> ids = new HashSet<>();
        for (Path f : files()) {
            Lesson l = LessonParser.parse(f);
            assertTrue(ids.add(l.id()), "duplicate id " + l.id());
            assertEquals(f.getFileName().toString(), l.id() + LessonLibrary.SUFFIX);
        }
    }

    @Test
    void traditionalNarrationHasNoCommonSimplifiedCharacters() throws Exception {
        // characters whose simplified form differs and that our texts use often
        String simplified = "这个们为时说们过还没对网络长门单关实输数导权";
        List<String> bad = new ArrayList<>();
        for (Path f : files()) {
            for (Step s : LessonParser.parse(f).steps()) {
                String tw = s.narration().get(Lang.ZH_TW);
                for (char c : simplified.toCharArray()) {
                    if (tw.indexOf(c) >= 0) {
                        bad.add(f.getFileName() + ":" + s.narration().line(Lang.ZH_TW) + " " + c);
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    /** Every lesson ends with exercises for after it, in the d2l manner (the slides give them a page). */
    @Test
    void everyLessonEndsWithExercises() throws Exception {
        List<String> without = new ArrayList<>();
        for (Path f : files()) {
            if (LessonParser.parse(f).exercises().isEmpty()) {
                without.add(f.getFileName().toString());
            }
        }
        assertTrue(without.isEmpty(), "lessons without exercises: " + without);
    }

    @Test
    void theLessonsArePackagedAsResources() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Lesson> packaged = LessonLibrary.loadResources(problems::add);
        assertEquals(List.of(), problems);
        assertEquals(files().size(), packaged.size());
    }

    @Test
    void theLibraryFindsTheWorkingCopyFolder() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Lesson> all = LessonLibrary.loadFolder(DIR, problems::add);
        assertEquals(List.of(), problems);
        assertEquals(files().size(), all.size());
        assertTrue(Files.isDirectory(DIR));
    }

    @Test
    void theFirstLessonIsReadAloneAndAFileBeforeItThatDoesNotParseIsNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("00-broken.lesson"), "lesson broken\nnonsense here\n");
        Files.copy(DIR.resolve("01-recurrence.lesson"), dir.resolve("01-recurrence.lesson"));
        Files.copy(DIR.resolve("02-weight-sharing.lesson"), dir.resolve("02-weight-sharing.lesson"));
        String was = System.getProperty(LessonLibrary.FOLDER_PROPERTY);
        System.setProperty(LessonLibrary.FOLDER_PROPERTY, dir.toString());
        try {
            List<String> problems = new ArrayList<>();
            LessonLibrary.Shelf first = LessonLibrary.loadFirst(problems::add);
            assertEquals(List.of("01-recurrence"), first.lessons().stream().map(Lesson::id).toList());
            assertEquals(3, first.files(), "every lesson file is counted, read or not");
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith(dir.resolve("00-broken.lesson").toString()), problems.get(0));
            assertEquals(List.of("01-recurrence", "02-weight-sharing"),
                    LessonLibrary.load(p -> { }).stream().map(Lesson::id).toList());
        } finally {
            if (was == null) {
                System.clearProperty(LessonLibrary.FOLDER_PROPERTY);
            } else {
                System.setProperty(LessonLibrary.FOLDER_PROPERTY, was);
            }
        }
    }
}
