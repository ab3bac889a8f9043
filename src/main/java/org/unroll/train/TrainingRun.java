package org.unroll.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Model;
import org.unroll.engine.StackedModel;
import org.unroll.engine.StackedParams;

/**
 * Truncated BPTT over B streams, one update per {@link #step()}, as d2l's train_epoch does it:
 * for each window, carry the state or reset it, detach it, forward and the loss, backward,
 * clip, one optimizer step. A window without any target makes no update but still carries
 * the state on. The run is deterministic: the same spec gives the same numbers.
 *
 * <p>Nothing is allocated per update on the numeric path beyond the {@link Update} record and
 * the log's growth: tapes and gradients live in the {@link Network}, the parameters before the
 * update and the window's initial state are copied into buffers made once (for snapshots).
 * Not thread-safe: one thread drives a run (see {@link TrainingJob}).
 */
public final class TrainingRun implements AutoCloseable {
    private final TrainSpec spec;
    /** The network being trained; for one layer and one direction also as {@link #model}, sharing its tensors. */
    private final StackedModel network;
    private final Model model;
    private final Network net;
    private final LayerOptimizers optimizer;
    /** The tensors the optimizer changes, in the network's name order. */
    private final DMatrixRMaj[] tensors;
    private final List<Update> updates = new ArrayList<>();
    /** θ as the last update found it, and the initial state of its window: what a snapshot needs. */
    private final StackedParams before;
    private final DMatrixRMaj startH;
    private final DMatrixRMaj startC;
    private final DMatrixRMaj endH;
    private final DMatrixRMaj endC;
    private final double[] norms;
    private int epoch;
    private int window;
    private int lastFrom;
    private int lastLength;
    private boolean finished;
    private Update diverged;

    /** A run of {@code spec} on {@code threads} threads; the spec's model is copied, not changed. */
    public TrainingRun(TrainSpec spec, int threads) {
        this.spec = spec;
        if (spec.isSingle()) {
            // one layer, one direction: the sharded engine, exactly as before
            this.model = spec.model().withParams(spec.model().params().copy());
            this.network = StackedModel.of(model);
            this.net = new ShallowNetwork(model, spec.data(), threads);
        } else {
            this.model = null;
            this.network = spec.network().withParams(spec.network().params().copy());
            this.net = new StackedNetwork(network, spec.data());
        }
        this.optimizer = new LayerOptimizers(spec.optimizer(), network.params());
        this.tensors = net.parameters().tensors().values().toArray(new DMatrixRMaj[0]);
        this.norms = new double[tensors.length];
        this.before = network.params().zerosLike();
        int b = network.layers() * network.directions() * spec.data().streams();
        int h = network.hiddenSize();
        boolean lstm = net.hasCellState();
        this.startH = new DMatrixRMaj(b, h);
        this.startC = lstm ? new DMatrixRMaj(b, h) : null;
        this.endH = new DMatrixRMaj(b, h);
        this.endC = lstm ? new DMatrixRMaj(b, h) : null;
    }

    /**
     * The next update: runs windows until one with a target has been trained on. Returns it, or
     * null when the run is over (all epochs done, or it diverged). An update whose loss or
     * gradient is NaN or infinite is not applied: the run stops there, see {@link #divergedAt()}.
     */
    public Update step() {
        while (!finished) {
            if (window == spec.windows()) {
                epoch++;
                window = 0;
                if (epoch == spec.epochs()) {
                    finished = true;
                    break;
                }
            }
            int w = window++;
            int from = spec.windowStart(w);
            int len = spec.windowLength(w);
            // carry the previous window's final state, or start from zeros; either way only the
            // values pass into this window, so no gradient crosses the boundary (detach)
            if (spec.stateful() && w > 0) {
                net.carryState();
            } else {
                net.resetState();
            }
            int targets = spec.data().targetCount(from, len);
            if (targets > 0) {
                net.initialState(startH, startC);
                copyInto(before, network.params());
                lastFrom = from;
                lastLength = len;
            }
            // forward, the loss, full BPTT inside the window
            double loss = net.forwardBackward(from, len);
            if (targets == 0) {
                continue;
            }
            Update u = update(w, loss, targets);
            if (u.diverged()) {
                diverged = u;
                finished = true;
                return u;
            }
            updates.add(u);
            return u;
        }
        return null;
    }

