package org.unroll.ui.inspector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridPoint;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.Lane;
import org.unroll.engine.Phase;
import org.unroll.ui.I18n;
import org.unroll.ui.inspector.InspectorEntry.Section;

/**
 * What the values tab shows at a point of a grid walk (a stacked, bidirectional or batched
 * network): the cell of the grid at the cursor as {@link GridWalkPoint} offers it — the state
 * it reads, its gates, the state (and LSTM cell state) it writes, and in the backward pass the
 * gradient from the layer above, the one from its own future and their sum, each only once it
 * exists; at the loss, L_t of every step of the sequence shown (0 at padding). The inspector
 * delegates to this class when the session shows a grid.
 */
public final class GridCellContent {
    private GridCellContent() {
    }

    public static List<InspectorEntry> at(GridWalkPoint at) {
        List<InspectorEntry> out = new ArrayList<>();
        GridCursor c = at.cursor();
        GridWalk w = at.walk();
        if (c.phase() == Phase.LOSS || (c.phase() == Phase.BACKWARD && c.lane() == null)) {
            out.add(new InspectorEntry("grid_losses", Section.LOSS, MatrixData.row(I18n.get("grid.values.losses"),
                    losses(at)).withColumnLabels(stepLabels(w.steps())), true));
            return out;
        }
        if (!c.onCell()) {
            return out;
        }
        Lane lane = c.lane();
        int t = c.time();
        Optional<GridPoint> cell = at.cell(lane, t);
        if (cell.isEmpty()) {
            return out;
        }
        GridPoint p = cell.get();
        String where = " · " + I18n.get("grid.curve", Integer.toString(lane.layer() + 1),
                lane.direction() == Lane.Direction.BACKWARD ? "←" : "→") + " · t = " + at.display(t)
                + (p.real() ? "" : " · " + I18n.get("grid.values.padding"));
        boolean forward = c.phase() == Phase.FORWARD;
        out.add(new InspectorEntry("grid_hPrev", Section.INPUTS, MatrixData.column("h_{t−1}, " + I18n.get("grid.values.hPrev") + where,
                p.hPrev()), false));
        String[] names = w.model().cell().gateNames();
        int h = w.model().hiddenSize();
        for (int k = 0; k < names.length && p.gates() != null && p.gates().length >= (k + 1) * h; k++) {
            out.add(new InspectorEntry("grid_gate_" + names[k], Section.FORWARD, MatrixData.column(names[k] + "_t",
                    Arrays.copyOfRange(p.gates(), k * h, (k + 1) * h)), forward));
        }
        if (p.c() != null) {
            out.add(new InspectorEntry("grid_c", Section.FORWARD, MatrixData.column("c_t", p.c()), forward));
        }
        out.add(new InspectorEntry("grid_h", Section.FORWARD, MatrixData.column("h_t" + where, p.h()), forward));
        if (at.lossDone()) {
            out.add(new InspectorEntry("grid_L", Section.LOSS, MatrixData.of("L_t",
                    new double[][] {{at.stepLoss(t).orElse(0.0)}}), false));
        }
        if (p.dhFromAbove() != null) {
            out.add(new InspectorEntry("grid_dhAbove", Section.BACKWARD, MatrixData.column(
                    I18n.get("grid.values.fromAbove"), p.dhFromAbove()), c.stage().number() == 1));
        }
        if (p.dhFromFuture() != null) {
            out.add(new InspectorEntry("grid_dhFuture", Section.BACKWARD, MatrixData.column(
                    I18n.get("grid.values.fromFuture"), p.dhFromFuture()), c.stage().number() == 2));
        }
        if (p.dh() != null) {
            out.add(new InspectorEntry("grid_dh", Section.BACKWARD, MatrixData.column("dL/dh_t", p.dh()),
                    c.stage().number() == 2));
        }
        if (p.dc() != null) {
            out.add(new InspectorEntry("grid_dc", Section.BACKWARD, MatrixData.column("dL/dc_t", p.dc()),
                    c.stage().number() == 2));
        }
        return out;
    }

    private static double[] losses(GridWalkPoint at) {
        double[] l = new double[at.walk().steps()];
        for (int t = 0; t < l.length; t++) {
            l[t] = at.stepLoss(t).orElse(0.0);
        }
        return l;
    }

    private static List<String> stepLabels(int steps) {
        List<String> out = new ArrayList<>();
        for (int t = 1; t <= steps; t++) {
            out.add("t=" + t);
        }
        return out;
    }
}
