package org.unroll.ui.formula;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.unroll.engine.Walkthrough;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * The equations of the session's current point ({@link FormulaContent}): a heading (phase, t, stage),
 * a one-sentence caption, then each equation symbolically and with the current numbers substituted,
 * rendered by {@link FormulaView}s that are reused from one point to the next. Formulas wider than the
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

    private final Session session;
    private final Label heading = new Label();
    private final Label caption = new Label();
    private final VBox lines = new VBox();
    private final ScrollPane scroller = new ScrollPane(lines);
    private final List<FormulaView> symbolic = new ArrayList<>();
    private final List<FormulaView> numeric = new ArrayList<>();
    private FormulaContent content;

    public FormulaPane(Session session) {
        this.session = session;
        createView();
        session.positionProperty().addListener((obs, old, now) -> refresh());
        session.walkthroughProperty().addListener((obs, old, now) -> refresh());
        scroller.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (old == null || Math.abs(old.getWidth() - now.getWidth()) > 0.5) {
                fitWidths();
            }
        });
        refresh();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(FormulaPane.class.getResource("formula.css").toExternalForm());
        heading.getStyleClass().add("formula-heading");
        heading.setWrapText(true);
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

    /** Reads the formulas at the session's cursor and shows them. */
    public final void refresh() {
        Walkthrough w = session.getWalkthrough();
        if (w == null) {
            content = null;
            heading.setText("");
            caption.setText(I18n.get("inspector.empty"));
            lines.getChildren().clear();
            return;
        }
        show(FormulaContent.at(w, session.getScenario(), session.getCursor()));
    }

    private void show(FormulaContent next) {
        content = next;
        heading.setText(next.heading());
        caption.setText(next.caption());
        List<FormulaContent.Equation> eqs = next.equations();
        while (symbolic.size() < eqs.size()) {
            FormulaView s = new FormulaView();
            s.getStyleClass().add("formula-symbolic");
            s.relativeSizeProperty().set(SYMBOLIC_SIZE);
            FormulaView n = new FormulaView();
            n.getStyleClass().add("formula-numeric");
            n.relativeSizeProperty().set(NUMERIC_SIZE);
            n.colorProperty().set(NUMERIC_COLOR);
            symbolic.add(s);
            numeric.add(n);
        }
        List<javafx.scene.Node> shown = new ArrayList<>();
        for (int i = 0; i < eqs.size(); i++) {
            FormulaContent.Equation e = eqs.get(i);
            FormulaView s = symbolic.get(i);
            setLatex(s, e.symbolic(), SYMBOLIC_SIZE);
            shown.add(s);
            if (e.numeric() != null) {
                FormulaView n = numeric.get(i);
                setLatex(n, e.numeric(), NUMERIC_SIZE);
                shown.add(n);
            }
        }
        if (!shown.equals(lines.getChildren())) {
            lines.getChildren().setAll(shown);
        }
        fitWidths();
    }

    /** New LaTeX at the full size (fitWidths shrinks it again if needed), rendered once. */
    private static void setLatex(FormulaView v, String latex, double size) {
        if (!latex.equals(v.getLatex())) {
            v.relativeSizeProperty().set(size);
            v.setLatex(latex);
        }
    }

    /** Shrinks formulas wider than the pane, down to {@link #MIN_FIT} of their size. */
    private void fitWidths() {
        double available = scroller.getViewportBounds() == null ? 0 : scroller.getViewportBounds().getWidth();
        if (available <= 0) {
            return;
        }
        for (javafx.scene.Node node : lines.getChildren()) {
            FormulaView v = (FormulaView) node;
            double base = symbolic.contains(v) ? SYMBOLIC_SIZE : NUMERIC_SIZE;
            double current = v.relativeSizeProperty().get();
            double widthAtBase = v.prefWidth(-1) * base / current;
            double wanted = widthAtBase <= available ? base : Math.max(base * MIN_FIT, base * available / widthAtBase * 0.98);
            if (Math.abs(wanted - current) > 0.01) {
                v.relativeSizeProperty().set(wanted);
            }
        }
    }

    /** The formulas shown now, or null before a walk exists. */
    public FormulaContent getContent() {
        return content;
    }

    /** The formula views shown now, in order (symbolic and numeric lines alternating). */
    public List<FormulaView> getFormulaViews() {
        return lines.getChildren().stream().map(FormulaView.class::cast).toList();
    }

    public Label getHeading() {
        return heading;
    }

    public Label getCaption() {
        return caption;
    }
}
