package org.unroll.ui.inspector;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * The vectors and matrices of the session's current point ({@link InspectorContent}) as heat maps with
 * exact values on hover, grouped in sections, in a vertical scroll pane. It follows the session's
 * position and walk. Views are pooled by entry id and section headings and flows by section: a key press
 * only shows or hides the existing {@link MatrixHeatView}s and gives the shown ones new data (when it
 * differs), so nothing is rebuilt while the set of quantities changes from stage to stage. Quantities computed by the very point the cursor
 * is at get an accent frame (pseudo-class {@code :fresh} on its {@code .inspector-fresh-frame}). Sizes are in em, so the zoom and
 * presenter mode of the scene apply.
 */
public class InspectorPane extends BorderPane {

    public static final String STYLE_CLASS = "inspector-pane";

    private final InspectorViewModel model;
    private final VBox sections = new VBox();
    private final ScrollPane scroller = new ScrollPane(sections);
    private final Label empty = new Label();
    private final Label valueLine = new Label();
    private static final PseudoClass HINT = PseudoClass.getPseudoClass("hint");
    /** Views by entry id, kept (hidden) while their id is not shown. */
    private final Map<String, InspectorMatrixView> views = new HashMap<>();
    /** The ids shown now. */
    private Set<String> shown = Set.of();
    private final Map<InspectorEntry.Section, Label> headings = new EnumMap<>(InspectorEntry.Section.class);
    private final Map<InspectorEntry.Section, FlowPane> flows = new EnumMap<>(InspectorEntry.Section.class);
    private List<InspectorEntry> entries = List.of();

    /** A pane over its own view model of {@code session}. */
    public InspectorPane(Session session) {
        this(new InspectorViewModel(session));
    }

    public InspectorPane(InspectorViewModel model) {
        this.model = model;
        createView();
        model.shownProperty().addListener((obs, old, now) -> show(now));
        show(model.getShown());
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

    /** Shows or hides the pooled views as the view model says; gives the shown ones their new data. */
    private void show(InspectorViewModel.Shown next) {
        if (next.empty()) {
            entries = List.of();
            shown = Set.of();
            sections.getChildren().clear();
            flows.values().forEach(f -> f.getChildren().clear());
            views.clear();
            setCenter(empty);
            return;
        }
        entries = next.entries();
        Set<String> now = new HashSet<>();
        for (String id : next.left()) {
            InspectorMatrixView gone = views.get(id);
            if (gone != null) {
                // a quantity that goes away forgets its selected cell, as a new view would
                gone.selectedCellProperty().set(null);
            }
        }
        List<Node> sectionNodes = new ArrayList<>();
        Map<FlowPane, List<Node>> wantedIn = new LinkedHashMap<>();
        for (InspectorViewModel.Group g : next.groups()) {
            List<Node> wanted = new ArrayList<>(g.entries().size());
            for (InspectorEntry e : g.entries()) {
                InspectorMatrixView v = views.computeIfAbsent(e.id(), this::newView);
                if (!e.data().equals(v.getData())) {
                    v.setData(e.data());
                }
                v.setFresh(e.fresh());
                wanted.add(v);
                now.add(e.id());
            }
            Label heading = headings.computeIfAbsent(g.section(), InspectorPane::newHeading);
            heading.setText(g.heading());
            sectionNodes.add(heading);
            FlowPane flow = flows.computeIfAbsent(g.section(), k -> newFlow());
            sectionNodes.add(flow);
            wantedIn.put(flow, wanted);
        }
        shown = now;
        // section flows first: a view moving between sections must leave its old flow before it is kept hidden there
        wantedIn.forEach((flow, wanted) -> org.unroll.ui.Nodes.showOnly(flow.getChildren(), wanted));
        org.unroll.ui.Nodes.showOnly(sections.getChildren(), sectionNodes);
        updateValueLine();
        if (getCenter() != scroller) {
            setCenter(scroller);
        }
    }

    private static Label newHeading(InspectorEntry.Section section) {
        Label heading = new Label(I18n.get(section.key()));
        heading.getStyleClass().addAll("section-title", "inspector-section-title");
        heading.setWrapText(true);
        return heading;
    }

    private static FlowPane newFlow() {
        FlowPane f = new FlowPane();
        f.getStyleClass().add("inspector-flow");
        return f;
    }

    private InspectorMatrixView newView(String id) {
        InspectorMatrixView v = new InspectorMatrixView();
        v.setId("inspector-" + id);
        v.widthBudgetEmProperty().set(widthBudgetEm());
        v.setMaxWidth(maxViewWidth());
        v.hoveredCellProperty().addListener((obs, old, now) -> updateValueLine());
        v.selectedCellProperty().addListener((obs, old, now) -> updateValueLine());
        v.valueTextProperty().addListener((obs, old, now) -> updateValueLine());
        return v;
    }

    /** The one value line, as the view model picks it from the shown matrices' cells. */
    private void updateValueLine() {
        List<InspectorViewModel.CellState> cells = new ArrayList<>(shown.size());
        for (MatrixHeatView v : shownViews()) {
            cells.add(new InspectorViewModel.CellState(v.hoveredCellProperty().get() != null,
                    v.selectedCellProperty().get() != null, v.valueTextProperty().get()));
        }
        InspectorViewModel.ValueLine line = InspectorViewModel.valueLine(cells);
        valueLine.setText(line.text());
        valueLine.pseudoClassStateChanged(HINT, line.hint());
    }

    private List<MatrixHeatView> shownViews() {
        List<MatrixHeatView> out = new ArrayList<>(shown.size());
        for (InspectorEntry e : entries) {
            MatrixHeatView v = views.get(e.id());
            if (v != null) {
                out.add(v);
            }
        }
        return out;
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

    /** What decides what this pane shows. */
    public InspectorViewModel model() {
        return model;
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
        return shown.contains(id) ? views.get(id) : null;
    }
}
