package org.unroll.engine;

/**
 * One complete training step of one sequence, computed once through the step-at-a-time
 * driver and then read at a movable {@link Cursor}: forward, the loss, the four stages of
 * every backward step, the update. Moving the cursor never recomputes or undoes anything;
 * it only decides what exists at that point.
 */
public final class Walkthrough {
    private final Model model;
    private final Bptt bptt;
    private final Params grads;
    private final GradientFlow flow;
    private final Model updated;
    private final double lossAfterUpdate;
    private final double learningRate;
    private Cursor cursor = Cursor.START;

    /** Runs the whole step; the update is plain SGD with {@code learningRate}. */
    public Walkthrough(Model model, SequenceBatch seq, double learningRate) {
        this.model = model;
        this.learningRate = learningRate;
        this.bptt = new Bptt(model, seq);
        int steps = seq.steps();
        for (int t = 0; t < steps; t++) {
            bptt.forwardStep(t);
        }
        this.grads = model.params().zerosLike();
        bptt.backward(grads);
        this.flow = GradientFlow.of(bptt, 0);
        Params next = model.params().copy();
        new Sgd(learningRate).step(next, grads);
        this.updated = model.withParams(next);
        Bptt after = new Bptt(updated, seq);
        this.lossAfterUpdate = after.forward();
    }

    public Model model() {
        return model;
    }

    public Bptt bptt() {
        return bptt;
    }

    public Tape tape() {
        return bptt.tape();
    }

    /** T. */
    public int steps() {
        return bptt.tape().steps;
    }

    /** The summed gradients of the whole pass. */
    public Params gradients() {
        return grads;
    }

    public GradientFlow flow() {
        return flow;
    }

    /** The model after one SGD step. */
    public Model updatedModel() {
        return updated;
    }

    public double lossAfterUpdate() {
        return lossAfterUpdate;
    }

    public double learningRate() {
        return learningRate;
    }

    public Cursor cursor() {
        return cursor;
    }

    public void moveTo(Cursor c) {
        this.cursor = Cursor.at(c.index(steps()), steps());
    }

    /** Whether forward step t has run at the cursor. */
    public boolean forwardDone(int t) {
        return cursor.hasReached(Cursor.forward(t), steps());
    }

    public boolean lossDone() {
        return cursor.hasReached(Cursor.loss(), steps());
    }

    /** Whether stage s of backward step t has run at the cursor. */
    public boolean backwardDone(int t, BackwardStage s) {
        return cursor.hasReached(Cursor.backward(t, s), steps());
    }

    public boolean updateDone() {
        return cursor.hasReached(Cursor.update(), steps());
    }

    /** The gradient summed over steps t … T−1: what has been accumulated once step t's stage 3 has run. */
    public Params runningSum(int t) {
        Params out = model.params().zerosLike();
        bptt.accumulateGradients(t, steps(), out);
        return out;
    }

    /** Step t's own contribution to every parameter gradient. */
    public Params stepContribution(int t) {
        return bptt.stepGradients(t);
    }
}
