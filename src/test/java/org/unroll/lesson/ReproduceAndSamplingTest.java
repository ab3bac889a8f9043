package org.unroll.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unroll.lesson.LessonParserTest.HEAD;
import static org.unroll.lesson.LessonParserTest.assertProblem;
import static org.unroll.lesson.LessonParserTest.parse;
import static org.unroll.lesson.LessonParserTest.step;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Sampler;

/** The reproduce directive (a quoted run that lesson check makes again) and the generation placeholders. */
class ReproduceAndSamplingTest {
    private static final String RUN = "reproduce adding cell=rnn hidden=4 length=6 iterations=20 batch=4 lr=0.01 seed=3";

    @Test
    void aReproductionHoldsWhenTheQuotedNumbersAreTheRunsAndFailsOtherwise() throws Exception {
        Lesson l = parse(HEAD + step(RUN + " expect test_mse=5\n"));
        Reproduction r = l.step(0).reproductions().get(0);
        assertEquals("unroll train --task adding --cell rnn --hidden 4 --length 6 --iterations 20 --batch 4 --lr 0.01"
                + " --seed 3 --threads 1", r.command());
        Map<String, Object> summary = r.run();
        double mse = ((Number) summary.get("test_mse")).doubleValue();
        assertEquals(mse, ((Number) r.run().get("test_mse")).doubleValue(), 0.0, "the same run every time");

        List<LessonProblem> wrong = LessonChecker.play(l);
        assertEquals(1, wrong.size(), wrong.toString());
        assertEquals(6, wrong.get(0).line(), "the line of the reproduce directive");
        assertTrue(wrong.get(0).reason().startsWith("test_mse is "), wrong.toString());

        String quoted = String.format(java.util.Locale.ROOT, "%.4f", mse);
        assertEquals(List.of(), LessonChecker.play(parse(HEAD + step(RUN + " expect test_mse=" + quoted + "\n"))));
        String off = String.format(java.util.Locale.ROOT, "%.4f", mse + 0.01);
        assertEquals(1, LessonChecker.play(parse(HEAD + step(RUN + " expect test_mse=" + off + "\n"))).size());
        List<LessonProblem> missing = LessonChecker.play(parse(HEAD + step(RUN + " expect accuracy=1\n")));
        assertTrue(missing.get(0).reason().contains("no number called accuracy"), missing.toString());
    }

    @Test
    void aBadReproductionIsReportedWithItsLine() {
        assertProblem(HEAD + step("reproduce adding cell=rnn\n"), 6, "expects nothing");
        assertProblem(HEAD + step("reproduce adding colour=red expect x=1\n"), 6, "unknown option \"colour\"");
        assertProblem(HEAD + step("reproduce juggling expect x=1\n"), 6, "unknown task \"juggling\"");
        assertProblem(HEAD + step("reproduce adding hidden=many expect x=1\n"), 6, "hidden must be a whole number");
        assertProblem(HEAD + step("reproduce adding expect x=lots\n"), 6, "must be a number");
        assertProblem(HEAD + "reproduce adding expect x=1\n" + step(""), 5, "belongs inside a step");
    }

    @Test
    void generationPlaceholdersReadTheModelAndTheTemperature() throws Exception {
        Lesson l = parse(HEAD + "text hello world, hello moon.\nhidden 8\n"
                + step("train updates=60 optimizer=adam lr=0.02\n"));
        Walkthrough w = new LessonPlayer(l).walk();
        String greedy = Placeholders.fill("{generated}", w);
        assertEquals(Sampler.generate(w.model(), "h", w.steps(), true, 1, 0), greedy);
        assertEquals(w.steps() + 1, greedy.length(), "the first character and T more");
        String a = Placeholders.fill("{sample_t100[1]}", w);
        assertEquals(a, Placeholders.fill("{sample_t100[1]}", w), "a draw is seeded: the same text each time");
        assertEquals(Sampler.generate(w.model(), "h", w.steps(), false, 1.0, 1), a);
        assertEquals(Sampler.generate(w.model(), "h", w.steps(), false, 0.5, 2), Placeholders.fill("{sample_t50[2]}", w));
        assertNotEquals(Placeholders.fill("{sample_t1000[1]}", w), Placeholders.fill("{sample_t1000[2]}", w));

        double cold = Placeholders.number("top_p_t50[2]", w);
        double one = Placeholders.number("top_p_t100[2]", w);
        double hot = Placeholders.number("top_p_t200[2]", w);
        assertTrue(cold > one && one > hot, cold + " " + one + " " + hot);
        // at T = 1 the favourite's probability is the softmax's largest entry
        double max = 0;
        for (int j = 0; j < w.model().outputSize(); j++) {
            max = Math.max(max, w.tape().probs.get(w.tape().row(1), j));
        }
        assertEquals(max, one, 1e-12);
    }

    @Test
    void badGenerationPlaceholdersAreCaughtByTheParser() {
        String head = HEAD + "text hello\n";
        assertProblem(head + step("").replace("en: E", "en: {sample_t100}"), 7, "needs an index");
        assertProblem(head + step("").replace("en: E", "en: {sample_t100[100]}"), 7, "outside 1 … 99");
        assertProblem(head + step("").replace("en: E", "en: {sample_t0[1]}"), 7, "unknown placeholder");
        assertProblem(head + step("").replace("en: E", "en: {top_p_t50[9]}"), 7, "outside 1 … 4");
        assertProblem(head + step("").replace("en: E", "en: {generated[1]}"), 7, "takes no index");
    }
}
