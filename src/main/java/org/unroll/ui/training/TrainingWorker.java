package org.unroll.ui.training;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.unroll.task.TrainingTask;
import org.unroll.train.TrainingRun;
import org.unroll.train.Update;

/**
 * One training run on a thread of its own, with a lifecycle: {@link #start}, {@link #pause},
 * {@link #resume}, {@link #stepOnce} while paused, {@link #cancel}, and {@link #close} (cancel
 * and wait), each taking effect between two updates. Anything else that needs the run (a
 * snapshot, the model for generation or saving) is handed in with {@link #call} and runs on
 * the same thread between updates, so nothing reads the run while it changes. When the thread
 * ends it closes the run (its shard threads end with it) and reports {@link TrainingEvent.Ended}.
 *
 * <p>Every {@code probeEvery} updates (and at the end) the task scores the model
 * ({@link TrainingTask#evaluate}): the test error of an MSE task, a generated sample of a text task.
 */
public final class TrainingWorker implements AutoCloseable {
    /** The name of the training thread (its shard threads are "unroll-shard-k"). */
    public static final String THREAD_NAME = "unroll-training";
    private final TrainingTask task;
    private final TrainingRun run;
    /** The optimizer's state as the run's gradients build it, for the step of the last update. */
    private final OptimizerTrace trace;
    private final Consumer<TrainingEvent> events;
    private final int probeEvery;
    private final int planned;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Object lock = new Object();
    private final Deque<Runnable> chores = new ArrayDeque<>();
    private boolean paused;
    private int steps;
    private boolean cancelled;
    private boolean ended;

    /**
     * @param threads    threads the batch is split over (at most B are used)
     * @param probeEvery updates between two scores of the model, 0 for none
     * @param events     hears every event on the training thread; must hand it to its own thread
     */
    public TrainingWorker(TrainingTask task, int threads, int probeEvery, Consumer<TrainingEvent> events) {
        this.task = task;
        this.run = new TrainingRun(task.spec(), threads);
        this.trace = new OptimizerTrace(task.spec().optimizer());
        this.events = events;
        this.probeEvery = probeEvery;
        this.planned = run.plannedUpdates();
        this.thread = new Thread(this::work, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    /** Starts the thread, running or paused (then nothing happens until {@link #stepOnce} or {@link #resume}). */
    public void start(boolean startPaused) {
        synchronized (lock) {
            paused = startPaused;
        }
        thread.start();
    }

    private void work() {
        RunState end = RunState.FINISHED;
        Throwable failure = null;
        long active = 0;
        try {
            while (true) {
                Runnable chore;
                synchronized (lock) {
                    while (!cancelled && chores.isEmpty() && paused && steps == 0) {
                        lock.wait();
                    }
                    if (cancelled) {
                        end = RunState.CANCELLED;
                        break;
                    }
                    chore = chores.poll();
                    if (chore == null && paused) {
                        steps--;
                    }
                }
                if (chore != null) {
                    chore.run();
                    continue;
                }
                long t0 = System.nanoTime();
                Update u = run.step();
                active += System.nanoTime() - t0;
                if (u == null) {
                    break;
                }
                if (!u.diverged()) {
                    trace.observe(run.appliedGradients());
                }
                events.accept(new TrainingEvent.Stepped(u, active));
                if (u.diverged()) {
                    end = RunState.DIVERGED;
                    break;
                }
                if (probeEvery > 0 && (u.index() + 1) % probeEvery == 0) {
                    probe();
                }
            }
            if (end != RunState.DIVERGED && !run.updates().isEmpty()
                    && (probeEvery == 0 || run.updates().size() % probeEvery != 0)) {
                probe();
            }
        } catch (InterruptedException e) {
            end = RunState.CANCELLED;
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            end = RunState.FAILED;
            failure = e;
        } finally {
            Deque<Runnable> left;
            synchronized (lock) {
                ended = true;
                left = new ArrayDeque<>(chores);
                chores.clear();
            }
            // the run's buffers stay readable after the trainer's threads are gone
            run.close();
            left.forEach(Runnable::run);
            events.accept(new TrainingEvent.Ended(end, failure));
            done.countDown();
        }
    }

    private void probe() {
        // the tasks score a one-layer model; a stacked run is scored by its loss alone
        Map<String, Object> score = run.network().isSingle() ? task.evaluate(run.model()) : Map.of();
        events.accept(new TrainingEvent.Probed(run.updates().size(), score));
    }

    /** Stops before the next update. */
    public void pause() {
        synchronized (lock) {
            paused = true;
            steps = 0;
        }
    }

    /** Goes on training. */
    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** While paused: one more update, then paused again. */
    public void stepOnce() {
        synchronized (lock) {
            if (paused) {
                steps++;
                lock.notifyAll();
            }
        }
    }

    /** Ends the run after the update in progress. */
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            lock.notifyAll();
        }
    }

    /**
     * {@code f} applied to the run between two updates on the training thread, or at once on the
     * caller's thread when the training thread has ended (nothing changes the run any more then).
     */
    public <T> CompletableFuture<T> call(Function<TrainingRun, T> f) {
        CompletableFuture<T> out = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                out.complete(f.apply(run));
            } catch (RuntimeException | Error e) {
                out.completeExceptionally(e);
            }
        };
        boolean now;
        synchronized (lock) {
            now = ended;
            if (!now) {
                chores.add(r);
                lock.notifyAll();
            }
        }
        if (now) {
            awaitQuietly();
            r.run();
        }
        return out;
    }

    /** Waits up to {@code timeout} for the thread to end; true when it has. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /**
     * The optimizer's step of the last update; only between two updates, that is inside
     * {@link #call} (or once the thread has ended).
     */
    OptimizerStep lastStep() {
        return trace.last();
    }

    public TrainingTask task() {
        return task;
    }

    /** Updates the whole run makes unless it is cancelled or diverges. */
    public int plannedUpdates() {
        return planned;
    }

    private void awaitQuietly() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Cancels and waits for the thread (and so for the run's own threads to be told to end). */
    @Override
    public void close() {
        cancel();
        if (Thread.currentThread() != thread) {
            awaitQuietly();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
