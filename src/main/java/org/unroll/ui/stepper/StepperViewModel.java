package org.unroll.ui.stepper;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.unroll.engine.Walkthrough;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * Stepping through the walk: forward, back, jumps, and play at a chosen speed, which stops at
 * the end. The title of the current point and the position are derived strings. No timer here:
 * the view calls {@link #tick()} every {@link #intervalMillis()} while {@link #playingProperty()} is true.
 */
public final class StepperViewModel {
    /** Speeds as steps per second. */
    public static final List<Double> SPEEDS = List.of(0.5, 1.0, 2.0, 4.0, 8.0);

    private final Session session;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(this, "speed", 1.0);
    private final StringBinding title;
    private final StringBinding position;

    public StepperViewModel(Session session) {
        this.session = session;
        title = Bindings.createStringBinding(() -> {
            if (session.getGridWalk() != null) {
                return GridCursorTitle.of(session.getGridPoint(), session.getGridScenario());
            }
            Walkthrough w = session.getWalkthrough();
            return w == null ? I18n.get("shell.busy") : CursorTitle.of(session.getCursor(), w, session.getScenario());
        }, session.cursorProperty(), session.walkthroughProperty(), session.gridWalkProperty(),
                session.positionProperty(), session.gridSequenceProperty());
        position = Bindings.createStringBinding(
                () -> I18n.get("shell.position", Integer.toString(session.positionProperty().get() + 1),
                        Integer.toString(session.positionsProperty().get())),
                session.positionProperty(), session.positionsProperty());
        session.walkthroughProperty().addListener((o, a, b) -> {
            if (b == null) {
                stop();
            }
        });
    }

    public void stepForward() {
        stop();
        session.stepForward();
    }

    public void stepBack() {
        stop();
        session.stepBack();
    }

    public void jumpStart() {
        stop();
        session.jumpStart();
    }

    public void jumpEnd() {
        stop();
        session.jumpEnd();
    }

    /** Starts playing (from the beginning when at the end) or pauses. */
    public void togglePlay() {
        if (playing.get()) {
            stop();
            return;
        }
        if (session.getWalkthrough() == null && session.getGridWalk() == null) {
            return;
        }
        if (!session.canStepForwardProperty().get()) {
            session.moveToIndex(0);
        }
        playing.set(true);
    }

    public void stop() {
        playing.set(false);
    }

    /** One step of play; stops at the end. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        if (session.canStepForwardProperty().get()) {
            session.stepForward();
        }
        if (!session.canStepForwardProperty().get()) {
            stop();
        }
    }

    /** The time between two steps while playing. */
    public double intervalMillis() {
        Double s = speed.get();
        return 1000.0 / (s == null || s <= 0 ? 1.0 : s);
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public ObjectProperty<Double> speedProperty() {
        return speed;
    }

    public StringBinding titleProperty() {
        return title;
    }

    public StringBinding positionProperty() {
        return position;
    }

    public Session session() {
        return session;
    }
}
