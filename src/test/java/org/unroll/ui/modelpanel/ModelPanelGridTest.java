package org.unroll.ui.modelpanel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;

/** The panel's layers, directions and typed batch: a grid setup out, one-line messages for what cannot be used. */
class ModelPanelGridTest {
    private final List<Setup> applied = new ArrayList<>();
    private final ModelPanelViewModel vm = new ModelPanelViewModel(applied::add);

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private Setup last() {
        return applied.get(applied.size() - 1);
    }

    @Test
    void layersAndTheReverseDirectionAreAppliedAtOnce() {
        vm.load(Setup.JEEP);
        assertEquals(1, vm.layersProperty().get());
        assertFalse(vm.bidirectionalProperty().get());
        vm.layersProperty().set(3);
        assertEquals(Setup.JEEP.withLayers(3), last());
        vm.bidirectionalProperty().set(true);
        assertEquals(Setup.JEEP.withLayers(3).withBidirectional(true), last());
        assertTrue(last().isGrid());
        vm.layersProperty().set(1);
        vm.bidirectionalProperty().set(false);
        assertEquals(Setup.JEEP, last(), "back to the one-layer walk");
    }

    @Test
    void aBatchIsTypedBetweenBars() {
        vm.load(Setup.JEEP);
        vm.textProperty().set("jeep | cat | horse");
        assertEquals(List.of("jeep", "cat", "horse"), last().batch());
        assertEquals("jeep", last().text());
        assertTrue(last().isGrid());
        assertEquals("", vm.messageProperty().get());
        vm.textProperty().set("the cat sat | a dog");
        assertEquals(List.of("the cat sat", "a dog"), last().batch(), "a sentence keeps its spaces");
        vm.textProperty().set("cat |");
        assertEquals(Setup.JEEP.withText("cat"), last(), "a batch of one is the plain text");
    }

    @Test
    void aLoadedGridSetupShowsItsBatchLayersAndDirections() {
        Setup s = Setup.JEEP.withLayers(2).withBidirectional(true).withBatch(List.of("jeep", "cat"));
        vm.load(s);
        assertEquals("jeep | cat", vm.textProperty().get());
        assertEquals(2, vm.layersProperty().get());
        assertTrue(vm.bidirectionalProperty().get());
        assertEquals(s, vm.toSetup().orElseThrow());
        assertTrue(applied.isEmpty());
    }

    @Test
    void aBadBatchSaysWhyInOneLineAndKeepsTheModel() {
        vm.load(Setup.JEEP);
        vm.textProperty().set("jeep | a | horse");
        assertTrue(applied.isEmpty());
        assertEquals("Every sequence of the batch needs at least two characters; \"a\" has fewer.",
                vm.messageProperty().get());
        vm.textProperty().set("ab | cd | ef | gh | ij | kl | mn | op | qr");
        assertTrue(applied.isEmpty());
        assertEquals("A batch can have at most 8 sequences.", vm.messageProperty().get());
        vm.textProperty().set("ab | " + "x".repeat(65));
        assertEquals("A sequence of the batch can have at most 64 characters.", vm.messageProperty().get());
        vm.textProperty().set(" | | ");
        assertEquals(I18n.get("modelpanel.error.textShort"), vm.messageProperty().get());
        assertFalse(vm.messageProperty().get().contains("\n"));
        vm.textProperty().set("ab | cd");
        assertEquals("", vm.messageProperty().get());
        assertEquals(List.of("ab", "cd"), last().batch());
    }

    @Test
    void layersOutsideOneToFourAreRefused() {
        vm.load(Setup.JEEP);
        vm.layersProperty().set(5);
        assertTrue(applied.isEmpty());
        assertEquals("The layers must be a whole number from 1 to 4.", vm.messageProperty().get());
        org.junit.jupiter.api.Assertions.assertNull(ModelPanelViewModel.problemWith(Setup.JEEP.withLayers(4)));
        vm.layersProperty().set(4);
        assertEquals(4, last().layers());
        assertEquals("A batch can have at most 8 sequences.", ModelPanelViewModel.problemWith(
                Setup.JEEP.withBatch(List.of("ab", "cd", "ef", "gh", "ij", "kl", "mn", "op", "qr"))));
    }
}
