package org.unroll.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Compares two JSON trees number by number: relative error 1e-6, absolute 1e-9 near zero. */
public final class JsonCompare {
    public static final double REL = 1e-6;
    public static final double ABS = 1e-9;

    private JsonCompare() {
    }

    /** Fails naming the first path where {@code actual} differs from {@code expected}. */
    public static void assertClose(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber()) {
            if (actual == null || !actual.isNumber()) {
                fail(path + ": expected a number, got " + actual);
            }
            double e = expected.asDouble();
            double a = actual.asDouble();
            double err = Math.abs(e - a);
            if (err > ABS && err > REL * Math.abs(e)) {
                fail(path + ": expected " + e + ", got " + a + " (rel err " + err / Math.abs(e) + ")");
            }
        } else if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                fail(path + ": expected an array of " + expected.size() + ", got " + actual);
            }
            for (int i = 0; i < expected.size(); i++) {
                assertClose(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                fail(path + ": expected an object");
            }
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                assertClose(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
            }
        } else if (!expected.equals(actual)) {
            fail(path + ": expected " + expected + ", got " + actual);
        }
    }
}
