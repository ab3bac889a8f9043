package org.unroll.ui.inspector;

/** One cell of a matrix, by zero-based row and column. */
public record Cell(int row, int col) {
    public Cell {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("negative cell index (" + row + ", " + col + ")");
        }
    }
}
