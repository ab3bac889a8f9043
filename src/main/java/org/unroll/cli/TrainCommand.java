package org.unroll.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.unroll.io.FormatException;
import org.unroll.io.TrainFile;
import org.unroll.io.TrainLogFile;
import org.unroll.task.TaskOptions;
import org.unroll.task.TrainingTask;
import org.unroll.train.TrainSpec;
import org.unroll.train.TrainingRun;
import org.unroll.train.Update;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code unroll train SPEC.train.json} or {@code unroll train --task NAME ...}: truncated BPTT,
 * printed as bptt-trainlog/1. Ctrl+C stops after the current update and prints the log so far.
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Trains a model with truncated BPTT and prints the log as bptt-trainlog/1 JSON:"
                + " a bptt-train/1 run from a file, or one of the built-in tasks (text, regress123,"
                + " adding, copy, sine). Exit code 4 when the loss or gradient becomes NaN or infinite.")
final class TrainCommand extends Subcommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC.train.json", description = "a bptt-train/1 file")
    private Path specFile;

    @Option(names = "--task", paramLabel = "NAME", description = "text, regress123, adding, copy or sine")
    private String task;

    @Option(names = "--cell", paramLabel = "CELL", description = "rnn, lstm or gru")
    private String cell;

    @Option(names = "--hidden", paramLabel = "H", description = "hidden size")
    private Integer hidden;

    @Option(names = "--batch", paramLabel = "B", description = "parallel streams (batch size)")
    private Integer batch;

    @Option(names = "--num-steps", paramLabel = "K", description = "truncation window")
    private Integer numSteps;

    @Option(names = "--stateful", negatable = true, description = "carry the state from window to window (text, sine)")
    private Boolean stateful;

    @Option(names = "--random", description = "text: random windows (stateless) instead of sequential streams")
    private boolean random;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the data")
    private Integer epochs;

    @Option(names = "--iterations", paramLabel = "N", description = "updates, for the tasks that draw fresh data (adding, copy)")
    private Integer iterations;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum or adam")
    private String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate")
    private Double lr;

    @Option(names = "--clip", paramLabel = "NORM", description = "clip the gradient's global norm to this (0: no clipping)")
    private Double clip;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the initial parameters and the data")
    private Long seed;

    @Option(names = "--length", paramLabel = "T", description = "sequence length (adding, copy: the delay; sine: steps per stream)")
    private Integer length;

    @Option(names = "--text", paramLabel = "TEXT", description = "text: the text to learn")
    private String text;

    @Option(names = "--text-file", paramLabel = "FILE", description = "text: read the text from a UTF-8 file")
    private Path textFile;

    @Option(names = "--layers", paramLabel = "L", description = "stacked layers, num_layers (default 1)")
    private Integer layers;

    @Option(names = "--bidirectional", description = "both directions, as bidirectional=True")
    private boolean bidirectional;

    @Option(names = "--save-spec", paramLabel = "RUN.train.json", description = "write the run as bptt-train/1")
    private Path saveSpec;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL.json", description = "write the trained model as bptt-model/1")
    private Path output;

    @Option(names = "--quiet", description = "no progress bar")
    private boolean quiet;

    @Option(names = "--threads", paramLabel = "N", description = "threads the batch is split over (default: the number of cores)")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Override
    protected int run() throws FormatException {
        if ((specFile == null) == (task == null)) {
            throw bad(specFile == null ? "give a SPEC.train.json file or --task NAME"
                    : "give either a SPEC.train.json file or --task, not both");
        }
        if (threads < 1 || threads > 64) {
            throw bad("--threads must be between 1 and 64, got " + threads);
        }
        TrainingTask built = null;
        TrainSpec spec;
        if (specFile != null) {
            if (taskOptionGiven()) {
                throw bad("the task options (--cell, --hidden, ...) only go with --task; a spec file says it all");
            }
            try {
                spec = TrainFile.read(specFile);
            } catch (IllegalArgumentException e) {
                throw new FormatException(specFile.toString(), "", e.getMessage());
            }
        } else {
            try {
                built = TrainingTask.create(task, options());
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
            spec = built.spec();
            if (layers != null && (layers < 1 || layers > 64)) {
                throw bad("--layers must be between 1 and 64, got " + layers);
            }
            if ((layers != null && layers > 1) || bidirectional) {
                spec = spec.withNetwork(TrainingTask.deeper(spec.network(), layers == null ? 1 : layers, bidirectional,
                        seed == null ? 0 : seed));
            }
        }
        if (saveSpec != null) {
            try {
                TrainFile.write(spec, saveSpec);
            } catch (IOException e) {
                throw bad("--save-spec " + saveSpec + ": cannot write: " + OneLine.of(String.valueOf(e.getMessage())));
            }
        }
        return train(spec, built);
    }

    private int train(TrainSpec spec, TrainingTask built) {
        Progress progress = quiet || !stderrIsTerminal() ? null : new Progress(err());
        CountDownLatch printed = new CountDownLatch(1);
        StopFlag stop = new StopFlag();
        Thread hook = new Thread(() -> {
            stop.stopped = true;
            try {
                printed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "unroll-train-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (TrainingRun run = new TrainingRun(spec, threads)) {
            int planned = run.plannedUpdates();
            long t0 = System.nanoTime();
            long half = 0;
            int halfAt = -1;
            Update u;
            while (!stop.stopped && (u = run.step()) != null) {
                if (halfAt < 0 && u.index() + 1 >= planned / 2) {
                    half = System.nanoTime();
                    halfAt = u.index() + 1;
                }
                if (progress != null) {
                    progress.show(u, planned, (System.nanoTime() - t0) / 1e9);
                }
                if (u.diverged()) {
                    break;
                }
            }
            long end = System.nanoTime();
            double seconds = (end - t0) / 1e9;
            if (progress != null) {
                progress.done();
            }
            ObjectNode summary = TrainLogFile.newObject();
            summary.put("task", built == null ? "spec" : built.name());
            summary.put("iterations", run.updates().size());
            summary.put("seconds", seconds);
            int after = run.updates().size() - halfAt;
            if (halfAt > 0 && after > 0) {
                // the second half of the run, past the JIT's warm-up: what compares with `bench`
                summary.put("ms_per_iteration_second_half", (end - half) / 1e6 / after);
            }
            if (!run.updates().isEmpty()) {
                summary.put("final_loss", run.updates().get(run.updates().size() - 1).loss());
            }
            if (stop.stopped) {
                summary.put("stopped", true);
                err().println("unroll train: stopped after update " + run.updates().size()
                        + "; the log so far follows on standard output");
            }
            Update d = run.divergedAt();
            if (d != null) {
                summary.put("diverged_at", d.index());
            }
            if (built != null && d == null && run.network().isSingle()) {
                for (Map.Entry<String, Object> e : built.evaluate(run.model()).entrySet()) {
                    Object v = e.getValue();
                    if (v instanceof Integer i) {
                        summary.put(e.getKey(), i);
                    } else if (v instanceof Number n) {
                        summary.put(e.getKey(), n.doubleValue());
                    } else {
                        summary.put(e.getKey(), String.valueOf(v));
                    }
                }
            }
            out().println(text(TrainLogFile.toJson(run, summary)));
            out().flush();
            if (output != null) {
                try {
                    TrainLogFile.writeModel(run, output);
                } catch (IOException e) {
                    err().println("unroll train: -o " + output + ": cannot write: " + OneLine.of(String.valueOf(e.getMessage())));
                    return ExitCodes.BAD_INPUT;
                }
            }
            if (d != null) {
                err().println("unroll train: diverged at update " + d.index() + " (epoch " + d.epoch() + ", window "
                        + d.window() + "): the " + (Double.isFinite(d.loss()) ? "gradient" : "loss") + " is "
                        + (Double.isFinite(d.loss()) ? d.gradNorm() : d.loss()) + "; the log holds the updates before it");
                return ExitCodes.DIVERGED;
            }
            return ExitCodes.OK;
        } finally {
            printed.countDown();
            if (!stop.stopped) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down already
                }
            }
        }
    }

    /** bin/unroll tells (it can test file descriptor 2); without it, a console means a terminal. */
    private static boolean stderrIsTerminal() {
        String told = System.getProperty("unroll.stderr.tty");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }

    /** Set by the Ctrl+C hook; read between updates. */
    private static final class StopFlag {
        volatile boolean stopped;
    }

    private boolean taskOptionGiven() {
        return layers != null || bidirectional || cell != null || hidden != null || batch != null || numSteps != null || stateful != null || random
                || epochs != null || iterations != null || optimizer != null || lr != null || clip != null
                || seed != null || length != null || text != null || textFile != null;
    }

    private TaskOptions options() {
        String t = text;
        if (textFile != null) {
            if (text != null) {
                throw bad("give --text or --text-file, not both");
            }
            try {
                t = java.nio.file.Files.readString(textFile, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                throw bad("--text-file " + textFile + ": cannot read it as UTF-8 text");
            }
        }
        return new TaskOptions(cell, hidden, batch, numSteps, stateful, random, epochs, iterations, optimizer, lr, clip,
                seed, length, t);
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec().commandLine(), message);
    }

    private static String text(ObjectNode json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            TrainLogFile.write(json, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A one-line progress bar on a terminal: iteration, loss, gradient norm, time left. */
    private static final class Progress {
        private final java.io.PrintWriter err;
        private long lastDraw;

        Progress(java.io.PrintWriter err) {
            this.err = err;
        }

        void show(Update u, int planned, double seconds) {
            long now = System.nanoTime();
            int done = u.index() + 1;
            if (now - lastDraw < 100_000_000L && done < planned) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = planned == 0 ? width : (int) Math.min(width, (long) width * done / planned);
            double left = done == 0 ? 0 : seconds / done * Math.max(0, planned - done);
            err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d loss %.4f grad %.3f %s left ",
                    "#".repeat(filled), " ".repeat(width - filled), done, planned, u.loss(), u.gradNorm(), time(left)));
            err.flush();
        }

        void done() {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }

        private static String time(double s) {
            long t = Math.round(s);
            return t >= 60 ? (t / 60) + "m" + String.format(Locale.ROOT, "%02d", t % 60) + "s" : t + "s";
        }
    }
}
