package org.unroll.slides;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text set on a slide as real (searchable, copyable) PDF text: broken into lines that fit a
 * width (between words, or between any two Chinese characters), each character in a face that
 * has it, shrunk until the block fits its height.
 */
final class TextBlock {
    private record Run(PDType0Font font, String text) {
    }

    private final SlideFonts fonts;
    private final boolean strong;

    TextBlock(SlideFonts fonts, boolean strong) {
        this.fonts = fonts;
        this.strong = strong;
    }

    /** The largest size from {@code max} down to {@code min} at which {@code paragraphs} fit in w × h. */
    float fit(List<String> paragraphs, float w, float h, float max, float min) throws IOException {
        for (float size = max; size > min; size -= 1) {
            if (height(paragraphs, w, size) <= h) {
                return size;
            }
        }
        return min;
    }

    float height(List<String> paragraphs, float w, float size) throws IOException {
        int lines = 0;
        for (String p : paragraphs) {
            lines += Math.max(1, lines(p, w, size).size());
        }
        return lines * size * 1.3f + (paragraphs.size() - 1) * size * 0.5f;
    }

    /**
     * Draws the paragraphs from the top-left corner (x, top) downwards, in PDF coordinates.
     *
     * @return the y below the last line
     */
    float draw(PDPageContentStream cs, List<String> paragraphs, float x, float top, float w, float size)
            throws IOException {
        float y = top;
        for (String p : paragraphs) {
            for (String line : lines(p, w, size)) {
                y -= size * 1.3f;
                drawLine(cs, line, x, y + size * 0.3f, size);
            }
            y -= size * 0.5f;
        }
        return y;
    }

    void drawLine(PDPageContentStream cs, String line, float x, float baseline, float size) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, baseline);
        for (Run r : runs(line)) {
            cs.setFont(r.font(), size);
            cs.showText(r.text());
        }
        cs.endText();
    }

    float width(String s, float size) throws IOException {
        float w = 0;
        for (Run r : runs(s)) {
            w += r.font().getStringWidth(r.text()) / 1000f * size;
        }
        return w;
    }

    List<String> lines(String text, float w, float size) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String tok : tokens(text)) {
            String tried = line + tok;
            if (line.length() > 0 && width(tried.stripTrailing(), size) > w) {
                out.add(line.toString().strip());
                line.setLength(0);
                if (tok.isBlank()) {
                    continue;
                }
            }
            line.append(tok);
        }
        if (!line.toString().isBlank()) {
            out.add(line.toString().strip());
        }
        return out;
    }

    /** Chinese punctuation that may not begin a line. */
    private static final String NO_BREAK_BEFORE = "，。、；：？！」』）》〉】";

    /** Words with their following space, and each wide (Chinese) character on its own. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            boolean wide = cp >= 0x2E80 && !(cp >= 0xFF61 && cp <= 0xFFDC);
            if (wide && NO_BREAK_BEFORE.indexOf(cp) >= 0 && word.length() > 0) {
                // a closing mark never starts a line: after a number or a Latin word it ends that word
                word.appendCodePoint(cp);
                out.add(word.toString());
                word.setLength(0);
            } else if (wide && NO_BREAK_BEFORE.indexOf(cp) >= 0 && !out.isEmpty()) {
                // … and after a Chinese character it stays with that character
                out.set(out.size() - 1, out.get(out.size() - 1) + new String(Character.toChars(cp)));
            } else if (wide) {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                out.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
                if (cp == ' ') {
                    out.add(word.toString());
                    word.setLength(0);
                }
            }
        });
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    /** The text cut where the face changes; characters no face has become "?". */
    private List<Run> runs(String s) {
        List<Run> out = new ArrayList<>();
        PDType0Font cur = null;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            PDType0Font f = fonts.faceFor(cp, strong);
            if (f == null) {
                cp = '?';
                f = fonts.faceFor(cp, strong);
            }
            if (f != cur && sb.length() > 0) {
                out.add(new Run(cur, sb.toString()));
                sb.setLength(0);
            }
            cur = f;
            sb.appendCodePoint(cp);
        }
        if (sb.length() > 0) {
            out.add(new Run(cur, sb.toString()));
        }
        return out;
    }
}
