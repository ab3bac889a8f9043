package org.unroll.ui.formula;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.unroll.engine.Walkthrough;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * The equations of the session's current point ({@link FormulaContent}): a heading (phase, t, stage),
 * a one-sentence caption, then each equation symbolically and with the current numbers substituted,
 * rendered by {@link FormulaView}s that are reused from one point to the next (as are the rows they sit
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

    private final Session session;
    private final Label heading = new Label();
    private final Label caption = new Label();
    private final VBox lines = new VBox();
    private final ScrollPane scroller = new ScrollPane(lines);
    /** Reused equation rows, symbolic and numeric, taken in order; each keeps its own formula views. */
    private final List<FlowPane> symbolicRows = new ArrayList<>();
    private final List<FlowPane> numericRows = new ArrayList<>();
    private boolean fitting;
    private static final String BASE_SIZE = "formula-pane.baseSize";
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
        int symbolic = 0;
        int numeric = 0;
        List<javafx.scene.Node> rows = new ArrayList<>();
        for (FormulaContent.Equation e : next.equations()) {
            rows.add(row(symbolicRows, symbolic++, segments(e.symbolic(), false), true));
            if (e.numeric() != null) {
                rows.add(row(numericRows, numeric++, segments(e.numeric(), true), false));
            }
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
            FormulaView v = FormulaView.inBackground();
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

    /**
     * Splits an equation where a line may break: at top-level {@code ,\quad} (separate equations) and,
     * in numeric lines, before each top-level {@code =} after the first, so that a long chain
     * "a = b = c" wraps as "a = b", "= c". Falls back to the whole equation if a piece would not be
     * valid LaTeX on its own.
     */
    static List<String> segments(String latex, boolean atEquals) {
        List<String> out = new ArrayList<>();
        for (String clause : splitTopLevel(latex, ",\\quad ")) {
            if (!atEquals) {
                out.add(clause);
                continue;
            }
            List<String> parts = splitTopLevel(clause, " = ");
            for (int i = 0; i < parts.size(); i++) {
                // "a = b": the left side stays with the first right-hand side
                String prefix = i == 0 ? "" : "= ";
                if (i == 0 && parts.size() > 1 && !parts.get(0).contains("\\leftarrow")) {
                    List<String> terms = splitTopLevel(parts.get(1), " + ");
                    out.add(parts.get(0) + " = " + terms.get(0));
                    terms.subList(1, terms.size()).forEach(term -> out.add("+ " + term));
                    i++;
                    continue;
                }
                List<String> terms = splitTopLevel(parts.get(i), " + ");
                out.add(prefix + terms.get(0));
                terms.subList(1, terms.size()).forEach(term -> out.add("+ " + term));
            }
        }
        for (String s : out) {
            if (FormulaRenderer.unbalancedBraces(s) != null || count(s, "\\left") != count(s, "\\right")
                    || count(s, "\\begin") != count(s, "\\end")) {
                return List.of(latex);
            }
        }
        return out;
    }

    /** Splits at {@code sep} outside braces and outside \\left … \\right and environments. */
    private static List<String> splitTopLevel(String s, String sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (command(s, i, "\\left") || command(s, i, "\\begin")) {
                depth++;
            } else if (command(s, i, "\\right") || command(s, i, "\\end")) {
                depth--;
            } else if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && s.startsWith(sep, i)) {
                parts.add(s.substring(from, i));
                from = i + sep.length();
                i = from - 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** Whether the control word {@code name} (not a longer one such as \\leftarrow) starts at i. */
    private static boolean command(String s, int i, String name) {
        int end = i + name.length();
        return s.startsWith(name, i) && (end >= s.length() || !Character.isLetter(s.charAt(end)));
    }

    private static int count(String s, String name) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (command(s, i, name)) {
                n++;
            }
        }
        return n;
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
        return content;
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
