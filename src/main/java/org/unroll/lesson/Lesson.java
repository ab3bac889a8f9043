package org.unroll.lesson;

import java.util.List;
import org.unroll.task.Setup;

/**
 * A lesson: a setup and the steps that walk a student through it.
 *
 * @param id     a short name, unique among lessons
 * @param title  the title in every language
 * @param setup  the setup the lesson opens with
 * @param steps  at least one step
 * @param source where it was read from (a file name), for messages
 */
public record Lesson(String id, Localized title, Setup setup, List<Step> steps, String source) {
    public Lesson {
        steps = List.copyOf(steps);
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
