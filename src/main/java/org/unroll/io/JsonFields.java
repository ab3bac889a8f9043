package org.unroll.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads typed, checked values out of a parsed JSON file. Every failure becomes a
 * {@link FormatException} naming the file, the field and what was expected.
 */
final class JsonFields {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // Two values for one field, or text after the object, are mistakes, not data.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** The deepest nesting of arrays and objects a file may have (Jackson's default, stated here). */
    static final int MAX_NESTING = 1000;
    /** Whole numbers beyond this cannot be told apart as doubles. */
    private static final double LARGEST_EXACT_WHOLE = 0x1p53;

    private final String file;

    JsonFields(String file) {
        this.file = file;
    }

    /** Parses a whole file into a JSON object. */
    static JsonNode readObject(Path path) throws FormatException {
        return parseObject(readText(path), path.toString());
    }

    /** Parses the text of a file called {@code name} into a JSON object. */
    static JsonNode parseObject(String text, String name) throws FormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FormatException(name, "", "malformed JSON" + where(e) + ": " + syntaxProblem(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new FormatException(name, "", "the file is empty");
        }
        if (!root.isObject()) {
            throw new FormatException(name, "", "expected a JSON object at the top level, found " + describe(root));
        }
        return root;
    }

    private static String readText(Path path) throws FormatException {
        try {
            return SafeFiles.readText(path);
        } catch (SafeFiles.Unreadable e) {
            throw new FormatException(path.toString(), "", e.getMessage());
        }
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** What is wrong with the JSON text, in the file's terms: none of the parser's settings or classes. */
    static String syntaxProblem(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Trailing token")) {
            return "more text after the end of the top-level object";
        }
        if (m.contains("nesting depth")) {
            return "arrays or objects nested too deep (at most " + MAX_NESTING + " levels)";
        }
        if (m.startsWith("Number value length")) {
            return "a number with too many digits";
        }
        if (m.startsWith("String value length")) {
            return "a string too long";
        }
        if (m.contains("plus sign")) {
            return "a number starts with '+', which JSON does not allow";
        }
        if (m.contains("Leading zeroes")) {
            return "a number starts with a 0 followed by more digits, which JSON does not allow";
        }
        m = m.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                // the parser's advice names its own settings: not the reader's concern
                .replaceAll("[:;,]?\\s*\\(?(?:or )?enable [^)]*`[^`]*`[^)]*\\)?", "")
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll("`[^`]*`", "")
                .replace("JSON String, Number, Array, Object or token 'null', 'true' or 'false'",
                        "a string, number, array, object, null, true or false");
        return oneLine(m);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    FormatException error(String field, String reason) {
        return new FormatException(file, field, reason);
    }

    /** A field that must be present and not null. */
    JsonNode required(JsonNode parent, String name, String path) throws FormatException {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            throw error(path, "missing");
        }
        return n;
    }

    String text(JsonNode parent, String name, String path) throws FormatException {
        JsonNode n = required(parent, name, path);
        if (!n.isTextual()) {
            throw error(path, "expected a string, found " + describe(n));
        }
        return n.asText();
    }

    int positiveInt(JsonNode parent, String name, String path) throws FormatException {
        JsonNode n = required(parent, name, path);
        if (!isWhole(n) || n.asLong() < 1 || n.asLong() > 1_000_000) {
            throw error(path, "expected a positive whole number (at most 1000000), found " + describe(n));
        }
        return n.asInt();
    }

    /**
     * A whole number that {@code asLong()} returns exactly: 3 and 3.0, but not 3.5, NaN, 1e999
     * or an integer too long for 64 bits.
     */
    static boolean isWhole(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.canConvertToLong();
        }
        if (!n.isNumber()) {
            return false;
        }
        double v = n.asDouble();
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) <= LARGEST_EXACT_WHOLE;
    }

    double number(JsonNode n, String path) throws FormatException {
        if (!n.isNumber()) {
            throw error(path, "expected a number, found " + describe(n));
        }
        double v = n.asDouble();
        if (Double.isNaN(v)) {
            throw error(path, "must be a finite number, found NaN");
        }
        if (Double.isInfinite(v)) {
            throw error(path, "must be a finite number, found " + (v < 0 ? "-" : "")
                    + "Infinity (or a number too large for a double, beyond 1.8e308)");
        }
        return v;
    }

    /** A 1-row matrix from a JSON array of {@code length} numbers. */
    DMatrixRMaj vector(JsonNode n, int length, String path) throws FormatException {
        if (!n.isArray()) {
            throw error(path, "expected an array of " + length + (length == 1 ? " number" : " numbers")
                    + ", found " + describe(n));
        }
        for (JsonNode e : n) {
            if (e.isArray()) {
                throw error(path, "expected a flat array of " + length + " numbers, found shape " + shape(n));
            }
        }
        if (n.size() != length) {
            throw error(path, "has length " + n.size() + ", expected " + length);
        }
        DMatrixRMaj v = new DMatrixRMaj(1, length);
        for (int i = 0; i < length; i++) {
            v.data[i] = number(n.get(i), path + "[" + i + "]");
        }
        return v;
    }

    /** A rows × cols matrix from a JSON array of arrays; rows < 0 accepts any non-zero count. */
    DMatrixRMaj matrix(JsonNode n, int rows, int cols, String path) throws FormatException {
        if (!n.isArray()) {
            String expected = (rows < 0 ? "T" : String.valueOf(rows)) + "x" + cols;
            throw error(path, "expected a " + expected + " array of arrays, found " + describe(n));
        }
        int r = n.size();
        String expected = (rows < 0 ? r : rows) + "x" + cols;
        if (rows >= 0 && r != rows) {
            throw error(path, "has shape " + shape(n) + ", expected " + expected);
        }
        DMatrixRMaj m = new DMatrixRMaj(r, cols);
        for (int i = 0; i < r; i++) {
            JsonNode row = n.get(i);
            if (!row.isArray() || row.size() != cols) {
                String found = row.isArray() ? row.size() + " numbers" : describe(row);
                throw error(path, "has shape " + shape(n) + ", expected " + expected
                        + " (row " + i + " has " + found + ")");
            }
            for (int j = 0; j < cols; j++) {
                m.data[i * cols + j] = number(row.get(j), path + "[" + i + "][" + j + "]");
            }
        }
        return m;
    }

    /** "3x4", "3x?" (ragged) or "3" (flat), for messages about shapes. */
    static String shape(JsonNode n) {
        if (!n.isArray()) {
            return describe(n);
        }
        if (n.size() == 0) {
            return "0";
        }
        int cols = -1;
        for (JsonNode row : n) {
            int c = row.isArray() ? row.size() : -1;
            if (cols == -1 || cols == c) {
                cols = c;
            } else {
                return n.size() + "x? (rows of different lengths)";
            }
        }
        return cols < 0 ? String.valueOf(n.size()) : n.size() + "x" + cols;
    }

    static String describe(JsonNode n) {
        if (n.isArray()) {
            return "an array of " + n.size();
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isTextual()) {
            return "the string \"" + n.asText() + "\"";
        }
        return n.isNull() ? "null" : n.asText();
    }
}
