package org.unroll.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders every chart at 1280×720 with realistic data, to look at: {@code main [dir]}
 * (default {@code target/gallery}). {@link ChartGalleryTest} runs it in the build.
 */
public final class ChartGallery {

    private ChartGallery() {
    }

    /**
     * @param args optional output directory
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/gallery");
        for (Path p : render(dir)) {
            System.out.println(p.toAbsolutePath());
        }
    }

    /**
     * Writes the gallery.
     *
     * @param dir the output directory
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public static List<Path> render(Path dir) throws IOException {
        List<Path> out = new java.util.ArrayList<>();

        StepNormChart norms = new StepNormChart();
        norms.update(List.of(SampleData.rnn(), SampleData.lstm()));
        norms.setCurrentStep(25);
        out.add(png(norms.chart(), dir, "01_step_norm_linear"));
        norms.update(List.of(SampleData.exploding(), SampleData.dead(), SampleData.lstm()));
        norms.setLogScale(true);
        norms.setCurrentStep(3);
        out.add(png(norms.chart(), dir, "02_step_norm_log_extremes"));

        VanishingChart van = new VanishingChart();
        van.update(SampleData.rnn());
        out.add(png(van.chart(), dir, "03_vanishing_rnn"));
        van.update(List.of(SampleData.rnn(), SampleData.lstm(), SampleData.gru()));
        out.add(png(van.chart(), dir, "04_vanishing_compare"));
        van.update(List.of(SampleData.exploding(), SampleData.lstm()));
        out.add(png(van.chart(), dir, "05_vanishing_exploding"));

        GateHeatmapChart gates = new GateHeatmapChart();
        gates.update(SampleData.lstmGates());
        out.add(png(gates.chart(), dir, "06_gates_lstm"));
        gates.update(SampleData.gruGates());
        out.add(png(gates.chart(), dir, "07_gates_gru"));

        StepContributionChart contrib = new StepContributionChart();
        contrib.update(SampleData.contributions());
        out.add(png(contrib.chart(), dir, "08_contributions_entry"));
        contrib.setMode(StepContributionChart.Mode.NORMS);
        out.add(png(contrib.chart(), dir, "09_contributions_norms"));

        GradCheckChart check = new GradCheckChart();
        check.update(SampleData.gradCheck());
        out.add(png(check.chart(), dir, "10_gradcheck"));
        check.update(SampleData.brokenGradCheck());
        out.add(png(check.chart(), dir, "11_gradcheck_broken"));

        Path svg = dir.resolve("04_vanishing_exploding.svg");
        ChartExport.writeSvg(van.chart(), svg, 1280, 720);
        out.add(svg);
        return out;
    }

    private static Path png(org.jfree.chart.JFreeChart chart, Path dir, String name) throws IOException {
        Path p = dir.resolve(name + ".png");
        ChartExport.writePng(chart, p, 1280, 720, 1);
        return p;
    }
}
