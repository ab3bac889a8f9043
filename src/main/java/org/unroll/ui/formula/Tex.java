package org.unroll.ui.formula;

import org.unroll.ui.Numbers;

/**
 * Writes numbers, vectors and matrices as LaTeX for {@link FormulaView}.
 * Numbers are rounded to a few significant digits; long vectors and large matrices are elided
 * with {@code \cdots}, {@code \vdots} and {@code \ddots}, keeping the first entries and the last one.
 */
public final class Tex {

    /** Three significant digits, at most eight entries along each axis. */
    public static final Tex DEFAULT = new Tex(3, 8);

    private final int digits;
    private final int maxEntries;

    /**
     * @param digits     significant digits of each number (1..17)
     * @param maxEntries most entries shown along one axis before eliding (at least 3)
     */
    public Tex(int digits, int maxEntries) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be in 1..17, was " + digits);
        }
        if (maxEntries < 3) {
            throw new IllegalArgumentException("maxEntries must be >= 3, was " + maxEntries);
        }
        this.digits = digits;
        this.maxEntries = maxEntries;
    }

    /** One number: {@code 0.123}, {@code -1.5}, {@code 1.23{\times}10^{-5}}, {@code \mathrm{NaN}}, {@code \infty}. */
    public String number(double v) {
        if (Double.isNaN(v)) {
            return "\\mathrm{NaN}";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\\infty" : "-\\infty";
        }
        String text = Numbers.significant(v, digits);
        if (!Numbers.isScientific(text)) {
            return text;
        }
        String[] parts = Numbers.mantissaExponent(text);
        return parts[0] + "{\\times}10^{" + parts[1] + "}";
    }

    /** A column vector as a one-column bmatrix; long vectors end in {@code \vdots} and the last entry. */
    public String columnVector(double[] v) {
        double[][] column = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            column[i][0] = v[i];
        }
        return matrix(column);
    }

    /** A row vector as a one-row bmatrix; long vectors end in {@code \cdots} and the last entry. */
    public String rowVector(double[] v) {
        return matrix(new double[][] {v});
    }

    /** A rectangular matrix as a bmatrix, elided along each axis that has more than {@code maxEntries} entries. */
    public String matrix(double[][] m) {
        if (m.length == 0 || m[0].length == 0) {
            return "\\begin{bmatrix}\\end{bmatrix}";
        }
        int[] rows = shownIndices(m.length);
        int[] cols = shownIndices(m[0].length);
        StringBuilder tex = new StringBuilder("\\begin{bmatrix}");
        for (int r = 0; r < rows.length; r++) {
            if (r > 0) {
                tex.append("\\\\");
            }
            for (int c = 0; c < cols.length; c++) {
                if (c > 0) {
                    tex.append('&');
                }
                tex.append(entry(m, rows[r], cols[c]));
            }
        }
        return tex.append("\\end{bmatrix}").toString();
    }

    /** Escapes text for use inside {@code \text{...}}. */
    public static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\backslash ");
                case '{', '}', '_', '^', '#', '$', '%', '&' -> out.append('\\').append(ch);
                case '~' -> out.append("\\sim ");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private String entry(double[][] m, int row, int col) {
        boolean rowGap = row == ELIDED;
        boolean colGap = col == ELIDED;
        if (rowGap && colGap) {
            return "\\ddots";
        }
        if (rowGap) {
            return "\\vdots";
        }
        if (colGap) {
            return "\\cdots";
        }
        return number(m[row][col]);
    }

    private static final int ELIDED = -1;

    /** Indices to show along an axis of length n: all of them, or the first ones, a gap and the last one. */
    private int[] shownIndices(int n) {
        if (n <= maxEntries) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] shown = new int[maxEntries];
        int head = maxEntries - 2;
        for (int i = 0; i < head; i++) {
            shown[i] = i;
        }
        shown[head] = ELIDED;
        shown[head + 1] = n - 1;
        return shown;
    }
}
