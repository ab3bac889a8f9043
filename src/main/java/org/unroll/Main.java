package org.unroll;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Locale;
import org.unroll.cli.Cli;
import org.unroll.cli.ExitCodes;
import org.unroll.i18n.Language;
import org.unroll.i18n.LanguageChoice;
import org.unroll.i18n.Texts;

/**
 * Entry point: the desktop app without arguments, the command line with them. A leading
 * {@code --lang zh_CN|zh_TW|en} (or {@code --lang=…}) chooses the language of either; without it
 * the system property {@code unroll.lang}, the environment variable {@code UNROLL_LANG}, the
 * window's last choice (for the app) and the system's language decide, in that order.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(output(), false);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }

    /** Chooses the language, then runs the app or the subcommand; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        String requested = null;
        int skip = 0;
        if (args.length > 0 && (args[0].equals("--lang") || args[0].startsWith("--lang="))) {
            if (args[0].startsWith("--lang=")) {
                requested = args[0].substring("--lang=".length());
                skip = 1;
            } else if (args.length > 1) {
                requested = args[1];
                skip = 2;
            }
            if (requested == null || requested.isBlank()) {
                err.println(Texts.get("cli.lang.missing", Language.choices()));
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        }
        String[] rest = Arrays.copyOfRange(args, skip, args.length);
        boolean app = rest.length == 0;
        try {
            Texts.use(Texts.choose(requested, System.getProperty(Texts.LANG_PROPERTY), System.getenv(Texts.LANG_VARIABLE),
                    app ? LanguageChoice.ofUser().load() : null, Locale.getDefault()));
        } catch (IllegalArgumentException e) {
            err.println("unroll: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        return app ? DesktopLauncher.launch(rest, System.err) : Cli.run(rest, out, err);
    }

    /**
     * Standard output for results, buffered, straight on the file descriptor: unlike
     * {@code System.out}, whose errors nobody sees, a failed write (a full disk, a closed
     * pipe) marks the writer, and the command reports it.
     */
    private static BufferedWriter output() {
        return new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                Charset.defaultCharset()), 1 << 16);
    }
}
