package org.unroll.charts;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each time step contributes to the shared parameter gradients: the input of
 * {@link StepContributionChart}. The shared gradient is the sum over steps,
 * ∂L/∂W = Σ_t ∂L/∂W|_t; this record keeps one chosen entry's signed per-step values and,
 * for every parameter, the Frobenius norm of each step's whole contribution matrix.
 *
 * @param cellLabel          what the title calls the cell, e.g. "RNN (tanh)"
 * @param parameter          the parameter of the chosen entry, e.g. "weight_hh"
 * @param row                the chosen entry's row
 * @param col                the chosen entry's column (0 for a bias)
 * @param entryContributions step t's contribution to ∂L/∂parameter[row, col] at index t−1
 *                           (T values, signed, may be non-finite)
 * @param total              the accumulated gradient entry ∂L/∂parameter[row, col] as the
 *                           engine holds it; equals the sum of the contributions up to
 *                           rounding (the chart shows both, so a mismatch would be visible)
 * @param stepNorms          parameter name → ‖∂L/∂parameter|_t‖_F at index t−1 (T values
 *                           each), in the order the parameters should be offered
 */
public record StepContributions(String cellLabel, String parameter, int row, int col,
                                double[] entryContributions, double total, Map<String, double[]> stepNorms) {

    /** Validates and copies. */
    public StepContributions {
        Checks.label(cellLabel, "cellLabel");
        Checks.label(parameter, "parameter");
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("entry [" + row + "," + col + "] is negative");
        }
        if (entryContributions == null || entryContributions.length == 0) {
            throw new IllegalArgumentException("entryContributions is empty");
        }
        entryContributions = entryContributions.clone();
        int t = entryContributions.length;
        LinkedHashMap<String, double[]> norms = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : stepNorms.entrySet()) {
            String name = Checks.label(e.getKey(), "parameter name");
            norms.put(name, Checks.norms(Checks.copyOfLength(e.getValue(), t, "stepNorms[" + name + "]"),
                    "stepNorms[" + name + "]"));
        }
        stepNorms = Collections.unmodifiableMap(norms);
    }

    /**
     * Builds the record from each step's full contribution matrices.
     *
     * @param cellLabel the cell's label
     * @param perStep   parameter name → [t−1][row][col] contribution of step t (a bias as
     *                  [t−1][n][1]); the same T for every parameter
     * @param parameter the parameter of the chosen entry
     * @param row       the chosen entry's row
     * @param col       the chosen entry's column
     * @return the record, with total = the sum of the entry's contributions
     */
    public static StepContributions fromPerStep(String cellLabel, Map<String, double[][][]> perStep,
                                                String parameter, int row, int col) {
        double[][][] chosen = perStep.get(parameter);
        if (chosen == null) {
            throw new IllegalArgumentException("no parameter " + parameter + " among " + perStep.keySet());
        }
        double[] entry = new double[chosen.length];
        double total = 0;
        for (int t = 0; t < chosen.length; t++) {
            entry[t] = chosen[t][row][col];
            total += entry[t];
        }
        LinkedHashMap<String, double[]> norms = new LinkedHashMap<>();
        perStep.forEach((name, m) -> {
            double[] n = new double[m.length];
            for (int t = 0; t < m.length; t++) {
                n[t] = org.unroll.engine.Norms.euclidean(java.util.Arrays.stream(m[t])
                        .flatMapToDouble(java.util.Arrays::stream).toArray());
            }
            norms.put(name, n);
        });
        return new StepContributions(cellLabel, parameter, row, col, entry, total, norms);
    }

    /** @return T, the number of time steps */
    public int steps() {
        return entryContributions.length;
    }

    /** @return the chosen entry as a person reads it, 1-based: "W_hh[3,2]", a bias "b[3]" */
    public String entryLabel() {
        List<Integer> index = parameter.startsWith("bias") ? List.of(col) : List.of(row, col);
        return org.unroll.i18n.Notation.entry(parameter, twoBiases(), index);
    }

    /** @return a parameter's display name: "W_hh" for weight_hh */
    public String parameterLabel(String pytorchName) {
        return org.unroll.i18n.Notation.parameter(pytorchName, twoBiases());
    }

    /** @return true: the chart offers PyTorch's two bias tensors apart, so they are named apart (b_xh, b_hh) */
    public boolean twoBiases() {
        return true;
    }

    /** @return the plain sum of the per-step contributions of the chosen entry */
    public double sumOfSteps() {
        double s = 0;
        for (double v : entryContributions) {
            s += v;
        }
        return s;
    }

    @Override
    public double[] entryContributions() {
        return entryContributions.clone();
    }

    /**
     * @param name a parameter name
     * @return a copy of its per-step Frobenius norms
     * @throws IllegalArgumentException when there is no such parameter
     */
    public double[] stepNorms(String name) {
        double[] n = stepNorms.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no parameter " + name + " among " + stepNorms.keySet());
        }
        return n.clone();
    }

    @Override
    public Map<String, double[]> stepNorms() {
        LinkedHashMap<String, double[]> c = new LinkedHashMap<>();
        stepNorms.forEach((k, v) -> c.put(k, v.clone()));
        return Collections.unmodifiableMap(c);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StepContributions s) || !cellLabel.equals(s.cellLabel) || !parameter.equals(s.parameter)
                || row != s.row || col != s.col || !Arrays.equals(entryContributions, s.entryContributions)
                || Double.compare(total, s.total) != 0 || !stepNorms.keySet().equals(s.stepNorms.keySet())) {
            return false;
        }
        for (String k : stepNorms.keySet()) {
            if (!Arrays.equals(stepNorms.get(k), s.stepNorms.get(k))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cellLabel, parameter, row, col, Arrays.hashCode(entryContributions), total,
                stepNorms.keySet());
    }

    @Override
    public String toString() {
        return "StepContributions[" + cellLabel + ", " + entryLabel() + ", T=" + steps() + ", total=" + total
                + ", norms of " + stepNorms.keySet() + "]";
    }
}
