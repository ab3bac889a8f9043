package org.unroll.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;
import org.unroll.engine.GradientFlow;

class ScenarioTest {

    @Test
    void jeepIsTheSeedArticlesExample() {
        CharText t = CharText.of("jeep");
        assertEquals(List.of("j", "e", "p"), t.vocab());
        assertEquals(3, t.steps());
        assertEquals("j", t.input(0));
        assertEquals("e", t.input(2));
        assertEquals("p", t.target(2));
        assertArrayEquals(new int[] {1, 1, 2}, t.targets());
        assertEquals(1.0, t.oneHotInputs().get(0, 0));
        assertEquals(1.0, t.oneHotInputs().get(1, 1));
        assertEquals(0.0, t.oneHotInputs().get(1, 0));
    }

    @Test
    void chineseCharactersAreCharacters() {
        CharText t = CharText.of("我爱你");
        assertEquals(List.of("我", "爱", "你"), t.vocab());
        assertEquals(2, t.steps());
        assertEquals("你", t.target(1));
    }

    @Test
    void oneCharacterIsTooShort() {
        assertThrows(IllegalArgumentException.class, () -> CharText.of("a"));
    }

    @Test
    void buildsTheSpectralNormItIsAskedFor() {
        Scenario sc = Scenario.build(Setup.JEEP.withSpectralNorm(2.5).withHiddenSize(6));
        assertEquals(2.5, GradientFlow.spectralNorm(sc.model().params().weightHh), 1e-9);
        assertEquals(6, sc.model().hiddenSize());
        assertEquals(3, sc.model().inputSize());
        assertEquals("p", sc.targetLabel(2));
        assertEquals("j", sc.inputLabel(0));
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        double a = Scenario.build(Setup.JEEP).model().params().weightHh.get(0, 0);
        double b = Scenario.build(Setup.JEEP).model().params().weightHh.get(0, 0);
        double c = Scenario.build(Setup.JEEP.withSeed(8)).model().params().weightHh.get(0, 0);
        assertEquals(a, b);
        org.junit.jupiter.api.Assertions.assertNotEquals(a, c);
    }

    @Test
    void randomInitialStateForLstmHasBothStates() {
        Scenario sc = Scenario.build(Setup.JEEP.withCell(CellType.LSTM).withInitialState(InitialState.RANDOM));
        assertNotNull(sc.sequence().h0());
        assertNotNull(sc.sequence().c0());
        Scenario rnn = Scenario.build(Setup.JEEP.withInitialState(InitialState.RANDOM));
        assertNull(rnn.sequence().c0());
    }
}
