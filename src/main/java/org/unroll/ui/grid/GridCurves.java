package org.unroll.ui.grid;

import org.unroll.ui.I18n;

/** The names of the per-layer, per-direction curves: "layer 2 ←" (1-based, arrow for the direction). */
public final class GridCurves {
    private GridCurves() {
    }

    public static String name(int layer, int direction) {
        return I18n.get("grid.curve", Integer.toString(layer + 1), direction == 1 ? "←" : "→");
    }
}
