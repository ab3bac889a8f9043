package org.unroll.slides;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.font.TextAttribute;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * How the charts and the timeline on a slide write their words: as real PDF text in the deck's
 * own fonts (so a Chinese chart title can be searched and copied like the narration), each
 * character in the first face that has it, as {@link TextBlock} does. A string some face cannot
 * set, or one with a background or right-to-left script, is left to PdfBoxGraphics2D, which
 * draws it as outlines.
 */
final class ChartText implements IPdfBoxGraphics2DFontTextDrawer {
    private final SlideFonts fonts;

    ChartText(SlideFonts fonts) {
        this.fonts = fonts;
    }

    @Override
    public boolean canDrawText(AttributedCharacterIterator it, IFontTextDrawerEnv env) {
        if (it.getAttribute(TextAttribute.BACKGROUND) != null) {
            return false;
        }
        boolean strong = font(it, env).isBold();
        String s = text(it);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            byte dir = Character.getDirectionality(cp);
            if (dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    || fonts.faceFor(cp, strong) == null) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    @Override
    public void drawText(AttributedCharacterIterator it, IFontTextDrawerEnv env) throws IOException {
        Font font = font(it, env);
        String s = text(it);
        PDPageContentStream cs = env.getContentStream();
        env.applyPaint(env.getPaint(), null);
        cs.saveGraphicsState();
        cs.beginText();
        // the graphics' y axis points down, the PDF's text up: flip about the baseline
        AffineTransform m = new AffineTransform(font.getTransform());
        m.scale(1, -1);
        cs.setTextMatrix(new Matrix(m));
        float size = font.getSize2D();
        PDType0Font current = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            PDType0Font face = fonts.faceFor(cp, font.isBold());
            if (face != current && run.length() > 0) {
                cs.showText(run.toString());
                run.setLength(0);
            }
            if (face != current) {
                cs.setFont(face, size);
                current = face;
            }
            run.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (run.length() > 0) {
            cs.showText(run.toString());
        }
        cs.endText();
        cs.restoreGraphicsState();
    }

    /** The lengths the chart lays its words out with: Java's, whose Latin face is the deck's too. */
    @Override
    public FontMetrics getFontMetrics(Font f, IFontTextDrawerEnv env) {
        return env.getCalculationGraphics().getFontMetrics(f);
    }

    private static Font font(AttributedCharacterIterator it, IFontTextDrawerEnv env) {
        Object f = it.getAttribute(TextAttribute.FONT);
        return f instanceof Font font ? font : env.getFont();
    }

    /** The whole string, the iterator left at its start. */
    private static String text(AttributedCharacterIterator it) {
        StringBuilder sb = new StringBuilder();
        int start = it.getIndex();
        for (char c = it.current(); c != CharacterIterator.DONE; c = it.next()) {
            sb.append(c);
        }
        it.setIndex(start);
        return sb.toString();
    }
}
