package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unroll.testing.Fixtures;

/**
 * {@code unroll grad} on a fixture spoiled in one way: exit code 2 and one line on standard
 * error that names the file, the field and what is wrong, never a stack trace.
 */
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A number no fixture holds, replaced by a token JSON trees cannot hold (NaN, 1e999). */
    private static final String MARK = "123456.75";
    private static final BigInteger TOO_LONG = BigInteger.TWO.pow(64).add(BigInteger.ONE);

    @TempDir
    Path dir;

    /** Which of the two files a case spoils. */
    enum Spoiled { MODEL, SEQUENCE }

    /**
     * @param fixture the fixture to start from
     * @param spoiled the file that is changed
     * @param edit    the change, on the file's text
     * @param field   the field the message must name, or null when the problem is the whole file
     * @param words   further words the message must contain (both shapes of a mismatch, say)
     */
    record Case(String fixture, Spoiled spoiled, FileEdit edit, String field, List<String> words) {
    }

    /** A change to a copy of a fixture file. */
    interface FileEdit {
        void apply(Path file) throws IOException;

        FileEdit DELETE = Files::delete;
        FileEdit DIRECTORY = file -> {
            Files.delete(file);
            Files.createDirectory(file);
        };

        static FileEdit text(UnaryOperator<String> change) {
            return file -> Files.writeString(file, change.apply(Files.readString(file)));
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // the file itself
                bad("model: file missing", "jeep_rnn", Spoiled.MODEL, FileEdit.DELETE, null, "no such file"),
                bad("model: a directory", "jeep_rnn", Spoiled.MODEL, FileEdit.DIRECTORY, null, "directory"),
                bad("model: malformed JSON, cut short", "jeep_rnn", Spoiled.MODEL,
                        text(t -> t.substring(0, t.length() / 2)), null, "malformed JSON", "line"),
                bad("model: malformed JSON, text after the object", "jeep_rnn", Spoiled.MODEL,
                        text(t -> t + "\n{}"), null, "malformed JSON", "more text after"),
                bad("model: a field given twice", "jeep_rnn", Spoiled.MODEL,
                        text(t -> t.replaceFirst("\"cell\"", "\"cell\": \"gru\", \"cell\"")), null,
                        "malformed JSON", "Duplicate field 'cell'"),
                bad("model: empty file", "jeep_rnn", Spoiled.MODEL, text(t -> ""), null, "empty"),
                bad("model: an array, not an object", "jeep_rnn", Spoiled.MODEL, text(t -> "[" + t + "]"), null,
                        "JSON object"),
                // model fields
                bad("model: unknown format", "jeep_rnn", Spoiled.MODEL, json(m -> m.put("format", "bptt-model/9")),
                        "format", "bptt-model/9"),
                bad("model: the sequence file given as the model", "jeep_rnn", Spoiled.MODEL,
                        text(t -> read(Fixtures.seq("jeep_rnn"))), "format", "bptt-sequence/1"),
                bad("model: unknown cell", "jeep_rnn", Spoiled.MODEL, json(m -> m.put("cell", "transformer")),
                        "cell", "transformer"),
                bad("model: unknown nonlinearity", "jeep_rnn", Spoiled.MODEL,
                        json(m -> m.put("nonlinearity", "sigmoid")), "nonlinearity", "sigmoid"),
                bad("model: missing hidden_size", "jeep_rnn", Spoiled.MODEL, json(m -> m.remove("hidden_size")),
                        "hidden_size", "missing"),
                bad("model: missing params.weight_hh", "jeep_gru", Spoiled.MODEL,
                        json(m -> params(m).remove("weight_hh")), "params.weight_hh", "missing"),
                bad("model: hidden_size as a string", "jeep_rnn", Spoiled.MODEL, json(m -> m.put("hidden_size", "4")),
                        "hidden_size", "whole number"),
                bad("model: input_size not whole", "jeep_rnn", Spoiled.MODEL, json(m -> m.put("input_size", 2.5)),
                        "input_size", "whole number"),
                bad("model: input_size beyond 64 bits", "jeep_rnn", Spoiled.MODEL,
                        json(m -> m.put("input_size", TOO_LONG)), "input_size", "whole number"),
                bad("model: weight_hh with a column too few", "jeep_rnn", Spoiled.MODEL,
                        json(m -> rows(params(m), "weight_hh").forEach(r -> ((ArrayNode) r).remove(3))),
                        "params.weight_hh", "4x3", "4x4"),
                bad("model: lstm weight_ih with a row too few", "jeep_lstm", Spoiled.MODEL,
                        json(m -> rows(params(m), "weight_ih").remove(15)), "params.weight_ih", "15x3", "16x3"),
                bad("model: bias_ih too short", "jeep_rnn", Spoiled.MODEL,
                        json(m -> rows(params(m), "bias_ih").remove(0)), "params.bias_ih", "length 3", "4"),
                bad("model: bias_out a matrix", "jeep_rnn", Spoiled.MODEL,
                        json(m -> params(m).putArray("bias_out").addArray().add(1).add(2).add(3)),
                        "params.bias_out", "flat array of 3 numbers", "1x3"),
                bad("model: ragged weight_out", "jeep_rnn", Spoiled.MODEL,
                        json(m -> ((ArrayNode) rows(params(m), "weight_out").get(1)).remove(0)),
                        "params.weight_out", "rows of different lengths", "row 1 has 3 numbers", "3x4"),
                bad("model: NaN in weight_hh", "jeep_rnn", Spoiled.MODEL,
                        marked(m -> ((ArrayNode) rows(params(m), "weight_hh").get(0)).set(0, mark()), "NaN"),
                        "params.weight_hh[0][0]", "finite", "NaN"),
                bad("model: Infinity in bias_out", "jeep_gru", Spoiled.MODEL,
                        marked(m -> rows(params(m), "bias_out").set(1, mark()), "-Infinity"),
                        "params.bias_out[1]", "finite", "Infinity"),
                bad("model: 1e999 in weight_ih", "jeep_lstm", Spoiled.MODEL,
                        marked(m -> ((ArrayNode) rows(params(m), "weight_ih").get(2)).set(1, mark()), "1e999"),
                        "params.weight_ih[2][1]", "finite", "too large"),
                // the sequence file
                bad("sequence: file missing", "jeep_rnn", Spoiled.SEQUENCE, FileEdit.DELETE, null, "no such file"),
                bad("sequence: malformed JSON", "jeep_rnn", Spoiled.SEQUENCE,
                        text(t -> t.replaceFirst("\\]", "}")), null, "malformed JSON", "line"),
                bad("sequence: unknown format", "jeep_rnn", Spoiled.SEQUENCE,
                        json(s -> s.put("format", "bptt-sequence/2")), "format", "bptt-sequence/2"),
                bad("sequence: unknown loss", "jeep_rnn", Spoiled.SEQUENCE, json(s -> s.put("loss", "hinge")),
                        "loss", "hinge"),
                bad("sequence: missing targets", "jeep_rnn", Spoiled.SEQUENCE, json(s -> s.remove("targets")),
                        "targets", "missing"),
                bad("sequence: empty", "jeep_rnn", Spoiled.SEQUENCE, json(s -> {
                    s.putArray("inputs");
                    s.putArray("targets");
                }), "inputs", "empty"),
                bad("sequence: inputs rows of the wrong width", "jeep_rnn", Spoiled.SEQUENCE,
                        json(s -> rows(s, "inputs").forEach(r -> ((ArrayNode) r).remove(2))), "inputs", "3x2", "3x3"),
                bad("sequence: ragged inputs", "jeep_gru", Spoiled.SEQUENCE,
                        json(s -> ((ArrayNode) rows(s, "inputs").get(1)).remove(0)),
                        "inputs", "rows of different lengths", "row 1 has 2 numbers", "3x3"),
                bad("sequence: NaN in inputs", "jeep_rnn", Spoiled.SEQUENCE,
                        marked(s -> ((ArrayNode) rows(s, "inputs").get(0)).set(0, mark()), "NaN"),
                        "inputs[0][0]", "NaN"),
                bad("sequence: Infinity in an mse target", "regress123_rnn", Spoiled.SEQUENCE,
                        marked(s -> ((ArrayNode) rows(s, "targets").get(2)).set(0, mark()), "Infinity"),
                        "targets[2][0]", "Infinity"),
                bad("sequence: class target out of range", "jeep_rnn", Spoiled.SEQUENCE,
                        json(s -> rows(s, "targets").set(2, 3)), "targets[2]", "out of range", "0..2"),
                bad("sequence: negative class target", "jeep_lstm", Spoiled.SEQUENCE,
                        json(s -> rows(s, "targets").set(0, -1)), "targets[0]", "out of range"),
                bad("sequence: class target not whole", "jeep_rnn", Spoiled.SEQUENCE,
                        json(s -> rows(s, "targets").set(1, 1.5)), "targets[1]", "whole number", "1.5"),
                bad("sequence: class target beyond 64 bits", "jeep_rnn", Spoiled.SEQUENCE,
                        json(s -> rows(s, "targets").set(0, JSON.getNodeFactory().numberNode(TOO_LONG))),
                        "targets[0]", "whole number"),
                bad("sequence: class target a vector", "jeep_rnn", Spoiled.SEQUENCE,
                        json(s -> rows(s, "targets").set(0, JSON.createArrayNode().add(1))), "targets[0]", "class index"),
                bad("sequence: mse target of the wrong length", "regress123_rnn", Spoiled.SEQUENCE,
                        json(s -> ((ArrayNode) rows(s, "targets").get(0)).add(1.0)),
                        "targets[0]", "length 2", "expected 1"),
                bad("sequence: mse target a bare number", "regress123_rnn", Spoiled.SEQUENCE,
                        json(s -> rows(s, "targets").set(1, 0.5)), "targets[1]", "array"),
                bad("sequence: fewer targets than inputs", "jeep_rnn", Spoiled.SEQUENCE,
                        json(s -> rows(s, "targets").remove(2)), "targets", "2 entries", "(3)"),
                bad("sequence: more targets than inputs", "regress123_rnn", Spoiled.SEQUENCE,
                        json(s -> rows(s, "targets").addNull()), "targets", "4 entries", "(3)"),
                bad("sequence: h0 of the wrong size", "jeep_rnn", Spoiled.SEQUENCE,
                        json(s -> s.putArray("h0").add(0).add(0).add(0)), "h0", "length 3", "hidden_size 4"),
                bad("sequence: c0 of the wrong size", "jeep_lstm", Spoiled.SEQUENCE,
                        json(s -> s.putArray("c0").add(0).add(0).add(0).add(0).add(0)), "c0", "length 5", "4"),
                bad("sequence: c0 given to an rnn", "jeep_rnn", Spoiled.SEQUENCE,
                        json(s -> s.putArray("c0").add(0).add(0).add(0).add(0)), "c0", "only an lstm", "rnn"),
                bad("sequence: c0 given to a gru", "jeep_gru", Spoiled.SEQUENCE,
                        json(s -> s.putArray("c0").add(0).add(0)), "c0", "only an lstm", "gru"),
                bad("sequence: text not a string", "jeep_rnn", Spoiled.SEQUENCE, json(s -> s.put("text", 7)),
                        "text", "string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineNamingFileAndFieldAndExitTwo(Case c) throws IOException {
        Path model = dir.resolve("m.model.json");
        Path seq = dir.resolve("s.seq.json");
        Files.writeString(model, read(Fixtures.model(c.fixture())));
        Files.writeString(seq, read(Fixtures.seq(c.fixture())));
        Path spoiled = c.spoiled() == Spoiled.MODEL ? model : seq;
        c.edit().apply(spoiled);
        String given = spoiled.toString();
        CliRun run = c.spoiled() == Spoiled.MODEL
                ? CliRun.of("grad", given, seq.toString())
                : CliRun.of("grad", model.toString(), given);

        String line = run.err().strip();
        assertAll(
                () -> assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), "exit code; stderr: " + run.err()),
                () -> assertEquals(1, run.errLines().size(), "stderr lines: " + run.err()),
                () -> assertEquals("", run.out(), "nothing on stdout"),
                () -> assertTrue(line.startsWith("unroll grad: " + given + ": "), "names the file: " + line),
                () -> assertFalse(line.contains("Exception"), "no exception names: " + line),
                () -> assertFalse(line.contains("at org."), "no stack trace: " + line),
                () -> assertTrue(c.field() == null || line.contains("field '" + c.field() + "'"),
                        "names field " + c.field() + ": " + line),
                () -> c.words().forEach(w -> assertTrue(line.contains(w), "says '" + w + "': " + line)));
    }

    private static Arguments bad(String name, String fixture, Spoiled spoiled, FileEdit edit,
                                 String field, String... words) {
        return Arguments.of(Named.of(name, new Case(fixture, spoiled, edit, field, List.of(words))));
    }

    /** An edit of the file's text. */
    private static FileEdit text(UnaryOperator<String> change) {
        return FileEdit.text(change);
    }

    /** An edit of the parsed JSON object. */
    private static FileEdit json(Consumer<ObjectNode> change) {
        return FileEdit.text(jsonText(change));
    }

    private static UnaryOperator<String> jsonText(Consumer<ObjectNode> change) {
        return text -> {
            try {
                ObjectNode root = (ObjectNode) JSON.readTree(text);
                change.accept(root);
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** An edit that puts {@link #mark()} somewhere, then writes {@code token} (not valid in a tree) there. */
    private static FileEdit marked(Consumer<ObjectNode> change, String token) {
        UnaryOperator<String> edit = jsonText(change);
        return FileEdit.text(text -> {
            String edited = edit.apply(text);
            assertTrue(edited.contains(MARK), "the mark was placed");
            return edited.replace(MARK, token);
        });
    }

    private static JsonNode mark() {
        return JSON.getNodeFactory().numberNode(Double.parseDouble(MARK));
    }

    private static ObjectNode params(ObjectNode model) {
        return (ObjectNode) model.get("params");
    }

    private static ArrayNode rows(ObjectNode parent, String field) {
        return (ArrayNode) parent.get(field);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
