package org.unroll.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.unroll.io.SafeFiles;

/**
 * Writes charts and other {@link Figure}s to PNG (at 1–4× pixel density, for slides) and
 * to SVG. Works headless: nothing here needs a display or JavaFX.
 */
public final class ChartExport {

    /** The largest PNG scale factor. */
    public static final int MAX_SCALE = 4;

    private ChartExport() {
    }

    /**
     * Renders a chart to a PNG of (width·scale) × (height·scale) pixels; the layout is that
     * of a width × height chart, drawn {@code scale} times sharper.
     *
     * @param chart  the chart
     * @param file   where to write; parent directories are created
     * @param width  layout width in pixels, 1 or more
     * @param height layout height in pixels, 1 or more
     * @param scale  1 to {@link #MAX_SCALE}
     * @throws IOException when the file cannot be written
     */
    public static void writePng(JFreeChart chart, Path file, int width, int height, int scale) throws IOException {
        writePng(Figure.of(chart), file, width, height, scale);
    }

    /**
     * Renders a figure to a PNG, as {@link #writePng(JFreeChart, Path, int, int, int)}.
     *
     * @param figure the figure
     * @param file   where to write
     * @param width  layout width
     * @param height layout height
     * @param scale  1 to {@link #MAX_SCALE}
     * @throws IOException when the file cannot be written
     */
    public static void writePng(Figure figure, Path file, int width, int height, int scale) throws IOException {
        BufferedImage image = render(figure, width, height, scale);
        SafeFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /**
     * Renders a figure into an opaque image of (width·scale) × (height·scale) pixels on a
     * white background.
     *
     * @param figure the figure
     * @param width  layout width
     * @param height layout height
     * @param scale  1 to {@link #MAX_SCALE}
     * @return the image
     */
    public static BufferedImage render(Figure figure, int width, int height, int scale) {
        checkSize(width, height);
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be 1.." + MAX_SCALE + ", was " + scale);
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            figure.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Writes a chart to an SVG file of width × height.
     *
     * @param chart  the chart
     * @param file   where to write; parent directories are created
     * @param width  width in pixels
     * @param height height in pixels
     * @throws IOException when the file cannot be written
     */
    public static void writeSvg(JFreeChart chart, Path file, int width, int height) throws IOException {
        writeSvg(Figure.of(chart), file, width, height);
    }

    /**
     * Writes a figure to an SVG file of width × height. Text stays text (searchable,
     * editable in a slide tool).
     *
     * @param figure the figure
     * @param file   where to write
     * @param width  width in pixels
     * @param height height in pixels
     * @throws IOException when the file cannot be written
     */
    public static void writeSvg(Figure figure, Path file, int width, int height) throws IOException {
        checkSize(width, height);
        SafeFiles.writeText(file, toSvg(figure, width, height));
    }

    /**
     * Draws a figure into an SVG document.
     *
     * @param figure the figure
     * @param width  width in pixels
     * @param height height in pixels
     * @return the SVG document's text
     */
    public static String toSvg(Figure figure, int width, int height) {
        checkSize(width, height);
        return svgGraphics(figure, width, height).getSVGDocument();
    }

    private static SVGGraphics2D svgGraphics(Figure figure, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        figure.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g;
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be positive, was " + width + "×" + height);
        }
    }

}
