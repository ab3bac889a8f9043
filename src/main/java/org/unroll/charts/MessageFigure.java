package org.unroll.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A figure that is only a title and a sentence, word-wrapped and centred: what stands in
 * for a chart that has nothing to show (the gates of a plain RNN), in exports as on screen.
 *
 * @param title   the title, drawn as a chart title
 * @param message the explanation
 */
public record MessageFigure(String title, String message) implements Figure {

    @Override
    public void draw(Graphics2D g0, Rectangle2D area) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fill(area);
            g.setColor(ChartStyle.BLACK);
            g.setFont(ChartStyle.TITLE_FONT);
            FontMetrics tm = g.getFontMetrics();
            double y = area.getY() + 12 + tm.getAscent();
            g.drawString(title, (float) (area.getCenterX() - tm.stringWidth(title) / 2.0), (float) y);
            Font body = ChartStyle.LABEL_FONT;
            g.setFont(body);
            FontMetrics bm = g.getFontMetrics();
            List<String> lines = wrap(message, bm, area.getWidth() * 0.8);
            double h = lines.size() * bm.getHeight();
            double top = Math.max(y + bm.getHeight(), area.getCenterY() - h / 2);
            g.setColor(new Color(0x333333));
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                g.drawString(l, (float) (area.getCenterX() - bm.stringWidth(l) / 2.0),
                        (float) (top + i * bm.getHeight() + bm.getAscent()));
            }
            g.setColor(ChartStyle.GRID);
            g.draw(new Rectangle2D.Double(area.getX() + 0.5, area.getY() + 0.5, area.getWidth() - 1, area.getHeight() - 1));
        } finally {
            g.dispose();
        }
    }

    /** Lines of at most {@code width}, broken where the language allows (between words, or between Chinese characters). */
    static List<String> wrap(String text, FontMetrics fm, double width) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n")) {
            java.text.BreakIterator breaks = java.text.BreakIterator.getLineInstance(
                    org.unroll.i18n.Texts.language().locale());
            breaks.setText(para);
            String line = "";
            int start = breaks.first();
            for (int end = breaks.next(); end != java.text.BreakIterator.DONE; start = end, end = breaks.next()) {
                String piece = para.substring(start, end);
                String next = line + piece;
                if (fm.stringWidth(next.stripTrailing()) > width && !line.isEmpty()) {
                    out.add(line.stripTrailing());
                    line = piece;
                } else {
                    line = next;
                }
            }
            out.add(line.stripTrailing());
        }
        return out;
    }
}
