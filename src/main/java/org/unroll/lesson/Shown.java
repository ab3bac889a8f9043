package org.unroll.lesson;

import java.util.Locale;

/**
 * What a lesson step talks about besides the timeline, named by its {@code show} directive: the
 * step's formula, its values, or one of the charts. The window brings it to the front.
 */
public enum Shown {
    FORMULA, VALUES, STEP_NORMS, VANISHING, GATES, CONTRIBUTIONS, GRADCHECK;

    /** The name a lesson file writes: {@code step_norms}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The chart or pane a lesson names, or null for an unknown word. */
    public static Shown ofWord(String word) {
        for (Shown s : values()) {
            if (s.word().equals(word)) {
                return s;
            }
        }
        return null;
    }

    /** Whether it is one of the charts (not the formula or the values). */
    public boolean isChart() {
        return this != FORMULA && this != VALUES;
    }
}
