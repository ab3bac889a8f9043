package org.unroll.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;
import org.unroll.engine.GradientFlow;
import org.unroll.engine.GridWalk;

class GridScenarioTest {

    @Test
    void theDefaultSetupIsNotAGridAndKeepsItsOnePath() {
        assertFalse(Setup.JEEP.isGrid());
        assertEquals(1, Setup.JEEP.layers());
        assertFalse(Setup.JEEP.bidirectional());
        assertEquals(List.of("jeep"), Setup.JEEP.sequences());
        // the single-layer scenario is the one it always was
        assertEquals(Scenario.build(Setup.JEEP).model().params().weightHh.get(0, 0),
                Scenario.build(Setup.JEEP.withLayers(1).withBidirectional(false).withBatch(List.of())).model()
                        .params().weightHh.get(0, 0));
        assertEquals(Setup.JEEP, Setup.JEEP.withBatch(List.of("jeep")));
    }

    @Test
    void layersDirectionsOrABatchMakeAGrid() {
        assertTrue(Setup.JEEP.withLayers(2).isGrid());
        assertTrue(Setup.JEEP.withBidirectional(true).isGrid());
        assertTrue(Setup.JEEP.withBatch(List.of("jeep", "cat")).isGrid());
        assertEquals("jeep", Setup.JEEP.withBatch(List.of("jeep", "cat")).text());
        assertEquals("cat", Setup.JEEP.withBatch(List.of("cat")).text());
        assertFalse(Setup.JEEP.withBatch(List.of("cat")).isGrid());
        assertThrows(IllegalArgumentException.class, () -> Setup.JEEP.withLayers(5));
        assertThrows(IllegalArgumentException.class, () -> Setup.JEEP.withLayers(0));
    }

    @Test
    void aBatchIsTypedOnePerLineOrBetweenBars() {
        assertEquals(List.of("the cat", "a dog", "jeep"), Setup.parseBatch(" the cat | a dog\njeep |"));
        assertEquals(List.of("jeep"), Setup.parseBatch("jeep"));
        assertEquals("jeep | cat", Setup.JEEP.withBatch(List.of("jeep", "cat")).batchText());
        assertEquals("jeep", Setup.JEEP.batchText());
    }

    @Test
    void buildsTheStackedModelAndPaddedBatchItDescribes() {
        Setup s = Setup.JEEP.withCell(CellType.LSTM).withLayers(3).withBidirectional(true).withHiddenSize(5)
                .withSpectralNorm(1.5).withBatch(List.of("jeep", "cat", "horse"));
        GridScenario g = GridScenario.build(s);
        assertEquals(3, g.model().layers());
        assertEquals(2, g.model().directions());
        assertEquals(5, g.model().hiddenSize());
        // the characters of all three words: a c e h j o p r s t
        assertEquals(List.of("a", "c", "e", "h", "j", "o", "p", "r", "s", "t"), g.model().vocab());
        assertEquals(4, g.batch().steps());
        assertEquals(3, g.batch().length(0));
        assertEquals(2, g.batch().length(1));
        assertEquals(4, g.batch().length(2));
        assertEquals(List.of("c", "a"), g.tokens(1));
        assertEquals("", g.inputLabel(1, 2));
        assertEquals("cat", g.name(1));
        for (int k = 0; k < 3; k++) {
            for (int d = 0; d < 2; d++) {
                assertEquals(1.5, GradientFlow.spectralNorm(g.model().params().layer(k, d).weightHh), 1e-9);
            }
        }
        assertNull(g.batch().h0());
        assertTrue(new GridWalk(g.model(), g.batch()).loss() > 0);
    }

    @Test
    void aRandomInitialStateIsOnePerLayerDirectionAndSequence() {
        Setup s = Setup.JEEP.withCell(CellType.LSTM).withLayers(2).withBidirectional(true)
                .withInitialState(InitialState.RANDOM).withBatch(List.of("jeep", "cat"));
        GridScenario g = GridScenario.build(s);
        assertNotNull(g.batch().h0());
        assertEquals(2 * 2 * 2, g.batch().h0().numRows);
        assertEquals(8, g.batch().c0().numRows);
        assertNotEquals(GridScenario.build(s.withSeed(8)).batch().h0().get(0, 0), g.batch().h0().get(0, 0));
    }

    @Test
    void numbersAndTrainingStayOnOneLayer() {
        assertThrows(IllegalArgumentException.class, () -> GridScenario.build(Setup.JEEP.withLayers(2)
                .withNumbers(new Numbers(List.of(1.0, 2.0), List.of(2.0, 3.0), null))));
        assertThrows(IllegalArgumentException.class, () -> GridScenario.build(Setup.JEEP.withBatch(List.of("ab", "a"))));
    }
}
