package org.unroll.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unroll.ui.I18n;

class MatrixDataTest {

    @BeforeAll
    static void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    @Test
    void describesVectorCellsWithOneIndexAndExactValue() {
        MatrixData dh = MatrixData.column("dh_next", new double[] {0.1, 1.0 / 3, -2});
        // the second entry is [2]: indices a person reads count from 1
        assertEquals("dh_next[2] = 0.3333333333333333", dh.describe(new Cell(1, 0)));
        MatrixData row = MatrixData.row("x_t", new double[] {0, 1, 0});
        assertEquals("x_t[2] = 1", row.describe(new Cell(0, 1)));
    }

    @Test
    void describesMatrixCellsWithLabelsWhenGiven() {
        MatrixData w = MatrixData.of("W_hh", new double[][] {{1, 2}, {3, Double.NaN}});
        assertEquals("W_hh[2, 2] = NaN", w.describe(new Cell(1, 1)));
        MatrixData labelled = w.withRowLabels(List.of("h0", "h1")).withColumnLabels(List.of("j", "e"));
        assertEquals("W_hh[h1, j] = 3", labelled.describe(new Cell(1, 0)));
    }

    @Test
    void copiesValuesInAndOut() {
        double[][] values = {{1, 2}};
        MatrixData m = MatrixData.of("m", values);
        values[0][0] = 99;
        m.values()[0][1] = 99;
        assertEquals(1, m.value(new Cell(0, 0)));
        assertEquals(2, m.value(new Cell(0, 1)));
    }

    @Test
    void rejectsRaggedEmptyOrMislabelledMatrices() {
        assertThrows(IllegalArgumentException.class, () -> MatrixData.of("r", new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> MatrixData.of("e", new double[0][0]));
        MatrixData m = MatrixData.of("m", new double[][] {{1, 2}});
        assertThrows(IllegalArgumentException.class, () -> m.withColumnLabels(List.of("only one")));
    }

    @Test
    void equalityComparesValues() {
        assertEquals(MatrixData.row("a", new double[] {1, 2}), MatrixData.row("a", new double[] {1, 2}));
        assertEquals(MatrixData.row("a", new double[] {1, 2}).hashCode(), MatrixData.row("a", new double[] {1, 2}).hashCode());
    }
}
