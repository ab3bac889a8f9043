package org.unroll.cli;

import java.util.Locale;

/** What the command line says when the work does not fit: memory up front and after the fact, and output that failed. */
final class Memory {
    /** The line for standard output that could not be written or flushed. */
    static final String OUTPUT_FAILED = "cannot write the output: standard output failed"
            + " (a full disk, or the reading end closed); the result is incomplete";
    private static final String MORE = "give the JVM more with UNROLL_JAVA_OPTS=-Xmx8g (or more) before bin/unroll";

    private Memory() {
    }

    /** The heap this JVM may use, in bytes. */
    static long available() {
        return Runtime.getRuntime().maxMemory();
    }

    /** One line after an OutOfMemoryError. */
    static String outOfMemory() {
        return "out of memory: the work needed more than the " + mib(available()) + " the JVM may use; " + MORE;
    }

    /** One line when work is known up front to need {@code needed} bytes of heap. */
    static String tooLarge(String what, long needed) {
        return what + " needs about " + mib(needed) + " of memory, more than the " + mib(available())
                + " the JVM may use; " + MORE;
    }

    /** Whether {@code needed} bytes can be expected to fit, with room for everything else. */
    static boolean fits(long needed) {
        return needed <= available() * 0.8;
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", Math.max(1, bytes >> 20));
    }
}
