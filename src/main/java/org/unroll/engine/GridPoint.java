package org.unroll.engine;

/**
 * The values of one cell of the (layer, direction, time) grid of a stacked network for one
 * sequence, read from its direction's tape: what a walk over the grid shows at that point.
 * Vectors are copies, H entries each (gates: G·H); c and dc are null unless the cell is LSTM.
 *
 * @param layer        k, 0 = the layer reading the input
 * @param direction    0 forward, 1 reverse
 * @param time         t in the sequence's own time (0-based)
 * @param step         the direction's own step s (s = t forward, len − 1 − t reverse)
 * @param real         false at a padded step, where the state is copied through
 * @param hPrev        the state the cell reads (h_{s−1} in the direction's order)
 * @param h            the state it writes
 * @param c            the LSTM cell state it writes, or null
 * @param gates        the activated gates (RNN: h; LSTM: i, f, g, o; GRU: r, z, n)
 * @param dhFromAbove  dL/dh from the layer above (the output layer for the top layer)
 * @param dhFromFuture dL/dh from the direction's next step (its own future)
 * @param dh           their sum, the total dL/dh
 * @param dc           the LSTM cell's total dL/dc, or null
 */
public record GridPoint(int layer, int direction, int time, int step, boolean real, double[] hPrev, double[] h,
                        double[] c, double[] gates, double[] dhFromAbove, double[] dhFromFuture, double[] dh,
                        double[] dc) {
    /** The layer and direction as the walk names them. */
    public Lane lane() {
        return new Lane(layer, direction == 1 ? Lane.Direction.BACKWARD : Lane.Direction.FORWARD);
    }
}
