package org.unroll.ui.inspector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.unroll.engine.Walkthrough;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * The vectors and matrices of the session's current point ({@link InspectorContent}) as heat maps with
 * exact values on hover, grouped in sections, in a vertical scroll pane. It follows the session's
 * position and walk; when the same quantities are shown again (the usual case for a key press) the
 * existing {@link MatrixHeatView}s only get new data. Quantities computed by the very point the cursor
 * is at carry the pseudo-class {@code :fresh} (an accent border). Sizes are in em, so the zoom and
 * presenter mode of the scene apply.
 */
public class InspectorPane extends BorderPane {

    public static final String STYLE_CLASS = "inspector-pane";
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");

    private final Session session;
    private final VBox sections = new VBox();
    private final ScrollPane scroller = new ScrollPane(sections);
    private final Label empty = new Label();
    private final Label valueLine = new Label();
    private static final PseudoClass HINT = PseudoClass.getPseudoClass("hint");
    /** Views by entry id, kept while their id is shown. */
    private final Map<String, MatrixHeatView> views = new HashMap<>();
    private List<InspectorEntry> entries = List.of();
    /** The (section, id) layout of the last rebuild; unchanged layouts only update data. */
    private List<String> shownLayout = List.of();

    public InspectorPane(Session session) {
        this.session = session;
        createView();
        session.positionProperty().addListener((obs, old, now) -> refresh());
        session.walkthroughProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(InspectorPane.class.getResource("inspector.css").toExternalForm());
        sections.getStyleClass().add("inspector-sections");
        scroller.getStyleClass().add("inspector-scroller");
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        empty.getStyleClass().addAll("inspector-empty", "muted");
        empty.setText(I18n.get("inspector.empty"));
        valueLine.getStyleClass().addAll("matrix-value", "inspector-value");
        valueLine.setWrapText(true);
        valueLine.setMaxWidth(Double.MAX_VALUE);
        setTop(valueLine);
        updateValueLine();
        widthProperty().addListener((obs, old, now) -> {
            double budget = widthBudgetEm();
            views.values().forEach(v -> v.widthBudgetEmProperty().set(budget));
        });
        scroller.viewportBoundsProperty().addListener((obs, old, now) -> {
            double max = maxViewWidth();
            views.values().forEach(v -> v.setMaxWidth(max));
        });
        valueLine.fontProperty().addListener((obs, old, now) -> {
            double budget = widthBudgetEm();
            views.values().forEach(v -> v.widthBudgetEmProperty().set(budget));
        });
        setCenter(empty);
    }

    /** Reads the content at the session's cursor and shows it. */
    public final void refresh() {
        Walkthrough w = session.getWalkthrough();
        if (w == null) {
            entries = List.of();
            shownLayout = List.of();
            sections.getChildren().clear();
            views.clear();
            setCenter(empty);
            return;
        }
        // On a new walk the session moves its cursor right after; read the point it will move to.
        show(InspectorContent.at(w, session.getScenario(), session.getCursor()));
    }

    private void show(List<InspectorEntry> next) {
        entries = next;
        List<String> layout = new ArrayList<>(next.size());
        for (InspectorEntry e : next) {
            layout.add(e.section() + "/" + e.id());
        }
        Map<String, MatrixHeatView> keep = new HashMap<>();
        for (InspectorEntry e : next) {
            MatrixHeatView v = views.get(e.id());
            if (v == null) {
                v = newView(e.id());
            }
            if (!e.data().equals(v.getData())) {
                v.setData(e.data());
            }
            v.pseudoClassStateChanged(FRESH, e.fresh());
            keep.put(e.id(), v);
        }
        views.clear();
        views.putAll(keep);
        updateValueLine();
        if (!layout.equals(shownLayout)) {
            rebuild(next);
            shownLayout = layout;
        }
        if (getCenter() != scroller) {
            setCenter(scroller);
        }
    }

    private MatrixHeatView newView(String id) {
        MatrixHeatView v = new InspectorMatrixView();
        v.setId("inspector-" + id);
        v.widthBudgetEmProperty().set(widthBudgetEm());
        v.setMaxWidth(maxViewWidth());
        v.hoveredCellProperty().addListener((obs, old, now) -> updateValueLine());
        v.selectedCellProperty().addListener((obs, old, now) -> updateValueLine());
        v.valueTextProperty().addListener((obs, old, now) -> updateValueLine());
        return v;
    }

    /** The one value line: the hovered cell of any matrix, else a selected one, else the hint. */
    private void updateValueLine() {
        String text = null;
        for (MatrixHeatView v : views.values()) {
            if (v.hoveredCellProperty().get() != null) {
                text = v.valueTextProperty().get();
                break;
            }
        }
        if (text == null) {
            for (MatrixHeatView v : views.values()) {
                if (v.selectedCellProperty().get() != null) {
                    text = v.valueTextProperty().get();
                    break;
                }
            }
        }
        boolean hint = text == null;
        valueLine.setText(hint ? I18n.get("inspector.hint") : text);
        valueLine.pseudoClassStateChanged(HINT, hint);
    }

    /** The width a matrix may take: the viewport less the sections' padding (no limit before layout). */
    private double maxViewWidth() {
        double viewport = scroller.getViewportBounds() == null ? 0 : scroller.getViewportBounds().getWidth();
        if (viewport <= 0) {
            return Double.MAX_VALUE;
        }
        return Math.max(50, viewport - sections.snappedLeftInset() - sections.snappedRightInset());
    }

    /** Cells shrink to fit the pane's width (in em) before a matrix scrolls. */
    private double widthBudgetEm() {
        double em = valueLine.getFont().getSize();
        double width = getWidth() > 0 ? getWidth() : getPrefWidth() > 0 ? getPrefWidth() : 640;
        return Math.max(12, width / em - 5);
    }

    private void rebuild(List<InspectorEntry> next) {
        Map<InspectorEntry.Section, FlowPane> groups = new LinkedHashMap<>();
        for (InspectorEntry e : next) {
            FlowPane flow = groups.computeIfAbsent(e.section(), s -> {
                FlowPane f = new FlowPane();
                f.getStyleClass().add("inspector-flow");
                return f;
            });
            flow.getChildren().add(views.get(e.id()));
        }
        List<javafx.scene.Node> children = new ArrayList<>();
        for (Map.Entry<InspectorEntry.Section, FlowPane> g : groups.entrySet()) {
            Label heading = new Label(I18n.get(g.getKey().key()));
            heading.getStyleClass().addAll("section-title", "inspector-section-title");
            heading.setWrapText(true);
            children.add(heading);
            children.add(g.getValue());
        }
        sections.getChildren().setAll(children);
    }

    /** The entries shown now, in order. */
    public List<InspectorEntry> getEntries() {
        return entries;
    }

    /** The titles shown now, in order. */
    public List<String> getTitles() {
        return entries.stream().map(InspectorEntry::title).toList();
    }

    /** The view of an entry id ("h", "dh_next", "d_weight_hh", …), or null if it is not shown. */
    public MatrixHeatView viewFor(String id) {
        return views.get(id);
    }

    /** The scroll pane around the sections (to scroll a view into sight). */
    public ScrollPane getScroller() {
        return scroller;
    }
}
