package org.unroll.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a walk visits the grid of a stacked network for one sequence of length
 * len padded to T steps.
 *
 * <p>Forward runs layer by layer: all of layer 0 (its forward direction t = 0 … T−1, then its
 * reverse direction from the sequence's own last step t = len−1 down to 0, then the padded
 * steps), then layer 1, … A layer needs the whole output of the layer below before it starts
 * when the network is bidirectional (the reverse direction of the layer below reaches t = 0
 * only at its end), so this is the only order that works for every network, and the one the
 * engine computes in.
 *
 * <p>Backward runs top layer first. Inside a layer each direction goes back through its own
 * time (forward direction t = T−1 … 0, reverse direction padding first, then t = 0 … len−1),
 * each cell in the four stages. A layer starts only once both directions of the layer above
 * are done, since what it receives from above is their sum.
 */
public final class GridOrder {
    private final List<GridCursor> points;
    private final Map<GridCursor, Integer> index = new HashMap<>();

    /**
     * @param lanes  the lanes in PyTorch's order (l0, l0_reverse, l1, …)
     * @param steps  T
     * @param length len, the sequence's real steps (1 … T)
     */
    public GridOrder(List<Lane> lanes, int steps, int length) {
        if (length < 1 || length > steps) {
            throw new IllegalArgumentException("a length " + length + " is outside 1.." + steps);
        }
        List<GridCursor> p = new ArrayList<>();
        p.add(GridCursor.START);
        for (Lane lane : lanes) {
            for (int s = 0; s < steps; s++) {
                p.add(GridCursor.forward(lane, time(lane, s, length)));
            }
        }
        p.add(GridCursor.LOSS);
        List<Lane> down = new ArrayList<>(lanes);
        down.sort((a, b) -> a.layer() != b.layer() ? Integer.compare(b.layer(), a.layer())
                : a.direction().compareTo(b.direction()));
        for (Lane lane : down) {
            for (int s = steps - 1; s >= 0; s--) {
                for (BackwardStage st : BackwardStage.values()) {
                    p.add(GridCursor.backward(lane, time(lane, s, length), st));
                }
            }
        }
        points = List.copyOf(p);
        for (int i = 0; i < points.size(); i++) {
            index.put(points.get(i), i);
        }
    }

    /** The time t of a direction's own step s: the reverse direction starts at the sequence's last real step. */
    public static int time(Lane lane, int s, int length) {
        return lane.direction() == Lane.Direction.BACKWARD && s < length ? length - 1 - s : s;
    }

    /** Every point, in order. */
    public List<GridCursor> points() {
        return points;
    }

    public int size() {
        return points.size();
    }

    public GridCursor at(int i) {
        return points.get(Math.max(0, Math.min(i, points.size() - 1)));
    }

    /** The place of a point in the order; IllegalArgumentException if the grid has no such point. */
    public int indexOf(GridCursor c) {
        Integer i = index.get(c);
        if (i == null) {
            throw new IllegalArgumentException("the grid has no point " + c);
        }
        return i;
    }

    /**
     * Where a point of another grid (another depth, direction or sequence) lands in this order:
     * the same point if this grid has it, else the last point of the same phase, direction, time
     * and stage, else the start (before the loss) or the loss (after it).
     */
    public int placeOf(GridCursor c) {
        Integer i = index.get(c);
        if (i != null) {
            return i;
        }
        if (c.lane() != null) {
            for (int j = points.size() - 1; j >= 0; j--) {
                GridCursor p = points.get(j);
                if (p.phase() == c.phase() && p.lane() != null && p.lane().direction() == c.lane().direction()
                        && p.time() == c.time() && p.stage() == c.stage()) {
                    return j;
                }
            }
        }
        return c.phase() == Phase.START ? 0 : indexOf(GridCursor.LOSS);
    }
}
