package org.unroll.ui.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormulaPaneSegmentsTest {

    @Test
    void numericChainsBreakAtTopLevelEqualsAndPlus() {
        assertEquals(List.of("z_t = A\\begin{bmatrix}1 = 2\\end{bmatrix}", "+ {b + c}", "= \\left(d + e\\right)"),
                FormulaPane.segments("z_t = A\\begin{bmatrix}1 = 2\\end{bmatrix} + {b + c} = \\left(d + e\\right)", true));
        assertEquals(List.of("a = b", "c = d"), FormulaPane.segments("a = b,\\quad c = d", false));
        assertEquals(List.of("W \\leftarrow x - y", "= z"), FormulaPane.segments("W \\leftarrow x - y = z", true));
    }
}
