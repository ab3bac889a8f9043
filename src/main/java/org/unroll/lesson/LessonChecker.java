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
            for (Reproduction r : step.reproductions()) {
                for (String p : r.problems()) {
                    problems.add(new LessonProblem(lesson.source(), r.line(), p));
                }
            }
            for (NetworkFacts f : step.networks()) {
                for (String p : f.problems()) {
                    problems.add(new LessonProblem(lesson.source(), f.line(), p));
                }
            }
            java.util.Set<Setup> factsChecked = new java.util.HashSet<>();
            if (step.setup().isGrid()) {
                // the grid walk the window shows, run on the engine; its narration quotes network facts
                for (Lang lang : Lang.values()) {
                    try {
                        org.unroll.task.GridScenario g = org.unroll.task.GridScenario.build(step.setup(lang));
                        org.unroll.engine.GridWalk gw = new org.unroll.engine.GridWalk(g.model(), g.batch());
                        // its placeholders read the grid walk (the first sequence, as the window opens it)
                        List<String> texts = new java.util.ArrayList<>();
                        texts.add(step.narration().get(lang));
                        if (step.question() != null) {
                            Question q = step.question();
                            texts.add(q.ask().get(lang));
                            texts.addAll(q.options(lang));
                            texts.add(q.explain().get(lang));
                        }
                        for (String text : texts) {
                            for (String p : Placeholders.check(text, step.setup(lang))) {
                                problems.add(new LessonProblem(lesson.source(), step.narration().line(lang), p));
                            }
                            String filled = GridPlaceholders.fill(text, gw, g, 0);
                            if (filled.contains("?}")) {
                                problems.add(new LessonProblem(lesson.source(), step.narration().line(lang),
                                        "a placeholder has no value here: " + filled.replaceAll("(?s).*?(\\{[^{}]*\\?}).*", "$1")));
                            }
                        }
                        if (step.question() != null && step.question().kind() == Question.Kind.NUMBER
                                && !Double.isFinite(step.question().answerOn(body -> GridPlaceholders.number(body, gw, g, 0)))) {
                            problems.add(new LessonProblem(lesson.source(), step.question().line(),
                                    "the answer cannot be computed on the step's grid"));
                        }
                    } catch (RuntimeException e) {
                        problems.add(new LessonProblem(lesson.source(), step.line(), "step " + (k + 1) + " cannot run: "
                                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
                        break;
                    }
                }
                continue;
            }
            for (Lang lang : Lang.values()) {
                Walkthrough w;
                Setup setup = step.setup(lang);
                try {
                    w = walks.get(setup);
                    if (w == null) {
                        w = player.walk(lang);
                        walks.put(setup, w);
                    }
                } catch (RuntimeException e) {
                    problems.add(new LessonProblem(lesson.source(), step.line(), "step " + (k + 1) + " cannot run: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
                    break;
                }
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
                if (factsChecked.add(setup)) {
                    for (Check c : step.checks()) {
                        checkFact(lesson, c, w, problems);
                    }
                    if (step.question() != null) {
                        checkQuestion(lesson, step.question(), w, problems);
                    }
                }
            }
        }
        return problems;
    }

    private static void checkFact(Lesson lesson, Check c, Walkthrough w, List<LessonProblem> problems) {
        Expression e = c.comparison();
        double holds = e.eval(body -> Placeholders.number(body, w));
        if (holds == 1) {
            return;
        }
        StringBuilder values = new StringBuilder();
        for (String body : e.placeholders()) {
            Double v = Placeholders.number(body, w);
            values.append(values.isEmpty() ? "" : ", ").append('{').append(body).append("} = ")
                    .append(v == null ? "not a single number" : Placeholders.num(v));
        }
        problems.add(new LessonProblem(lesson.source(), c.line(), "the check \"" + e.source() + "\" does not hold"
                + (values.isEmpty() ? "" : " (" + values + ")")));
    }

    private static void checkQuestion(Lesson lesson, Question q, Walkthrough w, List<LessonProblem> problems) {
        if (q.kind() == Question.Kind.NUMBER && !Double.isFinite(q.rightValue(w))) {
            problems.add(new LessonProblem(lesson.source(), q.line(), "the answer \"" + q.answer().source()
                    + "\" has no numeric value here (each placeholder must be a single number)"));
        }
        for (Lang lang : Lang.values()) {
            List<String> texts = new ArrayList<>(List.of(q.ask().get(lang), q.explain().get(lang)));
            texts.addAll(q.options(lang));
            for (String t : texts) {
                String filled = Placeholders.fill(t, w);
                if (filled.contains("?}")) {
                    problems.add(new LessonProblem(lesson.source(), q.line(), lang.code()
                            + ": a placeholder of the question has no value here: " + filled.replaceAll(".*?(\\{[^{}]*\\?}).*", "$1")));
                }
            }
        }
    }
}
