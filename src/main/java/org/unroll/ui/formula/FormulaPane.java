package org.unroll.ui.formula;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.unroll.ui.session.Session;

/**
 * The equations of the session's current point as its {@link FormulaViewModel} gives them: a heading
 * (phase, t, stage), a one-sentence caption, then each equation symbolically and with the current
 * numbers substituted, each line in the pieces it may wrap between, rendered by {@link FormulaView}s that are reused from one point to the next (as are the rows they sit
 * in). A new point's images are rendered in the background; each view shows its previous image until its
 * new one lands ({@link #isRendering()}). Formulas wider than the
 * pane are drawn smaller (down to {@value #MIN_FIT} of their size) and scroll beyond that. Sizes follow
 * the CSS font size, so the zoom and presenter mode of the scene apply.
 */
public class FormulaPane extends VBox {

    public static final String STYLE_CLASS = "formula-pane";
    /** Formula size relative to the font: symbolic lines, numeric lines. */
    static final double SYMBOLIC_SIZE = 1.35;
    static final double NUMERIC_SIZE = 1.2;
    /** The smallest share of its size a formula is shrunk to before the pane scrolls sideways. */
    static final double MIN_FIT = 0.6;
    private static final Color NUMERIC_COLOR = Color.web("#0b3d75");
    private static final Color SYMBOLIC_COLOR = Color.web("#1a1a1a");

    private final FormulaViewModel model;
    private final FormulaImages images;
    private final Label heading = new Label();
    private final Label caption = new Label();
    private final VBox lines = new VBox();
    private final ScrollPane scroller = new ScrollPane(lines);
    /** Reused equation rows, symbolic and numeric, taken in order; each keeps its own formula views. */
    private final List<FlowPane> symbolicRows = new ArrayList<>();
    private final List<FlowPane> numericRows = new ArrayList<>();
    private boolean fitting;
    private static final String BASE_SIZE = "formula-pane.baseSize";

    /** A pane over its own view model of {@code session}, rendering through the window's {@code images}. */
    public FormulaPane(Session session, FormulaImages images) {
        this(new FormulaViewModel(session), images);
    }

    public FormulaPane(FormulaViewModel model, FormulaImages images) {
        this.model = model;
        this.images = images;
        createView();
        heading.textProperty().bind(model.headingProperty());
        caption.textProperty().bind(model.captionProperty());
        model.linesProperty().addListener((obs, old, now) -> show(now));
        scroller.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (old == null || Math.abs(old.getWidth() - now.getWidth()) > 0.5) {
                fitWidths();
            }
        });
        show(model.getLines());
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(FormulaPane.class.getResource("formula.css").toExternalForm());
        heading.getStyleClass().add("formula-heading");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.getStyleClass().add("formula-caption");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        lines.getStyleClass().add("formula-lines");
        scroller.getStyleClass().add("formula-scroller");
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        getChildren().addAll(heading, caption, scroller);
    }

    /** Builds (or reuses) one row per line of the view model and shows only those. */
    private void show(List<FormulaViewModel.Line> next) {
        int symbolic = 0;
        int numeric = 0;
        List<javafx.scene.Node> rows = new ArrayList<>(next.size());
        for (FormulaViewModel.Line line : next) {
            rows.add(line.symbolic() ? row(symbolicRows, symbolic++, line.pieces(), true)
                    : row(numericRows, numeric++, line.pieces(), false));
        }
        org.unroll.ui.Nodes.showOnly(lines.getChildren(), rows);
        fitWidths();
    }

    /** One equation line: its segments in a flow that wraps between them. */
    private FlowPane row(List<FlowPane> pool, int index, List<String> parts, boolean isSymbolic) {
        while (pool.size() <= index) {
            FlowPane flow = new FlowPane();
            flow.setRowValignment(javafx.geometry.VPos.CENTER);
            flow.getStyleClass().add(isSymbolic ? "formula-symbolic" : "formula-numeric");
            pool.add(flow);
        }
        FlowPane flow = pool.get(index);
        double size = isSymbolic ? SYMBOLIC_SIZE : NUMERIC_SIZE;
        while (flow.getChildren().size() < parts.size()) {
            FormulaView v = FormulaView.inBackground(images);
            v.getProperties().put(BASE_SIZE, size);
            v.colorProperty().set(isSymbolic ? SYMBOLIC_COLOR : NUMERIC_COLOR);
            v.imageProperty().addListener((obs, old, now) -> fitWidths());
            flow.getChildren().add(v);
        }
        List<javafx.scene.Node> shown = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            FormulaView v = (FormulaView) flow.getChildren().get(i);
            if (!parts.get(i).equals(v.getLatex()) || v.relativeSizeProperty().get() > size) {
                v.show(parts.get(i), size);
            }
            shown.add(v);
        }
        org.unroll.ui.Nodes.showOnly(flow.getChildren(), shown);
        return flow;
    }

    /** Shrinks formula pieces wider than the pane, down to {@link #MIN_FIT} of their size. */
    private void fitWidths() {
        double available = scroller.getViewportBounds() == null ? 0 : scroller.getViewportBounds().getWidth() - 2 * em();
        if (available <= 0 || fitting) {
            return;
        }
        fitting = true;
        try {
            fitRows(available);
        } finally {
            fitting = false;
        }
    }

    private void fitRows(double available) {
        for (FormulaView v : getFormulaViews()) {
            double base = (Double) v.getProperties().get(BASE_SIZE);
            double current = v.relativeSizeProperty().get();
            double widthAtBase = v.prefWidth(-1) * base / current;
            double wanted = widthAtBase <= available ? base
                    : Math.max(base * MIN_FIT, base * available / widthAtBase * 0.98);
            if (Math.abs(wanted - current) > 0.01) {
                v.relativeSizeProperty().set(wanted);
            }
        }
    }

    private double em() {
        return caption.getFont().getSize();
    }

    /** Whether a formula of the current point is still being rendered (its previous image shows meanwhile). */
    public boolean isRendering() {
        return getFormulaViews().stream().anyMatch(v -> v.renderingProperty().get());
    }

    /** The formulas shown now, or null before a walk exists. */
    public FormulaContent getContent() {
        return model.getContent();
    }

    /** What decides what this pane shows. */
    public FormulaViewModel model() {
        return model;
    }

    /** The formula views shown now, in order (symbolic and numeric lines alternating, each in pieces). */
    public List<FormulaView> getFormulaViews() {
        return lines.getChildren().stream().filter(javafx.scene.Node::isManaged)
                .flatMap(row -> ((FlowPane) row).getChildren().stream()).filter(javafx.scene.Node::isManaged)
                .map(FormulaView.class::cast).toList();
    }

    public Label getHeading() {
        return heading;
    }
}
