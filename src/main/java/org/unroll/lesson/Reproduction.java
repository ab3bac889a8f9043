package org.unroll.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unroll.task.TaskOptions;
import org.unroll.task.TrainingTask;
import org.unroll.train.TrainingRun;
import org.unroll.train.Update;

/**
 * A training run too long to make each time a student opens the step, whose numbers the
 * narration quotes: {@code reproduce adding cell=rnn hidden=16 length=40 iterations=1000
 * lr=0.01 seed=0 expect test_mse=0.1643}. {@code lesson check} makes the run (on one thread,
 * so that it is the same run every time) and fails unless every expected value, rounded to the
 * digits written, is what the run gives. The same run is {@link #command()} on the command line.
 *
 * @param line     its line in the lesson file
 * @param task     a built-in task of {@code unroll train --task}
 * @param options  the task's options as written (cell, hidden, length, iterations, batch, lr, clip, seed, optimizer)
 * @param expected the summary values the narration quotes, as written ("0.1643")
 */
public record Reproduction(int line, String task, Map<String, String> options, Map<String, String> expected) {
    /** The options a reproduction may set, as {@code unroll train} spells them without the dashes. */
    public static final List<String> OPTIONS = List.of("cell", "hidden", "length", "iterations", "batch", "lr", "clip",
            "seed", "optimizer");

    public Reproduction {
        options = Map.copyOf(new LinkedHashMap<>(options));
        expected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    }

    /** The task options of this run; throws IllegalArgumentException with one line when one is bad. */
    TaskOptions taskOptions() {
        return new TaskOptions(options.get("cell"), integer("hidden"), integer("batch"), null, null, false, null,
                integer("iterations"), options.get("optimizer"), real("lr"), real("clip"),
                seed(), integer("length"), null);
    }

    private Long seed() {
        String v = options.get("seed");
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed must be a whole number, got \"" + v + "\"");
        }
    }

    private Integer integer(String key) {
        String v = options.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got \"" + v + "\"");
        }
    }

    private Double real(String key) {
        String v = options.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got \"" + v + "\"");
        }
    }

    /** The command line that makes the same run. */
    public String command() {
        StringBuilder sb = new StringBuilder("unroll train --task " + task);
        for (String k : OPTIONS) {
            if (options.containsKey(k)) {
                sb.append(" --").append(k).append(' ').append(options.get(k));
            }
        }
        return sb.append(" --threads 1").toString();
    }

    /**
     * Makes the run and compares: empty when every expected value holds, else one line for
     * each that does not (with the value the run gave).
     */
    public List<String> problems() {
        Map<String, Object> summary;
        try {
            summary = run();
        } catch (IllegalArgumentException e) {
            return List.of("the run \"" + command() + "\" cannot start: " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Object got = summary.get(e.getKey());
            if (!(got instanceof Number n)) {
                out.add("the run gives no number called " + e.getKey() + " (it gives " + String.join(", ", summary.keySet()) + ")");
                continue;
            }
            double written = Double.parseDouble(e.getValue());
            // the number as written must be the value rounded to its digits
            double unit = Math.pow(10, -decimals(e.getValue()));
            if (!(Math.abs(n.doubleValue() - written) <= 0.5 * unit)) {
                out.add(e.getKey() + " is " + String.format(Locale.ROOT, "%.6g", n.doubleValue()) + " after \"" + command()
                        + "\", not " + e.getValue());
            }
        }
        return out;
    }

    /** The run's summary: its final loss and what the task measures on the trained model. */
    Map<String, Object> run() {
        TrainingTask t = TrainingTask.create(task, taskOptions());
        Map<String, Object> summary = new LinkedHashMap<>();
        try (TrainingRun run = new TrainingRun(t.spec(), 1)) {
            Update u;
            Update last = null;
            while ((u = run.step()) != null) {
                if (u.diverged()) {
                    throw new IllegalArgumentException("the run diverged at update " + (u.index() + 1));
                }
                last = u;
            }
            if (last != null) {
                summary.put("final_loss", last.loss());
            }
            summary.putAll(t.evaluate(run.model()));
        }
        return summary;
    }

    private static int decimals(String number) {
        String s = number.toLowerCase(Locale.ROOT);
        if (s.contains("e")) {
            return 6;
        }
        int dot = s.indexOf('.');
        return dot < 0 ? 0 : s.length() - dot - 1;
    }
}
