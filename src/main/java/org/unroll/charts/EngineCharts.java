package org.unroll.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.CellType;
import org.unroll.engine.GradCheck;
import org.unroll.engine.GradCheckConfig;
import org.unroll.engine.Model;
import org.unroll.engine.Params;
import org.unroll.engine.SequenceBatch;
import org.unroll.engine.Cursor;
import org.unroll.engine.Quantity;
import org.unroll.engine.WalkPoint;
import org.unroll.engine.Walkthrough;

/**
 * Engine results as the charts' input records. Every number is copied from the engine
 * (its flow, the walk's named per-step values through {@link WalkPoint}, its derived per-step
 * gradients through {@link org.unroll.engine.WalkData}, the gradient check); nothing reads the tape
 * directly; nothing is recomputed here except
 * sums and norms that the records document. Toolkit-free, so the headless
 * {@code unroll render} uses it as well as the window.
 *
 * <p>Time steps: the engine counts steps t = 0 … T−1, the charts t = 1 … T (step t of the
 * engine is time step t + 1 on a chart). Everything reads sequence 0 of the batch.
 */
public final class EngineCharts {

    /** How many entries of each parameter a capped gradient check visits by default. */
    public static final int DEFAULT_CHECK_ENTRIES = 16;

    private EngineCharts() {
    }

    /**
     * The gradient flow of a walk: ‖dL/dh_t‖, ‖∂h_T/∂h_k‖, the LSTM cell path, the bound, γ
     * and σ_max exactly as {@link org.unroll.engine.GradientFlow} holds them.
     *
     * @param w the walk
     * @return the flow, labelled with {@link Model#label()}
     */
    public static GradientFlow flow(Walkthrough w) {
        return flow(w.model().label(), w.flow());
    }

    /**
     * @param label the legend label
     * @param f     the engine's flow
     * @return the same numbers as a chart record
     */
    public static GradientFlow flow(String label, org.unroll.engine.GradientFlow f) {
        double[] dh = f.dhNorms();
        return new GradientFlow(label, dh.length, dh, f.jacobianNorms(), f.cellJacobianNorms(), f.bound(),
                f.gamma(), f.sigmaMax());
    }

    /**
     * The gate activations of a gated cell: LSTM i, f, g, o or GRU r, z, n, as the walk's query
     * API names them ({@link Quantity#GATES} of every step). A plain RNN has no gates: empty.
     *
     * @param w the walk
     * @return the activations, or empty for a plain RNN
     */
    public static Optional<GateActivations> gates(Walkthrough w) {
        return w.derived().once(GateTable.KEY, () -> {
            double[][] rows = gateRows(w);
            if (rows == null) {
                return Optional.empty();
            }
            int gates = w.model().cell().gates();
            int hs = w.model().hiddenSize();
            double[][][] v = new double[gates][rows.length][hs];
            for (int g = 0; g < gates; g++) {
                for (int t = 0; t < rows.length; t++) {
                    System.arraycopy(rows[t], g * hs, v[g][t], 0, hs);
                }
            }
            return Optional.of(w.model().cell() == CellType.LSTM ? GateActivations.lstm(v) : GateActivations.gru(v));
        });
    }

    /** The keys of the charts' tables among a walk's derived values. */
    private enum GateTable {
        KEY, MAP
    }

