package org.unroll.ui.formula;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.unroll.engine.Walkthrough;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * What the formula pane shows at the session's point: the heading, the caption and the equation
 * lines, each line already cut into the pieces between which it may wrap. It follows the session's
 * walk and cursor. No nodes here: {@link FormulaPane} only turns the lines into rendered views.
 */
public final class FormulaViewModel {

    /**
     * One line of the pane: a symbolic equation or the same with the numbers substituted, in the
     * pieces a row may wrap between (rendered one image per piece).
     */
    public record Line(boolean symbolic, List<String> pieces) {
        public Line {
            pieces = List.copyOf(pieces);
        }
    }

    private final Session session;
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyObjectWrapper<List<Line>> lines = new ReadOnlyObjectWrapper<>(this, "lines", List.of());
    private final ReadOnlyObjectWrapper<FormulaContent> content = new ReadOnlyObjectWrapper<>(this, "content");

    private final org.unroll.ui.session.WhileShown whileShown = new org.unroll.ui.session.WhileShown(this::refresh);

    public FormulaViewModel(Session session) {
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

    /** Reads the formulas at the session's cursor. */
    public void refresh() {
        if (!whileShown.readNow()) {
            return;
        }
        org.unroll.engine.GridWalkPoint grid = session.getGridPoint();
        if (grid != null) {
            // a stacked, bidirectional or batched network: the cell at the cursor with its own numbers
            show(GridFormulaContent.at(grid, session.getGridScenario()));
            return;
        }
        Walkthrough w = session.getWalkthrough();
        if (w == null) {
            content.set(null);
            heading.set("");
            caption.set(I18n.get("inspector.empty"));
            lines.set(List.of());
            return;
        }
        show(FormulaContent.at(w, session.getScenario(), session.getCursor()));
    }

    private void show(FormulaContent next) {
        if (next.equals(content.get())) {
            return;
        }
        List<Line> out = new ArrayList<>();
        for (FormulaContent.Equation e : next.equations()) {
            out.add(new Line(true, segments(e.symbolic(), false)));
            if (e.numeric() != null) {
                out.add(new Line(false, segments(e.numeric(), true)));
            }
        }
        // the content first: a listener of the lines may read it
        content.set(next);
        heading.set(next.heading());
        caption.set(next.caption());
        lines.set(List.copyOf(out));
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The lines in order: each equation's symbolic line, then its numeric line when it has one. */
    public ReadOnlyObjectProperty<List<Line>> linesProperty() {
        return lines.getReadOnlyProperty();
    }

    public List<Line> getLines() {
        return lines.get();
    }

    /** The formulas shown now, or null before a walk exists. */
    public ReadOnlyObjectProperty<FormulaContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    public FormulaContent getContent() {
        return content.get();
    }

    /**
     * Splits an equation where a line may break: at top-level {@code ,\quad} (separate equations) and,
     * in numeric lines, before each top-level {@code =} after the first and before each top-level
     * {@code +}, so that a long chain "a = b + c = d" wraps as "a = b", "+ c", "= d". Falls back to the
     * whole equation if a piece would not be valid LaTeX on its own.
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
}
