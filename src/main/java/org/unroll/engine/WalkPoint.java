package org.unroll.engine;

import java.util.Optional;

/**
 * One point of one walk: the query API every view, lesson and export reads. It says what exists
 * at the cursor (which forward steps and backward stages have run), gives the named per-step
 * values there, and numbers steps for a person (1-based, in the whole sequence, through the
 * walk's {@link Window}). A value; the cursor is clamped to the walk on construction.
 *
 * @param walk   the walk
 * @param cursor the point, within the walk
 */
public record WalkPoint(Walkthrough walk, Cursor cursor) implements LanePoint {

    public WalkPoint {
        cursor = cursor.fit(walk.steps());
    }

    private int steps() {
        return walk.steps();
    }

    /** Whether {@code point} has run at this cursor. */
    public boolean hasRun(Cursor point) {
        return cursor.hasReached(point, steps());
    }

    /** Whether forward step t has run. */
    public boolean forwardDone(int t) {
        return hasRun(Cursor.forward(t));
    }

    @Override
    public boolean lossDone() {
        return hasRun(Cursor.loss());
    }

    /** Whether stage s of backward step t has run. */
    public boolean backwardDone(int t, BackwardStage s) {
        return hasRun(Cursor.backward(t, s));
    }

    public boolean updateDone() {
        return hasRun(Cursor.update());
    }

    @Override
    public Phase phase() {
        return cursor.phase();
    }

    @Override
    public java.util.List<Lane> lanes() {
        return walk.lanes();
    }

    /** {@link Lane#SINGLE} on a step, else null. */
    @Override
    public Lane lane() {
        return step() >= 0 ? Lane.SINGLE : null;
    }

    @Override
    public int time() {
        return step();
    }

    @Override
    public BackwardStage stage() {
        return cursor.phase() == Phase.BACKWARD ? cursor.stage() : null;
    }

    @Override
    public boolean forwardDone(Lane lane, int t) {
        return Lane.SINGLE.equals(lane) && forwardDone(t);
    }

    @Override
    public boolean backwardDone(Lane lane, int t, BackwardStage s) {
        return Lane.SINGLE.equals(lane) && backwardDone(t, s);
    }

    /** The engine step (0-based) the cursor is on in FORWARD and BACKWARD, else −1. */
    public int step() {
        return cursor.phase() == Phase.FORWARD || cursor.phase() == Phase.BACKWARD ? cursor.step() : -1;
    }

    /** The time step a person reads at the cursor (1-based, in the whole sequence), or −1 outside a step. */
    public int displayStep() {
        int t = step();
        return t < 0 ? -1 : walk.window().display(t);
    }

    /** The 1-based number of engine step t, as every pane shows it. */
    @Override
    public int display(int t) {
        return walk.window().display(t);
    }

    /** Whether the value of step t exists at this cursor (and for this cell and loss). */
    public boolean exists(Quantity q, int t) {
        return t >= 0 && t < steps() && q.existsFor(walk.tape()) && hasRun(q.from(t, steps()));
    }

    /** Whether this walk's cell and loss have the quantity at all (c_t only for LSTM, softmax only for cross-entropy). */
    public boolean has(Quantity q) {
        return q.existsFor(walk.tape());
    }

    /** The class step t is scored against (sequence 0), if its loss is cross-entropy and the step has a target. */
    public java.util.OptionalInt classTarget(int t) {
        SequenceBatch seq = walk.sequence();
        int row = t * seq.batch();
        return seq.loss() == LossType.CROSS_ENTROPY && seq.hasTarget(row)
                ? java.util.OptionalInt.of(seq.classTarget(row)) : java.util.OptionalInt.empty();
    }

    /** The value of step t for sequence 0 of the only lane, if it exists at this cursor. */
    public Optional<double[]> value(Quantity q, int t) {
        return value(Lane.SINGLE, q, t, 0);
    }

    /** The value of step t for sequence b in a lane, if it exists at this cursor. */
    public Optional<double[]> value(Lane lane, Quantity q, int t, int b) {
        if (!walk.lanes().contains(lane)) {
            throw new IllegalArgumentException("this walk has no lane " + lane);
        }
        return exists(q, t) ? Optional.of(q.read(walk.tape(), t, b)) : Optional.empty();
    }

    /** The value of step t regardless of the cursor (what the tape holds once the walk is complete). */
    public double[] valueAtEnd(Quantity q, int t) {
        return q.read(walk.tape(), t, 0);
    }

    /** Step t's contribution to the parameter gradients, once its stage 3 has run. */
    public Optional<Params> stepContribution(int t) {
        return backwardDone(t, BackwardStage.PARAMETER_GRADIENTS) ? Optional.of(walk.stepContribution(t)) : Optional.empty();
    }

    /**
     * The gradient accumulated so far: zero before backward step T−1's stage 3, the running sum
     * Σ_{k ≥ t} after step t's stage 3, the whole gradient from then on.
     */
    public Params accumulated() {
        if (cursor.phase() == Phase.UPDATE) {
            return walk.gradients();
        }
        if (cursor.phase() != Phase.BACKWARD) {
            return walk.model().params().zerosLike();
        }
        int t = cursor.step();
        if (cursor.stage().compareTo(BackwardStage.PARAMETER_GRADIENTS) >= 0) {
            return walk.runningSum(t);
        }
        return t == steps() - 1 ? walk.model().params().zerosLike() : walk.runningSum(t + 1);
    }
}
