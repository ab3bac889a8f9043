package org.unroll;

import java.io.PrintWriter;
import org.unroll.cli.Cli;

/** Entry point: the desktop app without arguments, the command line with them. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = args.length == 0
                ? DesktopLauncher.launch(args, System.err)
                : Cli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }
}
