package org.unroll.lesson;

import java.util.Objects;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/**
 * Where a student stands in a lesson: the current step, moving to the next or previous one,
 * and what the step asks for (its setup and cursor, its narration with live values filled
 * in). Knows no toolkit: the UI applies the setup and the cursor to its session.
 */
public final class LessonPlayer {
    private final Lesson lesson;
    private int index;

    public LessonPlayer(Lesson lesson) {
        this.lesson = Objects.requireNonNull(lesson);
    }

    public Lesson lesson() {
        return lesson;
    }

    /** 0-based. */
    public int index() {
        return index;
    }

    public int size() {
        return lesson.size();
    }

    public Step step() {
        return lesson.step(index);
    }

    public boolean hasNext() {
        return index < lesson.size() - 1;
    }

    public boolean hasPrevious() {
        return index > 0;
    }

    /** To the next step; false (and no move) at the last one. */
    public boolean next() {
        if (!hasNext()) {
            return false;
        }
        index++;
        return true;
    }

    /** To the previous step; false (and no move) at the first one. */
    public boolean previous() {
        if (!hasPrevious()) {
            return false;
        }
        index--;
        return true;
    }

    /** To step k (0-based), clamped to the lesson. */
    public void goTo(int k) {
        index = Math.max(0, Math.min(k, lesson.size() - 1));
    }

    /** The whole setup this step asks for. */
    public Setup setup() {
        return step().setup();
    }

    /** The setup a reader of {@code lang} sees (its own script of the text, where the lesson gives one). */
    public Setup setup(Lang lang) {
        return step().setup(lang);
    }

    /** The point of the walk this step shows. */
    public Cursor cursor() {
        return step().cursor();
    }

    /** The narration with its placeholders filled from {@code w}, or shown as "…" when w is null. */
    public String narration(Lang lang, Walkthrough w) {
        String text = step().narration().get(lang);
        return w == null ? Placeholders.blank(text) : Placeholders.fill(text, w);
    }

    /** The narration with its placeholders filled from a grid walk showing sequence b (a step with layers, directions or a batch). */
    public String narration(Lang lang, org.unroll.engine.GridWalk w, org.unroll.task.GridScenario sc, int b) {
        return GridPlaceholders.fill(step().narration().get(lang), w, sc, b);
    }

    /** A text of this step's question filled from a grid walk showing sequence b. */
    public String fill(String text, org.unroll.engine.GridWalk w, org.unroll.task.GridScenario sc, int b) {
        return GridPlaceholders.fill(text, w, sc, b);
    }

    /** What this step asks before it shows itself, or null. */
    public Question question() {
        return step().question();
    }

    /** A text of this step's question (its ask, an option, its explanation) filled from {@code w}, "…" while w is null. */
    public String fill(String text, Walkthrough w) {
        return w == null ? Placeholders.blank(text) : Placeholders.fill(text, w);
    }

    /** The title in {@code lang}. */
    public String title(Lang lang) {
        return lesson.title().get(lang);
    }

    /** Computes the walk this step's setup gives (what the session would show, at {@link #cursor()}). */
    public Walkthrough walk() {
        return walk(Lang.EN);
    }

    /** The walk a reader of {@code lang} sees at this step. */
    public Walkthrough walk(Lang lang) {
        Setup s = setup(lang);
        Scenario sc = Scenario.build(s);
        return new Walkthrough(sc.model(), sc.sequence(), s.learningRate());
    }
}
