package org.unroll.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unroll.lesson.LessonParserTest.HEAD;
import static org.unroll.lesson.LessonParserTest.assertProblem;
import static org.unroll.lesson.LessonParserTest.parse;
import static org.unroll.lesson.LessonParserTest.step;
import static org.unroll.lesson.NumbersAndQuestionsTest.ONE_UNIT;
import static org.unroll.lesson.NumbersAndQuestionsTest.walk;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.Params;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.task.Training;
import org.unroll.train.TrainSpec;

/** The lesson's train directive: later steps show the trained model, deterministically, and lesson check runs it. */
class TrainDirectiveTest {

    private static double[] flat(Params p) {
        int n = 0;
        for (int k = 0; k < Params.NAMES.size(); k++) {
            n += p.tensor(k).getNumElements();
        }
        double[] out = new double[n];
        int i = 0;
        for (int k = 0; k < Params.NAMES.size(); k++) {
            for (double v : p.tensor(k).data) {
                if (i < n) {
                    out[i++] = v;
                }
            }
        }
        return out;
    }

    @Test
    void trainingIsDeterministicAndLowersTheLossOfJeep() throws Exception {
        String text = HEAD + "text jeep\n" + step("at loss\n") + step("train updates=60 optimizer=adam lr=0.05\n");
        Lesson a = parse(text);
        Lesson b = parse(text);
        assertNull(a.step(0).setup().training());
        Walkthrough before = walk(a, 0);
        Walkthrough w1 = walk(a, 1);
        Walkthrough w2 = walk(b, 1);
        assertArrayEquals(flat(w1.model().params()), flat(w2.model().params()), 0.0);
        double l0 = Placeholders.number("loss", before);
        double l1 = Placeholders.number("loss", w1);
        assertTrue(l1 < l0 / 10, l0 + " → " + l1);
        assertEquals("e", Placeholders.fill("{predicted[2]}", w1));
        assertEquals("p", Placeholders.fill("{predicted[3]}", w1));
    }

    @Test
    void oneSgdUpdateIsTheWalksOwnUpdate() throws Exception {
        // the walk's loss_after is one SGD step with the setup's rate on the summed loss: one
        // trained update with the same rate must land on the same weights
        Lesson l = parse(HEAD + ONE_UNIT + "learning_rate 0.1\n" + step("at loss\n")
                + step("train updates=1 optimizer=sgd lr=0.1\n"));
        double expected = Placeholders.number("loss_after", walk(l, 0));
        assertEquals(expected, Placeholders.number("loss", walk(l, 1)), 1e-12);
    }

    @Test
    void trainOffGoesBackToTheUntrainedModel() throws Exception {
        Lesson l = parse(HEAD + "text jeep\n" + step("train updates=5\n") + step("train off\n"));
        assertEquals(Placeholders.number("loss", walk(parse(HEAD + "text jeep\n" + step("")), 0)),
                Placeholders.number("loss", walk(l, 1)), 0.0);
    }

    @Test
    void aBatchCutsTheSequenceIntoStreamsInOrder() throws Exception {
        Lesson l = parse(HEAD + "text abcdefghi\n" + step("train batch=2 num_steps=2 stateful=yes updates=3\n"));
        Training t = l.step(0).setup().training();
        assertEquals(new Training("adam", 0.01, 0, 3, 2, 2, true), t);
        Scenario sc = Scenario.untrained(l.step(0).setup());
        TrainSpec spec = t.spec(sc.model(), sc.sequence());
        // 8 steps → 2 streams of 4; stream 1 starts at step 5 ("e" → "f"); windows of 2
        assertEquals(2, spec.data().streams());
        assertEquals(4, spec.data().length());
        assertEquals(2, spec.windows());
        assertTrue(spec.stateful());
        int e = sc.model().vocab().indexOf("e");
        assertEquals(1.0, sc.sequence().inputs().get(4, e));
        org.unroll.train.StreamData d = (org.unroll.train.StreamData) spec.data();
        assertEquals(1.0, d.inputs().get(1, e));
        assertEquals(sc.model().vocab().indexOf("f"), d.classTarget(1));
    }

    @Test
    void lessonCheckFailsOnAWrongCheckAfterTraining() throws Exception {
        Lesson l = parse(HEAD + "text jeep\n" + step("train updates=60 optimizer=adam lr=0.05\nat loss\ncheck {loss} > 1\n"));
        List<LessonProblem> problems = LessonChecker.play(l);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).reason().contains("does not hold"), problems.toString());
        Lesson good = parse(HEAD + "text jeep\n" + step("train updates=60 optimizer=adam lr=0.05\nat loss\ncheck {loss} < 1\n"));
        assertEquals(List.of(), LessonChecker.play(good));
    }

    @Test
    void badTrainLinesNameTheirLine() {
        assertProblem(HEAD + "text jeep\n" + step("train updates=0\n"), 7, "updates must be between 1");
        assertProblem(HEAD + "text jeep\n" + step("train speed=3\n"), 7, "expected \"train updates=N");
        assertProblem(HEAD + "text jeep\n" + step("train optimizer=rmsprop\n"), 7, "unknown optimizer");
        assertProblem(HEAD + "text jeep\n" + step("train stateful=maybe\n"), 7, "stateful must be yes or no");
        assertProblem(HEAD + "text jeep\n" + step("train lr=0.1 lr=0.2\n"), 7, "lr is given twice");
    }

    @Test
    void aBatchTooLargeForTheSequenceCannotRun() throws Exception {
        Lesson l = parse(HEAD + "text jeep\n" + step("train batch=4\n"));
        List<LessonProblem> problems = LessonChecker.play(l);
        assertTrue(problems.get(0).reason().contains("streams of no step"), problems.toString());
    }
}
