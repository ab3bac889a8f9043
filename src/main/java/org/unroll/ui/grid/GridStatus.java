package org.unroll.ui.grid;

import java.util.Locale;
import org.unroll.engine.Activation;
import org.unroll.engine.CellType;
import org.unroll.engine.GridWalk;
import org.unroll.engine.StackedModel;
import org.unroll.ui.I18n;

/** The status line of a grid: "LSTM · 2 layers · both directions · H = 5 · 3 sequences · T = 8 · loss 12.3". */
public final class GridStatus {
    private GridStatus() {
    }

    public static String of(GridWalk w, String source) {
        StackedModel m = w.model();
        String cell = m.cell() == CellType.RNN
                ? "RNN (" + (m.activation() == Activation.RELU ? "ReLU" : m.activation().id()) + ")" : m.cell().name();
        String text = I18n.get("grid.status", cell, Integer.toString(m.layers()),
                I18n.get(m.bidirectional() ? "grid.title.both" : "grid.title.one"), Integer.toString(m.hiddenSize()),
                Integer.toString(w.sequences()), Integer.toString(w.steps()), String.format(Locale.ROOT, "%.4g", w.loss()));
        return source == null ? text : text + " · " + source;
    }
}
