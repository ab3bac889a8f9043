package org.unroll.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.unroll.engine.Model;
import org.unroll.lesson.LessonFormatException;
import org.unroll.lesson.LessonParser;
import org.unroll.lesson.LessonProblem;
import org.unroll.testing.Fixtures;

/**
 * Fuzzing (jqwik; bounded by {@link TimeBound}: a try that runs over 5 s fails as a hang, and a
 * property stops starting tries after 15 s, so the whole class stays under a minute): fixtures and lessons
 * spoiled by random edits (bytes changed, text cut, tokens from the JSON and lesson grammars
 * and hostile values inserted) go through the readers. Every outcome must be a model, a
 * sequence or a lesson, or the readers' own one-line error: never another exception, a stack
 * trace, a parser's internal name or a hang.
 */
@AddLifecycleHook(TimeBound.class)
class FuzzReadersTest {
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "-",
            "1e999", "NaN", "-Infinity", "+1", "01", "0x10", "\uFEFF", "\0", "\\u0000", "\"weight_hh\"",
            "\"format\"", "[[[[[[[[[[", "9".repeat(1200), "1.5", "-0", "1e-400", "\"\\ud800\"", "//", "/*",
            "\n", "step", "cell:", "setup", "{h[1]}", "{loss}", "zh_CN:", "en:", "@", "{{", "}}", "\t", "ü", "我");
    private static final List<String> MODELS = List.of("jeep_rnn", "jeep_lstm", "jeep_gru", "regress123_rnn");

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lesson(int i) {
        try (var files = Files.list(Path.of("lessons"))) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".lesson")).sorted().toList();
            return read(all.get(i % all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An edit: at a relative position, delete some characters and insert a token or random text. */
    record Edit(double at, int delete, String insert) {
        String apply(String text) {
            int i = (int) (at * text.length());
            int end = Math.min(text.length(), i + delete);
            return text.substring(0, i) + insert + text.substring(end);
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(TOKENS),
                Arbitraries.strings().ofMaxLength(6), Arbitraries.just(""));
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 40), insert).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    private static String spoiled(String text, List<Edit> edits) {
        for (Edit e : edits) {
            text = e.apply(text);
        }
        return text;
    }

    private static void assertOneClearLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        // a backtick the spoiled file itself holds may be quoted as the unexpected character; any other is Jackson's
        String said = message.replace("('`')", "('')");
        for (String internal : new String[] {"Exception", "`", "StreamReadConstraints", "JsonReadFeature", "\tat "}) {
            assertFalse(said.contains(internal), "'" + internal + "' in: " + message);
        }
    }

    @Property(tries = 1500, maxDiscardRatio = 1)
    void modelAndSequenceReaders(@ForAll("edits") List<Edit> edits, @ForAll("models") String name) {
        String model = spoiled(read(Fixtures.model(name)), edits);
        String seq = spoiled(read(Fixtures.seq(name)), edits.subList(0, (edits.size() + 1) / 2));
        Model m = null;
        try {
            m = ModelFile.fromJson(JsonFields.parseObject(model, "m.json"), "m.json");
        } catch (FormatException e) {
            assertTrue(e.getMessage().startsWith("m.json: "), e.getMessage());
            assertOneClearLine(e.getMessage());
        } catch (RuntimeException e) {
            fail("model reader threw " + e + " on:\n" + model, e);
        }
        try {
            Model fit = m != null ? m : ModelFile.fromJson(JsonFields.parseObject(read(Fixtures.model(name)), "m"), "m");
            SequenceFile.fromJson(JsonFields.parseObject(seq, "s.json"), "s.json", fit);
        } catch (FormatException e) {
            assertTrue(e.getMessage().startsWith("s.json: "), e.getMessage());
            assertOneClearLine(e.getMessage());
        } catch (RuntimeException e) {
            fail("sequence reader threw " + e + " on:\n" + seq, e);
        }
    }

    @Provide
    Arbitrary<String> models() {
        return Arbitraries.of(MODELS);
    }

    @Property(tries = 1500)
    void lessonParser(@ForAll("edits") List<Edit> edits, @ForAll("lessonIndex") int which) {
        String text = spoiled(lesson(which), edits);
        try {
            LessonParser.parse("x.lesson", text);
        } catch (LessonFormatException e) {
            assertFalse(e.problems().isEmpty());
            for (LessonProblem p : e.problems()) {
                assertOneClearLine(p.reason());
            }
        } catch (RuntimeException e) {
            fail("lesson parser threw " + e + " on:\n" + text, e);
        }
    }

    @Provide
    Arbitrary<Integer> lessonIndex() {
        return Arbitraries.integers().between(0, 50);
    }

    @Property(tries = 300)
    void textRules(@ForAll("bytes") byte[] bytes) {
        try {
            String t = SafeFiles.decode(bytes);
            assertFalse(t.contains("\0") || t.startsWith("\uFEFF"));
        } catch (SafeFiles.Unreadable e) {
            assertOneClearLine(e.getMessage());
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

}
