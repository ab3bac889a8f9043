package org.unroll.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unroll.lesson.LessonParserTest.HEAD;
import static org.unroll.lesson.LessonParserTest.assertProblem;
import static org.unroll.lesson.LessonParserTest.parse;
import static org.unroll.lesson.LessonParserTest.step;

import org.junit.jupiter.api.Test;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;

/** train … show=window: the walk is the last update's window as the training met it, the carried state included. */
class WindowTrainingTest {
    private static final String TEXT = HEAD + "text 我爱你他喜欢她\nhidden 4\n"
            + step("at forward 3\n")
            + step("train updates=1 optimizer=sgd lr=0.1 num_steps=3 stateful=yes show=window\n")
            + step("train updates=2 optimizer=sgd lr=0.1 num_steps=3 stateful=yes show=window\n")
            + step("train updates=2 optimizer=sgd lr=0.1 num_steps=3 stateful=no show=window\n")
            + step("train updates=1 optimizer=sgd lr=0.1 num_steps=3\n");

    private static double[] row(org.ejml.data.DMatrixRMaj m, int row) {
        double[] out = new double[m.numCols];
        System.arraycopy(m.data, row * m.numCols, out, 0, m.numCols);
        return out;
    }

    @Test
    void theSecondWindowStartsFromTheRealH3WithTheUpdatedWeights() throws Exception {
        Lesson l = parse(TEXT);
        LessonPlayer p = new LessonPlayer(l);
        Walkthrough whole = p.walk();
        p.goTo(1);
        Walkthrough first = p.walk();
        p.goTo(2);
        Walkthrough second = p.walk();
        p.goTo(3);
        Walkthrough stateless = p.walk();
        p.goTo(4);
        Walkthrough oneUpdate = p.walk();

        assertEquals(6, whole.steps());
        assertEquals(3, first.steps());
        assertEquals(3, second.steps());
        assertEquals(3, l.step(2).setup().steps(), "the parser checks indices against the window");
        // the first window: the seed's weights from zeros, so its h_3 is the whole sequence's
        double[] h3 = row(whole.tape().h, whole.tape().stateRow(3));
        assertArrayEquals(h3, row(first.tape().h, first.tape().stateRow(3)), 1e-12);
        assertArrayEquals(whole.model().params().weightHh.data, first.model().params().weightHh.data, 0.0);
        // the second: h_0 is that very h_3 (computed with the old weights), the weights are the first update's
        assertArrayEquals(h3, row(second.tape().h, second.tape().stateRow(0)), 1e-12);
        assertArrayEquals(oneUpdate.model().params().weightHh.data, second.model().params().weightHh.data, 1e-12);
        assertTrue(Placeholders.number("dh_back_norm[1]", second) > 0, "the dh_0 the training drops");
        // inputs: 他 喜 欢
        assertEquals("他", Placeholders.fill("{input[1]}", second));
        assertEquals("她", Placeholders.fill("{target[3]}", second));
        // stateless: the same weights, h_0 = 0
        assertArrayEquals(new double[4], row(stateless.tape().h, stateless.tape().stateRow(0)), 0.0);
        assertArrayEquals(second.model().params().weightHh.data, stateless.model().params().weightHh.data, 0.0);
        assertEquals(Scenario.build(l.step(2).setup()).sequence().steps(), 3);
    }

    @Test
    void badShowAndIndicesPastTheWindowAreReported() {
        assertProblem(HEAD + "text 我爱你他喜欢她\n" + step("train num_steps=3 show=some\n"), 7, "show must be all");
        assertProblem(HEAD + "text 我爱你他喜欢她\n" + step("train num_steps=3 show=window\n").replace("en: E", "en: {h[4]}"),
                8, "outside 0 … 3");
    }
}
