package org.unroll.ui.formula;

import java.awt.image.BufferedImage;

/**
 * The outcome of rendering one LaTeX string: an image, or the reason it could not be parsed.
 *
 * @param image the rendered formula, null if it failed
 * @param error why it failed, null if it worked
 */
public record RenderedFormula(BufferedImage image, String error) {

    public static RenderedFormula of(BufferedImage image) {
        return new RenderedFormula(image, null);
    }

    public static RenderedFormula failed(String error) {
        return new RenderedFormula(null, error);
    }

    public boolean ok() {
        return image != null;
    }
}
