package org.unroll.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.unroll.i18n.Notation;
import org.unroll.ui.I18n;

/**
 * The update stepped into, as text: which window of which stream it trained on, whether its
 * initial state was carried in (and so the gradient cut at the window's start), and a table of
 * the optimizer's step per parameter (the gradient, Adam's moments or the momentum buffer, and
 * Δθ, each as a norm, and the entry that moved most).
 */
final class OptimizerStepPane extends VBox {
    private static final Pattern LAYER = Pattern.compile("(weight_ih|weight_hh|bias_ih|bias_hh)_l(\\d+)(_reverse)?");
    private final Label title = new Label();
    private final Label boundary = new Label();
    private final Label rule = new Label();
    private final Label total = new Label();
    private final GridPane table = new GridPane();

    OptimizerStepPane() {
        super(6);
        setPadding(new Insets(8));
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        for (Label l : new Label[] {boundary, rule, total}) {
            l.setWrapText(true);
            // wrap to the pane's width instead of asking for the whole line
            l.setMinWidth(0);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        table.setHgap(14);
        table.setVgap(3);
        table.setStyle("-fx-font-family: monospace;");
        ScrollPane sp = new ScrollPane(table);
        sp.setFitToWidth(true);
        getChildren().addAll(title, boundary, rule, total, sp);
        title.setText(I18n.get("train.update.none"));
    }

    /** Shows update {@code u}. */
    void show(SteppedUpdate u) {
        var update = u.snapshot().update();
        title.setText(I18n.get("train.update.title", update.index() + 1, update.window() + 1, u.stream() + 1,
                u.firstStep(), u.lastStep()));
        boundary.setText(u.carried() ? I18n.get("train.update.carried", u.firstStep() - 1,
                org.unroll.figures.TimelineFigure.sub(u.firstStep() - 1))
                : I18n.get("train.update.zeros"));
        OptimizerStep step = u.step();
        table.getChildren().clear();
        if (step == null) {
            rule.setText(I18n.get("train.update.noStep"));
            total.setText("");
            return;
        }
        rule.setText(I18n.get("train.update.rule." + step.optimizer(), step.t()));
        total.setText(I18n.get("train.update.total", Notation.number(step.stepNorm())));
        List<List<String>> rows = rows(step, u.snapshot().model().cell() == org.unroll.engine.CellType.GRU);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Label cell = new Label(row.get(c));
                if (r == 0) {
                    cell.setStyle("-fx-font-weight: bold;");
                }
                table.add(cell, c, r);
            }
        }
    }

    /**
     * The table: a header, then one row per parameter: its name, ‖g‖, ‖m‖, ‖v‖ (– when the
     * optimizer keeps none), ‖Δθ‖, and the entry that moved most with its g, m, v and Δθ.
     */
    static List<List<String>> rows(OptimizerStep step, boolean twoBiases) {
        List<List<String>> out = new ArrayList<>();
        String m = I18n.get("train.update.col.m." + step.optimizer());
        String v = I18n.get("train.update.col.v." + step.optimizer());
        out.add(List.of(I18n.get("train.update.col.param"), "‖g‖", "‖" + m + "‖", "‖" + v + "‖", "‖Δθ‖",
                I18n.get("train.update.col.largest"), "g", m, v, "Δθ"));
        for (OptimizerStep.Tensor x : step.tensors()) {
            int i = x.largest();
            String entry = display(x.name(), twoBiases) + "[" + (i / x.cols() + 1) + "," + (i % x.cols() + 1) + "]";
            out.add(List.of(display(x.name(), twoBiases), n(x.gradNorm()), n(x.firstMomentNorm()),
                    n(x.secondMomentNorm()), n(x.stepNorm()), entry, n(x.g()[i]),
                    x.m() == null ? "–" : n(x.m()[i]), x.v() == null ? "–" : n(x.v()[i]), n(x.step()[i])));
        }
        return out;
    }

    /** The articles' name of a tensor, with its layer (1-based) and direction when stacked: W_hh ℓ2 ←. */
    static String display(String pytorchName, boolean twoBiases) {
        Matcher mt = LAYER.matcher(pytorchName);
        if (!mt.matches()) {
            return Notation.parameter(pytorchName, twoBiases);
        }
        return Notation.parameter(mt.group(1), twoBiases) + " ℓ" + (Integer.parseInt(mt.group(2)) + 1)
                + (mt.group(3) != null ? " ←" : "");
    }

    private static String n(double x) {
        return Double.isNaN(x) ? "–" : Notation.number(x);
    }
}
