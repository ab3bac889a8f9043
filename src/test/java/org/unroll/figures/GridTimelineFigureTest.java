package org.unroll.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.unroll.engine.CellType;
import org.unroll.engine.Lane;
import org.unroll.task.WordBatch;

/** What the grid timeline paints: the cursor's cell, what has not run, padding. */
class GridTimelineFigureTest {

    private static int rgb(BufferedImage img, double x, double y) {
        return img.getRGB((int) x, (int) y) & 0xFFFFFF;
    }

    private static int count(BufferedImage img, Rectangle2D r, Color c) {
        int n = 0;
        for (int x = (int) r.getX() + 2; x < r.getMaxX() - 2; x++) {
            for (int y = (int) r.getY() + 2; y < r.getMaxY() - 2; y++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void theCursorsCellIsMarkedAndPaddingIsHatched() {
        WordBatch words = WordBatch.parse("unrolling, time, rnn");
        GridTimelineFigure.Frame f = GridScenes.lstmMidBackward(words, 2);
        BufferedImage img = TimelineExport.image(f, 1280, 720, 1);
        GridTimelineLayout lay = GridTimelineFigure.layout(f, 1280, 720);
        Lane cur = f.walk().at(2, f.index()).cursor().lane();
        int t = f.walk().at(2, f.index()).cursor().time();
        Rectangle2D here = lay.cell(cur, t);
        assertEquals(GridTimelineFigure.CURRENT.getRGB() & 0xFFFFFF, rgb(img, here.getX() + here.getWidth() * 0.2,
                here.getY() + here.getHeight() * 0.3));
        // "rnn" reads two characters; its steps 3 … 8 are padding in every row
        int last = words.batch().steps() - 1;
        for (Lane lane : f.walk().lanes()) {
            Rectangle2D pad = lay.cell(lane, last);
            assertTrue(count(img, pad, GridTimelineFigure.PAD_FILL) > 20, "padding filled in " + lane);
            assertTrue(count(img, pad, GridTimelineFigure.FAINT) > 5, "padding hatched in " + lane);
        }
        // layer 1 ← backward has not begun at layer 1's future steps, layer 2 is done: a real cell of layer 2 is filled
        Rectangle2D done = lay.cell(new Lane(1, Lane.Direction.FORWARD), 0);
        assertEquals(GridTimelineFigure.DONE_FILL.getRGB() & 0xFFFFFF, rgb(img, done.getX() + done.getWidth() * 0.2,
                done.getY() + done.getHeight() * 0.3));
    }

    @Test
    void atStartNoCellIsFilled() {
        WordBatch words = WordBatch.parse("cat, horse");
        GridTimelineFigure.Frame loss = GridScenes.atLoss(words, 0, CellType.GRU, 3, true);
        GridTimelineFigure.Frame start = new GridTimelineFigure.Frame(loss.walk(), 0, 0, words.tokens(0),
                GridTimelineFigure.ENGLISH);
        BufferedImage img = TimelineExport.image(start, 1280, 720, 1);
        BufferedImage after = TimelineExport.image(loss, 1280, 720, 1);
        GridTimelineLayout lay = GridTimelineFigure.layout(start, 1280, 720);
        for (Lane lane : start.walk().lanes()) {
            Rectangle2D c = lay.cell(lane, 0);
            assertEquals(0xFFFFFF, rgb(img, c.getX() + c.getWidth() * 0.2, c.getY() + c.getHeight() * 0.3));
            int want = (lane.direction() == Lane.Direction.FORWARD ? GridTimelineFigure.DONE_FILL
                    : GridTimelineFigure.REVERSE_FILL).getRGB() & 0xFFFFFF;
            assertEquals(want, rgb(after, c.getX() + c.getWidth() * 0.2, c.getY() + c.getHeight() * 0.3));
        }
    }
}
