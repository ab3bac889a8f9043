package org.unroll.train;

import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.Walkthrough;
import org.unroll.engine.Window;

/**
 * One update as the app can step through it: the parameters it started from, the window it
 * trained on and the real initial state of that window (zeros, or the carried state).
 */
public final class Snapshot {
    private final Update update;
    private final Model model;
    private final TrainData data;
    private final int from;
    private final int len;
    private final DMatrixRMaj h0;
    private final DMatrixRMaj c0;
    private final boolean carried;

    Snapshot(Update update, Model model, TrainData data, int from, int len, DMatrixRMaj h0, DMatrixRMaj c0,
             boolean carried) {
        this.carried = carried;
        this.update = update;
        this.model = model;
        this.data = data;
        this.from = from;
        this.len = len;
        this.h0 = h0;
        this.c0 = c0;
    }

    public Update update() {
        return update;
    }

    /** The model with the parameters the update started from (its own copy). */
    public Model model() {
        return model;
    }

    /** The first step of the window in the streams. */
    public int windowStart() {
        return from;
    }

    public int windowLength() {
        return len;
    }

    /** The initial state of the window, B × H. */
    public DMatrixRMaj h0() {
        return h0;
    }

    /** The initial cell state (LSTM), B × H, else null. */
    public DMatrixRMaj c0() {
        return c0;
    }

    /**
     * Stream b's window as a batch of one that starts from its real initial state: what
     * {@code new Bptt(model(), sequence(b))} or a walkthrough steps through.
     */
    public SequenceBatch sequence(int stream) {
        int hid = h0.numCols;
        DMatrixRMaj h = new DMatrixRMaj(1, hid);
        System.arraycopy(h0.data, stream * hid, h.data, 0, hid);
        DMatrixRMaj c = null;
        if (c0 != null) {
            c = new DMatrixRMaj(1, hid);
            System.arraycopy(c0.data, stream * hid, c.data, 0, hid);
        }
        return data.copyOfWindow(from, len, stream, 1, h, c);
    }

    /** Where the window sits in its stream, and whether its initial state was carried in: for the walk's step numbers. */
    public Window window() {
        return new Window(from, carried);
    }

    /**
     * The usual stepping walk of stream b's window: forward from the real initial state, BPTT,
     * and the update at {@code learningRate}, numbered as steps of the whole stream.
     */
    public Walkthrough walkthrough(int stream, double learningRate) {
        return new Walkthrough(model, sequence(stream), learningRate, window());
    }

    /** The parameters the update started from. */
    public Params params() {
        return model.params();
    }
}
