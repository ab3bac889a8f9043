package org.unroll.engine;

/**
 * The textbook references (one sequence, plain arrays, straight from the equations) for tests
 * outside this package: one forward and backward pass from a given initial state.
 */
public final class ReferencePass {
    private ReferencePass() {
    }

    /**
     * @param loss  the summed loss
     * @param grads dL/dθ flattened row-major, in {@link Params#NAMES} order
     * @param h     the final hidden state
     * @param c     the final cell state (LSTM), else null
     */
    public record Result(double loss, double[][] grads, double[] h, double[] c) {
    }

    /**
     * Sequence x (T × I) from h0 (and c0), with class targets ({@code classes[t]} −1 for none)
     * or, when {@code classes} is null, vector targets ({@code vectors[t]} null for none).
     */
    public static Result run(Model model, double[][] x, double[] h0, double[] c0, int[] classes, double[][] vectors) {
        RefParams p = RefParams.of(model.params());
        boolean ce = classes != null;
        RefSeq seq = new RefSeq(x, h0.clone(), c0 == null ? new double[h0.length] : c0.clone(), ce,
                ce ? classes : new int[x.length], ce ? new double[x.length][] : vectors);
        RefResult r = switch (model.cell()) {
            case RNN -> new ReferenceRnn(p, model.activation() == Activation.RELU).run(seq);
            case LSTM -> new ReferenceLstm(p).run(seq);
            case GRU -> new ReferenceGru(p).run(seq);
        };
        double[][] g = new double[Params.NAMES.size()][];
        for (int k = 0; k < g.length; k++) {
            g[k] = r.grads.flat(Params.NAMES.get(k));
        }
        int last = x.length - 1;
        return new Result(r.loss, g, r.h[last].clone(), model.cell().hasCellState() ? r.c[last].clone() : null);
    }
}
