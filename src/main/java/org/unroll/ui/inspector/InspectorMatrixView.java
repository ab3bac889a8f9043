package org.unroll.ui.inspector;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.css.PseudoClass;

/**
 * A {@link MatrixHeatView} for the inspector's grid: as narrow as its header and cells need (no
 * minimum width for the value line) and without its own value line, since {@link InspectorPane} shows
 * one value line for all its matrices. A quantity computed by the very point the cursor is at is marked
 * by a frame behind the content with the pseudo-class {@code :fresh}: the frame has no children, so
 * marking and unmarking at every key press restyles one node, not the whole matrix view.
 */
class InspectorMatrixView extends MatrixHeatView {

    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");
    private final Region frame = new Region();
    private boolean fresh;

    InspectorMatrixView() {
        getStyleClass().add("inspector-matrix");
        hideValueLine();
        frame.getStyleClass().add("inspector-fresh-frame");
        frame.setManaged(false);
        frame.setMouseTransparent(true);
        getChildren().add(0, frame);
    }

    /** Marks the quantity as computed by the current point (an accent frame). */
    void setFresh(boolean value) {
        if (value != fresh) {
            fresh = value;
            frame.pseudoClassStateChanged(FRESH, value);
        }
    }

    boolean isFresh() {
        return fresh;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        frame.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    private void hideValueLine() {
        Node value = lookupValueLine();
        if (value != null) {
            value.setVisible(false);
            value.setManaged(false);
        }
    }

    private Node lookupValueLine() {
        for (Node n : content().getChildrenUnmodifiable()) {
            if (n instanceof Label l && l.getStyleClass().contains("matrix-value")) {
                return l;
            }
        }
        return null;
    }

    private javafx.scene.Parent content() {
        return getChildren().isEmpty() ? this : (javafx.scene.Parent) getChildren().get(getChildren().size() - 1);
    }

    /** The widest of the header and the cells (the heat view's own minimum is for its value line). */
    @Override
    protected double computePrefWidth(double height) {
        javafx.scene.Parent c = content();
        if (!(c instanceof Pane pane) || pane.getChildren().size() < 2) {
            return super.computePrefWidth(height);
        }
        double inner = 0;
        for (Node n : pane.getChildren()) {
            if (n.isManaged()) {
                inner = Math.max(inner, n.prefWidth(-1));
            }
        }
        double pref = snappedLeftInset() + inner + pane.snappedLeftInset() + pane.snappedRightInset() + snappedRightInset();
        double max = getMaxWidth();
        return max > 0 && max < pref ? max : pref;
    }

    /** Narrower than the header when it must be: the title then ends in an ellipsis. */
    @Override
    protected double computeMinWidth(double height) {
        return Math.min(computePrefWidth(height), snappedLeftInset() + snappedRightInset() + 6 * em());
    }

    private double em() {
        Node title = content().lookup(".matrix-title");
        return title instanceof Label l ? l.getFont().getSize() : 15;
    }
}
