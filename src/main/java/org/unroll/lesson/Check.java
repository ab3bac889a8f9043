package org.unroll.lesson;

/**
 * A fact the narration states about live values, written {@code check A < B} in a step:
 * {@code unroll lesson check} fails when it does not hold on the engine, so prose such as
 * "is larger" or "about ten times" stays true when the engine or the setup changes.
 *
 * @param line       its line in the lesson file
 * @param comparison the comparison, 1 when it holds
 */
public record Check(int line, Expression comparison) {
}
