package org.unroll.ui.inspector;

import java.util.List;
import org.unroll.ui.I18n;
import org.unroll.ui.Numbers;

/**
 * What a {@link MatrixHeatView} shows: a titled rectangular matrix with optional row and column labels.
 * Immutable; the values are copied in.
 *
 * @param rowLabels    one label per row, or empty for none
 * @param columnLabels one label per column, or empty for none
 */
public record MatrixData(String title, double[][] values, List<String> rowLabels, List<String> columnLabels) {

    public MatrixData {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException(title + ": a matrix needs at least one cell");
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != values[0].length) {
                throw new IllegalArgumentException(title + ": row " + r + " has " + values[r].length
                        + " entries, row 0 has " + values[0].length);
            }
            copy[r] = values[r].clone();
        }
        values = copy;
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        checkLabels(title, "row", rowLabels, values.length);
        checkLabels(title, "column", columnLabels, values[0].length);
    }

    /** A matrix without labels. */
    public static MatrixData of(String title, double[][] values) {
        return new MatrixData(title, values, List.of(), List.of());
    }

    /** A vector shown as one column (n×1), the usual layout of h_t and dh_next. */
    public static MatrixData column(String title, double[] values) {
        double[][] m = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            m[i][0] = values[i];
        }
        return of(title, m);
    }

    /** A vector shown as one row (1×n). */
    public static MatrixData row(String title, double[] values) {
        return of(title, new double[][] {values});
    }

    public MatrixData withRowLabels(List<String> labels) {
        return new MatrixData(title, values, labels, columnLabels);
    }

    public MatrixData withColumnLabels(List<String> labels) {
        return new MatrixData(title, values, rowLabels, labels);
    }

    public int rows() {
        return values.length;
    }

    public int cols() {
        return values[0].length;
    }

    /** The value of one cell. */
    public double value(Cell cell) {
        return values[cell.row()][cell.col()];
    }

    /** The value at row r, column c (no copy). */
    double at(int r, int c) {
        return values[r][c];
    }

    /** The values, copied. */
    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            copy[r] = values[r].clone();
        }
        return copy;
    }

    /**
     * One line naming a cell and its exact value: {@code dh_next[2] = 0.125} for a vector,
     * {@code W_hh[1, 3] = -0.5} for a matrix; indices counted from 1, as a person reads them
     * (like time steps); labels replace indices where given.
     */
    public String describe(Cell cell) {
        String value = Numbers.exact(value(cell));
        String row = rowLabels.isEmpty() ? org.unroll.i18n.Notation.index(cell.row()) : rowLabels.get(cell.row());
        String col = columnLabels.isEmpty() ? org.unroll.i18n.Notation.index(cell.col()) : columnLabels.get(cell.col());
        if (cols() == 1) {
            return I18n.get("inspector.vectorCell", title, row, value);
        }
        if (rows() == 1) {
            return I18n.get("inspector.vectorCell", title, col, value);
        }
        return I18n.get("inspector.matrixCell", title, row, col, value);
    }

    private static void checkLabels(String title, String axis, List<String> labels, int n) {
        if (!labels.isEmpty() && labels.size() != n) {
            throw new IllegalArgumentException(title + ": " + labels.size() + " " + axis + " labels for " + n + " " + axis + "s");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof MatrixData other && title.equals(other.title)
                && java.util.Arrays.deepEquals(values, other.values)
                && rowLabels.equals(other.rowLabels) && columnLabels.equals(other.columnLabels);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(title, java.util.Arrays.deepHashCode(values), rowLabels, columnLabels);
    }

    @Override
    public String toString() {
        return "MatrixData[" + title + ", " + rows() + "x" + cols() + "]";
    }
}
