package org.unroll.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotationTest {
    @Test
    void parametersAreNamedAsInTheArticles() {
        assertEquals("W_xh", Notation.parameter("weight_ih", false));
        assertEquals("W_hh", Notation.parameter("weight_hh", false));
        assertEquals("b", Notation.parameter("bias_ih", false));
        assertEquals("b_xh", Notation.parameter("bias_ih", true));
        assertEquals("b_hh", Notation.parameter("bias_hh", true));
        assertEquals("W_out", Notation.parameter("weight_out", false));
        assertEquals("b_out", Notation.parameter("bias_out", false));
        assertEquals("W_xh (weight_ih)", Notation.parameterWithFileName("weight_ih", false));
    }

    @Test
    void indicesAreCountedFromOne() {
        assertEquals("W_hh[3,1]", Notation.entry("weight_hh", false, List.of(2, 0)));
        assertEquals("b_out[1]", Notation.entry("bias_out", false, List.of(0)));
        assertEquals("1", Notation.index(0));
    }

    @Test
    void oneNumberFormatAndOneSpace() {
        assertEquals("0.1", Notation.number(0.1));
        assertEquals("2.838", Notation.number(2.837842612914773));
        assertEquals("1.235e-5", Notation.number(1.23456e-5));
        assertEquals("0", Notation.number(0));
        assertEquals("a␣b↵", Notation.visible("a b\n"));
    }
}
