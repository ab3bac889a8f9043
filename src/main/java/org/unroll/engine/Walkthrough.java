package org.unroll.engine;

import java.util.List;

/**
 * One complete training step of one sequence batch, computed once through the step-at-a-time
 * driver: forward, the loss, the four stages of every backward step, the parameter gradients
 * and an SGD update (the loss after it, a second forward pass, is derived when first asked for). A walk is a value: nothing in it changes after the constructor returns,
 * it holds no cursor (the point shown lives with whoever shows it, see {@link #at(Cursor)}),
 * and every reader on any thread sees the same numbers. What is derived from it later (step
 * contributions, running sums, the gradient flow, tables of the charts) has one owner per
 * walk, {@link #derived()}, which computes each value once and shares it.
 *
 * <p>The tape is exposed for reading only; nothing outside the engine may write to it.
 */
public final class Walkthrough {
    private final Model model;
    private final SequenceBatch seq;
    /** The driver that filled the tape; never handed out, so no one can run it again. */
    private final Bptt bptt;
    private final Params grads;
    private final double loss;
    private final Model updated;
    private final double learningRate;
    private final Window window;
    private final WalkData derived;

    /** Runs the whole step of a sequence on its own; the update is plain SGD with {@code learningRate}. */
    public Walkthrough(Model model, SequenceBatch seq, double learningRate) {
        this(model, seq, learningRate, Window.WHOLE);
    }

    /**
     * Runs the whole step of one window of a longer sequence: {@code seq} carries the window's
     * steps and its initial state (h_0, c_0 carried in from the window before, or zero).
     */
    public Walkthrough(Model model, SequenceBatch seq, double learningRate, Window window) {
        this.model = model;
        this.seq = seq;
        this.learningRate = learningRate;
        this.window = window;
        this.bptt = new Bptt(model, seq);
        for (int t = 0; t < seq.steps(); t++) {
            bptt.forwardStep(t);
        }
        this.loss = bptt.loss();
        Params g = model.params().zerosLike();
        bptt.backward(g);
        this.grads = g;
        Params next = model.params().copy();
        new Sgd(learningRate).step(next, grads);
        this.updated = model.withParams(next);
        // the loss after the update (a second forward pass) is one of the derived values: computed when first
        // asked for (the session's diagnostics ask early), so the pass is shown without waiting for it
        this.derived = new WalkData(this);
    }

    public Model model() {
        return model;
    }

    /** The inputs, targets and initial state the walk ran on. */
    public SequenceBatch sequence() {
        return seq;
    }

    /** Every intermediate of the pass; read only. */
    public Tape tape() {
        return bptt.tape();
    }

    /** T, the steps of this walk (of its window). */
    public int steps() {
        return bptt.tape().steps;
    }

    /** Where the walk's steps sit in the whole sequence, for the numbers a person reads. */
    public Window window() {
        return window;
    }

    /** The layers and directions of the network; one lane for a single-layer, one-way network. */
    public List<Lane> lanes() {
        return List.of(Lane.SINGLE);
    }

    /** The total loss before the update, Σ_t L_t. */
    public double loss() {
        return loss;
    }

    /** L_t, the loss of engine step t (0-based), summed over the batch. */
    public double stepLoss(int t) {
        return bptt.tape().stepLoss[t];
    }

    /** The summed gradients of the whole pass; shared, so callers must not change them. */
    public Params gradients() {
        return grads;
    }

    /** The model after one SGD step. */
    public Model updatedModel() {
        return updated;
    }

    /**
     * The total loss of the updated model on the same sequence: a forward pass of its own, computed
     * once when first asked for (see {@link WalkData#lossAfterUpdate()}).
     */
    public double lossAfterUpdate() {
        return derived.lossAfterUpdate();
    }

    public double learningRate() {
        return learningRate;
    }

    /** The one owner of everything derived from this walk. */
    public WalkData derived() {
        return derived;
    }

    /** What exists at a point of this walk, and its named values. */
    public WalkPoint at(Cursor cursor) {
        return new WalkPoint(this, cursor);
    }

    /** The gradient flow (norms of dL/dh_t, Jacobian norms, σ_max, the bound): computed once, see {@link WalkData#flow()}. */
    public GradientFlow flow() {
        return derived.flow();
    }

    /** The gradient summed over steps t … T−1, what has been accumulated once step t's stage 3 has run; shared, read only. */
    public Params runningSum(int t) {
        return derived.runningSum(t);
    }

    /** Step t's own contribution to every parameter gradient; shared, read only. */
    public Params stepContribution(int t) {
        return derived.stepContribution(t);
    }

    /** The driver, for the engine's own derived values (it only reads the finished tape). */
    Bptt pass() {
        return bptt;
    }
}
