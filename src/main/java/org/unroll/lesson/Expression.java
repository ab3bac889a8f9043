package org.unroll.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small arithmetic of live values: numbers, placeholders such as {@code {h[1]}}, the four
 * operations, unary minus, parentheses and {@code abs(…)}. A {@link #comparison} puts two of
 * them on either side of {@code <}, {@code >}, {@code <=} or {@code >=}: what a {@code check}
 * line asserts. Parsed once when the lesson is read; evaluated on a walk.
 */
public final class Expression {

    private interface Node {
        double eval(Function<String, Double> values);
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\\{[^{}]*})|(\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?|\\.\\d+)|(abs)|(<=|>=|[-+*/()<>]))");

    private final String source;
    private final Node root;
    private final List<String> placeholders;

    private Expression(String source, Node root, List<String> placeholders) {
        this.source = source;
        this.root = root;
        this.placeholders = List.copyOf(placeholders);
    }

    /** The text as written. */
    public String source() {
        return source;
    }

    /** The placeholder bodies it uses ("h[1]"), for checking against the setup. */
    public List<String> placeholders() {
        return placeholders;
    }

    /** The value, with each placeholder body looked up in {@code values} (null: it has none, NaN results). */
    public double eval(Function<String, Double> values) {
        return root.eval(values);
    }

    /** Parses an arithmetic expression; IllegalArgumentException says what is wrong. */
    public static Expression parse(String text) {
        Reader r = new Reader(text, false);
        Node n = r.sum();
        r.end();
        return new Expression(text.strip(), n, r.used);
    }

    /** Parses "A op B" with op one of {@code < > <= >=}; the result is 1 when it holds, else 0. */
    public static Expression comparison(String text) {
        Reader r = new Reader(text, true);
        Node a = r.sum();
        String op = r.next();
        if (op == null || !List.of("<", ">", "<=", ">=").contains(op)) {
            throw new IllegalArgumentException("expected a comparison \"A < B\" (or >, <=, >=) in \"" + text.strip() + "\"");
        }
        r.take();
        Node b = r.sum();
        r.end();
        Node cmp = v -> {
            double x = a.eval(v);
            double y = b.eval(v);
            boolean holds = switch (op) {
                case "<" -> x < y;
                case ">" -> x > y;
                case "<=" -> x <= y;
                default -> x >= y;
            };
            return holds ? 1 : 0;
        };
        return new Expression(text.strip(), cmp, r.used);
    }

    private static final class Reader {
        final String text;
        final List<String> tokens = new ArrayList<>();
        final List<String> used = new ArrayList<>();
        int at;

        Reader(String text, boolean comparisons) {
            this.text = text;
            Matcher m = TOKEN.matcher(text);
            int pos = 0;
            while (pos < text.length()) {
                if (text.substring(pos).isBlank()) {
                    break;
                }
                if (!m.find(pos) || m.start() != pos) {
                    throw new IllegalArgumentException("cannot read \"" + text.substring(pos).strip() + "\" in \""
                            + text.strip() + "\" (numbers, {placeholders}, + - * / ( ) and abs(…) only)");
                }
                String tok = m.group().strip();
                if (!comparisons && (tok.startsWith("<") || tok.startsWith(">"))) {
                    throw new IllegalArgumentException("a comparison (" + tok + ") belongs on a \"check\" line, not in \""
                            + text.strip() + "\"");
                }
                tokens.add(tok);
                pos = m.end();
            }
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("an empty expression");
            }
        }

        String next() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        String take() {
            return tokens.get(at++);
        }

        void end() {
            if (next() != null) {
                throw new IllegalArgumentException("unexpected \"" + next() + "\" in \"" + text.strip() + "\"");
            }
        }

        Node sum() {
            Node n = product();
            while ("+".equals(next()) || "-".equals(next())) {
                boolean plus = take().equals("+");
                Node a = n;
                Node b = product();
                n = plus ? v -> a.eval(v) + b.eval(v) : v -> a.eval(v) - b.eval(v);
            }
            return n;
        }

        Node product() {
            Node n = unary();
            while ("*".equals(next()) || "/".equals(next())) {
                boolean times = take().equals("*");
                Node a = n;
                Node b = unary();
                n = times ? v -> a.eval(v) * b.eval(v) : v -> a.eval(v) / b.eval(v);
            }
            return n;
        }

        Node unary() {
            if ("-".equals(next())) {
                take();
                Node a = unary();
                return v -> -a.eval(v);
            }
            return atom();
        }

        Node atom() {
            String tok = next();
            if (tok == null) {
                throw new IllegalArgumentException("\"" + text.strip() + "\" ends too early");
            }
            take();
            if (tok.equals("(")) {
                Node n = sum();
                close();
                return n;
            }
            if (tok.equals("abs")) {
                if (!"(".equals(next())) {
                    throw new IllegalArgumentException("abs needs parentheses: abs(…)");
                }
                take();
                Node n = sum();
                close();
                return v -> Math.abs(n.eval(v));
            }
            if (tok.startsWith("{")) {
                String body = tok.substring(1, tok.length() - 1).strip();
                used.add(body);
                return v -> {
                    Double d = v.apply(body);
                    return d == null ? Double.NaN : d;
                };
            }
            if (Character.isDigit(tok.charAt(0)) || tok.charAt(0) == '.') {
                double d = Double.parseDouble(tok);
                return v -> d;
            }
            throw new IllegalArgumentException("unexpected \"" + tok + "\" in \"" + text.strip() + "\"");
        }

        void close() {
            if (!")".equals(next())) {
                throw new IllegalArgumentException("a \"(\" without its \")\" in \"" + text.strip() + "\"");
            }
            take();
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
