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
 * {@code --cell=lstm --hidden=8 --text=… --position=12 --presenter --size=1920x1080
 * --focus=formula|values|charts --chart=vanishing --model-panel}. Prints READY when laid out.
 */
public final class DemoApp extends Application {
    private ExecutorService compute;

    @Override
    public void start(javafx.stage.Stage stage) {
        Map<String, String> a = new java.util.HashMap<>(getParameters().getNamed());
        // a bare flag (--presenter) counts as given
        for (String flag : getParameters().getUnnamed()) {
            if (flag.startsWith("--")) {
                a.put(flag.substring(2), "true");
            }
        }
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
        if (a.containsKey("size")) {
            String[] wh = a.get("size").split("x");
            stage.setWidth(Double.parseDouble(wh[0]));
            stage.setHeight(Double.parseDouble(wh[1]));
        }
        if (a.containsKey("presenter")) {
            w.zoom().setPresenter(true);
        }
        if (a.containsKey("model-panel")) {
            w.showModelPanel(true);
        }
        if (a.containsKey("focus")) {
            w.showFocus(MainWindow.Focus.valueOf(a.get("focus").toUpperCase(java.util.Locale.ROOT)));
        }
        if (a.containsKey("lesson")) {
            // a lesson mid-way: --lesson=6 --lesson-step=3 (both counted from 1)
            org.unroll.ui.lesson.LessonPane lp = (org.unroll.ui.lesson.LessonPane) w.lessonSlot().getChildren().get(0);
            lp.model().choose(lp.model().lessons().get(Integer.parseInt(a.get("lesson")) - 1));
            for (int k = 1; k < Integer.parseInt(a.getOrDefault("lesson-step", "1")); k++) {
                lp.model().next();
            }
        }
        if (a.containsKey("chart")) {
            w.showFocus(MainWindow.Focus.CHARTS);
            if (w.chartsSlot().getChildren().get(0) instanceof org.unroll.ui.charts.ChartsPane charts) {
                charts.select(org.unroll.ui.charts.ChartsPane.Kind.valueOf(a.get("chart").toUpperCase(java.util.Locale.ROOT)));
            }
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
                    if (a.containsKey("position")) {
                        session.moveToIndex(position);
                    }
                    PauseTransition p = new PauseTransition(Duration.millis(900));
                    p.setOnFinished(f -> {
                        if (a.containsKey("compare")) {
                            org.unroll.ui.compare.CompareView.open(stage, scene -> {
                                org.unroll.ui.shell.ZoomSceneBinder.bind(w.zoom(), scene);
                                javafx.application.Platform.runLater(() -> {
                                    scene.getWindow().setWidth(stage.getWidth());
                                    scene.getWindow().setHeight(stage.getHeight());
                                });
                            });
                            PauseTransition c = new PauseTransition(Duration.millis(2500));
                            c.setOnFinished(g -> System.out.println("READY compare"));
                            c.play();
                            return;
                        }
                        System.out.println("READY " + session.getCursor());
                    });
                    p.play();
                });
                settle.play();
            }
        });
        if (!a.containsKey("lesson")) {
            session.apply(s);
        }
    }

    @Override
    public void stop() {
        compute.shutdownNow();
    }
}
