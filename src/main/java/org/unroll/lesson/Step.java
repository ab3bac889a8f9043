package org.unroll.lesson;

import java.util.List;
import java.util.Map;
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
 * @param checks    facts about live values that must hold at this step
 * @param question  what the step asks before it shows itself, or null
 * @param localText the text in force for some languages instead of {@code setup.text()}
 * @param shown     the chart or pane the step talks about ({@code show}, carried to later steps), or null
 * @param reproductions runs whose numbers the narration quotes, made again by {@code lesson check}
 * @param networks  stacked, bidirectional or padded networks whose numbers the narration quotes, run by {@code lesson check}
 */
public record Step(int line, Setup setup, Cursor cursor, Localized narration, List<String> changes,
                   List<Check> checks, Question question, Map<Lang, String> localText, Shown shown,
                   List<Reproduction> reproductions, List<NetworkFacts> networks) {
    public Step {
        networks = List.copyOf(networks);
        changes = List.copyOf(changes);
        checks = List.copyOf(checks);
        localText = Map.copyOf(localText);
        reproductions = List.copyOf(reproductions);
    }

    public Step(int line, Setup setup, Cursor cursor, Localized narration, List<String> changes,
                List<Check> checks, Question question, Map<Lang, String> localText, Shown shown) {
        this(line, setup, cursor, narration, changes, checks, question, localText, shown, List.of(), List.of());
    }

    public Step(int line, Setup setup, Cursor cursor, Localized narration, List<String> changes) {
        this(line, setup, cursor, narration, changes, List.of(), null, Map.of(), null);
    }

    /**
     * The setup a reader of {@code lang} sees: the same but for the text when the lesson gives
     * one for that language ({@code text.zh_TW 我愛你}), so a Traditional lesson reads its own script.
     */
    public Setup setup(Lang lang) {
        String t = localText.get(lang);
        return t == null ? setup : setup.withText(t);
    }
}
