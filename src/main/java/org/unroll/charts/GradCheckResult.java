package org.unroll.charts;

import java.util.List;
import java.util.stream.Collectors;
import org.unroll.engine.GradCheck;
import org.unroll.i18n.Notation;
import org.unroll.i18n.Texts;

/**
 * A gradient check: analytic BPTT gradients beside central finite differences, entry by
 * entry, with their relative errors. The input of {@link GradCheckChart}.
 *
 * @param cellLabel what the title calls the cell, e.g. "LSTM"
 * @param rows      the checked entries, in drawing order (at least one)
 * @param tolerance the relative error below which an entry passes (e.g. 1e-6), &gt; 0
 * @param absoluteTolerance an entry whose |analytic − numeric| is at most this passes too,
 *                  whatever its relative error (tiny gradients are judged absolutely, as the
 *                  engine's check does); 0 for a purely relative verdict
 */
public record GradCheckResult(String cellLabel, List<Row> rows, double tolerance, double absoluteTolerance) {

    /**
     * A purely relative verdict.
     *
     * @param cellLabel the label
     * @param rows      the rows
     * @param tolerance the relative tolerance
     */
    public GradCheckResult(String cellLabel, List<Row> rows, double tolerance) {
        this(cellLabel, rows, tolerance, 0);
    }

    /**
     * @param row one of the rows
     * @return whether it passes: relative error within the tolerance, or absolute difference
     *         within the absolute tolerance
     */
    public boolean passes(Row row) {
        return org.unroll.engine.GradCheck.passes(row.relativeError(), row.analytic() - row.numeric(),
                tolerance, absoluteTolerance);
    }

    /**
     * One checked entry.
     *
     * @param parameter     the parameter name, e.g. "weight_hh"
     * @param index         the entry's index within the parameter, e.g. [2, 1]
     * @param analytic      the BPTT gradient
     * @param numeric       the finite-difference estimate
     * @param relativeError |a − n| / (|a| + |n|), 0 when both are 0 (may be NaN or ∞ for a
     *                      broken run)
     * @param unreliable    why the finite difference of a failing entry cannot be trusted, or NO
     */
    public record Row(String parameter, List<Integer> index, double analytic, double numeric,
                      double relativeError, GradCheck.Unreliable unreliable) {

        /** A row whose finite difference is trusted. */
        public Row(String parameter, List<Integer> index, double analytic, double numeric, double relativeError) {
            this(parameter, index, analytic, numeric, relativeError, GradCheck.Unreliable.NO);
        }

        /** Validates and copies. */
        public Row {
            Checks.label(parameter, "parameter");
            index = List.copyOf(index);
            unreliable = unreliable == null ? GradCheck.Unreliable.NO : unreliable;
            if (relativeError < 0) {
                throw new IllegalArgumentException("relative error " + relativeError + " is negative");
            }
        }

        /**
         * A row whose relative error is computed here: |a − n| / (|a| + |n|), 0 when both
         * are 0.
         *
         * @param parameter the parameter name
         * @param analytic  the BPTT gradient
         * @param numeric   the finite-difference estimate
         * @param index     the entry's index
         * @return the row
         */
        public static Row of(String parameter, double analytic, double numeric, int... index) {
            double denom = Math.abs(analytic) + Math.abs(numeric);
            double rel = denom == 0 ? 0 : Math.abs(analytic - numeric) / denom;
            return new Row(parameter, java.util.Arrays.stream(index).boxed().collect(Collectors.toList()),
                    analytic, numeric, rel);
        }

        /** @return the entry as in files, 0-based, e.g. "weight_hh[2,1]" */
        public String label() {
            return parameter + index.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        }

        /**
         * @param twoBiases whether the cell keeps b_xh and b_hh apart (GRU)
         * @return the entry as a person reads it, 1-based, e.g. "W_hh[3,2]"
         */
        public String displayLabel(boolean twoBiases) {
            return Notation.entry(parameter, twoBiases, index);
        }

        /**
         * @param tolerance the pass threshold
         * @return whether the relative error is below it
         */
        public boolean passes(double tolerance) {
            return relativeError <= tolerance;
        }
    }

    /** Validates and copies. */
    public GradCheckResult {
        Checks.label(cellLabel, "cellLabel");
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows");
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a positive number, was " + tolerance);
        }
        if (!(absoluteTolerance >= 0) || Double.isInfinite(absoluteTolerance)) {
            throw new IllegalArgumentException("absolute tolerance must be 0 or more, was " + absoluteTolerance);
        }
    }

    /**
     * @return true: the check nudges PyTorch's two bias tensors one after the other, so they are
     *         named apart (b_xh, b_hh) even for cells whose two biases get the same gradient
     */
    public boolean twoBiases() {
        return true;
    }

    /**
     * @param row one of the rows
     * @return why the row fails although BPTT may be right, with the fix, or null when the row
     *         passes or its failure is not explained
     */
    public String explanation(Row row) {
        if (passes(row)) {
            return null;
        }
        return switch (row.unreliable()) {
            case RELU_KINK -> Texts.get("gradcheck.why.kink");
            case HUGE_LOSS -> Texts.get("gradcheck.why.hugeLoss");
            case NOT_FINITE -> Texts.get("gradcheck.why.notFinite");
            case NO -> null;
        };
    }

    /** @return how many rows fail where the finite difference is unreliable */
    public long unreliableFailures() {
        return rows.stream().filter(r -> !passes(r) && r.unreliable() != GradCheck.Unreliable.NO).count();
    }

    /** @return whether every row passes the tolerance */
    public boolean allPass() {
        return rows.stream().allMatch(this::passes);
    }
}
