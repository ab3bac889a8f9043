package org.unroll.charts;

import java.util.List;

/** Legend text helpers shared by the overlay charts. */
final class Labels {

    private Labels() {
    }

    /**
     * The cell label of flow {@code f}, suffixed with its number when another flow has the
     * same label (legend keys must be unique).
     */
    static String unique(String label, int f, List<GradientFlow> flows) {
        long same = flows.stream().filter(g -> g.cellLabel().equals(label)).count();
        return same > 1 ? label + " #" + (f + 1) : label;
    }
}
