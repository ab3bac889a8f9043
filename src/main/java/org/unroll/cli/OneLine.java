package org.unroll.cli;

/** Messages for the terminal: one line each, whatever the text they quote contains. */
final class OneLine {
    private OneLine() {
    }

    /** {@code text} with every line break (and the space around it) turned into one space. */
    static String of(String text) {
        return String.valueOf(text).replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
