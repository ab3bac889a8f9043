package org.unroll.slides;

import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.LossType;
import org.unroll.engine.Phase;

/**
 * The formula a point of the walk is about, as one line of text in the display notation
 * (W_xh, W_hh, b, W_out; steps from 1): what a slide shows in large type above its pictures.
 */
final class StepFormula {
    private StepFormula() {
    }

    static String of(CellType cell, Activation act, LossType loss, Cursor c) {
        return of(cell, act, loss, c, org.unroll.lesson.Lang.EN);
    }

    /** The same with its few words (for, through, at the gates) in {@code lang}. */
    static String of(CellType cell, Activation act, LossType loss, Cursor c, org.unroll.lesson.Lang lang) {
        boolean tw = lang == org.unroll.lesson.Lang.ZH_TW;
        boolean zh = lang != org.unroll.lesson.Lang.EN;
        String t = c.phase() == Phase.START || c.phase() == Phase.LOSS || c.phase() == Phase.UPDATE
                ? "t" : Integer.toString(c.step() + 1);
        String prev = t.equals("t") ? "(t−1)" : Integer.toString(c.step());
        String a = act == Activation.RELU ? "relu" : "tanh";
        return switch (c.phase()) {
            case START, FORWARD -> forward(cell, a, t, prev);
            case LOSS -> loss == LossType.MSE ? "L = Σ_t (y_t − target_t)²"
                    : "L = Σ_t −log softmax(y_t)[target_t]";
            case BACKWARD -> switch (c.stage()) {
                case OUTPUT_GRADIENT -> (loss == LossType.MSE ? "dy_" + t + " = 2(y_" + t + " − target_" + t + ")"
                        : "dy_" + t + " = p_" + t + " − onehot(target_" + t + ")") + ",   dh_" + t + " = W_outᵀ dy_" + t;
                case ADD_FUTURE -> "dh_" + t + " = W_outᵀ dy_" + t + " + dh_next";
                case PARAMETER_GRADIENTS -> parameters(cell, act, t, prev, zh ? (tw ? "（δ_" + t + " 在各閘）" : "（δ_" + t + " 在各门）")
                        : "   (δ_" + t + " at the gates)");
                case PASS_BACK -> cell == CellType.LSTM
                        ? "dh_next = ∂z_" + t + "/∂h_" + prev + " · δ_" + t + ",   dc_next = f_" + t + " ⊙ dc_" + t
                        : cell == CellType.GRU ? "dh_next = z_" + t + " ⊙ dh_" + t + (zh ? (tw ? " + （經由 r_" : " + （经由 r_") : " + (through r_")
                        + t + ", z_" + t + ", n_" + t + (zh ? "）" : ")")
                        : "dh_next = W_hhᵀ δ_" + t;
            };
            case UPDATE -> "θ ← θ − η · ∂L/∂θ" + (zh ? (tw ? "，對 θ = " : "，对 θ = ") : "   for θ = ")
                    + "W_xh, W_hh, b, W_out, b_out";
        };
    }

    private static String forward(CellType cell, String a, String t, String prev) {
        return switch (cell) {
            case RNN -> "h_" + t + " = " + a + "(W_xh x_" + t + " + W_hh h_" + prev + " + b),   y_" + t
                    + " = W_out h_" + t + " + b_out";
            case LSTM -> "c_" + t + " = f_" + t + " ⊙ c_" + prev + " + i_" + t + " ⊙ g_" + t + ",   h_" + t
                    + " = o_" + t + " ⊙ tanh(c_" + t + ")";
            case GRU -> "h_" + t + " = (1 − z_" + t + ") ⊙ n_" + t + " + z_" + t + " ⊙ h_" + prev;
        };
    }

    private static String parameters(CellType cell, Activation act, String t, String prev, String atGates) {
        if (cell != CellType.RNN) {
            return "∂L/∂W_hh += δ_" + t + " h_" + prev + "ᵀ,   ∂L/∂W_xh += δ_" + t + " x_" + t + "ᵀ" + atGates;
        }
        String d = act == Activation.RELU ? "1[z_" + t + " > 0]" : "(1 − h_" + t + "²)";
        return "δ_" + t + " = dh_" + t + " ⊙ " + d + ",   ∂L/∂W_hh += δ_" + t + " h_" + prev + "ᵀ,   ∂L/∂W_xh += δ_"
                + t + " x_" + t + "ᵀ";
    }
}
