package org.unroll;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.unroll.cli.Cli;

/** Entry point: the desktop app without arguments, the command line with them. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = args.length == 0
                ? DesktopLauncher.launch(args, System.err)
                : Cli.run(args, new PrintWriter(output(), false), new PrintWriter(System.err, true));
        System.exit(code);
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
