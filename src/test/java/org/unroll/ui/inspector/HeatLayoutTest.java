package org.unroll.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeatLayoutTest {

    private static final double EM = 15;

    @Test
    void hitTestingFindsTheCellUnderAPoint() {
        HeatLayout l = new HeatLayout(3, 4, 20, 10, 30, 15, false);
        assertEquals(Optional.of(new Cell(0, 0)), l.cellAt(20, 10));
        assertEquals(Optional.of(new Cell(0, 0)), l.cellAt(49.9, 24.9));
        assertEquals(Optional.of(new Cell(1, 1)), l.cellAt(50, 25));
        assertEquals(Optional.of(new Cell(2, 3)), l.cellAt(20 + 4 * 30 - 0.01, 10 + 3 * 15 - 0.01));
    }

    @Test
    void pointsOutsideTheCellsHitNothing() {
        HeatLayout l = new HeatLayout(3, 4, 20, 10, 30, 15, false);
        assertTrue(l.cellAt(19.9, 20).isEmpty(), "in the row-label margin");
        assertTrue(l.cellAt(30, 9.9).isEmpty(), "in the column-label margin");
        assertTrue(l.cellAt(20 + 4 * 30, 20).isEmpty(), "right edge");
        assertTrue(l.cellAt(30, 10 + 3 * 15).isEmpty(), "bottom edge");
        assertTrue(l.cellAt(-5, -5).isEmpty());
    }

    @Test
    void cellOriginsRoundTripThroughHitTesting() {
        HeatLayout l = HeatLayout.fit(64, 256, EM, 12, 8, 48 * EM);
        for (int r = 0; r < 64; r += 7) {
            for (int c = 0; c < 256; c += 13) {
                double x = l.cellX(c) + l.cellWidth() / 2;
                double y = l.cellY(r) + l.cellHeight() / 2;
                assertEquals(Optional.of(new Cell(r, c)), l.cellAt(x, y));
            }
        }
    }

    @Test
    void smallVectorsGetWideCellsWithValues() {
        HeatLayout l = HeatLayout.fit(1, 3, EM, 0, 0, 48 * EM);
        assertTrue(l.showsValues());
        assertEquals(HeatLayout.VALUE_CELL_WIDTH_EM * EM, l.cellWidth());
        assertEquals(3 * l.cellWidth(), l.width());
    }

    @Test
    void largeMatricesGetSquareCellsThatShrinkToAMinimum() {
        HeatLayout medium = HeatLayout.fit(16, 40, EM, 0, 0, 48 * EM);
        assertFalse(medium.showsValues());
        assertEquals(medium.cellWidth(), medium.cellHeight());
        assertEquals(48 * EM / 40, medium.cellWidth(), 1e-9);

        HeatLayout huge = HeatLayout.fit(64, 256, EM, 0, 0, 48 * EM);
        assertEquals(HeatLayout.MIN_SQUARE_EM * EM, huge.cellWidth(), 1e-9);
        assertTrue(huge.width() > 48 * EM, "too wide for the budget: the view scrolls");
    }

    @Test
    void tallVectorsDoNotShowValues() {
        assertFalse(HeatLayout.fit(64, 1, EM, 0, 0, 48 * EM).showsValues());
        assertEquals(HeatLayout.MAX_SQUARE_EM * EM, HeatLayout.fit(64, 1, EM, 0, 0, 48 * EM).cellWidth(), 1e-9);
    }

    @Test
    void cellsScaleWithFontSize() {
        HeatLayout normal = HeatLayout.fit(2, 3, 15, 0, 0, 48 * 15);
        HeatLayout presenter = HeatLayout.fit(2, 3, 22, 0, 0, 48 * 22);
        assertEquals(22.0 / 15, presenter.cellWidth() / normal.cellWidth(), 1e-9);
    }

    @Test
    void labelStrideSkipsLabelsThatWouldOverlap() {
        assertEquals(1, HeatLayout.labelStride(10, 30));
        assertEquals(3, HeatLayout.labelStride(25, 9));
    }
}
