package org.unroll.ui.demo;

import java.util.HashMap;
import java.util.Map;
import org.unroll.ui.lesson.LessonViewModel;

/**
 * How a screenshot reaches step N of a lesson: it steps from the first, and each question on the
 * way is answered as {@code --answers=2:0.46,5:reveal,7:2} says (step, from 1, and what to answer:
 * an option number, a number, or {@code reveal}), or shown without a guess when the script names
 * none; Next waits for an answer, so without this no step after a question could be reached.
 */
final class LessonScript {
    private final Map<Integer, String> answers;

    private LessonScript(Map<Integer, String> answers) {
        this.answers = answers;
    }

    /** {@code 2:0.46,5:reveal,7:2}; null or blank for none. */
    static LessonScript parse(String text) {
        Map<Integer, String> m = new HashMap<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                String[] kv = part.split(":", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("--answers takes step:answer pairs, e.g. 2:0.46,7:2; got \"" + part + "\"");
                }
                m.put(Integer.parseInt(kv[0].trim()), kv[1].trim());
            }
        }
        return new LessonScript(m);
    }

    /** What the script answers at step k (from 1), or null. */
    String at(int k) {
        return answers.get(k);
    }

    /**
     * From the current step to step {@code target} (from 1), answering each question on the way;
     * the target step's own question is answered only when the script names it.
     *
     * @return the step reached (from 1)
     */
    int walk(LessonViewModel m, int target) {
        for (int k = m.stepIndexProperty().get() + 1; k < target; k++) {
            if (m.awaitingAnswerProperty().get()) {
                String a = at(k);
                if (a == null || !m.answer(a)) {
                    m.reveal();
                }
            }
            if (!m.canNextProperty().get()) {
                return k;
            }
            m.next();
        }
        String own = at(target);
        if (own != null && m.stepIndexProperty().get() + 1 == target) {
            m.answer(own);
        }
        return m.stepIndexProperty().get() + 1;
    }
}
