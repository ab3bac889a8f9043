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
        int code;
        try {
            code = run();
        } catch (FormatException e) {
            err().println(spec.qualifiedName() + ": " + OneLine.of(e.getMessage()));
            code = ExitCodes.BAD_INPUT;
        } catch (Inputs.TooLarge e) {
            err().println(spec.qualifiedName() + ": " + e.getMessage());
            code = ExitCodes.FAILURE;
        } catch (OutOfMemoryError e) {
            err().println(spec.qualifiedName() + ": " + Memory.outOfMemory());
            code = ExitCodes.FAILURE;
        }
        // a result that did not reach its destination (a full disk, a closed pipe) is a failure
        out().flush();
        if (out().checkError()) {
            err().println(spec.qualifiedName() + ": " + Memory.OUTPUT_FAILED);
            code = code == ExitCodes.OK || code == ExitCodes.CHECK_FAILED ? ExitCodes.FAILURE : code;
        }
        err().flush();
        return code;
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
