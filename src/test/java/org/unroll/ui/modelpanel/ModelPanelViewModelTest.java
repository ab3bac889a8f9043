package org.unroll.ui.modelpanel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.task.InitialState;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;

class ModelPanelViewModelTest {
    private final List<Setup> applied = new ArrayList<>();
    private final ModelPanelViewModel vm = new ModelPanelViewModel(applied::add);

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void loadingShowsASetupWithoutApplyingIt() {
        vm.load(Setup.JEEP);
        assertTrue(applied.isEmpty());
        assertEquals(CellChoice.RNN_TANH, vm.cellProperty().get());
        assertEquals("jeep", vm.textProperty().get());
        assertEquals("0.1", vm.learningRateProperty().get());
        assertEquals(Setup.JEEP, vm.toSetup().orElseThrow(), "the controls describe exactly jeep");
    }

    @Test
    void everyChangeIsAppliedAtOnce() {
        vm.load(Setup.JEEP);
        vm.cellProperty().set(CellChoice.LSTM);
        assertEquals(Setup.JEEP.withCell(CellType.LSTM), applied.get(applied.size() - 1));
        vm.cellProperty().set(CellChoice.RNN_RELU);
        assertEquals(Setup.JEEP.withActivation(Activation.RELU), applied.get(applied.size() - 1));
        vm.hiddenSizeProperty().set(16);
        vm.textProperty().set("我爱你");
        vm.initialStateProperty().set(InitialState.RANDOM);
        Setup last = applied.get(applied.size() - 1);
        assertEquals(16, last.hiddenSize());
        assertEquals("我爱你", last.text());
        assertEquals(InitialState.RANDOM, last.initialState());
    }

    @Test
    void theSpectralNormAppliesOnlyWhenScalingIsOnAndIsKeptAsItIs() {
        vm.load(Setup.JEEP);
        vm.spectralNormProperty().set(2.5);
        assertTrue(applied.isEmpty(), "slider alone: PyTorch init kept, nothing to recompute");
        vm.scaleWhhProperty().set(true);
        assertEquals(2.5, applied.get(applied.size() - 1).spectralNorm(), 1e-12);
        vm.spectralNormProperty().set(7);
        assertEquals(7, applied.get(applied.size() - 1).spectralNorm(), 1e-12, "beyond the slider's end: as it is, not cut");
        vm.spectralNormProperty().set(0);
        assertTrue(vm.messageProperty().get().contains("σ"), vm.messageProperty().get());
    }

    @Test
    void aBadValueShowsOneLineAndKeepsTheModel() {
        vm.load(Setup.JEEP);
        vm.textProperty().set("j");
        assertTrue(applied.isEmpty(), "nothing applied");
        assertTrue(vm.messageProperty().get().contains("at least two characters"), vm.messageProperty().get());
        assertTrue(!vm.messageProperty().get().contains("\n"));
        vm.textProperty().set("jeep");
        assertEquals("", vm.messageProperty().get(), "fixed: message gone");
        vm.seedProperty().set("seven");
        assertTrue(vm.messageProperty().get().contains("seed"));
        vm.seedProperty().set("7");
        vm.learningRateProperty().set("-1");
        assertTrue(vm.messageProperty().get().contains("learning rate"));
        vm.learningRateProperty().set("0.5");
        assertEquals(0.5, applied.get(applied.size() - 1).learningRate(), 1e-12);
        vm.textProperty().set("x".repeat(ModelPanelViewModel.MAX_TEXT + 1));
        assertTrue(vm.messageProperty().get().contains(Integer.toString(ModelPanelViewModel.MAX_TEXT)));
    }

    @Test
    void editingALessonStepKeepsItsTrainingAndItsNumbers() {
        org.unroll.task.Training training = new org.unroll.task.Training("adam", 0.02, 0, 30, 1, 0, false);
        Setup trained = Setup.JEEP.withTraining(training);
        vm.load(trained);
        assertEquals(trained, vm.toSetup().orElseThrow(), "a loaded setup comes back whole");
        vm.hiddenSizeProperty().set(6);
        Setup edited = applied.get(applied.size() - 1);
        assertEquals(6, edited.hiddenSize());
        assertEquals(training, edited.training(), "the training of the lesson step is kept");

        org.unroll.task.Numbers numbers = new org.unroll.task.Numbers(List.of(1.0, 2.0, 3.0), List.of(0.4, 0.6, 0.8), null);
        Setup numeric = Setup.JEEP.withNumbers(numbers).withTraining(training);
        vm.load(numeric);
        vm.seedProperty().set("8");
        Setup reseeded = applied.get(applied.size() - 1);
        assertEquals(numbers, reseeded.numbers(), "the numeric sequence is kept while the text is not edited");
        assertEquals(training, reseeded.training());
        vm.textProperty().set("hello");
        Setup retexted = applied.get(applied.size() - 1);
        assertEquals(null, retexted.numbers(), "a new text is a character task again");
        assertEquals("hello", retexted.text());
        assertEquals(training, retexted.training());
    }
}
