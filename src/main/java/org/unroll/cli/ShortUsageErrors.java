package org.unroll.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage mistake (unknown subcommand or option, missing or bad argument) as one line, with
 * picocli's suggestion when it has one and where to find the help, instead of the whole
 * usage text. Exit code {@link ExitCodes#BAD_INPUT}.
 */
final class ShortUsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder(name).append(": ").append(problem(e));
        if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", u.getSuggestions())).append("?)");
        }
        line.append("; see '").append(name).append(" --help'");
        PrintWriter err = cmd.getErr();
        err.println(line);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** picocli's message, except that a word where a subcommand belongs is called what it is. */
    private static String problem(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            String word = u.getUnmatched().get(0);
            if (!word.startsWith("-")) {
                return "unknown subcommand '" + word + "' (the subcommands are: "
                        + String.join(", ", spec.subcommands().keySet()) + ")";
            }
        }
        return OneLine.of(e.getMessage());
    }
}
