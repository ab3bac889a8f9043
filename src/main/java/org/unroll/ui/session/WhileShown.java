package org.unroll.ui.session;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A pane's rule for following the session only while it is shown: while inactive (its tab not
 * selected) a read is skipped and remembered, so a key press costs that pane nothing, and the next
 * activation reads the session's point at once.
 */
public final class WhileShown {
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    /** Whether the session moved while inactive, so the next activation must read the point again. */
    private boolean stale;
    private final Runnable read;

    /** @param read what the pane does to read the session; run again on activation after a skipped read */
    public WhileShown(Runnable read) {
        this.read = read;
        active.addListener((obs, was, on) -> {
            if (on && stale) {
                read.run();
            }
        });
    }

    /** Reads again whenever the session moves: its point, its walk, its grid walk or the grid's sequence. */
    public void follow(Session session) {
        session.positionProperty().addListener((obs, old, now) -> read.run());
        session.walkthroughProperty().addListener((obs, old, now) -> read.run());
        session.gridWalkProperty().addListener((obs, old, now) -> read.run());
        session.gridSequenceProperty().addListener((obs, old, now) -> read.run());
    }

    /** Whether the pane is shown; bound to its tab's selection by the view. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Whether to read now; when not, remembers that the next activation must read. */
    public boolean readNow() {
        stale = !active.get();
        return !stale;
    }
}
