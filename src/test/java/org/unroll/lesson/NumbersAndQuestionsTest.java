package org.unroll.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unroll.lesson.LessonParserTest.HEAD;
import static org.unroll.lesson.LessonParserTest.assertProblem;
import static org.unroll.lesson.LessonParserTest.parse;
import static org.unroll.lesson.LessonParserTest.step;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.LossType;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Numbers;

/** Numeric sequences with MSE, check lines, questions and exercises: parsed, then played on the engine. */
class NumbersAndQuestionsTest {
    static final String ONE_UNIT = """
            hidden 1
            sequence 1 2 3
            targets 0.4 0.6 0.8
            weights w_xh=0.5 w_hh=0.5 w_out=1
            """;

    static Walkthrough walk(Lesson l, int k) {
        LessonPlayer p = new LessonPlayer(l);
        p.goTo(k);
        return p.walk();
    }

    @Test
    void aNumericSequenceRunsAsMseOnAOneUnitModelWithTheGivenWeights() throws Exception {
        Lesson l = parse(HEAD + ONE_UNIT + step("at backward 3 stage 4\n"));
        Numbers n = l.setup().numbers();
        assertEquals(List.of(1.0, 2.0, 3.0), n.inputs());
        assertEquals(new Numbers.Weights(0.5, 0.5, 0, 1, 0), n.weights());
        assertEquals(3, l.setup().steps());
        Walkthrough w = walk(l, 0);
        assertEquals(LossType.MSE, w.sequence().loss());
        // worked by hand: h_1 = tanh(0.5), h_2 = tanh(1 + 0.5 h_1), h_3 = tanh(1.5 + 0.5 h_2)
        double h1 = Math.tanh(0.5);
        double h2 = Math.tanh(1 + 0.5 * h1);
        double h3 = Math.tanh(1.5 + 0.5 * h2);
        assertEquals(h3, Placeholders.number("h[3]", w), 1e-12);
        assertEquals(h3, Placeholders.number("y[3]", w), 1e-12);
        double loss = sq(h1 - 0.4) + sq(h2 - 0.6) + sq(h3 - 0.8);
        assertEquals(loss, Placeholders.number("loss", w), 1e-12);
        double dy3 = 2 * (h3 - 0.8);
        double delta3 = dy3 * (1 - h3 * h3);
        assertEquals(dy3, Placeholders.number("dy[3]", w), 1e-12);
        assertEquals(delta3, Placeholders.number("delta[3]", w), 1e-12);
        assertEquals(delta3 * h2, Placeholders.number("contrib_whh[3]", w), 1e-12);
        assertEquals(delta3 * 3, Placeholders.number("contrib_wxh[3]", w), 1e-12);
        assertEquals(0.5 * delta3, Placeholders.number("dh_back[3]", w), 1e-12);
        double dh2 = 2 * (h2 - 0.6) + 0.5 * delta3;
        assertEquals(dh2, Placeholders.number("dh[2]", w), 1e-12);
        // one unit: vectors read as plain numbers
        assertEquals(Placeholders.num(h1), Placeholders.fill("{h[1]}", w));
        assertEquals("1, 2, 3", w.sequence().text());
    }

    @Test
    void numericSetupProblemsNameTheirLine() {
        assertProblem(HEAD + "targets 1 2\n" + step(""), 5, "write \"sequence X X …\" first");
        assertProblem(HEAD + "sequence 1 2 3\ntargets 1 2\n" + step(""), 7, "3 numbers but 2 targets");
        assertProblem(HEAD + "sequence 1 2\ntargets 1 2\nweights w_xh=1\n" + step(""), 8, "\"hidden 1\"");
        assertProblem(HEAD + "sequence 1 x\n" + step(""), 5, "sequence must be a number");
        assertProblem(HEAD + "sequence 1 2\nweights v=1\n" + step(""), 6, "expected \"weights w_xh=X");
        assertProblem(HEAD + ONE_UNIT + step("at forward 4\n"), 10, "the sequence 1, 2, 3 has 3 steps");
        assertProblem(HEAD + ONE_UNIT + step("") + "step\nen: {h[4]}\nzh_CN: 简\nzh_TW: 繁\n", 14, "outside 0 … 3");
    }

    @Test
    void textAfterNumbersGoesBackToACharacterTask() throws Exception {
        Lesson l = parse(HEAD + ONE_UNIT + step("") + step("text jeep\nhidden 4\n"));
        assertNull(l.step(1).setup().numbers());
        assertEquals(3, l.step(1).setup().steps());
        assertEquals(LossType.CROSS_ENTROPY, walk(l, 1).sequence().loss());
    }

    @Test
    void checksHoldOrFailOnTheEngine() throws Exception {
        Lesson good = parse(HEAD + ONE_UNIT + step("check {y[3]} > {target[3]}\ncheck abs({grad_whh} - {contrib_whh[2]} - {contrib_whh[3]}) < 1e-9\n"));
        assertEquals(List.of(), LessonChecker.play(good));
        Lesson bad = parse(HEAD + ONE_UNIT + step("check {h[1]} * 2 >= 1\n"));
        List<LessonProblem> ps = LessonChecker.play(bad);
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(10, ps.get(0).line());
        assertTrue(ps.get(0).reason().contains("does not hold ({h[1]} = 0.4621)"), ps.toString());
        // a vector is not a number
        Lesson vector = parse(HEAD + step("check {h[1]} > 0\n"));
        assertTrue(LessonChecker.play(vector).get(0).reason().contains("not a single number"));
    }

