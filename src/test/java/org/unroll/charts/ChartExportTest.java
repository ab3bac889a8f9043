package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartExportTest {

    @TempDir
    Path dir;

    private static long inkPixels(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void pngHasTheScaledSizeAndVisibleContent() throws Exception {
        VanishingChart c = new VanishingChart();
        c.update(List.of(SampleData.rnn(), SampleData.lstm()));
        Path p = dir.resolve("v.png");
        ChartExport.writePng(c.chart(), p, 640, 360, 2);
        BufferedImage img = ImageIO.read(p.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(720, img.getHeight());
        long ink = inkPixels(img);
        assertTrue(ink > 1280 * 720 / 50, "too little drawn: " + ink);
        assertTrue(ink < 1280 * 720 / 2, "background not white: " + ink);
    }

    @Test
    void scaleIsLimitedToOneToFour() {
        StepNormChart c = new StepNormChart();
        assertThrows(IllegalArgumentException.class, () -> ChartExport.writePng(c.chart(), dir.resolve("a.png"), 10, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> ChartExport.writePng(c.chart(), dir.resolve("a.png"), 10, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> ChartExport.writePng(c.chart(), dir.resolve("a.png"), 0, 10, 1));
    }

    @Test
    void svgIsXmlWithAPathPerSeriesAndTheLegendText() throws Exception {
        VanishingChart c = new VanishingChart();
        c.update(List.of(SampleData.rnn(), SampleData.gru()));
        Path p = dir.resolve("v.svg");
        ChartExport.writeSvg(c.chart(), p, 1280, 720);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // the file names the SVG 1.1 DTD; parse offline
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(p.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(1280, Double.parseDouble(doc.getDocumentElement().getAttribute("width")));
        String text = Files.readString(p);
        for (String key : List.of("RNN (tanh)", "GRU bound 0.9^(T−k)", "‖∂h_T/∂h_k‖")) {
            assertTrue(text.contains(key), "missing " + key);
        }
        // each of the 4 series is a long polyline path (many segments); gridlines and
        // axes are short single-segment paths
        var paths = doc.getElementsByTagName("path");
        int longPaths = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            String d = ((org.w3c.dom.Element) paths.item(i)).getAttribute("d");
            if (d.split("L").length > SampleData.T) {
                longPaths++;
            }
        }
        assertTrue(longPaths >= 4, "series paths: " + longPaths);
    }

    @Test
    void anyFigureExports() throws Exception {
        Figure box = (g, area) -> {
            g.setColor(Color.BLACK);
            g.fill(new java.awt.geom.Rectangle2D.Double(area.getX() + 10, area.getY() + 10, 20, 20));
        };
        Path p = dir.resolve("f.png");
        ChartExport.writePng(box, p, 100, 50, 3);
        BufferedImage img = ImageIO.read(p.toFile());
        assertEquals(300, img.getWidth());
        assertEquals(150, img.getHeight());
        assertEquals(60 * 60, inkPixels(img));
        assertTrue(ChartExport.toSvg(box, 100, 50).contains("<rect"));
    }

    @Test
    void explodingRunWithHugeInfiniteAndNaNValuesRenders() throws Exception {
        StepNormChart norms = new StepNormChart();
        norms.update(List.of(SampleData.exploding(), SampleData.dead()));
        norms.setCurrentStep(2);
        VanishingChart van = new VanishingChart();
        van.update(SampleData.exploding());
        StepContributionChart contrib = new StepContributionChart();
        contrib.update(new StepContributions("RNN", "weight_hh", 0, 0,
                new double[] {1e300, 1e300, Double.POSITIVE_INFINITY, Double.NaN, -1e300}, Double.NaN,
                java.util.Map.of("weight_hh", new double[] {1e300, Double.POSITIVE_INFINITY, Double.NaN, 0, 1})));
        GradCheckChart check = new GradCheckChart();
        check.update(new GradCheckResult("RNN", List.of(
                GradCheckResult.Row.of("weight_hh", 1e300, Double.POSITIVE_INFINITY, 0, 0),
                GradCheckResult.Row.of("weight_hh", Double.NaN, 1, 0, 1),
                GradCheckResult.Row.of("bias_hh", 0, 0, 0)), 1e-6));
        GateHeatmapChart gates = new GateHeatmapChart();
        double[][][] v = SampleData.gates(3, 4, 2, java.util.Set.of(2), 1);
        v[0][0][0] = Double.NaN;
        v[2][1][1] = Double.POSITIVE_INFINITY;
        gates.update(GateActivations.gru(v));
        for (var chart : List.of(norms.chart(), van.chart(), contrib.chart(), check.chart(), gates.chart())) {
            BufferedImage img = ChartExport.render(Figure.of(chart), 800, 450, 1);
            assertTrue(inkPixels(img) > 800 * 450 / 100);
        }
        norms.setLogScale(true);
        contrib.setMode(StepContributionChart.Mode.NORMS);
        ChartExport.writePng(norms.chart(), dir.resolve("n.png"), 800, 450, 1);
        ChartExport.writePng(contrib.chart(), dir.resolve("c.png"), 800, 450, 1);
        ChartExport.writeSvg(van.chart(), dir.resolve("v.svg"), 800, 450);
        assertTrue(Files.readString(dir.resolve("v.svg")).contains("NaN"));
    }
}
