package org.unroll.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Setup;

class LessonPlayerTest {
    static final String LESSON = LessonParserTest.HEAD
            + "step\nat forward 1\nen: h1 = {h[1]}, loss {loss}\nzh_CN: 损失 {loss}\nzh_TW: 損失 {loss}\n"
            + "step\nat backward 2 stage 2\nen: dh2 {dh_norm[2]} of {steps}\nzh_CN: 简\nzh_TW: 繁\n"
            + "step\ncell lstm\nen: f {f_mean[1]} c {c[1]}\nzh_CN: 简\nzh_TW: 繁\n";

    @Test
    void stepsForwardAndBackWithSetupsAndCursors() throws Exception {
        LessonPlayer p = new LessonPlayer(LessonParser.parse("x.lesson", LESSON));
        assertEquals(3, p.size());
        assertEquals(0, p.index());
        assertFalse(p.hasPrevious());
        assertFalse(p.previous());
        assertEquals(Cursor.forward(0), p.cursor());
        assertEquals(Setup.JEEP, p.setup());
        assertTrue(p.next());
        assertEquals(Cursor.backward(1, BackwardStage.ADD_FUTURE), p.cursor());
        assertTrue(p.next());
        assertEquals(CellType.LSTM, p.setup().cell());
        assertEquals(Cursor.backward(1, BackwardStage.ADD_FUTURE), p.cursor());
        assertFalse(p.hasNext());
        assertFalse(p.next());
        assertEquals(2, p.index());
        assertTrue(p.previous());
        assertEquals(1, p.index());
        p.goTo(99);
        assertEquals(2, p.index());
        p.goTo(-1);
        assertEquals(0, p.index());
    }

    @Test
    void fillsNarrationFromTheWalk() throws Exception {
        LessonPlayer p = new LessonPlayer(LessonParser.parse("x.lesson", LESSON));
        Walkthrough w = p.walk();
        assertEquals(Cursor.forward(0), p.cursor());
        String loss = Placeholders.num(w.loss());
        assertEquals("损失 " + loss, p.narration(Lang.ZH_CN, w));
        assertTrue(p.narration(Lang.EN, w).startsWith("h1 = ["), p.narration(Lang.EN, w));
        assertEquals("损失 …", p.narration(Lang.ZH_CN, null));
        p.next();
        Walkthrough w2 = p.walk();
        assertEquals("dh2 " + Placeholders.num(w2.flow().dhNorms()[1]) + " of 3", p.narration(Lang.EN, w2));
        p.next();
        Walkthrough w3 = p.walk();
        assertEquals(CellType.LSTM, w3.model().cell());
        assertTrue(p.narration(Lang.EN, w3).matches("f [0-9.]+ c \\[.*]"), p.narration(Lang.EN, w3));
    }

    @Test
    void aPlaceholderTheWalkCannotFillIsMarkedNotThrown() throws Exception {
        LessonPlayer p = new LessonPlayer(LessonParser.parse("x.lesson", LESSON));
        p.goTo(2);
        Walkthrough rnn = new LessonPlayer(LessonParser.parse("x.lesson", LESSON)).walk();
        assertEquals("f {f_mean[1]?} c {c[1]?}", p.narration(Lang.EN, rnn));
    }

    @Test
    void numbersHaveFourSignificantDigits() {
        assertEquals("3.675", Placeholders.num(3.67512));
        assertEquals("0.0017", Placeholders.num(0.0017));
        assertEquals("1.732e-9", Placeholders.num(1.7321e-9));
        assertEquals("3.487e9", Placeholders.num(3.4868e9));
        assertEquals("0", Placeholders.num(0.0));
        assertEquals("-0.19", Placeholders.num(-0.19));
        assertEquals("∞", Placeholders.num(Double.POSITIVE_INFINITY));
    }
}
