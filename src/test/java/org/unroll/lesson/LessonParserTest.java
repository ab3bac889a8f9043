package org.unroll.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.task.InitialState;
import org.unroll.task.Setup;

class LessonParserTest {
    static final String HEAD = """
            lesson t
            title.en: T
            title.zh_CN: 题
            title.zh_TW: 題
            """;

    static String step(String extra) {
        return "step\n" + extra + "en: E\nzh_CN: 简\nzh_TW: 繁\n";
    }

    static Lesson parse(String text) throws LessonFormatException {
        return LessonParser.parse("x.lesson", text);
    }

    static List<LessonProblem> problems(String text) {
        return assertThrows(LessonFormatException.class, () -> parse(text)).problems();
    }

    static void assertProblem(String text, int line, String fragment) {
        List<LessonProblem> ps = problems(text);
        LessonProblem p = ps.get(0);
        assertEquals(line, p.line(), ps.toString());
        assertTrue(p.reason().contains(fragment), ps.toString());
        assertTrue(p.toString().startsWith("x.lesson:" + line + ": "), p.toString());
    }

    @Test
    void readsAMinimalLessonWithJeepDefaults() throws Exception {
        Lesson l = parse(HEAD + step(""));
        assertEquals("t", l.id());
        assertEquals("题", l.title().get(Lang.ZH_CN));
        assertEquals(Setup.JEEP, l.setup());
        assertEquals(1, l.size());
        assertEquals(Cursor.START, l.step(0).cursor());
        assertEquals("繁", l.step(0).narration().get(Lang.ZH_TW));
        assertEquals(5, l.step(0).line());
    }

    @Test
    void setupAndCursorCarryForwardAndStepsCountFromOne() throws Exception {
        Lesson l = parse("# comment\n" + HEAD + "cell lstm\nhidden 8\n\n"
                + step("at backward 2 stage 3\nspectral_norm 0.5\n")
                + step("text 我爱你\ninitial_state random\nlearning_rate 0.01\nseed 3\nactivation relu\n")
                + step("at forward 1\ncell gru\n"));
        Setup base = Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(8);
        assertEquals(base, l.setup());
        assertEquals(base.withSpectralNorm(0.5), l.step(0).setup());
        assertEquals(Cursor.backward(1, BackwardStage.PARAMETER_GRADIENTS), l.step(0).cursor());
        Setup s1 = base.withSpectralNorm(0.5).withText("我爱你").withInitialState(InitialState.RANDOM)
                .withLearningRate(0.01).withSeed(3).withActivation(org.unroll.engine.Activation.RELU);
        assertEquals(s1, l.step(1).setup());
        assertEquals(l.step(0).cursor(), l.step(1).cursor());
        assertEquals(Cursor.forward(0), l.step(2).cursor());
        assertEquals(CellType.GRU, l.step(2).setup().cell());
        assertEquals(List.of("at forward 1", "cell gru").subList(1, 2), l.step(2).changes());
    }

    @Test
    void cursorTargets() throws Exception {
        Lesson l = parse(HEAD + step("at start\n") + step("at loss\n") + step("at update\n") + step("at forward 3\n"));
        assertEquals(List.of(Cursor.START, Cursor.loss(), Cursor.update(), Cursor.forward(2)),
                l.steps().stream().map(Step::cursor).toList());
    }

    @Test
    void continuationLinesJoinWithASpaceOrNoneBetweenChinese() throws Exception {
        Lesson l = parse(HEAD + "step\nen: one\n  two\nzh_CN: 第一\n  第二\nzh_TW: 甲\n  乙\n");
        assertEquals("one two", l.step(0).narration().get(Lang.EN));
        assertEquals("第一第二", l.step(0).narration().get(Lang.ZH_CN));
        assertEquals(6, l.step(0).narration().line(Lang.EN));
    }

    @Test
    void unknownDirectiveSuggestsTheNearest() {
        assertProblem(HEAD + "celll lstm\n" + step(""), 5, "unknown directive \"celll\", did you mean \"cell\"?");
        assertTrue(problems(HEAD + "celll lstm\n" + step("")).get(0).reason().contains("expected lesson, title.en:"));
    }

