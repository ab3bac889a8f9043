package org.unroll.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonParser;
import org.unroll.task.Training;
import org.unroll.ui.session.Session;

/**
 * A step that trains shows the training's progress in the lesson panel (updates done of all, the
 * loss), and a training the student leaves behind stops at once. The session computes on its own
 * thread and publishes on a second one that stands in for the UI thread; the test waits on latches.
 */
class LessonTrainingTest {
    private ExecutorService compute;
    private ExecutorService ui;
    private Session session;
    private LessonViewModel vm;
    private final List<Training.Progress> seen = new CopyOnWriteArrayList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        compute = Executors.newSingleThreadExecutor(daemon("compute"));
        ui = Executors.newSingleThreadExecutor(daemon("ui"));
        session = new Session(compute, ui);
        vm = onUi(() -> {
            LessonViewModel m = new LessonViewModel(session);
            m.languageProperty().set(Lang.EN);
            session.trainingProperty().addListener((o, was, now) -> {
                if (now != null) {
                    seen.add(now);
                }
            });
            m.trainingProperty().addListener((o, was, now) -> texts.add(now));
            return m;
        });
    }

    @AfterEach
    void stop() {
        compute.shutdownNow();
        ui.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private <T> T onUi(Callable<T> c) throws Exception {
        return ui.submit(c).get(30, TimeUnit.SECONDS);
    }

    private static Lesson lesson(String text, String firstStep, String secondStep) throws Exception {
        return LessonParser.parse("train.lesson", """
                lesson train
                title.en: T
                title.zh_CN: T
                title.zh_TW: T

                text %s
                step
                %s
                en: trained, loss {loss}
                zh_CN: 损失 {loss}
                zh_TW: 損失 {loss}

                step
                %s
                en: next
                zh_CN: 下
                zh_TW: 下
                """.formatted(text, firstStep, secondStep));
    }

    /** A latch released when the session shows a walk of {@code steps} steps. */
    private CountDownLatch walkOf(int steps) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        onUi(() -> {
            session.walkthroughProperty().addListener((o, was, now) -> {
                if (now != null && now.steps() == steps) {
                    shown.countDown();
                }
            });
            return null;
        });
        return shown;
    }

    @Test
    void theLessonPanelCountsTheUpdatesAndShowsTheLoss() throws Exception {
        // 3,000 updates, so that the run outlasts a busy moment of the UI thread (300 could end within one hand-over)
        Lesson l = lesson("hello world", "hidden 8\ntrain updates=3000 lr=0.01", "at loss");
        CountDownLatch shown = walkOf(10);
        onUi(() -> {
            vm.setLessons(List.of(l));
            return null;
        });
        assertTrue(shown.await(60, TimeUnit.SECONDS), "the trained walk is shown");
        // the UI thread is handed the latest progress, one hand-over waiting at a time: a run of updates, in order, to the last
        assertTrue(seen.size() >= 2, "told as it goes: " + seen);
        for (int i = 0; i < seen.size(); i++) {
            Training.Progress p = seen.get(i);
            assertTrue(i == 0 || p.done() > seen.get(i - 1).done(), "in order: " + seen);
            assertEquals(3000, p.total());
            assertTrue(Double.isFinite(p.loss()) && p.loss() > 0, "a loss: " + p);
        }
        Training.Progress end = seen.get(seen.size() - 1);
        assertEquals(3000, end.done(), "the last update is told");
        assertTrue(end.loss() < seen.get(0).loss(), "the loss went down: " + seen.get(0) + " → " + end);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Training: update " + seen.get(0).done() + " of 3000, loss ")), texts.toString());
        assertTrue(texts.contains("Training: update 3000 of 3000, loss "
                + org.unroll.i18n.Notation.number(end.loss())), texts.toString());
        assertEquals("", onUi(() -> vm.trainingProperty().get()), "no progress once the walk is shown");
        assertEquals(-1, onUi(() -> vm.trainingDoneProperty().get()));
        onUi(() -> {
            vm.languageProperty().set(Lang.ZH_CN);
            return null;
        });
        assertTrue(onUi(() -> vm.narrationProperty().get()).startsWith("损失 "), "the trained walk's narration");
    }

    @Test
    void movingOnToAnotherSetupStopsATrainingUnderWay() throws Exception {
        // 100,000 updates of a 96-unit model on 60 characters: minutes of work unless it stops
        String text = "the quick brown fox jumps over the lazy dog while the cat sle";
        Lesson l = lesson(text, "hidden 96\ntrain updates=100000 lr=0.001", "train off\nhidden 4\ntext ab");
        CountDownLatch started = trainingReaches(3);
        CountDownLatch second = walkOf(1);
        onUi(() -> {
            vm.setLessons(List.of(l));
            return null;
        });
        assertTrue(started.await(60, TimeUnit.SECONDS), "the training runs and says so");
        assertTrue(onUi(() -> vm.trainingProperty().get()).startsWith("Training: update "));
        onUi(() -> {
            vm.next();
            return null;
        });
        assertTrue(second.await(30, TimeUnit.SECONDS), "the next step is shown without waiting for the training");
        int last = seen.get(seen.size() - 1).done();
        assertTrue(last < 100_000, "the training stopped at update " + last);
        assertEquals("", onUi(() -> vm.trainingProperty().get()));
    }

    @Test
    void aLaterStepOfTheSameSetupWaitsForTheTrainingInsteadOfStartingItAgain() throws Exception {
        Lesson l = lesson("hello world", "hidden 16\ntrain updates=3000 lr=0.01\nat forward 1", "at forward 4");
        CountDownLatch started = trainingReaches(0);
        CountDownLatch shown = walkOf(10);
        onUi(() -> {
            vm.setLessons(List.of(l));
            return null;
        });
        assertTrue(started.await(60, TimeUnit.SECONDS));
        onUi(() -> {
            vm.next();
            return null;
        });
        assertTrue(shown.await(60, TimeUnit.SECONDS));
        // the cursor move after the walk lands is queued on the UI thread behind it
        org.unroll.engine.Cursor at = onUi(() -> session.getCursor());
        assertEquals(l.step(1).cursor(), at, "the walk went to the later step's point");
        // a second training would start again from its first updates: the count would fall back
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).done() > seen.get(i - 1).done(), "one training, not two: " + seen);
        }
        assertEquals(3000, seen.get(seen.size() - 1).done(), "and it ran to its end");
    }

    /** A latch released once the session's training has reported at least {@code done} updates. */
    private CountDownLatch trainingReaches(int done) throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        onUi(() -> {
            session.trainingProperty().addListener((o, was, now) -> {
                if (now != null && now.done() >= done) {
                    reached.countDown();
                }
            });
            return null;
        });
        return reached;
    }
}
