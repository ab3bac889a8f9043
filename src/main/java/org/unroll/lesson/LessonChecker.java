package org.unroll.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Setup;

/**
 * Checks a lesson beyond its syntax: plays every step on the engine and fills every
 * placeholder in every language. What {@code unroll lesson check} runs.
 */
public final class LessonChecker {
    private LessonChecker() {
    }

    /** Every problem of the file at {@code path}: parse errors, then what playing it finds. Empty when it is good. */
    public static List<LessonProblem> check(Path path) {
        Lesson lesson;
        try {
            lesson = LessonParser.parse(path);
        } catch (IOException e) {
            return List.of(new LessonProblem(path.toString(), 0, "cannot read the file: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        } catch (LessonFormatException e) {
            return e.problems();
        }
        return play(lesson);
    }

    /** Plays every step of a parsed lesson on the engine; the problems found, empty when all is well. */
    public static List<LessonProblem> play(Lesson lesson) {
        List<LessonProblem> problems = new ArrayList<>();
        Map<Setup, Walkthrough> walks = new HashMap<>();
        LessonPlayer player = new LessonPlayer(lesson);
        for (int k = 0; k < lesson.size(); k++) {
            player.goTo(k);
            Step step = player.step();
            Walkthrough w;
            try {
                w = walks.get(step.setup());
                if (w == null) {
                    w = player.walk();
                    walks.put(step.setup(), w);
                }
            } catch (RuntimeException e) {
                problems.add(new LessonProblem(lesson.source(), step.line(), "step " + (k + 1) + " cannot run: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
                continue;
            }
            for (Lang lang : Lang.values()) {
                String text = step.narration().get(lang);
                for (String p : Placeholders.check(text, step.setup())) {
                    problems.add(new LessonProblem(lesson.source(), step.narration().line(lang), p));
                }
                String filled;
                try {
                    filled = player.narration(lang, w);
                } catch (RuntimeException e) {
                    problems.add(new LessonProblem(lesson.source(), step.narration().line(lang),
                            "cannot fill the narration: " + e));
                    continue;
                }
                if (filled.contains("?}")) {
                    problems.add(new LessonProblem(lesson.source(), step.narration().line(lang),
                            "a placeholder has no value here: " + filled.replaceAll(".*?(\\{[^{}]*\\?}).*", "$1")));
                }
            }
        }
        return problems;
    }
}
