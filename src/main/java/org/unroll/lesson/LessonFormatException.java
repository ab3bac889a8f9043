package org.unroll.lesson;

import java.util.List;
import java.util.stream.Collectors;

/** A lesson file that cannot be used, with every problem found in it (at least one). */
public final class LessonFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<LessonProblem> problems;

    public LessonFormatException(List<LessonProblem> problems) {
        super(problems.stream().map(LessonProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
    }

    public List<LessonProblem> problems() {
        return problems;
    }

    /** The first problem as one line: what a dialog shows. */
    public String firstLine() {
        return problems.get(0).toString();
    }
}
