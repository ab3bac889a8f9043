package org.unroll.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;
import org.unroll.engine.LossType;
import org.unroll.engine.SequenceBatch;
import org.unroll.train.StreamData;
import org.unroll.train.TrainSpec;
import org.unroll.train.TrainingRun;

/** Each task's generator: the data it makes, its defaults, its seeding, and what it refuses. */
class TrainingTaskTest {

    private static TaskOptions with(String cell, Integer batch, Integer numSteps, Boolean stateful, boolean random,
                                    Integer iterations, Integer length, String text, Long seed) {
        return new TaskOptions(cell, null, batch, numSteps, stateful, random, null, iterations, null, null, null, seed,
                length, text);
    }

    @Test
    void addingHasTwoMarkersOneInEachHalfAndTheirSumAtTheLastStep() {
        AddingTask task = AddingTask.of(with(null, 5, null, null, false, 4, 10, null, 3L));
        TrainSpec spec = task.spec();
        assertEquals(10, spec.numSteps());
        assertEquals(40, spec.data().length());
        assertEquals(4, spec.windows());
        assertEquals(CellType.LSTM, spec.model().cell());
        assertEquals(LossType.MSE, spec.data().loss());
        assertTrue(!spec.stateful());
        for (int w = 0; w < 4; w++) {
            SequenceBatch b = spec.data().copyOfWindow(w * 10, 10, 0, 5, null, null);
            assertEquals(5, spec.data().targetCount(w * 10, 10));
            for (int s = 0; s < 5; s++) {
                int first = -1;
                int second = -1;
                for (int t = 0; t < 10; t++) {
                    double v = b.inputs().get(t * 5 + s, 0);
                    assertTrue(v >= 0 && v < 1);
                    double m = b.inputs().get(t * 5 + s, 1);
                    if (m == 1.0) {
                        if (first < 0) {
                            first = t;
                        } else {
                            second = t;
                        }
                    } else {
                        assertEquals(0.0, m);
                    }
                    assertEquals(t == 9, b.hasTarget(t * 5 + s));
                }
                assertTrue(first >= 0 && first < 5, "first marker at " + first);
                assertTrue(second >= 5 && second < 10, "second marker at " + second);
                double sum = b.inputs().get(first * 5 + s, 0) + b.inputs().get(second * 5 + s, 0);
                assertEquals(sum, b.vectorTargets().get(9 * 5 + s, 0), 0.0);
            }
        }
        // the same stream's sequence does not depend on how the streams are split over shards
        SequenceBatch whole = spec.data().copyOfWindow(20, 10, 0, 5, null, null);
        SequenceBatch part = spec.data().copyOfWindow(20, 10, 3, 2, null, null);
        for (int t = 0; t < 10; t++) {
            assertEquals(whole.inputs().get(t * 5 + 3, 0), part.inputs().get(t * 2, 0));
            assertEquals(whole.inputs().get(t * 5 + 4, 1), part.inputs().get(t * 2 + 1, 1));
        }
        // a fresh batch every iteration, and another seed gives other numbers
        SequenceBatch next = spec.data().copyOfWindow(30, 10, 0, 5, null, null);
        assertNotEquals(whole.inputs().get(0, 0), next.inputs().get(0, 0));
        AddingTask other = AddingTask.of(with(null, 5, null, null, false, 4, 10, null, 4L));
        assertNotEquals(whole.inputs().get(0, 0), other.spec().data().copyOfWindow(20, 10, 0, 5, null, null).inputs().get(0, 0));
    }

