package org.unroll.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.unroll.charts.ChartExport;
import org.unroll.charts.EngineCharts;
import org.unroll.charts.Figure;
import org.unroll.charts.GateActivations;
import org.unroll.charts.GateHeatmapChart;
import org.unroll.charts.GradCheckChart;
import org.unroll.charts.MessageFigure;
import org.unroll.charts.StepContributionChart;
import org.unroll.charts.StepNormChart;
import org.unroll.charts.VanishingChart;
import org.unroll.engine.Cursor;
import org.unroll.engine.GradCheck;
import org.unroll.engine.GradCheckConfig;
import org.unroll.engine.Params;
import org.unroll.engine.Walkthrough;
import org.unroll.figures.TimelineExport;
import org.unroll.figures.TimelineFigure;
import org.unroll.figures.TimelineLayout;
import org.unroll.i18n.Texts;
import org.unroll.io.FormatException;
import org.unroll.task.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code unroll render CHART MODEL.json SEQ.json -o FILE.{png,svg}}: draws one chart, or the
 * timeline, of one training step without a display, as the window would export it.
 */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Draws one chart (or the unrolled timeline) of the sequence run through the model,"
                + " without a display, to a PNG or SVG file. CHART is one of: step-norms, vanishing, gates,"
                + " contributions, gradcheck, timeline.")
final class RenderCommand extends Subcommand {

    /** What can be rendered. */
    enum Chart {
        STEP_NORMS, VANISHING, GATES, CONTRIBUTIONS, GRADCHECK, TIMELINE;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static String ids() {
            return Arrays.stream(values()).map(Chart::id).collect(Collectors.joining(", "));
        }

        static Chart of(String id) {
            for (Chart c : values()) {
                if (c.id().equals(id)) {
                    return c;
                }
            }
            return null;
        }
    }

    private static final Pattern ENTRY = Pattern.compile("([a-z_]+)\\[(\\d+)(?:,(\\d+))?\\]");

    @Parameters(index = "0", paramLabel = "CHART",
            description = "step-norms, vanishing, gates, contributions, gradcheck or timeline")
    private String chart;

    @Parameters(index = "1", paramLabel = "MODEL.json", description = "a bptt-model/1 file")
    private Path model;

