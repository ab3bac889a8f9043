package org.unroll.ui.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TexTest {

    private final Tex tex = Tex.DEFAULT;

    @Test
    void numbers() {
        assertEquals("0.123", tex.number(0.12345));
        assertEquals("-0.5", tex.number(-0.5));
        assertEquals("0", tex.number(-0.0));
        assertEquals("1.23{\\times}10^{-5}", tex.number(1.2345e-5));
        assertEquals("\\mathrm{NaN}", tex.number(Double.NaN));
        assertEquals("\\infty", tex.number(Double.POSITIVE_INFINITY));
        assertEquals("-\\infty", tex.number(Double.NEGATIVE_INFINITY));
        assertEquals("0.1235", new Tex(4, 8).number(0.12345));
    }

    @Test
    void columnVectorIsOneColumnBmatrix() {
        assertEquals("\\begin{bmatrix}0.12\\\\-0.5\\end{bmatrix}", tex.columnVector(new double[] {0.12, -0.5}));
    }

    @Test
    void rowVectorIsOneRowBmatrix() {
        assertEquals("\\begin{bmatrix}1&2&3\\end{bmatrix}", tex.rowVector(new double[] {1, 2, 3}));
    }

    @Test
    void matrixRowsAndColumns() {
        assertEquals("\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}", tex.matrix(new double[][] {{1, 2}, {3, 4}}));
    }

    @Test
    void longRowVectorKeepsHeadAndLastWithCdots() {
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        assertEquals("\\begin{bmatrix}0&1&2&\\cdots&19\\end{bmatrix}", new Tex(3, 5).rowVector(v));
    }

    @Test
    void longColumnVectorUsesVdots() {
        double[] v = new double[10];
        v[9] = 9;
        String s = new Tex(3, 4).columnVector(v);
        assertEquals("\\begin{bmatrix}0\\\\0\\\\\\vdots\\\\9\\end{bmatrix}", s);
    }

    @Test
    void bigMatrixElidesBothAxesWithDdotsAtTheCorner() {
        double[][] m = new double[10][10];
        m[9][9] = 1;
        String s = new Tex(3, 3).matrix(m);
        assertEquals("\\begin{bmatrix}0&\\cdots&0\\\\\\vdots&\\ddots&\\vdots\\\\0&\\cdots&1\\end{bmatrix}", s);
    }

    @Test
    void nonFiniteEntriesInsideMatrix() {
        String s = tex.columnVector(new double[] {Double.NaN, Double.NEGATIVE_INFINITY});
        assertTrue(s.contains("\\mathrm{NaN}\\\\-\\infty"), s);
    }

    @Test
    void escapesTextSpecialCharacters() {
        assertEquals("dh\\_next 50\\% \\{a\\}", Tex.escapeText("dh_next 50% {a}"));
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Tex(0, 8));
        assertThrows(IllegalArgumentException.class, () -> new Tex(3, 2));
    }
}
