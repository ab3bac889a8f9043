package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.task.Sampler;
import org.unroll.train.TrainingRun;

class GenerationTest {
    private static final String TEXT = "hello world, hello there. ";
    private static Model trained;

    @BeforeAll
    static void train() {
        TrainForm f = new TrainForm(TaskKind.TEXT, TEXT, CellType.LSTM, 16, 1, 25, true, 0, 150, 1, "adam", 0.02, true,
                1.0, 3);
        try (TrainingRun run = new TrainingRun(f.build().spec(), 1)) {
            run.runToEnd();
            trained = run.model();
        }
    }

    @Test
    void freeRunningDrawsWhatTheSamplerDraws() {
        for (boolean greedy : new boolean[] {true, false}) {
            List<Generation.Step> steps = Generation.freeRunning(trained, "he", 40, greedy, 0.8, 11);
            assertEquals(Sampler.generate(trained, "he", 40, greedy, 0.8, 11), Generation.text("he", steps));
            // one step per character fed in: the prime's two, then 39 predictions fed back
            assertEquals(41, steps.size());
            for (int i = 2; i < steps.size(); i++) {
                assertTrue(steps.get(i).fedBack());
                assertEquals(steps.get(i - 1).predicted(), steps.get(i).input(), "each prediction is the next input");
            }
            assertTrue(!steps.get(0).fedBack() && !steps.get(1).fedBack());
        }
    }

    @Test
    void teacherForcingFeedsTheTruthAndScoresEachPrediction() {
        List<Generation.Step> steps = Generation.teacherForced(trained, TEXT);
        assertEquals(TEXT.length() - 1, steps.size());
        long right = 0;
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(String.valueOf(TEXT.charAt(i)), steps.get(i).input());
            assertEquals(String.valueOf(TEXT.charAt(i + 1)), steps.get(i).truth());
            right += steps.get(i).right() ? 1 : 0;
        }
        // a model trained on this text predicts most of it when it is given the true prefix
        assertTrue(right > steps.size() * 0.7, right + " of " + steps.size());
    }

    @Test
    void aGeneratedTextBecomesASequenceToStepThrough() {
        SequenceBatch s = Generation.asSequence(trained, "hello");
        assertEquals(4, s.steps());
        assertEquals(1.0, s.inputs().get(0, trained.vocab().indexOf("h")));
        assertEquals(trained.vocab().indexOf("o"), s.classTarget(3));
        assertThrows(IllegalArgumentException.class, () -> Generation.freeRunning(trained, "", 5, true, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Generation.freeRunning(trained, "hé", 5, true, 1, 0));
    }
}
