package org.unroll.ui;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/** Small scene-graph helpers shared by the panes. */
public final class Nodes {
    private Nodes() {
    }

    /**
     * Makes {@code wanted} the visible children, in order: if they already are children in that
     * order, the others are only hidden (nothing is added or removed, so no CSS is redone); else
     * the children become exactly {@code wanted}.
     */
    public static void showOnly(ObservableList<Node> children, List<Node> wanted) {
        int matched = 0;
        for (Node n : children) {
            if (matched < wanted.size() && n == wanted.get(matched)) {
                matched++;
            }
        }
        if (matched < wanted.size()) {
            children.setAll(wanted);
        }
        Set<Node> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(wanted);
        for (Node n : children) {
            boolean show = keep.contains(n);
            if (n.isVisible() != show || n.isManaged() != show) {
                n.setVisible(show);
                n.setManaged(show);
            }
        }
    }
}
