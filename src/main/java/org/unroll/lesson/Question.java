package org.unroll.lesson;

import java.util.Arrays;
import java.util.List;
import org.unroll.engine.Walkthrough;

/**
 * What a step asks before it shows itself: the student predicts (picks an option or types a
 * number), then the step reveals the answer with its explanation. Texts may hold placeholders,
 * filled from the step's walk; a number's answer is an {@link Expression} of them, so the
 * engine, not the author, knows the right value.
 *
 * @param line      the line of the {@code question} directive
 * @param kind      a choice or a number
 * @param answer    a number question: the expression of the right value (else null)
 * @param tolerance a number question: how far an answer may be off and still count
 * @param choice    a choice question: the right option, counted from 1 (else 0)
 * @param ask       the question
 * @param options   a choice question: the options, separated by " | " (else null)
 * @param explain   shown with the answer
 */
public record Question(int line, Kind kind, Expression answer, double tolerance, int choice,
                       Localized ask, Localized options, Localized explain) {

    public enum Kind {
        CHOICE, NUMBER
    }

    /** The separator of options on an {@code options.LANG:} line. */
    public static final String SEPARATOR = "|";

    /** The options in {@code lang}, in order (a choice question), else an empty list. */
    public List<String> options(Lang lang) {
        if (options == null) {
            return List.of();
        }
        return split(options.get(lang));
    }

    /** The right value of a number question on {@code w} (NaN when it cannot be computed). */
    public double rightValue(Walkthrough w) {
        return answer == null ? Double.NaN : answer.eval(body -> Placeholders.number(body, w));
    }

    /** The right value of a number question with its placeholders read by {@code values} (a grid walk's), NaN when none. */
    public double answerOn(java.util.function.Function<String, Double> values) {
        return answer == null ? Double.NaN : answer.eval(values);
    }

    /** Whether option {@code k} (counted from 1) is the right one. */
    public boolean acceptsOption(int k) {
        return kind == Kind.CHOICE && k == choice;
    }

    /** Whether a typed answer to a number question is within the tolerance of the engine's value. */
    public boolean acceptsNumber(double typed, Walkthrough w) {
        double right = rightValue(w);
        return kind == Kind.NUMBER && Double.isFinite(typed) && Math.abs(typed - right) <= tolerance + 1e-12;
    }

    /** What a student typed as a number ("0.46", "0,46", "−0.5"), or null when it is none. */
    public static Double typed(String s) {
        String t = s.strip().replace('−', '-').replace(',', '.');
        if (!t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(t);
    }

    /** The right answer as shown: the option's text, or the engine's value. */
    public String rightAnswer(Lang lang, Walkthrough w) {
        if (kind == Kind.CHOICE) {
            return Placeholders.fill(options(lang).get(choice - 1), w);
        }
        return Placeholders.num(rightValue(w));
    }

    static List<String> split(String line) {
        return Arrays.stream(line.split("\\s*\\|\\s*", -1)).map(String::strip).toList();
    }
}