    /** Every step's gates (sequence 0) through the walk's query API, or null for a cell without gates. */
    private static double[][] gateRows(Walkthrough w) {
        if (w.model().cell() == CellType.RNN) {
            return null;
        }
        WalkPoint end = w.at(Cursor.update());
        double[][] rows = new double[w.steps()][];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = end.valueAtEnd(Quantity.GATES, t);
        }
        return rows;
    }

    /**
     * The gate activations of a gated cell reduced to what the heat map draws ({@link GateMap}),
     * read once per walk through its query API and shared (the walk's owner of derived values keeps
     * it). A plain RNN: empty. Takes time in T·H: ask for it off the JavaFX thread (the session's
     * diagnostics do, see {@link #prepare}) and read it there with {@link #readyGateMap}.
     *
     * @param w the walk
     * @return the map, or empty for a plain RNN
     */
    public static Optional<GateMap> gateMap(Walkthrough w) {
        return w.derived().once(GateTable.MAP, () -> {
            double[][] rows = gateRows(w);
            if (rows == null) {
                return Optional.<GateMap>empty();
            }
            CellType cell = w.model().cell();
            int hs = w.model().hiddenSize();
            List<String> names = cell == CellType.LSTM ? List.of("i", "f", "g", "o") : List.of("r", "z", "n");
            java.util.Set<String> tanh = java.util.Set.of(cell == CellType.LSTM ? "g" : "n");
            return Optional.of(GateMap.of(cell == CellType.LSTM ? "LSTM" : "GRU", names, tanh, rows.length, hs,
                    GateMap.MAX_COLUMNS, (g, t, u) -> rows[t - 1][g * hs + u]));
        });
    }

    /** {@link #gateMap} if it has been computed, else null, without computing or waiting (empty for an RNN). */
    public static Optional<GateMap> readyGateMap(Walkthrough w) {
        Optional<Optional<GateMap>> ready = w.derived().ready(GateTable.MAP);
        return ready.orElse(null);
    }

    /**
     * Computes, on the calling thread, every table the charts of a walk read before its gradient
     * flow: the gate map, every step's contribution norms and the default entry's per-step
     * contributions (the largest entry of W_hh). The session's diagnostics call it first, so the
     * charts' pages can be drawn as soon as the walk is shown, while the Jacobian norms follow.
     *
     * @param w the walk
     */
    public static void prepare(Walkthrough w) {
        gateMap(w);
        w.derived().contributionNorms();
        int[] rc = largestEntry(w.gradients(), "weight_hh");
        w.derived().entryContributions("weight_hh", rc[0], rc[1]);
    }

    /**
     * The contributions record if every part of it has been computed, else null, without computing
     * or waiting (see {@link #contributions}).
     */
    public static StepContributions readyContributions(Walkthrough w, String parameter, int row, int col) {
        if (!w.derived().contributionNormsReady() || !w.derived().entryContributionsReady(parameter, row, col)) {
            return null;
        }
        return contributions(w, parameter, row, col);
    }

    /** Why there is no heat map for a cell, or null when there is one. */
    public static String noGatesReason(Model model) {
        return model.cell() == CellType.RNN
                ? org.unroll.i18n.Texts.get("chart.gates.none", model.label(), model.activation().id())
                : null;
    }

    /**
     * The contributions of each step to one entry (signed) and every parameter's per-step
     * Frobenius norms, with the engine's accumulated gradient as the total. The series and the
     * norms are the walk's own derived values ({@link org.unroll.engine.WalkData}), computed once
     * per walk and shared with every other reader.
     *
     * @param w         the walk
     * @param parameter one of {@link Params#NAMES}
     * @param row       the entry's row
     * @param col       the entry's column (0 for a bias, which is 1 × n: pass its index as col)
     * @return the record
     */
    public static StepContributions contributions(Walkthrough w, String parameter, int row, int col) {
        DMatrixRMaj whole = w.gradients().get(parameter);
        double[] entry = w.derived().entryContributions(parameter, row, col);
        Map<String, double[]> all = w.derived().contributionNorms();
        Map<String, double[]> norms = new LinkedHashMap<>();
        for (String name : offerOrder()) {
            norms.put(name, all.get(name).clone());
        }
        return new StepContributions(w.model().label(), parameter, row, col, entry, whole.get(row, col), norms);
    }

    /** The parameters in the order the charts offer them: the shared recurrent weight first. */
    public static List<String> offerOrder() {
        return List.of("weight_hh", "weight_ih", "bias_hh", "bias_ih", "weight_out", "bias_out");
    }

    /**
     * The entry of a parameter whose accumulated gradient is largest in magnitude: a default
     * that shows something.
     *
     * @param gradients the accumulated gradients
     * @param parameter the parameter
     * @return {row, col}
     */
    public static int[] largestEntry(Params gradients, String parameter) {
        DMatrixRMaj m = gradients.get(parameter);
        int best = 0;
        for (int i = 1; i < m.getNumElements(); i++) {
            if (!(Math.abs(m.data[i]) <= Math.abs(m.data[best]))) {
                best = i;
            }
        }
        return new int[] {best / m.numCols, best % m.numCols};
    }

    /**
     * Runs the engine's gradient check, at most {@code maxEntriesPerParam} entries of each
     * parameter (a deterministic sample, see {@link GradCheck#sample(int, int)}).
     *
     * @param model              the model (not modified)
     * @param seq                the sequence
     * @param config             ε and tolerances
     * @param maxEntriesPerParam the cap per parameter
     * @param progress           told of progress; answering false cancels
     * @return the result as a chart record
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static GradCheckResult gradCheck(Model model, SequenceBatch seq, GradCheckConfig config,
                                            int maxEntriesPerParam, GradCheck.Progress progress) {
        return gradCheck(model.label(), GradCheck.run(model, seq, config, maxEntriesPerParam, progress), config);
    }

    /**
     * A gradient-check report as chart rows, parameter by parameter in {@link Params#NAMES}
     * order; the relative errors and the verdict (relative, or absolute for tiny gradients)
     * are the engine's.
     *
     * @param label  the cell's label
     * @param report the engine's report
     * @param config the configuration it ran with (its relative tolerance becomes the chart's)
     * @return the result
     */
    public static GradCheckResult gradCheck(String label, GradCheck.Report report, GradCheckConfig config) {
        List<GradCheckResult.Row> rows = new ArrayList<>();
        for (GradCheck.ParamCheck p : report.params()) {
            for (int k = 0; k < p.entries().length; k++) {
                int i = p.entries()[k];
                List<Integer> index = p.rows() == 1 ? List.of(i) : List.of(i / p.cols(), i % p.cols());
                double rel = p.relativeError()[k];
                rows.add(new GradCheckResult.Row(p.name(), index, p.analytic()[k], p.numeric()[k],
                        Double.isNaN(rel) || rel >= 0 ? rel : Double.NaN, p.unreliable(k)));
            }
        }
        return new GradCheckResult(label, rows, config.maxRelativeError(), config.minAbsoluteError());
    }
}
