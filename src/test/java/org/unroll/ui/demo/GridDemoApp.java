package org.unroll.ui.demo;

import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCursor;
import org.unroll.engine.Lane;
import org.unroll.ui.grid.GridWalkView;
import org.unroll.ui.grid.GridWalkViewModel;

/**
 * The deep-network window alone, for screenshots: {@code --words=… --layers=2 --bidirectional=true
 * --cell=LSTM --sequence=1 --at=LAYER,DIR,T,STAGE} (0-based layer and t, DIR 0 or 1,
 * stage 1 … 4) or {@code --at=loss}. Prints READY when laid out.
 */
public final class GridDemoApp extends Application {
    @Override
    public void start(javafx.stage.Stage stage) {
        Map<String, String> a = getParameters().getNamed();
        GridWalkViewModel vm = new GridWalkViewModel(12);
        vm.wordsProperty().set(a.getOrDefault("words", "unrolling, time, rnn"));
        vm.layersProperty().set(Integer.parseInt(a.getOrDefault("layers", "2")));
        vm.bidirectionalProperty().set(Boolean.parseBoolean(a.getOrDefault("bidirectional", "true")));
        vm.cellProperty().set(CellType.valueOf(a.getOrDefault("cell", "LSTM")));
        vm.rebuild();
        vm.chooseSequence(Integer.parseInt(a.getOrDefault("sequence", "0")));
        String at = a.getOrDefault("at", "loss");
        GridCursor c;
        if (at.equals("loss")) {
            c = GridCursor.LOSS;
        } else {
            String[] p = at.split(",");
            Lane lane = new Lane(Integer.parseInt(p[0]), p[1].equals("1") ? Lane.Direction.BACKWARD : Lane.Direction.FORWARD);
            c = GridCursor.backward(lane, Integer.parseInt(p[2]), BackwardStage.values()[Integer.parseInt(p[3]) - 1]);
        }
        vm.jumpTo(vm.walkProperty().get().order(vm.sequenceProperty().get()).indexOf(c));
        stage.setScene(new Scene(new GridWalkView(vm), 1280, 720));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        PauseTransition p = new PauseTransition(Duration.millis(800));
        p.setOnFinished(f -> System.out.println("READY " + vm.cursor()));
        p.play();
    }
}
