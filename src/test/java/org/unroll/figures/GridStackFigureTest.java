package org.unroll.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridWalk;
import org.unroll.engine.Lane;
import org.unroll.task.WordBatch;

/** Every sequence of a batch stacked: one band each, at the point of the one walked, the walked one framed. */
class GridStackFigureTest {

    @Test
    void eachSequenceGetsItsBandAndTheWalkedOneIsFramed() {
        WordBatch words = WordBatch.parse("unrolling, time, rnn");
        GridWalk w = new GridWalk(GridScenes.model(CellType.LSTM, words.vocab().size(), 4, 1, true, 5), words.batch());
        int shown = 1;
        GridCursor at = GridCursor.backward(new Lane(0, Lane.Direction.BACKWARD), 1, BackwardStage.ADD_FUTURE);
        GridTimelineFigure.Frame f = new GridTimelineFigure.Frame(w, shown, w.order(shown).indexOf(at), words.tokens(shown),
                GridTimelineFigure.ENGLISH, GridTimelineFigure.READABLE_COLUMN, 0, false, GridTimelineFigure.READABLE_ROW, 0);
        List<List<String>> tokens = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            tokens.add(words.tokens(b));
        }
        List<GridTimelineFigure.Frame> all = GridStackFigure.frames(f, tokens);
        assertEquals(3, all.size());
        for (int b = 0; b < 3; b++) {
            assertEquals(at, w.order(b).at(all.get(b).index()));
        }
        double band = GridStackFigure.bandHeight(f, 800, 300);
        assertTrue(band > 2 * GridTimelineFigure.READABLE_ROW, "a band holds a whole grid at readable rows");
        // scrolled to the walked band, in a 800 × 300 viewport
        double scroll = GridStackFigure.bandTop(shown, band, 0) - GridStackFigure.GAP;
        BufferedImage img = new BufferedImage(800, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        GridStackFigure.paint(g, new Rectangle2D.Double(0, 0, 800, 300), all, List.of("unrolling", "time", "rnn"), shown, scroll);
        g.dispose();
        int y = (int) (GridStackFigure.bandTop(shown, band, scroll) + 20);
        assertEquals(GridTimelineFigure.ACCENT.getRGB(), img.getRGB(1, y), "the walked band is framed");
        BufferedImage above = new BufferedImage(800, 300, BufferedImage.TYPE_INT_RGB);
        g = above.createGraphics();
        GridStackFigure.paint(g, new Rectangle2D.Double(0, 0, 800, 300), all, List.of("unrolling", "time", "rnn"), shown, 0);
        g.dispose();
        assertTrue(above.getRGB(1, (int) (GridStackFigure.bandTop(0, band, 0) + 20)) != GridTimelineFigure.ACCENT.getRGB(),
                "the first band is not framed");
    }
}