    @Test
    void theAddingScoreOfAnUntrainedModelIsNearTheMeanBaseline() {
        AddingTask task = AddingTask.of(with("gru", 4, null, null, false, 1, 8, null, 0L));
        Map<String, Object> score = task.evaluate(task.spec().model());
        double base = (Double) score.get("mean_baseline_mse");
        assertEquals(1.0 / 6, base, 0.02, "the variance of the sum of two uniform numbers");
        assertTrue((Double) score.get("test_mse") > 0.1);
        assertThrows(IllegalArgumentException.class, () -> AddingTask.of(with(null, null, 5, null, false, null, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> AddingTask.of(with(null, null, null, null, false, null, 1, null, null)));
    }

    @Test
    void textIsCutIntoStreamsByD2lsSequentialPartitioning() {
        // "abcdefghij": 10 characters, 9 (input, target) pairs, 2 streams of 4
        TextTask task = TextTask.of(with(null, 2, 3, null, false, null, null, "abcdefghij", 0L));
        TrainSpec spec = task.spec();
        StreamData data = (StreamData) spec.data();
        assertEquals(2, data.streams());
        assertEquals(4, data.length());
        assertTrue(spec.stateful());
        assertEquals(2, spec.windows());
        assertEquals(1, spec.windowLength(1), "a short last window");
        List<String> vocab = spec.model().vocab();
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), vocab);
        // stream 0: a b c d → b c d e; stream 1: e f g h → f g h i
        String[] in = {"abcd", "efgh"};
        String[] out = {"bcde", "fghi"};
        for (int s = 0; s < 2; s++) {
            for (int t = 0; t < 4; t++) {
                int r = t * 2 + s;
                int hot = -1;
                for (int j = 0; j < vocab.size(); j++) {
                    if (data.inputs().get(r, j) == 1.0) {
                        hot = j;
                    }
                }
                assertEquals(String.valueOf(in[s].charAt(t)), vocab.get(hot));
                assertEquals(String.valueOf(out[s].charAt(t)), vocab.get(data.classTarget(r)));
            }
        }
    }

    @Test
    void chineseTextIsOneCharacterPerCodePoint() {
        TextTask task = TextTask.of(with("lstm", 1, null, null, false, null, null, "我爱你呀我爱你", 0L));
        assertEquals(List.of("我", "爱", "你", "呀"), task.spec().model().vocab());
        assertEquals(6, task.spec().data().length());
    }

    @Test
    void randomWindowsAreStatelessShuffledPiecesOfTheText() {
        String text = "abcdefghijklmnopqrstuvwxyz".repeat(3);
        TextTask task = TextTask.of(with(null, 2, 5, null, true, null, null, text, 1L));
        TrainSpec spec = task.spec();
        assertTrue(!spec.stateful());
        StreamData data = (StreamData) spec.data();
        List<String> vocab = spec.model().vocab();
        // inside a window each target is the next letter after its input; windows follow no order
        int starts = 0;
        for (int w = 0; w < spec.windows(); w++) {
            for (int s = 0; s < 2; s++) {
                for (int t = spec.windowStart(w); t < spec.windowStart(w) + 5; t++) {
                    int r = t * 2 + s;
                    int hot = 0;
                    while (data.inputs().get(r, hot) != 1.0) {
                        hot++;
                    }
                    char a = vocab.get(hot).charAt(0);
                    char b = vocab.get(data.classTarget(r)).charAt(0);
                    assertEquals(a == 'z' ? 'a' : a + 1, b);
                }
                starts++;
            }
        }
        assertTrue(starts >= 2);
        assertThrows(IllegalArgumentException.class,
                () -> TextTask.of(with(null, 2, 5, true, true, null, null, text, 1L)), "--random with --stateful");
    }

    @Test
    void aLongTextKeepsItsLastTenthForTheTest() {
        String text = "the quick brown fox jumps over the lazy dog. ".repeat(6);
        TextTask task = TextTask.of(with(null, 2, 10, null, false, null, null, text, 0L));
        int chars = text.length();
        int train = chars - chars / 10;
        assertEquals((train - 1) / 2, task.spec().data().length());
        Map<String, Object> score = task.evaluate(task.spec().model());
        assertTrue(((String) score.get("test_text")).contains("held out"));
        double loss = (Double) score.get("test_loss");
        assertEquals(Math.exp(loss), (Double) score.get("test_perplexity"), 1e-12);
        assertTrue(((String) score.get("sample")).startsWith("t"));
    }

