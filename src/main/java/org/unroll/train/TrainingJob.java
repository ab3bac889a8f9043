package org.unroll.train;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A {@link TrainingRun} on a thread of its own, for the app: it can be paused, resumed and
 * cancelled, each taking effect between two updates (so within one update). The listener hears
 * of every update on the training thread, right after it; it must hand results to its own
 * thread itself. The run is the job's: nothing else may step it while the job runs.
 */
public final class TrainingJob {
    private final TrainingRun run;
    private final Consumer<Update> listener;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Object lock = new Object();
    private boolean paused;
    private volatile boolean cancelled;
    private volatile Throwable failure;

    public TrainingJob(TrainingRun run, Consumer<Update> listener) {
        this.run = run;
        this.listener = listener;
        this.thread = new Thread(this::work, "unroll-training");
        this.thread.setDaemon(true);
    }

    /** Starts training. */
    public TrainingJob start() {
        thread.start();
        return this;
    }

    private void work() {
        try {
            while (!cancelled) {
                synchronized (lock) {
                    while (paused && !cancelled) {
                        lock.wait();
                    }
                }
                if (cancelled) {
                    break;
                }
                Update u = run.step();
                if (u == null) {
                    break;
                }
                listener.accept(u);
                if (u.diverged()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            done.countDown();
        }
    }

    /** Stops before the next update until {@link #resume()}. */
    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Ends the job after the update in progress, paused or not. */
    public void cancel() {
        cancelled = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Waits until the job has ended (finished, cancelled or failed). */
    public void await() throws InterruptedException {
        done.await();
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** What made the job fail, or null. */
    public Throwable failure() {
        return failure;
    }

    public TrainingRun run() {
        return run;
    }
}
