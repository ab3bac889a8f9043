package org.unroll.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.unroll.engine.GradCheck;
import org.unroll.engine.GradCheckConfig;
import org.unroll.engine.StackedGradCheck;
import org.unroll.i18n.Texts;
import org.unroll.io.FormatException;
import org.unroll.io.GradInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code unroll gradcheck MODEL.json SEQ.json}: BPTT's gradients beside central finite differences. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Compares the analytic BPTT gradient of every parameter entry with a central"
                + " finite difference (L(θ+h) − L(θ−h)) / 2h and prints, per parameter, the worst relative"
                + " error |a − n| / (|a| + |n|). Exit code 3 when an entry fails.")
final class GradCheckCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "MODEL.json", description = "a bptt-model/1 file")
    private Path model;

    @Parameters(index = "1", paramLabel = "SEQ.json", description = "a bptt-sequence/1 file")
    private Path sequence;

    @Option(names = "--epsilon", paramLabel = "H", description = "the finite-difference step h (default: ${DEFAULT-VALUE})")
    private double epsilon = GradCheckConfig.DEFAULT.epsilon();

    @Option(names = "--tolerance", paramLabel = "R", description = "the largest relative error that passes (default: ${DEFAULT-VALUE})")
    private double tolerance = GradCheckConfig.DEFAULT.maxRelativeError();

    @Option(names = "--entries", description = "print every entry, not only the worst of each parameter")
    private boolean entries;

    @Override
    protected int run() throws FormatException {
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new ParameterException(spec().commandLine(), "--epsilon must be between 0 and 1, got " + epsilon);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new ParameterException(spec().commandLine(), "--tolerance must be between 0 and 1, got " + tolerance);
        }
        GradInputs in = GradInputs.load(model, sequence);
        if (in.single() != null) {
            Inputs.requireMemory(in.model().model().single(), in.single(), spec().name());
        }
        GradCheckConfig config = new GradCheckConfig(epsilon, tolerance, GradCheckConfig.DEFAULT.minAbsoluteError());
        // one layer on one sequence as before; stacked, bidirectional or batched: every tensor of every layer
        GradCheck.Report report = in.single() != null
                ? GradCheck.run(in.model().model().single(), in.single(), config, Integer.MAX_VALUE,
                        Progress.of(err(), spec().qualifiedName()))
                : StackedGradCheck.run(in.model().model(), in.padded().batch(), config, Integer.MAX_VALUE);
        String[] columns = Texts.get("cli.gradcheck.columns").split("\\|");
        // the name column fits the longest name (weight_hh_l1_reverse in a stacked model)
        int width = Math.max(11, report.params().stream().mapToInt(p -> p.name().length()).max().orElse(0));
        out().println(String.format(Locale.ROOT, "%-" + width + "s %7s  %-10s %22s %22s  %s", (Object[]) columns));
        for (GradCheck.ParamCheck p : report.params()) {
            if (entries) {
                for (int i = 0; i < p.analytic().length; i++) {
                    out().println(row(p, i, "", config, width));
                }
            } else {
                out().println(row(p, shown(p, config), String.valueOf(p.analytic().length), config, width));
            }
        }
        int total = report.params().stream().mapToInt(p -> p.analytic().length).sum();
        out().println(Texts.get("cli.gradcheck.summary",
                report.passed() ? Texts.get("cli.gradcheck.allPass", String.valueOf(total)) : Texts.get("cli.gradcheck.fail"),
                String.format(Locale.ROOT, "%.0e", tolerance), String.format(Locale.ROOT, "%.0e", config.minAbsoluteError()),
                String.format(Locale.ROOT, "%.0e", epsilon), String.format(Locale.ROOT, "%.3e", report.worstRelativeError())));
        // each kind of unreliable failure explained once, with its fix
        java.util.EnumSet<GradCheck.Unreliable> seen = java.util.EnumSet.noneOf(GradCheck.Unreliable.class);
        for (GradCheck.ParamCheck p : report.params()) {
            for (int i = 0; i < p.analytic().length; i++) {
                if (GradCheck.fails(config, p.analytic()[i], p.numeric()[i])) {
                    seen.add(p.unreliable(i));
                }
            }
        }
        seen.remove(GradCheck.Unreliable.NO);
        for (GradCheck.Unreliable u : seen) {
            out().println(Texts.get("cli.gradcheck.note", Texts.get("cli.gradcheck.tag." + key(u)),
                    Texts.get("gradcheck.why." + key(u))));
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static String row(GradCheck.ParamCheck p, int i, String count, GradCheckConfig config, int width) {
        String at = p.rows() == 1 ? "[" + i + "]" : "[" + i / p.cols() + "," + i % p.cols() + "]";
        return String.format(Locale.ROOT, "%-" + width + "s %7s  %-10s %22.15e %22.15e  %.3e%s",
                p.name(), count, at, p.analytic()[i], p.numeric()[i], p.relativeError()[i],
                GradCheck.fails(config, p.analytic()[i], p.numeric()[i]) ? "  " + Texts.get("cli.gradcheck.fail")
                        + tag(p.unreliable(i)) : "");
    }

    /** A short note after FAIL where the finite difference is unreliable: "(ReLU kink)". */
    private static String tag(GradCheck.Unreliable u) {
        return u == GradCheck.Unreliable.NO ? "" : "  (" + Texts.get("cli.gradcheck.tag." + key(u)) + ")";
    }

    /** The bundle key part of a reason: kink, hugeLoss, notFinite. */
    private static String key(GradCheck.Unreliable u) {
        return switch (u) {
            case RELU_KINK -> "kink";
            case HUGE_LOSS -> "hugeLoss";
            case NOT_FINITE, NO -> "notFinite";
        };
    }

    /** The entry to show for a parameter: its first failing entry, else its worst. */
    private static int shown(GradCheck.ParamCheck p, GradCheckConfig config) {
        for (int i = 0; i < p.analytic().length; i++) {
            if (GradCheck.fails(config, p.analytic()[i], p.numeric()[i])) {
                return i;
            }
        }
        return p.worstIndex();
    }
}
