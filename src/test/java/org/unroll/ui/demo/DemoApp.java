package org.unroll.ui.demo;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
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
 * --focus=formula|values|charts --chart=vanishing --model-panel --compare}, or a lesson step
 * {@code --lesson=13-one-two-three --step=8 [--answers=2:0.46,5:reveal,7:2] [--answer=0.5 | --option=2]}:
 * the questions before step 8 are answered as {@code --answers} says (step:answer, an option number,
 * a number or reveal), the others shown without a guess; step 8's own with --answer or --option. Prints READY when laid out.
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
        // a grid: --layers=2 --bidirectional --batch="jeep|cat|horse" [--sequence=2] (1-based)
        if (a.containsKey("layers")) {
            s = s.withLayers(Integer.parseInt(a.get("layers")));
        }
        if (a.containsKey("bidirectional")) {
            s = s.withBidirectional(true);
        }
        if (a.containsKey("batch")) {
            s = s.withBatch(Setup.parseBatch(a.get("batch")));
        }
        compute = UnrollApp.computeThread();
        Session session = new Session(compute, Platform::runLater);
        MainWindow w = UnrollApp.open(stage, session);
        if (a.containsKey("size")) {
            String[] wh = a.get("size").split("x");
            stage.setX(0);
            stage.setY(0);
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
        if (a.containsKey("chart")) {
            w.showFocus(MainWindow.Focus.CHARTS);
            if (w.chartsSlot().getChildren().get(0) instanceof org.unroll.ui.charts.ChartsPane charts) {
                charts.select(org.unroll.ui.charts.ChartsViewModel.Kind.valueOf(a.get("chart").toUpperCase(java.util.Locale.ROOT)));
            }
        }
        if (a.containsKey("lesson")) {
            openLesson(w, a);
            return;
        }
        int position = Integer.parseInt(a.getOrDefault("position", "0"));
        if (s.isGrid()) {
            session.gridWalkProperty().addListener((o, old, now) -> {
                if (now != null && old == null) {
                    PauseTransition settle = new PauseTransition(Duration.millis(800));
                    settle.setOnFinished(e -> {
                        if (a.containsKey("sequence")) {
                            session.chooseSequence(Integer.parseInt(a.get("sequence")) - 1);
                        }
                        if (a.containsKey("position")) {
                            session.moveToIndex(position);
                        }
                        if (a.containsKey("stacked")) {
                            w.timeline().viewModel().stackedProperty().set(true);
                        }
                        PauseTransition p = new PauseTransition(Duration.millis(900));
                        p.setOnFinished(f -> System.out.println("READY " + session.gridCursorProperty().get()));
                        p.play();
                    });
                    settle.play();
                }
            });
        }
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
                            // --compare[=cells|depths|directions] [--compare-at=N] (N: the lead side's point, 0-based) [--compare-tab=T]
                            Stage cs = org.unroll.ui.compare.CompareView.open(stage,
                                    scene -> org.unroll.ui.shell.ZoomSceneBinder.bind(w.zoom(), scene),
                                    view -> {
                                        view.scaleProperty().bind(w.zoom().fontSizeProperty().divide(
                                                org.unroll.ui.shell.ZoomModel.BASE_FONT_PX));
                                        view.presenterProperty().bind(w.zoom().presenterProperty());
                                    }, w.zoom()::togglePresenter);
                            var cv = (org.unroll.ui.compare.CompareView) cs.getScene().getRoot();
                            String which = a.get("compare");
                            if (which.equals("depths")) {
                                cv.viewModel().applySides(org.unroll.ui.compare.CompareViewModel.DEPTHS);
                            } else if (which.equals("directions")) {
                                cv.viewModel().applySides(org.unroll.ui.compare.CompareViewModel.DIRECTIONS);
                            }
                            PauseTransition c = new PauseTransition(Duration.millis(4000));
                            c.setOnFinished(g -> {
                                var vm = cv.viewModel();
                                if (a.containsKey("compare-at") && vm.lead() >= 0) {
                                    vm.sessions().get(vm.lead()).moveToIndex(Integer.parseInt(a.get("compare-at")));
                                }
                                if (a.containsKey("compare-tab")) {
                                    // --compare-tab=0|1|2: the strips, the gradient norms, vanishing / exploding
                                    cv.views().getSelectionModel().select(Integer.parseInt(a.get("compare-tab")));
                                }
                                PauseTransition r = new PauseTransition(Duration.millis(1500));
                                r.setOnFinished(x -> System.out.println("READY compare"));
                                r.play();
                            });
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

    /** The lesson pane on a lesson's step k, the step's question answered when asked to. */
    private static void openLesson(MainWindow w, Map<String, String> a) {
        org.unroll.ui.lesson.LessonViewModel m =
                ((org.unroll.ui.lesson.LessonPane) w.lessonSlot().getChildren().get(0)).model();
        m.lessons().stream().filter(l -> l.id().equals(a.get("lesson"))).findFirst().ifPresent(m::choose);
        int step = Integer.parseInt(a.getOrDefault("step", "1"));
        // the questions on the way are answered as --answers says, or shown without a guess
        LessonScript script = LessonScript.parse(a.get("answers"));
        int reached = script.walk(m, step);
        if (reached != step) {
            System.err.println("DemoApp: stopped at step " + reached + " of the lesson, not " + step);
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
