package org.unroll.engine;

import java.util.Optional;

/**
 * One point of a {@link GridWalk} for one sequence: what exists there. A cell's state exists
 * once its forward step has run; in its backward step, stage 1 shows the gradient it receives
 * from the layer above (the output layer for the top layer), stage 2 adds the one from its own
 * future (the direction's next step), and from then on the total exists. Padded steps carry
 * the state through unchanged, no loss and no gradient: their loss and gradients read 0.
 *
 * @param walk     the walk
 * @param sequence b, the sequence shown
 * @param index    the place in {@link GridWalk#order(int)} (clamped)
 */
public record GridWalkPoint(GridWalk walk, int sequence, int index) implements LanePoint {

    public GridWalkPoint {
        if (sequence < 0 || sequence >= walk.sequences()) {
            throw new IllegalArgumentException("no sequence " + sequence + " in a batch of " + walk.sequences());
        }
        index = Math.max(0, Math.min(index, walk.order(sequence).size() - 1));
    }

    private GridOrder order() {
        return walk.order(sequence);
    }

    public GridCursor cursor() {
        return order().at(index);
    }

    public boolean hasRun(GridCursor point) {
        return index >= order().indexOf(point);
    }

    @Override
    public java.util.List<Lane> lanes() {
        return walk.lanes();
    }

    @Override
    public Phase phase() {
        return cursor().phase();
    }

    @Override
    public Lane lane() {
        return cursor().lane();
    }

    @Override
    public int time() {
        return cursor().time();
    }

    @Override
    public BackwardStage stage() {
        return cursor().stage();
    }

    /** The 1-based time step a person reads for t. */
    @Override
    public int display(int t) {
        return t + 1;
    }

    @Override
    public boolean forwardDone(Lane lane, int t) {
        return hasRun(GridCursor.forward(lane, t));
    }

    @Override
    public boolean lossDone() {
        return hasRun(GridCursor.LOSS);
    }

    @Override
    public boolean backwardDone(Lane lane, int t, BackwardStage stage) {
        return hasRun(GridCursor.backward(lane, t, stage));
    }

    /** Whether step t is a real step of the sequence shown (not padding). */
    public boolean real(int t) {
        return walk.batch().isReal(t, sequence);
    }

    /** L_t once the loss has run (0 at padding). */
    public Optional<Double> stepLoss(int t) {
        return lossDone() ? Optional.of(walk.stepLoss(t, sequence)) : Optional.empty();
    }


    /**
     * The values of a cell that exist at this point; every value not yet computed is null, and
     * the whole cell is empty before its forward step. Padded steps read zero gradients.
     */
    public Optional<GridPoint> cell(Lane lane, int t) {
        if (!forwardDone(lane, t)) {
            return Optional.empty();
        }
        GridPoint p = walk.cell(lane, t, sequence);
        boolean above = backwardDone(lane, t, BackwardStage.OUTPUT_GRADIENT);
        boolean future = backwardDone(lane, t, BackwardStage.ADD_FUTURE);
        return Optional.of(new GridPoint(p.layer(), p.direction(), p.time(), p.step(), p.real(), p.hPrev(), p.h(),
                p.c(), p.gates(), above ? p.dhFromAbove() : null, future ? p.dhFromFuture() : null,
                future ? p.dh() : null, future ? p.dc() : null));
    }

    /**
     * The further terms of a cell's equations that exist at this point: empty before its forward
     * step; dy from stage 1, dc_next from stage 2, the deltas and the cell's share of the
     * gradients from stage 3, what it passes back and down from stage 4 (null before).
     */
    public Optional<GridCellTerms> terms(Lane lane, int t) {
        if (!forwardDone(lane, t)) {
            return Optional.empty();
        }
        return Optional.of(walk.terms(lane, t, sequence).upTo(
                backwardDone(lane, t, BackwardStage.OUTPUT_GRADIENT), backwardDone(lane, t, BackwardStage.ADD_FUTURE),
                backwardDone(lane, t, BackwardStage.PARAMETER_GRADIENTS), backwardDone(lane, t, BackwardStage.PASS_BACK)));
    }

    /** ‖v‖₂, or −1 for a value that does not exist yet. */
    public static double norm(double[] v) {
        if (v == null) {
            return -1;
        }
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
