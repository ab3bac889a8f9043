package org.unroll.ui.demo;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.util.Duration;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.task.InitialState;
import org.unroll.task.Setup;
import org.unroll.ui.UnrollApp;
import org.unroll.ui.session.Session;
import org.unroll.ui.shell.MainWindow;

/**
 * The real main window on a chosen lesson and point, for screenshots:
 * {@code --cell=lstm --hidden=8 --text=… --position=12 --presenter}, or a lesson step
 * {@code --lesson=13-one-two-three --step=2 [--answer=0.46 | --option=2]}. Prints READY when laid out.
 */
public final class DemoApp extends Application {
    private ExecutorService compute;

    @Override
    public void start(javafx.stage.Stage stage) {
        Map<String, String> a = getParameters().getNamed();
        Setup s = Setup.JEEP;
        if (a.containsKey("cell")) {
            String c = a.get("cell");
            s = c.equals("lstm") ? s.withCell(CellType.LSTM) : c.equals("gru") ? s.withCell(CellType.GRU)
                    : c.equals("relu") ? s.withActivation(Activation.RELU) : s;
        }
        if (a.containsKey("hidden")) {
            s = s.withHiddenSize(Integer.parseInt(a.get("hidden")));
        }
        if (a.containsKey("text")) {
            s = s.withText(a.get("text"));
        }
        if (a.containsKey("sigma")) {
            s = s.withSpectralNorm(Double.parseDouble(a.get("sigma")));
        }
        if (a.containsKey("random")) {
            s = s.withInitialState(InitialState.RANDOM);
        }
        compute = UnrollApp.computeThread();
        Session session = new Session(compute, Platform::runLater);
        MainWindow w = UnrollApp.open(stage, session);
        if (a.containsKey("presenter")) {
            w.zoom().setPresenter(true);
        }
        if (a.containsKey("lesson")) {
            openLesson(w, a);
            return;
        }
        int position = Integer.parseInt(a.getOrDefault("position", "0"));
        session.walkthroughProperty().addListener((o, old, now) -> {
            if (now != null && old == null) {
                if (a.containsKey("hover")) {
                    w.timeline().viewModel().setHighlight(a.get("hover"));
                }
                // after the lesson pane has settled on its first step, go to the asked point
                PauseTransition settle = new PauseTransition(Duration.millis(800));
                settle.setOnFinished(e -> {
                    session.moveToIndex(position);
                    PauseTransition p = new PauseTransition(Duration.millis(900));
                    p.setOnFinished(f -> System.out.println("READY " + session.getCursor()));
                    p.play();
                });
                settle.play();
            }
        });
        session.apply(s);
    }

    /** The lesson pane on a lesson's step k, the step's question answered when asked to. */
    private static void openLesson(MainWindow w, Map<String, String> a) {
        org.unroll.ui.lesson.LessonViewModel m =
                ((org.unroll.ui.lesson.LessonPane) w.lessonSlot().getChildren().get(0)).model();
        m.lessons().stream().filter(l -> l.id().equals(a.get("lesson"))).findFirst().ifPresent(m::choose);
        int step = Integer.parseInt(a.getOrDefault("step", "1"));
        for (int k = 1; k < step; k++) {
            m.next();
        }
        PauseTransition settle = new PauseTransition(Duration.millis(1500));
        settle.setOnFinished(e -> {
            if (a.containsKey("answer")) {
                m.answerNumber(a.get("answer"));
            } else if (a.containsKey("option")) {
                m.answerOption(Integer.parseInt(a.get("option")));
            }
            PauseTransition p = new PauseTransition(Duration.millis(3000));
            p.setOnFinished(f -> System.out.println("READY " + m.stepIndexProperty().get()));
            p.play();
        });
        settle.play();
    }

    @Override
    public void stop() {
        compute.shutdownNow();
    }
}
