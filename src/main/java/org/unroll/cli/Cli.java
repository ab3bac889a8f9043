package org.unroll.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Runs {@code unroll} with arguments: parses them, runs the subcommand, returns the exit code. */
public final class Cli {
    private Cli() {
    }

    /** The command line, writing to {@code out} and {@code err}, with Unroll's error handling. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new UnrollCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler(new ShortUsageErrors());
        cmd.setExecutionExceptionHandler(new InternalErrors(System.getenv("UNROLL_DEBUG") != null));
        return cmd;
    }

    /** Runs the arguments and returns the exit code (see {@link ExitCodes}). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code;
        try {
            code = commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println("unroll: " + Memory.outOfMemory());
            code = ExitCodes.FAILURE;
        }
        out.flush();
        if (out.checkError() && code == ExitCodes.OK) {
            err.println("unroll: " + Memory.OUTPUT_FAILED);
            code = ExitCodes.FAILURE;
        }
        err.flush();
        return code;
    }
}
