package org.unroll.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridWalk;
import org.unroll.engine.Lane;
import org.unroll.task.WordBatch;

/** File › Export of the timeline in grid mode: the whole grid, every step and row, as PNG and SVG. */
class GridExportTest {

    /** The main window's frame: readable columns and rows, scrolled to the cursor near the end. */
    private static GridTimelineFigure.Frame windowFrame() {
        WordBatch words = WordBatch.parse("backpropagationintime, deep");
        GridWalk w = new GridWalk(GridScenes.model(CellType.GRU, words.vocab().size(), 4, 3, true, 3), words.batch());
        int at = w.order(0).indexOf(GridCursor.backward(new Lane(0, Lane.Direction.FORWARD), 17, BackwardStage.ADD_FUTURE));
        return new GridTimelineFigure.Frame(w, 0, at, words.tokens(0), GridTimelineFigure.ENGLISH,
                GridTimelineFigure.READABLE_COLUMN, 300, false, GridTimelineFigure.READABLE_ROW, 120);
    }

    @Test
    void theExportHoldsTheWholeGridNotOnlyThePartInView(@TempDir Path dir) throws Exception {
        GridTimelineFigure.Frame f = windowFrame();
        int viewW = 830;
        int viewH = 330;
        GridTimelineLayout inView = GridTimelineFigure.layout(f, viewW, viewH);
        assertTrue(inView.maxScroll() > 0 && inView.maxScrollY() > 0, "the window shows part of this grid");
        Dimension whole = TimelineExport.wholeGrid(f, viewW, viewH);
        GridTimelineLayout all = GridTimelineFigure.layout(f.unscrolled(), whole.width, whole.height);
        assertEquals(0, all.maxScroll(), 1e-6, "every step fits the export");
        assertEquals(0, all.maxScrollY(), 1e-6, "every row fits the export");
        assertEquals(inView.columnWidth(), all.columnWidth(), 0.5, "at the window's step width");
        assertEquals(inView.rowHeight(), all.rowHeight(), 0.5, "at the window's row height");

        Path svg = dir.resolve("grid.svg");
        TimelineExport.writeSvg(f, whole.width, whole.height, svg);
        String doc = Files.readString(svg);
        int steps = f.walk().steps();
        assertTrue(doc.contains("h" + TimelineFigure.sub(1)) && doc.contains("h" + TimelineFigure.sub(steps)),
                "the first and the last step are drawn");
        assertTrue(doc.contains("layer 3 →") && doc.contains("layer 1 ←"), "every row is named");

        Path png = dir.resolve("grid.png");
        TimelineExport.writePng(f.unscrolled(), whole.width, whole.height, 2, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * whole.width, img.getWidth());
        assertEquals(2 * whole.height, img.getHeight());
    }
}
