package org.unroll.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unroll.lesson.LessonParserTest.HEAD;
import static org.unroll.lesson.LessonParserTest.assertProblem;
import static org.unroll.lesson.LessonParserTest.parse;
import static org.unroll.lesson.LessonParserTest.step;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The network directive: stacked, bidirectional, padded batches run on the engine by lesson check. */
class NetworkFactsTest {
    private static final String NET = "network cell=rnn layers=2 bidirectional=yes hidden=3 seed=5 words=cat,horse,ox";

    @Test
    void theFactsAreTheEnginesAndTheMaskHolds() throws Exception {
        NetworkFacts f = parse(HEAD + step(NET + " expect params=1\n")).step(0).networks().get(0);
        Map<String, Double> facts = f.facts();
        assertEquals(4.0, facts.get("steps"));
        assertEquals(6.0, facts.get("top_width"), "W_out reads both directions");
        // 9 characters, H = 3, two directions: layer 1 reads 9, layer 2 reads 6
        double layer1 = 2 * (3 * 9 + 3 * 3 + 3 + 3);
        double layer2 = 2 * (3 * 6 + 3 * 3 + 3 + 3);
        assertEquals(layer1 + layer2 + 9 * 6 + 9, facts.get("params"));
        assertEquals(0.0, facts.get("padded_loss"), 0.0);
        assertEquals(0.0, facts.get("padding_effect"), 1e-15, "padding changes nothing, the reverse direction included");
        assertEquals(0.0, facts.get("alone_difference"), 1e-12, "a word's loss in the batch is its loss alone");
        assertTrue(facts.get("loss") > 0);

        List<LessonProblem> wrong = LessonChecker.play(parse(HEAD + step(NET + " expect params=1\n")));
        assertEquals(1, wrong.size());
        assertTrue(wrong.get(0).reason().startsWith("params is "), wrong.toString());
        String loss = String.format(java.util.Locale.ROOT, "%.3f", facts.get("loss"));
        assertEquals(List.of(), LessonChecker.play(parse(HEAD + step(NET + " expect loss=" + loss
                + " padding_effect=0.000000 params=" + facts.get("params").intValue() + "\n"))));
    }

    @Test
    void badNetworksAreReportedWithTheirLine() {
        assertProblem(HEAD + step("network words=cat\n"), 6, "expects nothing");
        assertProblem(HEAD + step("network colour=red expect loss=1\n"), 6, "unknown option \"colour\"");
        assertProblem(HEAD + step("network words=cat expect speed=1\n"), 6, "unknown fact \"speed\"");
        assertProblem(HEAD + step("network words=c expect loss=1\n"), 6, "too short");
        assertProblem(HEAD + step("network layers=9 words=cat expect loss=1\n"), 6, "layers must be between 1 and 4");
        assertProblem(HEAD + step("network bidirectional=maybe words=cat expect loss=1\n"), 6, "yes or no");
        assertProblem(HEAD + step("network expect loss=1\n"), 6, "words=… is missing");
    }
}
