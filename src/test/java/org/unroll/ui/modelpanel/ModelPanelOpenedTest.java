package org.unroll.ui.modelpanel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;
import org.unroll.engine.SpectralNorm;
import org.unroll.io.ModelFile;
import org.unroll.io.SequenceFile;
import org.unroll.task.GridScenario;
import org.unroll.task.InitialState;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;

/** The panel shows what is on screen: a model opened from files, a lesson's H and σ; and it keeps them. */
class ModelPanelOpenedTest {
    private final List<Setup> applied = new ArrayList<>();
    private final List<OpenedModel> edits = new ArrayList<>();
    private final ModelPanelViewModel vm = new ModelPanelViewModel(applied::add);

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    /** An LSTM as File › Open gives it: written to files and read back (no text, labels from the vocabulary). */
    private static Scenario openedLstm(java.nio.file.Path dir) throws Exception {
        Scenario built = Scenario.build(Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(6).withText("hello"));
        java.nio.file.Path m = dir.resolve("m.json");
        java.nio.file.Path s = dir.resolve("s.json");
        ModelFile.write(built.model(), m);
        SequenceFile.write(built.sequence(), s);
        return org.unroll.ui.shell.ModelFiles.load(m, s);
    }

    @Test
    void anOpenedLstmIsShownAsItIs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        vm.load(Setup.JEEP);
        Scenario lstm = openedLstm(dir);
        vm.showOpened(new OpenedModel(lstm, null, 0.25));
        assertEquals(CellChoice.LSTM, vm.cellProperty().get());
        assertEquals(6, vm.hiddenSizeProperty().get());
        assertEquals("hello", vm.textProperty().get());
        assertEquals("0.25", vm.learningRateProperty().get());
        assertEquals(SpectralNorm.of(lstm.model().params().weightHh), vm.spectralNormProperty().get(), 1e-12);
        assertFalse(vm.scaleWhhProperty().get(), "W_hh as opened");
        assertEquals(1, vm.layersProperty().get());
        assertTrue(vm.fromFilesProperty().get());
        assertTrue(applied.isEmpty(), "showing applies nothing");
    }

    @Test
    void changingOnlyTheLearningRateKeepsTheOpenedModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        vm.setOnOpenedEdited(edits::add);
        Scenario lstm = openedLstm(dir);
        vm.showOpened(new OpenedModel(lstm, null, 0.1));
        vm.learningRateProperty().set("0.5");
        assertTrue(applied.isEmpty(), "no setup drawn from the seed");
        assertEquals(1, edits.size());
        assertSame(lstm, edits.get(0).scenario(), "the very weights opened");
        assertEquals(0.5, edits.get(0).learningRate(), 0);
        // the session shows the edit: the panel does not load it back over its own controls
        vm.showOpened(new OpenedModel(lstm, null, 0.5));
        vm.initialStateProperty().set(InitialState.RANDOM);
        OpenedModel random = edits.get(edits.size() - 1);
        assertEquals(lstm.model(), random.scenario().model(), "same model");
        assertEquals(6, random.scenario().sequence().h0().numCols);
        assertEquals(0.5, random.learningRate(), 0);
    }

    @Test
    void sigmaAndATextOfItsCharactersEditTheOpenedWeights(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        vm.setOnOpenedEdited(edits::add);
        Scenario lstm = openedLstm(dir);
        double before = SpectralNorm.of(lstm.model().params().weightHh);
        vm.showOpened(new OpenedModel(lstm, null, 0.1));
        vm.spectralNormProperty().set(2.0);
        vm.scaleWhhProperty().set(true);
        OpenedModel scaled = edits.get(edits.size() - 1);
        assertEquals(2.0, SpectralNorm.of(scaled.scenario().model().params().weightHh), 1e-9);
        assertEquals(before, SpectralNorm.of(lstm.model().params().weightHh), 0, "the opened weights are not changed");
        assertTrue(java.util.Arrays.equals(lstm.model().params().weightIh.data, scaled.scenario().model().params().weightIh.data), "W_xh kept");
        vm.textProperty().set("hole");
        OpenedModel hole = edits.get(edits.size() - 1);
        assertEquals(3, hole.scenario().sequence().steps());
        assertEquals("hole", hole.scenario().shownText());
        assertEquals(2.0, SpectralNorm.of(hole.scenario().model().params().weightHh), 1e-9, "σ still applied");
        int n = edits.size();
        vm.textProperty().set("help");
        assertEquals(n, edits.size(), "p is not in the vocabulary: the model kept");
        assertTrue(vm.messageProperty().get().contains("“p”"), vm.messageProperty().get());
        assertTrue(applied.isEmpty());
    }

    @Test
    void theCellOrHDrawANewModelFromTheSeed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        vm.setOnOpenedEdited(edits::add);
        vm.showOpened(new OpenedModel(openedLstm(dir), null, 0.1));
        vm.hiddenSizeProperty().set(8);
        assertTrue(edits.isEmpty());
        Setup s = applied.get(applied.size() - 1);
        assertEquals(CellType.LSTM, s.cell());
        assertEquals(8, s.hiddenSize());
        assertEquals("hello", s.text());
        assertFalse(vm.fromFilesProperty().get());
    }

    @Test
    void aStackedBidirectionalModelShowsItsLayers() {
        vm.setOnOpenedEdited(edits::add);
        Setup grid = Setup.JEEP.withCell(CellType.GRU).withLayers(2).withBidirectional(true).withBatch(List.of("jeep", "cat"));
        GridScenario g = GridScenario.build(grid);
        // as a file pair gives it: no words
        GridScenario opened = new GridScenario(g.model(), g.batch(), null);
        vm.showOpened(new OpenedModel(null, opened, 0.1));
        assertEquals(CellChoice.GRU, vm.cellProperty().get());
        assertEquals(2, vm.layersProperty().get());
        assertTrue(vm.bidirectionalProperty().get());
        assertEquals("jeep | cat", vm.textProperty().get());
        vm.learningRateProperty().set("0.3");
        assertTrue(applied.isEmpty());
        assertSame(opened, edits.get(0).grid());
        vm.textProperty().set("jeep | ca");
        assertEquals(1, edits.size());
        assertEquals(I18n.get("modelpanel.opened.gridKept"), vm.messageProperty().get());
    }

    @Test
    void aLessonsHAndSigmaAreShownAndKeptAsTheyAre() {
        Setup lesson = Setup.JEEP.withHiddenSize(8).withSpectralNorm(5);
        vm.load(lesson);
        assertEquals(8, vm.hiddenSizeProperty().get());
        assertEquals(5.0, vm.spectralNormProperty().get(), 0);
        assertTrue(vm.scaleWhhProperty().get());
        assertEquals(lesson, vm.toSetup().orElseThrow(), "σ = 5 is not cut to the slider's end");
        vm.learningRateProperty().set("0.2");
        assertEquals(lesson.withLearningRate(0.2), applied.get(applied.size() - 1));
        Setup tiny = Setup.JEEP.withSpectralNorm(0.000001).withHiddenSize(128);
        vm.load(tiny);
        assertEquals(128, vm.hiddenSizeProperty().get(), "a lesson's H = 128 is not cut to 64");
        assertEquals(tiny, vm.toSetup().orElseThrow());
    }

    @Test
    void aWordTypedQuicklyIsAppliedOnce() {
        List<Runnable> held = new ArrayList<>();
        vm.setTextDelay(held::add);
        vm.load(Setup.JEEP);
        for (String t : new String[] {"h", "ho", "hor", "hors", "horse"}) {
            vm.typeText(t);
        }
        assertTrue(applied.isEmpty(), "nothing while typing");
        held.forEach(Runnable::run);
        assertEquals(1, applied.size());
        assertEquals("horse", applied.get(0).text());
        assertNotSame(null, vm.toSetup().orElse(null));
    }
}
