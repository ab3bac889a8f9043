package org.unroll.ui.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FormulaRendererTest {

    private static final String H_T = "h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b) = \\tanh("
            + Tex.DEFAULT.columnVector(new double[] {0.12, -0.5}) + ")";

    @Test
    void rendersFormulaWithMatrixIntoOpaqueInk() {
        RenderedFormula r = new FormulaRenderer(8).render(H_T, 30, 0xFF000000);
        assertTrue(r.ok(), r.error());
        BufferedImage img = r.image();
        assertTrue(img.getWidth() > 200 && img.getHeight() > 30, img.getWidth() + "x" + img.getHeight());
        assertTrue(inkPixels(img) > 500, "the formula should leave ink");
    }

    @Test
    void sizeScalesTheImage() {
        FormulaRenderer renderer = new FormulaRenderer(8);
        BufferedImage small = renderer.render("x_t", 20, 0xFF000000).image();
        BufferedImage big = renderer.render("x_t", 40, 0xFF000000).image();
        assertEquals(2.0, (double) big.getWidth() / small.getWidth(), 0.3);
    }

    @Test
    void usesTheRequestedColour() {
        BufferedImage img = new FormulaRenderer(8).render("W", 40, 0xFFFF0000).image();
        int reddest = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if ((p >>> 24) == 255) {
                    reddest = p;
                }
            }
        }
        assertEquals(0xFFFF0000, reddest);
    }

    @Test
    void badLatexFailsWithAReasonInsteadOfThrowing() {
        RenderedFormula r = new FormulaRenderer(8).render("\\frac{1}{", 20, 0xFF000000);
        assertFalse(r.ok());
        assertNotNull(r.error());
        assertFalse(new FormulaRenderer(8).render("\\notacommand{x}", 20, 0xFF000000).ok());
    }

    @Test
    void braceCheckIgnoresEscapedBraces() {
        assertEquals(null, FormulaRenderer.unbalancedBraces("\\{x\\} + {a}_{b}"));
        assertEquals("1 unclosed '{'", FormulaRenderer.unbalancedBraces("\\frac{1}{"));
        assertTrue(FormulaRenderer.unbalancedBraces("x}").startsWith("unexpected '}'"));
    }

    @Test
    void cachesByLatexSizeAndColourWithBoundedCapacity() {
        FormulaRenderer renderer = new FormulaRenderer(2);
        RenderedFormula a = renderer.render("a", 20, 0xFF000000);
        assertSame(a, renderer.render("a", 20, 0xFF000000));
        renderer.render("a", 21, 0xFF000000);
        renderer.render("a", 20, 0xFF0000FF);
        assertEquals(2, renderer.cachedCount());
    }

    static int inkPixels(BufferedImage img) {
        int ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) > 128) {
                    ink++;
                }
            }
        }
        return ink;
    }
}
