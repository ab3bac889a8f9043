package org.unroll.ui.stepper;

import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;
import org.unroll.figures.TimelineFigure;
import org.unroll.task.Scenario;
import org.unroll.ui.I18n;

/**
 * The one-line title of the point under the cursor, e.g. "Forward · step 2 of 3:
 * h₂ = tanh(W_hh h₁ + W_xh x₂ + b)" or "Backward · step 3 of 3 · stage 2 of 4: add the
 * gradient from the future, dh_next". Steps are numbered from 1 as in the derivation.
 */
public final class CursorTitle {
    private CursorTitle() {
    }

    public static String of(Cursor cursor, Walkthrough w, Scenario sc) {
        WalkPoint at = w.at(cursor);
        Cursor c = at.cursor();
        int steps = w.steps();
        int shown = at.displayStep();
        // "of N": the last step of the walk as numbered on screen (a training window's steps run on from its offset)
        int last = w.window().display(steps - 1);
        return switch (c.phase()) {
            case START -> I18n.get("shell.title.start", inputs(sc, steps));
            case FORWARD -> I18n.get("shell.title.forward", str(shown), str(last), forwardFormula(w.model().cell(),
                    w.model().activation(), shown));
            case LOSS -> I18n.get("shell.title.loss", lossFormula(w, steps));
            case BACKWARD -> I18n.get("shell.title.backward", str(shown), str(last), str(c.stage().number()),
                    stage(c.stage().number(), shown));
            case UPDATE -> I18n.get("shell.title.update", num(w.learningRate()), num(total(w)), num(w.lossAfterUpdate()));
        };
    }

    /** The equation of forward step t (1-based). */
    public static String forwardFormula(CellType cell, Activation act, int t) {
        String now = TimelineFigure.sub(t);
        String prev = TimelineFigure.sub(t - 1);
        return switch (cell) {
            case RNN -> "h" + now + " = " + act.id() + "(W_hh h" + prev + " + W_xh x" + now + " + b)";
            case LSTM -> "i, f, g, o from W_xh x" + now + " + W_hh h" + prev + " + b;  c" + now + " = f⊙c" + prev
                    + " + i⊙g,  h" + now + " = o⊙tanh(c" + now + ")";
            case GRU -> "r, z, n from W_xh x" + now + " and W_hh h" + prev + ";  h" + now + " = (1 − z)⊙n + z⊙h" + prev;
        };
    }

    static String stage(int number, int t) {
        return number == 4 ? I18n.get("shell.stage.4", "h" + TimelineFigure.sub(t - 1)) : I18n.get("shell.stage." + number);
    }

    static String lossFormula(Walkthrough w, int steps) {
        String terms = steps <= 4
                ? String.join(" + ", java.util.stream.IntStream.rangeClosed(1, steps).mapToObj(k -> "L" + TimelineFigure.sub(k)).toList())
                : "L₁ + … + L" + TimelineFigure.sub(steps);
        return "L = " + terms + " = " + num(total(w));
    }

    static double total(Walkthrough w) {
        return w.loss();
    }

    static String inputs(Scenario sc, int steps) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(steps, 6);
        for (int t = 0; t < shown; t++) {
            b.append(t == 0 ? "" : ", ").append(org.unroll.i18n.Notation.visible(sc.inputLabel(t)));
        }
        if (steps > shown) {
            b.append(", …");
        }
        return b.toString();
    }

    private static String str(int n) {
        return Integer.toString(n);
    }

    static String num(double v) {
        return org.unroll.i18n.Notation.number(v);
    }
}
