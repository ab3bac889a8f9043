package org.unroll.engine;

/**
 * A point in one training step: (phase, step t, stage). The points of a sequence of T steps
 * are totally ordered, START, forward 0 … T−1, LOSS, backward T−1 … 0 with four stages each,
 * UPDATE, so a cursor is also an index in [0, 5T + 3). Everything computed at or before the
 * cursor exists there; moving the cursor only changes what is read.
 *
 * @param phase the phase
 * @param step  the step t (0-based) in FORWARD and BACKWARD, else −1
 * @param stage the stage in BACKWARD, else null
 */
public record Cursor(Phase phase, int step, BackwardStage stage) {
    private static final int STAGES = BackwardStage.values().length;

    public static final Cursor START = new Cursor(Phase.START, -1, null);

    public static Cursor forward(int t) {
        return new Cursor(Phase.FORWARD, t, null);
    }

    public static Cursor loss() {
        return new Cursor(Phase.LOSS, -1, null);
    }

    public static Cursor backward(int t, BackwardStage stage) {
        return new Cursor(Phase.BACKWARD, t, stage);
    }

    public static Cursor update() {
        return new Cursor(Phase.UPDATE, -1, null);
    }

    /** How many points a sequence of T steps has. */
    public static int positions(int steps) {
        return (1 + STAGES) * steps + 3;
    }

    /** This cursor's place in the order, for a sequence of T steps. */
    public int index(int steps) {
        return switch (phase) {
            case START -> 0;
            case FORWARD -> 1 + step;
            case LOSS -> steps + 1;
            case BACKWARD -> steps + 2 + (steps - 1 - step) * STAGES + stage.ordinal();
            case UPDATE -> positions(steps) - 1;
        };
    }

    /** The cursor at a place in the order (clamped to the valid range). */
    public static Cursor at(int index, int steps) {
        int i = Math.max(0, Math.min(index, positions(steps) - 1));
        if (i == 0) {
            return START;
        }
        if (i <= steps) {
            return forward(i - 1);
        }
        if (i == steps + 1) {
            return loss();
        }
        if (i == positions(steps) - 1) {
            return update();
        }
        int k = i - steps - 2;
        return backward(steps - 1 - k / STAGES, BackwardStage.values()[k % STAGES]);
    }

    /** Whether the point {@code other} has been reached (is at or before this cursor). */
    public boolean hasReached(Cursor other, int steps) {
        return index(steps) >= other.index(steps);
    }

    /** The first point of this cursor's phase (in BACKWARD: the first stage of the last step). */
    public Cursor startOfPhase(int steps) {
        return switch (phase) {
            case FORWARD -> forward(0);
            case BACKWARD -> backward(steps - 1, BackwardStage.OUTPUT_GRADIENT);
            default -> this;
        };
    }

    /** The last point of this cursor's phase (in BACKWARD: the last stage of step 0). */
    public Cursor endOfPhase(int steps) {
        return switch (phase) {
            case FORWARD -> forward(steps - 1);
            case BACKWARD -> backward(0, BackwardStage.PASS_BACK);
            default -> this;
        };
    }

    /** The same point in a walk of {@code steps} steps: a step beyond the end becomes the last one. */
    public Cursor fit(int steps) {
        Cursor same = step >= steps ? new Cursor(phase, steps - 1, stage) : this;
        return at(same.index(steps), steps);
    }
}
