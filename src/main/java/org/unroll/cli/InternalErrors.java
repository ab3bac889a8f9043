package org.unroll.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The last resort: an exception nothing else handled (a bug) as one line on standard error
 * and exit code {@link ExitCodes#FAILURE}. With the environment variable UNROLL_DEBUG set,
 * the stack trace follows for whoever debugs it.
 */
final class InternalErrors implements IExecutionExceptionHandler {
    private final boolean debug;

    InternalErrors(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": internal error: " + describe(e)
                + " (set UNROLL_DEBUG=1 for the stack trace)");
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + OneLine.of(message));
    }
}
