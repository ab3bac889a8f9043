package org.unroll.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.unroll.engine.Activation;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.LossType;
import org.unroll.lesson.Lang;

/** A slide's formula line: the notation is the same in every language, its few words are not. */
class StepFormulaTest {
    @Test
    void theWordsAroundTheFormulaFollowTheDecksLanguage() {
        Cursor update = Cursor.update();
        assertEquals("θ ← θ − η · ∂L/∂θ   for θ = W_xh, W_hh, b, W_out, b_out",
                StepFormula.of(CellType.RNN, Activation.TANH, LossType.CROSS_ENTROPY, update, Lang.EN));
        assertEquals("θ ← θ − η · ∂L/∂θ，对 θ = W_xh, W_hh, b, W_out, b_out",
                StepFormula.of(CellType.RNN, Activation.TANH, LossType.CROSS_ENTROPY, update, Lang.ZH_CN));
        assertEquals("θ ← θ − η · ∂L/∂θ，對 θ = W_xh, W_hh, b, W_out, b_out",
                StepFormula.of(CellType.RNN, Activation.TANH, LossType.CROSS_ENTROPY, update, Lang.ZH_TW));
        Cursor gates = Cursor.backward(1, BackwardStage.PARAMETER_GRADIENTS);
        assertEquals("∂L/∂W_hh += δ_2 h_1ᵀ,   ∂L/∂W_xh += δ_2 x_2ᵀ（δ_2 在各閘）",
                StepFormula.of(CellType.LSTM, Activation.TANH, LossType.CROSS_ENTROPY, gates, Lang.ZH_TW));
        assertEquals("dh_next = z_2 ⊙ dh_2 + (through r_2, z_2, n_2)",
                StepFormula.of(CellType.GRU, Activation.TANH, LossType.CROSS_ENTROPY,
                        Cursor.backward(1, BackwardStage.PASS_BACK), Lang.EN));
    }
}
