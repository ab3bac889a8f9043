package org.unroll.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command, {@code unroll}: only a list of subcommands. */
@Command(name = "unroll", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Backpropagation through time, step by step. Without arguments bin/unroll opens"
                + " the desktop app; with a subcommand it works headless.",
        subcommands = {GradCommand.class, GradCheckCommand.class, BenchCommand.class, RenderCommand.class,
                LessonCommand.class, TrainCommand.class, SampleCommand.class, SlidesCommand.class})
final class UnrollCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
