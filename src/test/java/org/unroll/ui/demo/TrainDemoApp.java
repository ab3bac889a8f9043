package org.unroll.ui.demo;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.unroll.engine.CellType;
import org.unroll.task.Scenario;
import org.unroll.ui.UnrollApp;
import org.unroll.ui.session.Session;
import org.unroll.ui.shell.MainWindow;
import org.unroll.ui.training.TaskKind;
import org.unroll.ui.training.TrainForm;
import org.unroll.ui.training.TrainingView;
import org.unroll.ui.training.TrainingViewModel;

/**
 * The training window for screenshots: {@code --scene=charts|batches|stepinto|update|generate|side},
 * {@code --task=text|adding|...}, {@code --updates=N} (pause after N updates). Prints READY
 * when there is something to see.
 */
public final class TrainDemoApp extends Application {
    private ExecutorService compute;
    private TrainingViewModel vm;

    @Override
    public void start(Stage stage) {
        Map<String, String> a = getParameters().getNamed();
        String scene = a.getOrDefault("scene", "charts");
        TaskKind kind = TaskKind.valueOf(a.getOrDefault("task", "text").toUpperCase(java.util.Locale.ROOT));
        TrainForm form = TrainForm.defaultsFor(kind);
        if (a.containsKey("cell")) {
            form = form.withCell(CellType.valueOf(a.get("cell").toUpperCase(java.util.Locale.ROOT)));
        }
        if (a.containsKey("batch")) {
            form = form.withBatch(Integer.parseInt(a.get("batch")));
        }
        if (a.containsKey("steps")) {
            form = form.withNumSteps(Integer.parseInt(a.get("steps")));
        }
        if (a.containsKey("iterations")) {
            form = form.withIterations(Integer.parseInt(a.get("iterations")));
        }
        if (a.containsKey("optimizer")) {
            form = new TrainForm(form.task(), form.text(), form.cell(), form.hidden(), form.batch(), form.numSteps(),
                    form.stateful(), form.length(), form.epochs(), form.iterations(), a.get("optimizer"), form.lr(),
                    form.clip(), form.threshold(), form.seed(), form.layers());
        }
        if (a.containsKey("text")) {
            form = new TrainForm(form.task(), a.get("text"), form.cell(), form.hidden(), form.batch(), form.numSteps(),
                    form.stateful(), form.length(), form.epochs(), form.iterations(), form.optimizer(), form.lr(),
                    form.clip(), form.threshold(), form.seed());
        }
        int pauseAt = Integer.parseInt(a.getOrDefault("updates", "300"));
        compute = UnrollApp.computeThread();
        Session session = new Session(compute, Platform::runLater);
        vm = new TrainingViewModel();
        TrainingView view = new TrainingView(vm);
        view.setForm(form);
        if (scene.equals("stepinto")) {
            MainWindow w = UnrollApp.open(stage, session);
            view.setOnStepInto(u -> session.open(new Scenario(u.snapshot().model(), u.sequence(), null),
                    u.snapshot().window()));
            session.walkthroughProperty().addListener((o, was, now) -> {
                if (now != null && was != null) {
                    // "cut": backward step 1's pass back, where dh₀ would leave the window
                    String at = a.getOrDefault("position", "0");
                    int index = at.equals("cut") ? org.unroll.engine.Cursor.backward(0,
                            org.unroll.engine.BackwardStage.PASS_BACK).index(now.steps()) : Integer.parseInt(at);
                    Platform.runLater(() -> session.moveToIndex(index));
                    javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(
                            javafx.util.Duration.millis(1200));
                    p.setOnFinished(e -> {
                        if (a.containsKey("update")) {
                            // the training window in front, on its Stepped update tab
                            stage.hide();
                            javafx.animation.PauseTransition q = new javafx.animation.PauseTransition(
                                    javafx.util.Duration.millis(600));
                            q.setOnFinished(e2 -> System.out.println("READY"));
                            q.play();
                        } else {
                            System.out.println("READY");
                        }
                    });
                    p.play();
                }
            });
            session.apply(org.unroll.task.Setup.JEEP);
            Stage side = new Stage();
            side.setScene(new Scene(view, a.containsKey("update") ? 1280 : 400, a.containsKey("update") ? 720 : 300));
            side.show();
            if (!a.containsKey("update")) {
                side.toBack();
            }
        } else {
            stage.setScene(new Scene(view, 1280, 720));
            stage.show();
        }
        if (scene.equals("batches")) {
            view.tabs().getSelectionModel().select(1);
        } else if (scene.equals("generate")) {
            view.tabs().getSelectionModel().select(2);
        } else if (scene.equals("side")) {
            view.tabs().getSelectionModel().select(3);
        }
        if (scene.equals("side")) {
            view.startSideBySide();
        } else {
            vm.start();
        }
        new AnimationTimer() {
            private boolean done;

            @Override
            public void handle(long now) {
                if (done) {
                    return;
                }
                if (scene.equals("side")) {
                    if (view.sideBySideDone()) {
                        done = true;
                        System.out.println("READY");
                    }
                    return;
                }
                if (vm.updatesProperty().get() >= pauseAt || vm.getState().over()) {
                    done = true;
                    vm.pause();
                    if (scene.equals("update")) {
                        // the training window alone, on its Stepped update tab
                        int last = vm.updatesProperty().get() - 1;
                        view.setOnStepInto(u -> {
                            javafx.animation.PauseTransition q = new javafx.animation.PauseTransition(
                                    javafx.util.Duration.millis(800));
                            q.setOnFinished(e2 -> System.out.println("READY"));
                            q.play();
                        });
                        view.stepInto(vm.currentWindowProperty().get() == 0 ? last - 1 : last);
                    } else if (scene.equals("stepinto")) {
                        // an update of a later window: its initial state was carried in (stateful)
                        int last = vm.updatesProperty().get() - 1;
                        view.stepInto(vm.currentWindowProperty().get() == 0 ? last - 1 : last);
                    } else if (scene.equals("generate")) {
                        view.generateNow();
                        System.out.println("READY");
                    } else {
                        System.out.println("READY");
                    }
                }
            }
        }.start();
    }

    @Override
    public void stop() {
        vm.close();
        compute.shutdownNow();
    }
}