    /** The reduction, the gradient norm, clipping and the optimizer's step, for window w's pass. */
    private Update update(int w, double summedLoss, int targets) {
        StackedParams g = net.gradients();
        DMatrixRMaj[] gs = g.tensors().values().toArray(new DMatrixRMaj[0]);
        // mean: L = (1/n) Σ L_{b,t} over the n pairs with a target, so ∇L scales the same way
        double scale = spec.reduction() == Reduction.MEAN ? 1.0 / targets : 1.0;
        double squares = 0;
        for (int k = 0; k < norms.length; k++) {
            DMatrixRMaj m = gs[k];
            double s = 0;
            for (int i = 0; i < m.getNumElements(); i++) {
                m.data[i] *= scale;
                s += m.data[i] * m.data[i];
            }
            norms[k] = Math.sqrt(s);
            squares += s;
        }
        double norm = Math.sqrt(squares);
        double clipped = norm;
        // clip_grad_norm_: g ← g · min(1, max_norm / (‖g‖₂ + 1e−6))
        if (spec.clipNorm() > 0) {
            double coef = spec.clipNorm() / (norm + 1e-6);
            if (coef < 1) {
                for (int k = 0; k < norms.length; k++) {
                    DMatrixRMaj m = gs[k];
                    for (int i = 0; i < m.getNumElements(); i++) {
                        m.data[i] *= coef;
                    }
                }
                clipped = norm * coef;
            }
        }
        Update u = new Update(updates.size(), epoch, w, summedLoss * scale, norm, clipped, norms.clone());
        if (!u.diverged()) {
            // the step: θ ← optimizer(θ, g)
            optimizer.step(net.parameters(), g);
        }
        return u;
    }

    private static void copyInto(StackedParams to, StackedParams from) {
        for (var e : from.tensors().entrySet()) {
            to.get(e.getKey()).setTo(e.getValue());
        }
    }

    /**
     * The gradient the last update handed to the optimizer (reduced and clipped), under the
     * network's names; a view into the run's buffers, valid until the next {@link #step()}.
     */
    public StackedParams appliedGradients() {
        return net.gradients();
    }

    /** Runs every remaining update. */
    public void runToEnd() {
        while (step() != null) {
            // every update is logged by step()
        }
    }

    /** Whether every epoch is done (or the run diverged). */
    public boolean finished() {
        return finished;
    }

    /** The update that made the loss or gradient NaN or infinite (not applied), or null. */
    public Update divergedAt() {
        return diverged;
    }

    /** The updates so far, in order. */
    public List<Update> updates() {
        return Collections.unmodifiableList(updates);
    }

    /** The number of updates the whole run makes when it does not diverge. */
    public int plannedUpdates() {
        int perEpoch = 0;
        for (int w = 0; w < spec.windows(); w++) {
            if (spec.data().targetCount(spec.windowStart(w), spec.windowLength(w)) > 0) {
                perEpoch++;
            }
        }
        return perEpoch * spec.epochs();
    }

    /**
     * The model being trained (its parameters change with every update); only for a network of
     * one layer and one direction, see {@link #network()}.
     */
    public Model model() {
        if (model == null) {
            throw new IllegalStateException("a network of " + network.layers() + " layers and "
                    + network.directions() + " directions is not a single-layer model; use network()");
        }
        return model;
    }

    /** The network being trained, any number of layers and directions (shares the tensors of {@link #model()}). */
    public StackedModel network() {
        return network;
    }

    /** The parameter names in the order of {@link Update#paramNorms()}: the network's own names. */
    public java.util.List<String> parameterNames() {
        return network.params().names();
    }

    public TrainSpec spec() {
        return spec;
    }

    /** The final state of the last window run: h_n, (L·D)·B × H, row (l·D + d)·B + b (B × H for one layer, one direction). */
    public DMatrixRMaj finalHidden() {
        net.finalState(endH, endC);
        return endH;
    }

    /** The final cell state of the last window run (LSTM), shaped as {@link #finalHidden()}, else null. */
    public DMatrixRMaj finalCell() {
        net.finalState(endH, endC);
        return endC;
    }

    /**
     * The last update as the app can step through it: the parameters it started from, its window
     * and that window's initial state, copied (only now, when asked for). Null before the first update, and
     * for a network of more than one layer or direction (the stepping walk runs one layer, one direction).
     */
    public Snapshot snapshot() {
        if (model == null) {
            // the stepping walk runs one layer and one direction
            return null;
        }
        Update u = diverged != null ? diverged : updates.isEmpty() ? null : updates.get(updates.size() - 1);
        if (u == null) {
            return null;
        }
        Model start = model.withParams(new org.unroll.engine.Params(before.get("weight_ih").copy(),
                before.get("weight_hh").copy(), before.get("bias_ih").copy(), before.get("bias_hh").copy(),
                before.weightOut().copy(), before.biasOut().copy()));
        return new Snapshot(u, start, spec.data(), lastFrom, lastLength,
                startH.copy(), startC == null ? null : startC.copy(), spec.stateful() && u.window() > 0);
    }

    @Override
    public void close() {
        net.close();
    }
}
