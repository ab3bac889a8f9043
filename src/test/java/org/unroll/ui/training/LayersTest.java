package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.engine.CellType;
import org.unroll.engine.StackedParams;
import org.unroll.train.TrainSpec;
import org.unroll.train.TrainingRun;
import org.unroll.ui.I18n;

/**
 * The panel's layers: the form builds the network the command line's {@code --layers} builds
 * (same tensors from the same seed), a run of a stacked network trains with one gradient-norm
 * curve per tensor under its own name, saves with num_layers, and says in one line that stepping
 * in needs one layer.
 */
class LayersTest {
    private final TrainingViewModel vm = new TrainingViewModel(2, 10, UpdateBatcher.DEFAULT_PERIOD_NANOS);

    @AfterEach
    void close() {
        vm.close();
    }

    private static TrainForm form(int layers) {
        return TrainForm.defaultsFor(TaskKind.TEXT).withCell(CellType.GRU).withHidden(6).withBatch(2).withNumSteps(5)
                .withEpochs(20).withLayers(layers);
    }

    @Test
    void theFormBuildsTheStackedNetworkOfTheCommandLine() {
        for (int l = 1; l <= TrainForm.MAX_LAYERS; l++) {
            TrainSpec spec = form(l).build().spec();
            assertEquals(l, spec.network().layers());
            assertEquals(StackedParams.names(l, 1), spec.network().params().names());
            assertEquals(l == 1, spec.isSingle());
        }
        TrainSpec two = form(2).build().spec();
        org.unroll.engine.StackedModel cli = org.unroll.task.TrainingTask.deeper(form(1).build().spec().network(), 2,
                false, 0);
        for (String n : cli.params().names()) {
            assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(cli.params().get(n), two.network().params().get(n),
                    0), n);
        }
        assertThrows(IllegalArgumentException.class, () -> form(0).build());
        assertThrows(IllegalArgumentException.class, () -> form(TrainForm.MAX_LAYERS + 1).build());
    }

    @Test
    void aStackedRunTrainsWithACurvePerTensorAndSaves(@TempDir Path dir) throws Exception {
        vm.setForm(form(3));
        vm.start();
        TrainingViewModelTest.until(vm, () -> vm.updatesProperty().get() >= 30);
        vm.pause();
        List<String> names = vm.paramNames();
        assertEquals(StackedParams.names(3, 1), names);
        for (int k = 0; k < names.size(); k++) {
            assertTrue(vm.paramNorm(k).xs().length > 0, names.get(k));
        }
        // the last layer's recurrent weights have their own curve, not a one-layer name's
        int top = names.indexOf("weight_hh_l2");
        assertTrue(top >= 0);
        assertEquals("W_hh ℓ3", OptimizerStepPane.display("weight_hh_l2", true));
        Path model = dir.resolve("deep.model.json");
        vm.saveModel(model).get(30, TimeUnit.SECONDS);
        assertTrue(Files.readString(model).contains("\"num_layers\" : 3"), Files.readString(model).substring(0, 200));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> vm.stepInto(vm.updatesProperty().get() - 1, 0).get(30, TimeUnit.SECONDS));
        assertEquals(I18n.get("train.oneLayerOnly", 3), e.getCause().getMessage());
    }

    @Test
    void theStackedLossFalls() {
        TrainSpec spec = form(2).withEpochs(60).build().spec();
        try (TrainingRun run = new TrainingRun(spec, 1)) {
            double first = run.step().loss();
            run.runToEnd();
            double last = run.updates().get(run.updates().size() - 1).loss();
            assertTrue(last < 0.7 * first, first + " → " + last);
        }
    }
}
