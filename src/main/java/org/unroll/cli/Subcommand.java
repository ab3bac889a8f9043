package org.unroll.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.unroll.io.FormatException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every {@code unroll} subcommand: runs it, and turns a file that cannot be
 * used into one line on standard error ({@code unroll grad: FILE: field 'F': reason}) and
 * exit code {@link ExitCodes#BAD_INPUT}. A bad argument value is reported by throwing
 * picocli's {@code ParameterException}, which {@link ShortUsageErrors} prints the same way.
 */
public abstract class Subcommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Does the work; returns the exit code. */
    protected abstract int run() throws FormatException;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (FormatException e) {
            err().println(spec.qualifiedName() + ": " + OneLine.of(e.getMessage()));
            return ExitCodes.BAD_INPUT;
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** Standard output: where results go. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error: where reasons go. */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** This command as picocli sees it (name, options, its CommandLine). */
    protected CommandSpec spec() {
        return spec;
    }
}
