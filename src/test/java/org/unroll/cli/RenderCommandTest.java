package org.unroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unroll.engine.GradientFlow;
import org.unroll.engine.Walkthrough;
import org.unroll.io.ModelFile;
import org.unroll.io.SequenceFile;
import org.unroll.engine.Model;
import org.unroll.testing.Fixtures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** {@code unroll render}: every chart of the jeep fixtures as PNG of the asked size and as SVG that holds the series. */
class RenderCommandTest {
    @TempDir
    Path dir;

    private static String[] args(String chart, String fixture, Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("render", chart, Fixtures.model(fixture).toString(),
                Fixtures.seq(fixture).toString(), "-o", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"step-norms", "vanishing", "gates", "contributions", "gradcheck", "timeline"})
    void everyChartRendersAPngOfTheAskedSize(String chart) throws Exception {
        for (String fixture : List.of("jeep_rnn", "jeep_lstm")) {
            Path png = dir.resolve(chart + "-" + fixture + ".png");
            CliRun run = CliRun.of(args(chart, fixture, png, "--width", "640", "--height", "400", "--scale", "2"));
            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertEquals("", run.err());
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(1280, img.getWidth());
            assertEquals(800, img.getHeight());
            assertTrue(visibleFraction(img) > 0.01, chart + " " + fixture + ": almost blank, "
                    + visibleFraction(img));
            assertTrue(colours(img) > 8, chart + " " + fixture + " has few colours");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"step-norms", "vanishing", "gates", "contributions", "gradcheck", "timeline"})
    void everyChartRendersAnSvgThatParses(String chart) throws Exception {
        Path svg = dir.resolve(chart + ".svg");
        CliRun run = CliRun.of(args(chart, "jeep_gru", svg));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        Document doc = parse(Files.readString(svg));
        assertEquals("svg", doc.getDocumentElement().getLocalName() == null
                ? doc.getDocumentElement().getTagName() : doc.getDocumentElement().getLocalName());
        assertTrue(doc.getElementsByTagName("*").getLength() > 20);
    }

    @Test
    void theVanishingSvgHoldsThePlottedSeries() throws Exception {
        Path svg = dir.resolve("v.svg");
        CliRun run = CliRun.of(args("vanishing", "jeep_rnn", svg));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String text = Files.readString(svg);
        Document doc = parse(text);
        // the legend names the cell and the bound, as text
        String all = textOf(doc);
        assertTrue(all.contains("RNN (tanh)"), all);
        assertTrue(all.contains("bound"), all);
        // one path per series with a vertex per k: the h-path line has T + 1 = 4 points
        Model m = ModelFile.read(Fixtures.model("jeep_rnn"));
        Walkthrough w = new Walkthrough(m, SequenceFile.read(Fixtures.seq("jeep_rnn"), m), 0.1);
        GradientFlow f = w.flow();
        assertEquals(4, f.jacobianNorms().length);
        NodeList paths = doc.getElementsByTagName("path");
        int lines = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            String d = ((Element) paths.item(i)).getAttribute("d");
            if (d.split("L").length == 4 && d.startsWith("M")) {
                lines++;
            }
        }
        assertTrue(lines >= 2, "series polylines with 4 points: " + lines);
    }

    @Test
    void theGradcheckSvgNamesTheCheckedEntries() throws Exception {
        Path svg = dir.resolve("g.svg");
        CliRun run = CliRun.of(args("gradcheck", "jeep_lstm", svg, "--max-entries", "2"));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String all = textOf(parse(Files.readString(svg)));
        // 2 entries of each of the six parameters, all passing; both series in the legend
        assertTrue(all.contains("LSTM gradient check: all 12 entries pass"), all);
        assertTrue(all.contains("analytic (BPTT)") && all.contains("numeric (central diff.)"), all);
    }

    @Test
    void anRnnsGatesAreAMessage() throws Exception {
        Path svg = dir.resolve("gates.svg");
        CliRun run = CliRun.of(args("gates", "jeep_rnn", svg));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(textOf(parse(Files.readString(svg))).contains("has no gates"));
    }

    @Test
    void contributionsTakeAnEntryAndNorms() throws Exception {
        Path svg = dir.resolve("c.svg");
        CliRun run = CliRun.of(args("contributions", "jeep_lstm", svg, "--entry", "weight_hh[5,1]"));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        // the option takes PyTorch's name and 0-based indices; the chart shows the display notation, 1-based
        assertTrue(textOf(parse(Files.readString(svg))).contains("W_hh[6,2]"));
        run = CliRun.of(args("contributions", "jeep_lstm", svg, "--entry", "bias_out[1]", "--norms"));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        run = CliRun.of(args("contributions", "jeep_lstm", svg, "--entry", "weight_hh[99,0]"));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("outside weight_hh"), run.err());
    }

    @Test
    void aBadChartNameIsOneLine() {
        CliRun run = CliRun.of(args("pie", "jeep_rnn", dir.resolve("x.png")));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("unroll render: unknown chart 'pie' (the charts are: step-norms,"), run.err());
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void aBadExtensionOrSizeIsOneLine() {
        for (String[] a : List.of(args("vanishing", "jeep_rnn", dir.resolve("x.jpg")),
                args("vanishing", "jeep_rnn", dir.resolve("x.png"), "--scale", "9"),
                args("vanishing", "jeep_rnn", dir.resolve("x.png"), "--width", "0"))) {
            CliRun run = CliRun.of(a);
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), String.join(" ", a));
            assertEquals(1, run.errLines().size(), run.err());
        }
    }

    @Test
    void anUnwritableOutputIsOneLine() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a directory");
        for (Path out : List.of(blocker.resolve("x.png"), blocker.resolve("x.svg"), dir)) {
            Path target = out.equals(dir) ? Files.createDirectories(dir.resolve("d.png")) : out;
            CliRun run = CliRun.of(args("step-norms", "jeep_rnn", target));
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().startsWith("unroll render: cannot write "), run.err());
        }
    }

    @Test
    void aBadModelFileIsOneLine() throws Exception {
        Path bad = dir.resolve("bad.model.json");
        Files.writeString(bad, "{\"format\": \"bptt-model/1\"");
        CliRun run = CliRun.of("render", "vanishing", bad.toString(), Fixtures.seq("jeep_rnn").toString(),
                "-o", dir.resolve("x.png").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("unroll render: "), run.err());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setNamespaceAware(true);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new InputSource(new StringReader(xml)));
    }

    private static String textOf(Document doc) {
        return doc.getDocumentElement().getTextContent();
    }

    /** The fraction of pixels that are not the white background. */
    private static double visibleFraction(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n / (img.getWidth() / 2.0 * img.getHeight() / 2.0);
    }

    private static int colours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                c.add(img.getRGB(x, y));
            }
        }
        return c.size();
    }
}
