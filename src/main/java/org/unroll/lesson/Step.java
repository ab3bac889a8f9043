package org.unroll.lesson;

import java.util.List;
import org.unroll.engine.Cursor;
import org.unroll.task.Setup;

/**
 * One step of a lesson, resolved: the whole setup and the cursor it shows (what earlier steps
 * set is carried forward), and its narration.
 *
 * @param line      the line of its {@code step} directive
 * @param setup     the setup in force at this step
 * @param cursor    the point of the walk it shows (START unless this or an earlier step says {@code at})
 * @param narration the narration in every language, placeholders unfilled
 * @param changes   the setup directives written in this step, as written (for display and diffs)
 */
public record Step(int line, Setup setup, Cursor cursor, Localized narration, List<String> changes) {
    public Step {
        changes = List.copyOf(changes);
    }
}
