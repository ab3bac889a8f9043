package org.unroll.figures;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/** The timeline as a PNG or SVG file for slides: the same painter as on screen. */
public final class TimelineExport {
    private TimelineExport() {
    }

    /** A PNG of {@code width} × {@code height} px of the frame, drawn {@code pixelRatio} times finer. */
    public static BufferedImage image(TimelineFigure.Frame frame, int width, int height, double pixelRatio) {
        int w = (int) Math.ceil(width * pixelRatio);
        int h = (int) Math.ceil(height * pixelRatio);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(pixelRatio, pixelRatio);
            TimelineFigure.paint(g, new Rectangle2D.Double(0, 0, width, height), frame);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static void writePng(TimelineFigure.Frame frame, int width, int height, double pixelRatio, Path file)
            throws IOException {
        java.awt.image.BufferedImage image = image(frame, width, height, pixelRatio);
        org.unroll.io.SafeFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /** The frame as an SVG document. */
    public static String svg(TimelineFigure.Frame frame, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        TimelineFigure.paint(g, new Rectangle2D.Double(0, 0, width, height), frame);
        return g.getSVGDocument();
    }

    public static void writeSvg(TimelineFigure.Frame frame, int width, int height, Path file) throws IOException {
        org.unroll.io.SafeFiles.writeText(file, svg(frame, width, height));
    }

    /** A PNG image of the grid timeline of a stacked network, drawn {@code pixelRatio} times finer. */
    public static BufferedImage image(GridTimelineFigure.Frame frame, int width, int height, double pixelRatio) {
        BufferedImage img = new BufferedImage((int) Math.ceil(width * pixelRatio), (int) Math.ceil(height * pixelRatio),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(pixelRatio, pixelRatio);
            GridTimelineFigure.paint(g, new Rectangle2D.Double(0, 0, width, height), frame);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static void writePng(GridTimelineFigure.Frame frame, int width, int height, double pixelRatio, Path file)
            throws IOException {
        BufferedImage image = image(frame, width, height, pixelRatio);
        org.unroll.io.SafeFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /**
     * The size of the whole grid of a frame that a viewport of {@code width} × {@code height} shows in
     * part (scrolled sideways or up and down): every step at the frame's column width, every row at
     * its row height, so an export holds the whole grid, not the part in view.
     */
    public static java.awt.Dimension wholeGrid(GridTimelineFigure.Frame frame, double width, double height) {
        GridTimelineLayout lay = GridTimelineFigure.layout(frame.unscrolled(), width, height);
        return new java.awt.Dimension((int) Math.ceil(width + lay.maxScroll()),
                (int) Math.ceil(Math.max(height, lay.contentHeight() - lay.bottomRoom())));
    }

    /** The whole grid of a frame as an SVG document of {@code width} × {@code height} (see {@link #wholeGrid}). */
    public static String svg(GridTimelineFigure.Frame frame, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        GridTimelineFigure.paint(g, new Rectangle2D.Double(0, 0, width, height), frame.unscrolled());
        return g.getSVGDocument();
    }

    public static void writeSvg(GridTimelineFigure.Frame frame, int width, int height, Path file) throws IOException {
        org.unroll.io.SafeFiles.writeText(file, svg(frame, width, height));
    }

}
