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

    /** @param read what the pane does to read the session; run again on activation after a skipped read */
    public WhileShown(Runnable read) {
        active.addListener((obs, was, on) -> {
            if (on && stale) {
                read.run();
            }
        });
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
