package org.unroll.lesson;

import java.util.List;
import org.unroll.task.Setup;

/**
 * A lesson: a setup and the steps that walk a student through it.
 *
 * @param id        a short name, unique among lessons
 * @param title     the title in every language
 * @param setup     the setup the lesson opens with
 * @param steps     at least one step
 * @param source    where it was read from (a file name), for messages
 * @param exercises questions for after the lesson, in every language (may be empty)
 */
public record Lesson(String id, Localized title, Setup setup, List<Step> steps, String source,
                     List<Localized> exercises) {
    public Lesson {
        steps = List.copyOf(steps);
        exercises = List.copyOf(exercises);
    }

    public Lesson(String id, Localized title, Setup setup, List<Step> steps, String source) {
        this(id, title, setup, steps, source, List.of());
    }

    public int size() {
        return steps.size();
    }

    public Step step(int k) {
        return steps.get(k);
    }

    @Override
    public String toString() {
        return id;
    }
}
