package org.unroll.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/** One in-process run of {@code unroll}, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return of(cmd -> { }, args);
    }

    /** Runs {@code args} on the command line {@link Cli} makes, after {@code setUp} (adding a subcommand, say). */
    static CliRun of(Consumer<CommandLine> setUp, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        setUp.accept(cmd);
        // again, so that subcommands added by setUp write here too
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
