package org.unroll.lesson;

/**
 * One reason a lesson file cannot be used, at a line.
 *
 * @param source the file as named to the user
 * @param line   1-based, or 0 for the file as a whole
 * @param reason one line, lower-case start, no final full stop
 */
public record LessonProblem(String source, int line, String reason) {
    /** {@code source:line: reason}, the way compilers report. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
    }
}
