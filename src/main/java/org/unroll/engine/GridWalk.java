package org.unroll.engine;

import java.util.List;

/**
 * One complete forward and backward pass of a stacked, possibly bidirectional network over a
 * padded batch, computed once by {@link StackedBptt}, to be walked cell by cell: the grid
 * counterpart of {@link Walkthrough}. A value: nothing changes after the constructor, it holds
 * no cursor (see {@link #at(int, int)}), and every value it shows is the engine's own.
 */
public final class GridWalk {
    private final StackedModel model;
    private final PaddedBatch batch;
    private final StackedBptt pass;
    private final StackedParams grads;
    private final double loss;
    private final GridOrder[] orders;
    private final StackedFlow[] flows;

    public GridWalk(StackedModel model, PaddedBatch batch) {
        this.model = model;
        this.batch = batch;
        this.pass = new StackedBptt(model, batch);
        this.loss = pass.forward();
        this.grads = model.params().zerosLike();
        pass.backward(grads);
        this.orders = new GridOrder[batch.batch()];
        this.flows = new StackedFlow[batch.batch()];
        for (int b = 0; b < batch.batch(); b++) {
            orders[b] = new GridOrder(pass.lanes(), batch.steps(), batch.length(b));
            flows[b] = StackedFlow.of(pass, b);
        }
    }

    public StackedModel model() {
        return model;
    }

    public PaddedBatch batch() {
        return batch;
    }

    /** T, the padded length. */
    public int steps() {
        return batch.steps();
    }

    /** B, the sequences of the batch. */
    public int sequences() {
        return batch.batch();
    }

    /** Every lane, in PyTorch's order l0, l0_reverse, l1, … */
    public List<Lane> lanes() {
        return pass.lanes();
    }

    /** The total loss, summed over real steps and sequences. */
    public double loss() {
        return loss;
    }

    /** L_t of sequence b (0 at padded steps). */
    public double stepLoss(int t, int b) {
        return pass.stepLoss(t, b);
    }

    /** The gradients of the whole batch; shared, read only. */
    public StackedParams gradients() {
        return grads;
    }

    /** The order the walk visits sequence b's grid in. */
    public GridOrder order(int b) {
        return orders[b];
    }

    /** How gradient travels in time and depth for sequence b (the charts' curves). */
    public StackedFlow flow(int b) {
        return flows[b];
    }

    /** Every value of a cell once the walk is complete. */
    public GridPoint cell(Lane lane, int t, int b) {
        return pass.gridPoint(lane, t, b);
    }

    /** The further terms of a cell's equations once the walk is complete (see {@link GridCellTerms}). */
    public GridCellTerms terms(Lane lane, int t, int b) {
        return pass.cellTerms(lane, t, b);
    }

    /** What exists at point {@code index} of sequence b's walk. */
    public GridWalkPoint at(int b, int index) {
        return new GridWalkPoint(this, b, index);
    }
}
