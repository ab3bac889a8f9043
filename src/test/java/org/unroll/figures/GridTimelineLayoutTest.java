package org.unroll.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unroll.engine.Lane;

/** The grid timeline's geometry: L × D rows, in order, inside the viewport, readable at 1280 × 720. */
class GridTimelineLayoutTest {

    private static List<Lane> lanes(int layers, int dirs) {
        List<Lane> out = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            out.add(new Lane(k, Lane.Direction.FORWARD));
            if (dirs == 2) {
                out.add(new Lane(k, Lane.Direction.BACKWARD));
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"1,1,5", "1,2,7", "2,2,20", "3,2,20", "4,1,12", "4,2,20"})
    void oneRowPerLayerAndDirectionTopLayerFirstReverseUnderItsForward(int layers, int dirs, int steps) {
        GridTimelineLayout lay = new GridTimelineLayout(layers, dirs, steps, 1280, 720);
        assertEquals(layers * dirs, lay.laneRows());
        List<Integer> rows = new ArrayList<>();
        for (Lane lane : lanes(layers, dirs)) {
            rows.add(lay.rowOf(lane));
        }
        assertEquals(layers * dirs, rows.stream().distinct().count(), "every lane its own row");
        for (Lane lane : lanes(layers, dirs)) {
            int r = lay.rowOf(lane);
            assertEquals((layers - 1 - lane.layer()) * dirs + (lane.direction() == Lane.Direction.BACKWARD ? 1 : 0), r);
            if (lane.direction() == Lane.Direction.BACKWARD) {
                Lane fwd = new Lane(lane.layer(), Lane.Direction.FORWARD);
                assertEquals(lay.rowTop(fwd) + lay.rowHeight(), lay.rowTop(lane), 1e-9, "the reverse row right under");
            }
            if (lane.layer() > 0) {
                Lane below = new Lane(lane.layer() - 1, Lane.Direction.FORWARD);
                assertTrue(lay.rowTop(below) > lay.rowTop(lane), "layer 1 at the bottom");
            }
        }
        // output on top, inputs under the lowest row, details at the bottom, nothing overlaps
        Lane lowest = new Lane(0, dirs == 2 ? Lane.Direction.BACKWARD : Lane.Direction.FORWARD);
        Lane highest = new Lane(layers - 1, Lane.Direction.FORWARD);
        for (int t = 0; t < steps; t++) {
            assertTrue(lay.output(t).getMaxY() < lay.cell(highest, t).getY());
            assertTrue(lay.cell(lowest, t).getMaxY() < lay.input(t).getY());
            assertTrue(lay.input(t).getMaxY() < lay.detail().getY());
            for (Lane lane : lanes(layers, dirs)) {
                Rectangle2D c = lay.cell(lane, t);
                assertTrue(c.getX() >= GridTimelineLayout.GUTTER && c.getMaxX() <= 1280 && c.getMaxY() <= 720);
                if (t > 0) {
                    assertTrue(lay.cell(lane, t - 1).getMaxX() < c.getX(), "columns apart");
                }
            }
        }
    }

    @Test
    void threeLayersBothDirectionsTwentyStepsStayReadableAt1280x720() {
        GridTimelineLayout lay = new GridTimelineLayout(3, 2, 20, 1280, 720);
        Rectangle2D c = lay.cell(new Lane(1, Lane.Direction.BACKWARD), 10);
        assertTrue(c.getWidth() >= 36, "cell width " + c.getWidth());
        assertTrue(c.getHeight() >= 30, "cell height " + c.getHeight());
        assertTrue(lay.font() >= 11, "font " + lay.font());
        assertTrue(lay.rowHeight() * GridTimelineLayout.JOIN_GAP >= 20, "room for the joins and the arrows down");
    }

    @Test
    void pointsMapBackToTheirCell() {
        GridTimelineLayout lay = new GridTimelineLayout(3, 2, 20, 1280, 720);
        for (Lane lane : lanes(3, 2)) {
            Rectangle2D c = lay.cell(lane, 7);
            int[] t = new int[1];
            assertEquals(lane, lay.laneAt(c.getCenterX(), c.getCenterY(), t));
            assertEquals(7, t[0]);
        }
        assertSame(null, lay.laneAt(2, 2, new int[1]));
        assertThrows(IllegalArgumentException.class, () -> new GridTimelineLayout(2, 1, 5, 800, 600)
                .rowOf(new Lane(0, Lane.Direction.BACKWARD)));
    }

    /**
     * The main window's timeline at 1280 × 720 has about 830 × 330 px for L = 3, both directions and
     * T = 20: at the readable least row and column the text stays at 12 px or more, the grid scrolls
     * up and down instead, and every lane's row can be brought whole into view.
     */
    @ParameterizedTest
    @CsvSource({"830, 330, 1.0", "830, 300, 1.25", "1250, 600, 1.0"})
    void aDeepGridKeepsReadableRowsAndScrollsToEachOfThem(double width, double height, double zoom) {
        double minRow = GridTimelineFigure.READABLE_ROW * zoom;
        double minColumn = GridTimelineFigure.READABLE_COLUMN * zoom;
        GridTimelineLayout lay = new GridTimelineLayout(3, 2, 20, width, height, minColumn, 0, false, minRow, 0);
        assertTrue(lay.smallFont() >= 12, "small text " + lay.smallFont());
        assertTrue(lay.font() >= 12, "text " + lay.font());
        assertTrue(lay.rowHeight() >= minRow - 1e-9);
        assertEquals(Math.max(0, lay.contentHeight() - height), lay.maxScrollY(), 1e-9);
        if (height < 450) {
            assertTrue(lay.maxScrollY() > 0, "a grid this deep scrolls in " + height + " px");
        }
        for (Lane lane : lanes(3, 2)) {
            double y = lay.scrollYToShow(lane, 0);
            GridTimelineLayout shown = new GridTimelineLayout(3, 2, 20, width, height, minColumn, 0, false, minRow, y);
            assertTrue(shown.rowShown(lane), lane + " at scroll " + y);
            assertTrue(y >= 0 && y <= lay.maxScrollY() + 1e-9);
            // from there, the rows keep their order and height
            assertEquals(lay.rowTop(lane) - y, shown.rowTop(lane), 1e-9);
        }
        // beyond the end it clamps
        GridTimelineLayout far = new GridTimelineLayout(3, 2, 20, width, height, minColumn, 0, false, minRow, 1e6);
        assertEquals(lay.maxScrollY(), far.scrollY(), 1e-9);
    }

    /** Labels go in only where there is room: the ‖dL/dh‖ under a cell's name needs a wide enough box. */
    @Test
    void theNumberInACellShowsOnlyWhenItFits() {
        GridTimelineLayout narrow = new GridTimelineLayout(3, 2, 20, 830, 330, GridTimelineFigure.READABLE_COLUMN, 0,
                false, GridTimelineFigure.READABLE_ROW, 0);
        GridTimelineLayout wide = new GridTimelineLayout(3, 2, 20, 830, 330, 2.2 * GridTimelineFigure.READABLE_COLUMN, 0,
                false, GridTimelineFigure.READABLE_ROW, 0);
        assertTrue(!narrow.roomForNumber() && wide.roomForNumber());
        Rectangle2D box = wide.cell(new Lane(0, Lane.Direction.FORWARD), 3);
        assertTrue(box.getHeight() >= 2.3 * wide.smallFont() && box.getWidth() >= 3.6 * wide.smallFont());
    }
}