    @Parameters(index = "2", paramLabel = "SEQ.json", description = "a bptt-sequence/1 file")
    private Path sequence;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.{png,svg}",
            description = "where to write; the extension chooses PNG or SVG")
    private Path output;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1280",
            description = "layout width in pixels (default: ${DEFAULT-VALUE})")
    private int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "720",
            description = "layout height in pixels (default: ${DEFAULT-VALUE})")
    private int height;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
            description = "PNG pixel density 1-4: a W×H layout in (W·S)×(H·S) pixels (default: ${DEFAULT-VALUE})")
    private int scale;

    @Option(names = "--log", description = "step-norms: a logarithmic y axis")
    private boolean log;

    @Option(names = "--entry", paramLabel = "PARAM[ROW,COL]",
            description = "contributions: the gradient entry to stack, e.g. weight_hh[0,1] or bias_hh[2]"
                    + " (default: weight_hh's largest)")
    private String entry;

    @Option(names = "--norms", description = "contributions: each step's Frobenius norm of PARAM instead of one entry")
    private boolean norms;

    @Option(names = "--max-entries", paramLabel = "N", defaultValue = "" + EngineCharts.DEFAULT_CHECK_ENTRIES,
            description = "gradcheck: check at most N entries of each parameter (default: ${DEFAULT-VALUE})")
    private int maxEntries;

    @Override
    protected int run() throws FormatException {
        System.setProperty("java.awt.headless", "true");
        Chart kind = Chart.of(chart);
        if (kind == null) {
            throw bad("unknown chart '" + chart + "' (the charts are: " + Chart.ids() + ")");
        }
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw bad("the output file '" + output + "' must end in .png or .svg");
        }
        if (width < 16 || width > 8000 || height < 16 || height > 8000) {
            throw bad("--width and --height must be between 16 and 8000, were " + width + " and " + height);
        }
        if (scale < 1 || scale > ChartExport.MAX_SCALE) {
            throw bad("--scale must be between 1 and " + ChartExport.MAX_SCALE + ", was " + scale);
        }
        if (maxEntries < 1) {
            throw bad("--max-entries must be 1 or more, was " + maxEntries);
        }
        if (Files.isDirectory(output)) {
            return cannotWrite("it is a directory");
        }
        Inputs in = Inputs.load(model, sequence);
        in.requireMemory(spec().name());
        Walkthrough walk = new Walkthrough(in.model(), in.sequence(), 0.1);
        try {
            if (kind == Chart.TIMELINE) {
                writeTimeline(new Scenario(in.model(), in.sequence(), null), walk, svg);
            } else {
                Figure f = figure(kind, walk, in);
                if (svg) {
                    ChartExport.writeSvg(f, output, width, height);
                } else {
                    ChartExport.writePng(f, output, width, height, scale);
                }
            }
        } catch (IOException e) {
            return cannotWrite(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return ExitCodes.OK;
    }

    private Figure figure(Chart kind, Walkthrough walk, Inputs in) {
        switch (kind) {
            case STEP_NORMS -> {
                StepNormChart c = new StepNormChart();
                c.setLogScale(log);
                c.update(EngineCharts.flow(walk));
                return Figure.of(c.chart());
            }
            case VANISHING -> {
                VanishingChart c = new VanishingChart();
                c.update(EngineCharts.flow(walk));
                return Figure.of(c.chart());
            }
            case GATES -> {
                var gates = EngineCharts.gates(walk);
                if (gates.isEmpty()) {
                    return new MessageFigure(Texts.get("chart.gates.titleOf", walk.model().label(),
                            String.valueOf(walk.model().hiddenSize())),
                            EngineCharts.noGatesReason(walk.model()));
                }
                GateHeatmapChart c = new GateHeatmapChart();
                GateActivations a = gates.get();
                c.update(a);
                return Figure.of(c.chart());
            }
            case CONTRIBUTIONS -> {
                int[] rc;
                String param;
                if (entry == null) {
                    param = "weight_hh";
                    rc = EngineCharts.largestEntry(walk.gradients(), param);
                } else {
                    Matcher m = ENTRY.matcher(entry.replace(" ", ""));
                    if (!m.matches() || !Params.NAMES.contains(m.group(1))) {
                        throw bad("--entry must look like weight_hh[0,1] or bias_hh[2] with a parameter among "
                                + String.join(", ", Params.NAMES) + ", was '" + entry + "'");
                    }
                    param = m.group(1);
                    DMatrixRMaj p = walk.gradients().get(param);
                    int a = Integer.parseInt(m.group(2));
                    rc = m.group(3) == null ? (p.numRows == 1 ? new int[] {0, a} : new int[] {a, -1})
                            : new int[] {a, Integer.parseInt(m.group(3))};
                    if (rc[0] >= p.numRows || rc[1] < 0 || rc[1] >= p.numCols) {
                        throw bad("--entry " + entry + " is outside " + param + ", which is "
                                + p.numRows + "×" + p.numCols);
                    }
                }
                StepContributionChart c = new StepContributionChart();
                c.update(EngineCharts.contributions(walk, param, rc[0], rc[1]));
                if (norms) {
                    c.setNormParameter(param);
                    c.setMode(StepContributionChart.Mode.NORMS);
                }
                return Figure.of(c.chart());
            }
            case GRADCHECK -> {
                GradCheckChart c = new GradCheckChart();
                c.update(EngineCharts.gradCheck(in.model(), in.sequence(), GradCheckConfig.DEFAULT, maxEntries,
                        Progress.of(err(), spec().qualifiedName())));
                return Figure.of(c.chart());
            }
            default -> throw new IllegalStateException(kind.id());
        }
    }

    /** The whole timeline at the end of the step, scaled to fit the area. */
    private void writeTimeline(Scenario sc, Walkthrough walk, boolean svg) throws IOException {
        int steps = walk.steps();
        double fit = Math.min(width / TimelineLayout.contentWidth(steps, 1), height / TimelineLayout.HEIGHT);
        double zoom = Math.max(0.05, Math.min(fit, 3));
        TimelineFigure.Frame frame = new TimelineFigure.Frame(walk, sc, Cursor.update(), zoom, 0, null, false,
                TimelineFigure.TRANSLATED);
        if (svg) {
            TimelineExport.writeSvg(frame, width, height, output);
        } else {
            TimelineExport.writePng(frame, width, height, scale, output);
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec().commandLine(), message);
    }

    private int cannotWrite(String reason) {
        err().println(spec().qualifiedName() + ": cannot write " + output + ": " + OneLine.of(reason));
        return ExitCodes.BAD_INPUT;
    }
}
