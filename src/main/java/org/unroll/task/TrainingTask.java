package org.unroll.task;

import java.util.Map;
import org.unroll.engine.Model;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;
import org.unroll.train.TrainSpec;

/** A built-in task: a seeded generator of a bptt-train/1 run, and how to score the trained model. */
public interface TrainingTask {
    /** The task's name, as {@code --task} takes it. */
    String name();

    /** The run. */
    TrainSpec spec();

    /** The summary's task-specific fields for the trained model (test MSE, test loss, a sample, ...), in order. */
    Map<String, Object> evaluate(Model trained);

    /**
     * The task's network with L layers and D directions, every tensor drawn anew as PyTorch's
     * default initialisation does, uniform in [−1/√H, 1/√H], from {@code seed}.
     */
    static StackedModel deeper(StackedModel m, int layers, boolean bidirectional, long seed) {
        StackedParams p = StackedParams.uniform(m.cell(), m.inputSize(), m.hiddenSize(), m.outputSize(), layers,
                bidirectional ? 2 : 1, new java.util.Random(seed));
        return new StackedModel(m.cell(), m.activation(), m.inputSize(), m.hiddenSize(), m.outputSize(), layers,
                bidirectional, m.vocab(), p);
    }

    /**
     * {@code t} trained with a network of {@code layers} layers (and two directions when
     * {@code bidirectional}), drawn by {@link #deeper}. Its score is the task's when the network is one
     * layer in one direction, else empty (the tasks score a one-layer model).
     */
    static TrainingTask stacked(TrainingTask t, int layers, boolean bidirectional, long seed) {
        TrainSpec spec = t.spec().withNetwork(deeper(t.spec().network(), layers, bidirectional, seed));
        boolean single = spec.isSingle();
        return new TrainingTask() {
            @Override
            public String name() {
                return t.name();
            }

            @Override
            public TrainSpec spec() {
                return spec;
            }

            @Override
            public Map<String, Object> evaluate(Model trained) {
                return single ? t.evaluate(trained) : Map.of();
            }
        };
    }

    /** The task called {@code name}, built from the options. */
    static TrainingTask create(String name, TaskOptions o) {
        return switch (name) {
            case "text" -> TextTask.of(o);
            case "regress123" -> Regress123Task.of(o);
            case "adding" -> AddingTask.of(o);
            case "copy" -> CopyTask.of(o);
            case "sine" -> SineTask.of(o);
            default -> throw new IllegalArgumentException("--task must be text, regress123, adding, copy or sine, got '"
                    + name + "'");
        };
    }
}
