package org.unroll.ui.training;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.unroll.engine.CellType;
import org.unroll.engine.Model;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.Walkthrough;
import org.unroll.task.TrainingTask;
import org.unroll.train.TrainSpec;

/**
 * RNN, LSTM and GRU trained on the same task, seed and hidden size at the same time, one
 * thread each (the two cores share three runs), their losses overlaid; once all three have
 * ended, the gradient flow of each trained model beside its untrained self on one test
 * sequence the runs never trained on. Owns its workers and one thread for the flows; {@link #close}
 * ends them. Events are handed over as in {@link TrainingViewModel}: {@link #flush} on the UI thread.
 */
public final class SideBySide implements AutoCloseable {
    /** The cells compared, in the order they are drawn. */
    public static final List<CellType> CELLS = List.of(CellType.RNN, CellType.LSTM, CellType.GRU);

    /** A trained model's and its untrained self's flow on the test sequence. */
    public record Flows(CellType cell, org.unroll.engine.GradientFlow untrained, org.unroll.engine.GradientFlow trained) {
    }

    private final Map<CellType, TrainingWorker> workers = new EnumMap<>(CellType.class);
    private final Map<CellType, Model> initial = new EnumMap<>(CellType.class);
    private final Map<CellType, DownsampledSeries> losses = new EnumMap<>(CellType.class);
    private final Map<CellType, RunState> states = new EnumMap<>(CellType.class);
    private final UpdateBatcher<Map.Entry<CellType, TrainingEvent>> batcher;
    private final ExecutorService flowThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unroll-side-by-side-flow");
        t.setDaemon(true);
        return t;
    });
    private TrainForm form;

    public SideBySide(long periodNanos) {
        this.batcher = new UpdateBatcher<>(periodNanos);
    }

    /** Starts the three runs of {@code f} (its cell ignored); throws IllegalArgumentException for a bad form. */
    public void start(TrainForm f) {
        close(false);
        form = f;
        List<TrainingTask> tasks = new ArrayList<>();
        for (CellType c : CELLS) {
            tasks.add(f.withCell(c).build());
        }
        for (int i = 0; i < CELLS.size(); i++) {
            CellType c = CELLS.get(i);
            TrainingTask t = tasks.get(i);
            if (t.spec().isSingle()) {
                initial.put(c, t.spec().model());
            }
            losses.put(c, new DownsampledSeries(TrainingViewModel.CURVE_POINTS));
            states.put(c, RunState.RUNNING);
            TrainingWorker w = new TrainingWorker(t, 1, 0, e -> batcher.offer(Map.entry(c, e)));
            workers.put(c, w);
        }
        workers.values().forEach(w -> w.start(false));
    }

    /** Applies what came in; true when anything changed. */
    public boolean pump(long now) {
        return apply(batcher.drainIfDue(now));
    }

    public boolean flush() {
        return apply(batcher.drainNow(System.nanoTime()));
    }

    private boolean apply(List<Map.Entry<CellType, TrainingEvent>> events) {
        for (Map.Entry<CellType, TrainingEvent> e : events) {
            DownsampledSeries s = losses.get(e.getKey());
            if (s == null) {
                continue;
            }
            if (e.getValue() instanceof TrainingEvent.Stepped st) {
                s.add(st.update().index(), st.update().loss());
            } else if (e.getValue() instanceof TrainingEvent.Ended end) {
                states.put(e.getKey(), end.state());
            }
        }
        return !events.isEmpty();
    }

    /** Whether all three runs have ended. */
    public boolean done() {
        return !states.isEmpty() && states.values().stream().allMatch(RunState::over);
    }

    public DownsampledSeries loss(CellType c) {
        return losses.get(c);
    }

    public RunState state(CellType c) {
        return states.getOrDefault(c, RunState.READY);
    }

    /**
     * Once {@link #done()}: each cell's gradient flow before and after training on the first
     * sequence of a task built with another seed (data the runs never saw).
     */
    public CompletableFuture<List<Flows>> flows() {
        if (form == null || workers.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(org.unroll.ui.I18n.get("train.noRun")));
        }
        if (form.layers() > 1) {
            // the flow is that of one layer's recurrence
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    org.unroll.ui.I18n.get("train.oneLayerOnly", form.layers())));
        }
        Map<CellType, CompletableFuture<Model>> trained = new EnumMap<>(CellType.class);
        for (CellType c : CELLS) {
            trained.put(c, workers.get(c).call(r -> r.model().withParams(r.model().params().copy())));
        }
        TrainForm f = form;
        return CompletableFuture.supplyAsync(() -> {
            SequenceBatch test = testSequence(f);
            List<Flows> out = new ArrayList<>();
            for (CellType c : CELLS) {
                Model after = trained.get(c).join();
                out.add(new Flows(c, new Walkthrough(initial.get(c), test, 0).flow(), new Walkthrough(after, test, 0).flow()));
            }
            return out;
        }, flowThread);
    }

    /** The first window of stream 1 of the same task drawn with another seed, from zeros. */
    static SequenceBatch testSequence(TrainForm f) {
        TrainForm other = new TrainForm(f.task(), f.text(), CellType.RNN, f.hidden(), f.batch(), f.numSteps(),
                f.stateful(), f.length(), f.epochs(), Math.min(f.iterations(), 2), f.optimizer(), f.lr(), f.clip(),
                f.threshold(), f.seed() + 7919);
        TrainSpec spec = other.build().spec();
        return spec.data().copyOfWindow(0, spec.windowLength(0), 0, 1, null, null);
    }

    /** Ends the three runs after their updates in progress; their curves stay. */
    public void cancel() {
        workers.values().forEach(TrainingWorker::cancel);
    }

    /** Whether any of the three runs is still training. */
    public boolean running() {
        return !states.isEmpty() && !done();
    }

    private void close(boolean all) {
        workers.values().forEach(TrainingWorker::close);
        workers.clear();
        initial.clear();
        losses.clear();
        states.clear();
        batcher.drainNow(0);
        if (all) {
            flowThread.shutdownNow();
        }
    }

    /** Ends the three runs (waiting for their threads) and the flow thread. */
    @Override
    public void close() {
        close(true);
    }
}