    @Test
    void badValues() {
        assertProblem(HEAD + "cell lsmt\n" + step(""), 5, "unknown cell \"lsmt\" (expected rnn, lstm, gru)");
        assertProblem(HEAD + "hidden 0\n" + step(""), 5, "hidden size must be between 1 and 256");
        assertProblem(HEAD + "hidden many\n" + step(""), 5, "hidden must be a whole number");
        assertProblem(HEAD + "spectral_norm -1\n" + step(""), 5, "spectral norm");
        assertProblem(HEAD + "text a\n" + step(""), 5, "at least two characters");
        assertProblem(HEAD + "activation sigmoid\n" + step(""), 5, "unknown activation");
    }

    @Test
    void badCursors() {
        assertProblem(HEAD + step("at sideways\n"), 6, "unknown cursor target \"sideways\"");
        assertProblem(HEAD + step("at forward 0\n"), 6, "the step must be a whole number from 1");
        assertProblem(HEAD + step("at backward 1 stage 5\n"), 6, "the stage must be 1 … 4");
        assertProblem(HEAD + step("at backward 1\n"), 6, "expected \"at backward T stage S\"");
        assertProblem(HEAD + step("at forward 4\n"), 6, "the cursor goes to step 4 but the text \"jeep\" has 3 steps");
        assertProblem(HEAD + step("at forward 1\nat loss\n"), 7, "a second \"at\"");
    }

    @Test
    void aShorterTextLaterMakesAnInheritedCursorInvalid() {
        assertProblem(HEAD + step("at forward 3\n") + step("text ab\n"), 10, "has 1 step");
    }

    @Test
    void missingLanguagesAndTitles() {
        assertProblem(HEAD + "step\nen: E\nzh_CN: 简\n", 5, "step 1 has no zh_TW: narration");
        assertProblem("lesson t\ntitle.en: T\ntitle.zh_CN: 题\n" + step(""), 1, "no title.zh_TW: line");
        assertProblem(HEAD, 1, "no steps");
        assertProblem("cell lstm\n" + HEAD + step(""), 1, "must start with \"lesson ID\"");
        assertProblem(HEAD + "step\nen: E\nen: F\nzh_CN: 简\nzh_TW: 繁\n", 7, "a second en: in this step (the first is on line 6)");
    }

    @Test
    void structureErrors() {
        assertProblem(HEAD + "en: too early\n" + step(""), 5, "before the first \"step\"");
        assertProblem(HEAD + "\n  floating\n" + step(""), 6, "continues a title or narration line");
        assertProblem(HEAD + step("hidden 2\nhidden 3\n"), 7, "hidden is set twice in this step (first on line 6)");
        assertProblem(HEAD + "step 2\nen: E\nzh_CN: 简\nzh_TW: 繁\n", 5, "\"step\" takes nothing after it");
        assertProblem(HEAD + "lesson u\n" + step(""), 5, "a second \"lesson\" line");
    }

    @Test
    void placeholderErrorsAtTheirLine() {
        assertProblem(HEAD + "step\nen: {los}\nzh_CN: 简\nzh_TW: 繁\n", 6, "unknown placeholder \"{los}\" (did you mean {loss}?)");
        assertProblem(HEAD + "step\nen: E\nzh_CN: {h[4]}\nzh_TW: 繁\n", 7, "index 4 is outside 0 … 3");
        assertProblem(HEAD + "step\nen: E\nzh_CN: 简\nzh_TW: {dh_norm[0]}\n", 8, "outside 1 … 3");
        assertProblem(HEAD + "step\nen: {c[1]}\nzh_CN: 简\nzh_TW: 繁\n", 6, "needs the lstm cell (this step uses rnn)");
        assertProblem(HEAD + "step\nen: {loss[1]}\nzh_CN: 简\nzh_TW: 繁\n", 6, "{loss} takes no index");
        assertProblem(HEAD + "step\nen: {h}\nzh_CN: 简\nzh_TW: 繁\n", 6, "{h} needs an index");
        assertProblem(HEAD + "step\nen: a { b\nzh_CN: 简\nzh_TW: 繁\n", 6, "a lone \"{\"");
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        List<LessonProblem> ps = problems(HEAD + "celll x\nhidden 0\n" + step("at nowhere\n"));
        assertEquals(List.of(5, 6, 8), ps.stream().map(LessonProblem::line).toList());
    }

    @Test
    void literalBracesAndByteOrderMark() throws Exception {
        Lesson l = parse("\uFEFF" + HEAD + "step\nen: {{x}} {loss}\nzh_CN: 简\nzh_TW: 繁\n");
        assertEquals("{x} …", Placeholders.blank(l.step(0).narration().get(Lang.EN)));
    }
}
