package org.unroll.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/** Prints the painter's time into a BufferedImage (no JavaFX): {@code -Dunroll.measure=true}. */
@EnabledIfSystemProperty(named = "unroll.measure", matches = "true")
class PaintTimingMeasurement {
    @Test
    void paintTime() {
        Setup s = Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(64).withText("abcdefghij".repeat(10) + "k");
        Scenario sc = Scenario.build(s);
        Walkthrough w = new Walkthrough(sc.model(), sc.sequence(), 0.1);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                TimelineFigure.Frame f = new TimelineFigure.Frame(w, sc, Cursor.at(90 + i, 100), 1.0, 240 * 40, null, false,
                        TimelineFigure.ENGLISH);
                TimelineExport.image(f, 1000, 500, 1.0);
            }
            System.out.printf("unroll.measure BufferedImage paint LSTM H=64: %.2f ms%n", (System.nanoTime() - t0) / 1e6 / 20);
        }
    }
}