    @Test
    void badTextsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TextTask.of(with(null, null, null, null, false, null, null, "", null)));
        assertThrows(IllegalArgumentException.class, () -> TextTask.of(with(null, null, null, null, false, null, null, "a", null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextTask.of(with(null, 10, null, null, false, null, null, "jeep", null)));
        assertTrue(e.getMessage().contains("--batch"), e.getMessage());
    }

    @Test
    void copyRepeatsTheSymbolsAfterTheGoMark() {
        CopyTask task = CopyTask.of(with(null, 3, null, null, false, 2, 4, null, 0L));
        TrainSpec spec = task.spec();
        int steps = CopyTask.steps(4);
        assertEquals(10, steps);
        StreamData data = (StreamData) spec.data();
        assertEquals(2 * steps, data.length());
        for (int w = 0; w < 2; w++) {
            for (int s = 0; s < 3; s++) {
                int[] shown = new int[3];
                for (int t = 0; t < steps; t++) {
                    int r = (w * steps + t) * 3 + s;
                    int hot = 0;
                    while (data.inputs().get(r, hot) != 1.0) {
                        hot++;
                    }
                    if (t < 3) {
                        shown[t] = hot;
                        assertTrue(hot < CopyTask.SYMBOLS);
                    } else if (t == 3 + 4 - 1) {
                        assertEquals(CopyTask.SYMBOLS + 1, hot, "go");
                    } else {
                        assertEquals(CopyTask.SYMBOLS, hot, "blank");
                    }
                    assertEquals(t >= 7 ? shown[t - 7] : -1, data.classTarget(r));
                }
            }
        }
        assertEquals(0, data.targetCount(0, 7));
    }

    @Test
    void sineStreamsPredictTheirNextValue() {
        SineTask task = SineTask.of(with(null, 3, 10, null, false, null, 30, null, 2L));
        StreamData data = (StreamData) task.spec().data();
        assertTrue(task.spec().stateful());
        assertEquals(3, task.spec().windows());
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t + 1 < 30; t++) {
                assertEquals(data.inputs().get((t + 1) * 3 + s, 0), data.vectorTargets().get(t * 3 + s, 0), 1e-15);
            }
        }
        assertNotEquals(data.inputs().get(0, 0), data.inputs().get(1, 0), "each stream has its own phase");
    }

    @Test
    void regress123IsTheArticlesSequence() {
        Regress123Task task = Regress123Task.of(TaskOptions.defaults());
        StreamData data = (StreamData) task.spec().data();
        assertArrayEquals(new double[] {1, 2, 3}, data.inputs().data);
        assertArrayEquals(new double[] {2, 3, 4}, data.vectorTargets().data);
        try (TrainingRun run = new TrainingRun(task.spec(), 1)) {
            run.runToEnd();
            assertTrue((Double) task.evaluate(run.model()).get("test_mse") < 0.01);
        }
        assertThrows(IllegalArgumentException.class, () -> Regress123Task.of(with(null, 2, null, null, false, null, null, null, null)));
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        TrainSpec a = SineTask.of(with(null, 2, 5, null, false, null, 20, null, 7L)).spec();
        TrainSpec b = SineTask.of(with(null, 2, 5, null, false, null, 20, null, 7L)).spec();
        TrainSpec c = SineTask.of(with(null, 2, 5, null, false, null, 20, null, 8L)).spec();
        assertArrayEquals(a.model().params().weightHh.data, b.model().params().weightHh.data);
        assertArrayEquals(((StreamData) a.data()).inputs().data, ((StreamData) b.data()).inputs().data);
        assertNotEquals(a.model().params().weightHh.data[0], c.model().params().weightHh.data[0]);
    }

    @Test
    void badOptionsNameTheOption() {
        Map<String, TaskOptions> bad = Map.of(
                "--cell", new TaskOptions("tree", null, null, null, null, false, null, null, null, null, null, null, null, null),
                "--lr", new TaskOptions(null, null, null, null, null, false, null, null, null, -1.0, null, null, null, null),
                "--clip", new TaskOptions(null, null, null, null, null, false, null, null, null, null, Double.NaN, null, null, null),
                "--optimizer", new TaskOptions(null, null, null, null, null, false, null, null, "rmsprop", null, null, null, null, null),
                "--hidden", new TaskOptions(null, 0, null, null, null, false, null, null, null, null, null, null, null, null),
                "--num-steps", new TaskOptions(null, null, null, 0, null, false, null, null, null, null, null, null, null, "jeep"));
        bad.forEach((option, o) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingTask.create("text", o));
            assertTrue(e.getMessage().contains(option), option + ": " + e.getMessage());
        });
        assertThrows(IllegalArgumentException.class, () -> TrainingTask.create("nope", TaskOptions.defaults()));
    }

    @Test
    void greedySamplingOfAModelTrainedOnJeepSaysJeep() {
        TextTask task = TextTask.of(TaskOptions.defaults());
        try (TrainingRun run = new TrainingRun(task.spec(), 1)) {
            run.runToEnd();
            assertEquals("jeep", Sampler.generate(run.model(), "j", 3, true, 1, 0));
            assertEquals("je", Sampler.generate(run.model(), "je", 0, true, 1, 0));
            String drawn = Sampler.generate(run.model(), "j", 10, false, 0.5, 1);
            assertEquals(11, drawn.length());
            assertEquals(drawn, Sampler.generate(run.model(), "j", 10, false, 0.5, 1), "seeded draws repeat");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Sampler.generate(run.model(), "jx", 3, true, 1, 0));
            assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        }
    }
}
