package org.unroll.ui.stepper;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.unroll.ui.I18n;

/** The stepping buttons: jump start, back, play/pause, forward, jump end, the speed and the position. */
public final class StepperBar extends HBox {
    private final StepperViewModel vm;
    private final Button start = button("icon-start", "toolbar.jumpStart", "Home");
    private final Button back = button("icon-back", "toolbar.stepBack", "← / Page Up");
    private final Button play = button("icon-play", "toolbar.play", "P");
    private final Button forward = button("icon-forward", "toolbar.stepForward", "→ / Space / Page Down");
    private final Button end = button("icon-end", "toolbar.jumpEnd", "End");
    private final ChoiceBox<Double> speed = new ChoiceBox<>();
    private final Label position = new Label();
    private final Timeline timer = new Timeline();

    public StepperBar(StepperViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("stepper-bar");
        setAlignment(Pos.CENTER_LEFT);
        forward.getStyleClass().add("primary-step");
        speed.getItems().setAll(StepperViewModel.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : I18n.get("toolbar.speedValue", v == Math.rint(v) ? Integer.toString(v.intValue()) : v.toString());
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        speed.setTooltip(new Tooltip(I18n.get("toolbar.speed")));
        speed.setFocusTraversable(false);
        Label speedLabel = new Label(I18n.get("toolbar.speed"));
        speedLabel.getStyleClass().addAll("muted", "speed-label");
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        position.getStyleClass().add("position-label");
        position.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().setAll(start, back, play, forward, end, speedLabel, speed, position);
    }

    private void initListeners() {
        start.setOnAction(e -> vm.jumpStart());
        back.setOnAction(e -> vm.stepBack());
        forward.setOnAction(e -> vm.stepForward());
        end.setOnAction(e -> vm.jumpEnd());
        play.setOnAction(e -> vm.togglePlay());
        back.disableProperty().bind(vm.session().canStepBackProperty().not());
        start.disableProperty().bind(vm.session().canStepBackProperty().not());
        forward.disableProperty().bind(vm.session().canStepForwardProperty().not());
        end.disableProperty().bind(vm.session().canStepForwardProperty().not());
        play.disableProperty().bind(vm.session().walkthroughProperty().isNull()
                .and(vm.session().gridWalkProperty().isNull()));
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        position.textProperty().bind(vm.positionProperty());
        vm.playingProperty().addListener((o, was, now) -> {
            play.getGraphic().getStyleClass().setAll("step-icon", now ? "icon-pause" : "icon-play");
            play.getTooltip().setText(I18n.get(now ? "toolbar.pause" : "toolbar.play") + "  (P)");
            if (now) {
                restartTimer();
            } else {
                timer.stop();
            }
        });
        vm.speedProperty().addListener((o, a, b) -> {
            if (vm.isPlaying()) {
                restartTimer();
            }
        });
    }

    private void restartTimer() {
        timer.stop();
        timer.getKeyFrames().setAll(new KeyFrame(Duration.millis(vm.intervalMillis()), e -> vm.tick()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
    }

    private static Button button(String icon, String key, String keys) {
        Region graphic = new Region();
        graphic.getStyleClass().setAll("step-icon", icon);
        Button b = new Button();
        b.setGraphic(graphic);
        b.getStyleClass().add("step-button");
        b.setTooltip(new Tooltip(I18n.get(key) + "  (" + keys + ")"));
        b.setFocusTraversable(false);
        b.setAccessibleText(I18n.get(key));
        return b;
    }

    public Button backButton() {
        return back;
    }

    public Button forwardButton() {
        return forward;
    }
}