    @Test
    void badChecksAreSyntaxErrors() {
        assertProblem(HEAD + step("check {loss}\n"), 6, "expected a comparison");
        assertProblem(HEAD + step("check {loss} > 1 +\n"), 6, "ends too early");
        assertProblem(HEAD + step("check {loss} > x\n"), 6, "cannot read \"x\"");
        assertProblem(HEAD + step("check {los} > 1\n"), 6, "unknown placeholder \"{los}\"");
    }

    static final String NUMBER_Q = """
            question number {h[1]} ± 0.005
            ask.en: h_1?
            ask.zh_CN: h_1？
            ask.zh_TW: h_1？
            explain.en: It is {h[1]}.
            explain.zh_CN: 是 {h[1]}。
            explain.zh_TW: 是 {h[1]}。
            """;

    static final String CHOICE_Q = """
            question choice 2
            ask.en: Which?
            ask.zh_CN: 哪个？
            ask.zh_TW: 哪個？
            options.en: zero | {h[1]} | one
            options.zh_CN: 零 | {h[1]} | 一
            options.zh_TW: 零 | {h[1]} | 一
            explain.en: Because.
            explain.zh_CN: 因为。
            explain.zh_TW: 因為。
            """;

    @Test
    void aNumberQuestionIsJudgedAgainstTheEngine() throws Exception {
        Lesson l = parse(HEAD + ONE_UNIT + step("at forward 1\n" + NUMBER_Q));
        Question q = l.step(0).question();
        assertEquals(Question.Kind.NUMBER, q.kind());
        Walkthrough w = walk(l, 0);
        assertTrue(q.acceptsNumber(0.462, w));
        assertTrue(q.acceptsNumber(Question.typed("0,466"), w));
        assertFalse(q.acceptsNumber(0.5, w));
        assertEquals("0.4621", q.rightAnswer(Lang.EN, w));
        assertNull(Question.typed("abc"));
        assertEquals(-0.5, Question.typed("−0.5"));
        assertEquals(List.of(), LessonChecker.play(l));
        // the answer must be a number on the engine: a vector of four is not
        Lesson vector = parse(HEAD + step(NUMBER_Q));
        assertTrue(LessonChecker.play(vector).stream().anyMatch(p -> p.reason().contains("has no numeric value")));
    }

    @Test
    void aChoiceQuestionHasItsOptionsInEveryLanguage() throws Exception {
        Lesson l = parse(HEAD + ONE_UNIT + step(CHOICE_Q));
        Question q = l.step(0).question();
        assertEquals(List.of("零", "{h[1]}", "一"), q.options(Lang.ZH_CN));
        assertTrue(q.acceptsOption(2));
        assertFalse(q.acceptsOption(1));
        assertEquals("0.4621", q.rightAnswer(Lang.EN, walk(l, 0)));
        assertEquals(List.of(), LessonChecker.play(l));
    }

    @Test
    void questionProblems() {
        assertProblem(HEAD + step("question choice 4\n" + CHOICE_Q.substring(CHOICE_Q.indexOf('\n') + 1)), 6,
                "the right option is 4 but there are 3 options");
        assertProblem(HEAD + step(CHOICE_Q.replace("options.zh_TW: 零 | {h[1]} | 一", "options.zh_TW: 零 | 一")), 12,
                "options.zh_TW: has 2 options");
        assertProblem(HEAD + step(NUMBER_Q.replace("explain.zh_TW: 是 {h[1]}。\n", "")), 6, "no explain.zh_TW: line");
        assertProblem(HEAD + step("question number 3\n"), 6, "needs the answer and a tolerance");
        assertProblem(HEAD + step("question maybe\n"), 6, "unknown question kind");
        assertProblem(HEAD + step("ask.en: why?\n"), 6, "without a \"question\" line");
        assertProblem(HEAD + "ask.en: why?\n" + step(""), 5, "belongs inside a step");
    }

    @Test
    void exercisesCloseTheLesson() throws Exception {
        String ex = "exercise\nen: Try it.\nzh_CN: 试试。\nzh_TW: 試試。\n";
        Lesson l = parse(HEAD + step("") + ex + ex);
        assertEquals(2, l.exercises().size());
        assertEquals("試試。", l.exercises().get(0).get(Lang.ZH_TW));
        assertProblem(HEAD + step("") + ex + step(""), 13, "a step after an exercise");
        assertProblem(HEAD + ex + step(""), 5, "an exercise before the first step");
        assertProblem(HEAD + step("") + "exercise\nen: x\nzh_CN: 简\n", 9, "has no zh_TW: text");
        assertProblem(HEAD + step("") + "exercise\nat loss\n", 10, "not an exercise");
    }

    @Test
    void aTraditionalLessonReadsItsOwnScriptOfTheText() throws Exception {
        Lesson l = parse(HEAD + "text 我爱你\ntext.zh_TW 我愛你\n" + step("") + step("text jeep\n"));
        assertEquals("我爱你", l.step(0).setup(Lang.ZH_CN).text());
        assertEquals("我愛你", l.step(0).setup(Lang.ZH_TW).text());
        assertEquals("jeep", l.step(1).setup(Lang.ZH_TW).text(), "a new text drops the other script");
        LessonPlayer p = new LessonPlayer(l);
        assertEquals("愛", Placeholders.fill("{input[2]}", p.walk(Lang.ZH_TW)));
        assertEquals(List.of(), LessonChecker.play(l));
        assertProblem(HEAD + "text 我爱你\ntext.zh_TW 我愛你們\n" + step(""), 6, "has 4 characters but the text");
    }

    private static double sq(double v) {
        return v * v;
    }
}
