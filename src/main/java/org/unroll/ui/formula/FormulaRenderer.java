package org.unroll.ui.formula;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Renders LaTeX with JLaTeXMath into a transparent BufferedImage (painting the TeXIcon through AWT;
 * drawing it through FXGraphics2D gives wrong glyphs). Results, failures included, are kept in a
 * least-recently-used cache keyed by (latex, pixel size, colour). Never throws for bad LaTeX. Each
 * {@link FormulaImages} owns one; there is no shared instance.
 */
public final class FormulaRenderer {

    private record Key(String latex, float pixelSize, int argb) {
    }

    private final Map<Key, RenderedFormula> cache;

    /** @param capacity how many renderings to keep */
    public FormulaRenderer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, RenderedFormula> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Renders {@code latex} in display style.
     *
     * @param pixelSize font size in device pixels (one TeX point is one pixel)
     * @param argb      foreground colour, 0xAARRGGBB
     */
    public synchronized RenderedFormula render(String latex, double pixelSize, int argb) {
        if (!(pixelSize > 0)) {
            throw new IllegalArgumentException("pixelSize must be positive, was " + pixelSize);
        }
        Key key = new Key(latex, (float) pixelSize, argb);
        return cache.computeIfAbsent(key, k -> paint(k.latex(), k.pixelSize(), k.argb()));
    }

    /** How many renderings the cache holds now. */
    public synchronized int cachedCount() {
        return cache.size();
    }

    /** JLaTeXMath silently closes an unclosed '{'; treat that as the error it is. Null if balanced. */
    static String unbalancedBraces(String latex) {
        int depth = 0;
        for (int i = 0; i < latex.length(); i++) {
            char ch = latex.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth < 0) {
                return "unexpected '}' at position " + i;
            }
        }
        return depth == 0 ? null : depth + " unclosed '{'";
    }

    private static RenderedFormula paint(String latex, float pixelSize, int argb) {
        String unbalanced = unbalancedBraces(latex);
        if (unbalanced != null) {
            return RenderedFormula.failed(unbalanced);
        }
        TeXIcon icon;
        try {
            icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, pixelSize);
        } catch (RuntimeException e) {
            String message = e.getMessage();
            return RenderedFormula.failed(message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
        }
        int pad = Math.max(1, Math.round(pixelSize / 6));
        icon.setInsets(new Insets(pad, pad, pad, pad));
        icon.setForeground(new Color(argb, true));
        int width = Math.max(1, icon.getIconWidth());
        int height = Math.max(1, icon.getIconHeight());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            icon.paintIcon(null, g, 0, 0);
        } catch (RuntimeException e) {
            return RenderedFormula.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            g.dispose();
        }
        return RenderedFormula.of(image);
    }
}
