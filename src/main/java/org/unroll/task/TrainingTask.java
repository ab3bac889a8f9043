package org.unroll.task;

import java.util.Map;
import org.unroll.engine.Model;
import org.unroll.train.TrainSpec;

/** A built-in task: a seeded generator of a bptt-train/1 run, and how to score the trained model. */
public interface TrainingTask {
    /** The task's name, as {@code --task} takes it. */
    String name();

    /** The run. */
    TrainSpec spec();

    /** The summary's task-specific fields for the trained model (test MSE, test loss, a sample, ...), in order. */
    Map<String, Object> evaluate(Model trained);

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
