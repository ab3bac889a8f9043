package org.unroll.ui.inspector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.unroll.engine.Walkthrough;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * What the inspector shows at the session's point: the entries of {@link InspectorContent} grouped
 * by section in display order, which quantities left since the last point (so their views forget a
 * selected cell), and the one value line under the pane's title. It follows the session's walk and
 * cursor. No nodes here: {@link InspectorPane} only pools views by entry id and binds them.
 */
public final class InspectorViewModel {

    /** One section of the pane: its heading and its entries in order. */
    public record Group(InspectorEntry.Section section, String heading, List<InspectorEntry> entries) {
        public Group {
            entries = List.copyOf(entries);
        }
    }

    /**
     * What the pane shows at one point.
     *
     * @param empty  true before a walk exists (the pane shows its "nothing yet" line)
     * @param groups the sections in display order
     * @param left   ids of the entries shown at the previous point and not at this one
     */
    public record Shown(boolean empty, List<Group> groups, Set<String> left) {
        static final Shown NOTHING = new Shown(true, List.of(), Set.of());

        public Shown {
            groups = List.copyOf(groups);
            left = Set.copyOf(left);
        }

        /** The entries in display order. */
        public List<InspectorEntry> entries() {
            return groups.stream().flatMap(g -> g.entries().stream()).toList();
        }
    }

    /** What one shown matrix says about its cells: whether one is hovered or selected, and that cell's text. */
    public record CellState(boolean hovered, boolean selected, String text) {
    }

    /** The value line: a cell's value, or the hint of what to do when no cell is pointed at. */
    public record ValueLine(String text, boolean hint) {
    }

    private final Session session;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown", Shown.NOTHING);

    private final org.unroll.ui.session.WhileShown whileShown = new org.unroll.ui.session.WhileShown(this::refresh);

    public InspectorViewModel(Session session) {
        this.session = session;
        whileShown.follow(session);
        refresh();
    }

    /**
     * Whether the pane is shown. While inactive (its tab not selected) the view model does not follow
     * the session, so a key press costs nothing here; activating reads the session's point at once.
     */
    public javafx.beans.property.BooleanProperty activeProperty() {
        return whileShown.activeProperty();
    }

    /** Reads the entries at the session's cursor. */
    public void refresh() {
        if (!whileShown.readNow()) {
            return;
        }
        org.unroll.engine.GridWalkPoint grid = session.getGridPoint();
        if (grid != null) {
            // a stacked, bidirectional or batched network: the cell at the cursor, grouped the same way
            shown.set(group(GridCellContent.at(grid), shown.get()));
            return;
        }
        Walkthrough w = session.getWalkthrough();
        if (w == null) {
            shown.set(Shown.NOTHING);
            return;
        }
        // on a new walk the session moves its cursor right after; the point read here is where it moves to
        shown.set(group(InspectorContent.at(w, session.getScenario(), session.getCursor()), shown.get()));
    }

    /** The entries grouped by section in order of first appearance; the ids that left since {@code before}. */
    static Shown group(List<InspectorEntry> entries, Shown before) {
        Map<InspectorEntry.Section, List<InspectorEntry>> bySection = new LinkedHashMap<>();
        Set<String> now = new HashSet<>();
        for (InspectorEntry e : entries) {
            bySection.computeIfAbsent(e.section(), s -> new ArrayList<>()).add(e);
            now.add(e.id());
        }
        List<Group> groups = new ArrayList<>(bySection.size());
        bySection.forEach((section, list) -> groups.add(new Group(section, I18n.get(section.key()), list)));
        Set<String> left = new HashSet<>();
        for (InspectorEntry e : before.entries()) {
            if (!now.contains(e.id())) {
                left.add(e.id());
            }
        }
        return new Shown(false, groups, left);
    }

    /**
     * The one value line: the hovered cell of any matrix (the first in order), else a selected one,
     * else the hint.
     */
    public static ValueLine valueLine(List<CellState> inOrder) {
        for (CellState c : inOrder) {
            if (c.hovered() && c.text() != null) {
                return new ValueLine(c.text(), false);
            }
        }
        for (CellState c : inOrder) {
            if (c.selected() && c.text() != null) {
                return new ValueLine(c.text(), false);
            }
        }
        return new ValueLine(I18n.get("inspector.hint"), true);
    }

    /** What is shown now. */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public Shown getShown() {
        return shown.get();
    }
}
