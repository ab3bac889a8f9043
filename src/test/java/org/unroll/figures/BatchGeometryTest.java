package org.unroll.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchGeometryTest {
    private static final Rectangle2D AREA = new Rectangle2D.Double(10, 20, 700, 300);

    @Test
    void windowsCutTheStreamsAndTheLastOneIsShorter() {
        BatchGeometry g = new BatchGeometry(4, 11, 4, true, AREA);
        assertEquals(3, g.windows());
        assertEquals(8, g.windowStart(2));
        assertEquals(3, g.windowLength(2));
        assertEquals(700.0 / 11, g.cellWidth(), 1e-12);
        // window 2 spans steps 4..7 of every row
        Rectangle2D w = g.window(1);
        assertEquals(g.cell(0, 4).getX(), w.getX(), 1e-9);
        assertEquals(g.cell(0, 7).getMaxX(), w.getMaxX(), 1e-9);
        assertTrue(w.getY() < g.rowTop(0) && w.getMaxY() > g.rowTop(3) + g.rowHeight());
        // rows stay inside the area, one below the other
        assertTrue(g.rowTop(3) + g.rowHeight() <= AREA.getMaxY());
        assertTrue(g.rowTop(1) >= g.rowTop(0) + g.rowHeight());
        assertEquals(AREA.getMaxX(), g.cell(3, 10).getMaxX(), 1e-9);
    }

    @Test
    void aStatefulRunCarriesTheStateAcrossEveryBoundaryOfEveryRow() {
        BatchGeometry g = new BatchGeometry(3, 12, 4, true, AREA);
        List<Line2D> arrows = g.arrows();
        assertEquals(2 * 3, arrows.size());
        for (Line2D a : arrows) {
            double x = a.getX1() < g.boundaryX(2) - 20 ? g.boundaryX(1) : g.boundaryX(2);
            assertTrue(a.getX1() < x && a.getX2() > x, "the arrow crosses the boundary");
        }
        Line2D cut = g.cut(1);
        assertEquals(g.boundaryX(1), cut.getX1(), 1e-12);
        assertTrue(cut.getY1() < g.rowTop(0) && cut.getY2() > g.rowTop(2) + g.rowHeight());
        assertTrue(new BatchGeometry(3, 12, 4, false, AREA).arrows().isEmpty());
    }

    @Test
    void changingBOrNumStepsChangesThePicture() {
        BatchGeometry a = new BatchGeometry(2, 24, 6, true, AREA);
        BatchGeometry b = new BatchGeometry(8, 6, 6, true, AREA);
        BatchGeometry c = new BatchGeometry(2, 24, 3, true, AREA);
        assertEquals(4, a.windows());
        assertEquals(1, b.windows());
        assertEquals(8, c.windows());
        assertTrue(b.rowPitch() < a.rowPitch());
        assertEquals(0, a.windowAt(AREA.getX() + 1));
        assertEquals(3, a.windowAt(AREA.getMaxX() - 1));
        assertEquals(-1, a.windowAt(AREA.getX() - 1));
        assertTrue(a.labelsFit());
        assertTrue(!new BatchGeometry(2, 500, 6, true, AREA).labelsFit());
        assertThrows(IllegalArgumentException.class, () -> new BatchGeometry(0, 5, 5, true, AREA));
    }

    @Test
    void thePainterHighlightsTheCurrentWindowAndDrawsTheCutsInRed() {
        BatchGeometry g = new BatchGeometry(2, 12, 4, true, new Rectangle2D.Double(20, 30, 600, 200));
        BufferedImage img = new BufferedImage(640, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        String[][] labels = {"abcdefghijkl".split(""), "mnopqrstuvwx".split("")};
        BatchPicture.paint(gr, new BatchPicture.Frame(g, labels, 1, "legend"));
        gr.dispose();
        Rectangle2D cur = g.window(1, 0);
        // inside the current window, away from the text: the highlight's yellow
        int inside = img.getRGB((int) (cur.getX() + 4), (int) (cur.getY() + 3)) & 0xFFFFFF;
        assertEquals(0xF0E442, inside);
        Rectangle2D other = g.window(2, 1);
        int elsewhere = img.getRGB((int) (other.getX() + 4), (int) (other.getY() + 3)) & 0xFFFFFF;
        assertEquals(0xEEF3F8, elsewhere);
        Line2D cut = g.cut(2);
        int onCut = img.getRGB((int) cut.getX1(), (int) (cut.getY1() + 2));
        assertTrue(new Color(onCut).getRed() > 150 && new Color(onCut).getBlue() < 100, "red cut: " + Integer.toHexString(onCut));
    }
}
