package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageFigureTest {
    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        return g.getFontMetrics(ChartStyle.LABEL_FONT);
    }

    @Test
    void englishBreaksBetweenWordsAndChineseBetweenCharacters() {
        FontMetrics fm = metrics();
        String english = "A plain RNN (tanh) has no gates: choose an LSTM or a GRU to see them.";
        List<String> lines = MessageFigure.wrap(english, fm, 200);
        assertTrue(lines.size() > 1, lines.toString());
        assertEquals(english, String.join(" ", lines));
        String chinese = "普通的 RNN (tanh) 没有门：选择 LSTM 或 GRU 才能看到输入门、遗忘门和输出门的激活值。";
        lines = MessageFigure.wrap(chinese, fm, 200);
        assertTrue(lines.size() > 2, "a sentence without spaces is still wrapped: " + lines);
        for (String l : lines) {
            assertTrue(fm.stringWidth(l) <= 200 || l.codePointCount(0, l.length()) == 1, l);
        }
        assertEquals(chinese.replace(" ", ""), String.join("", lines).replace(" ", ""));
    }
}
