package org.unroll.charts;

/** Validation and copying shared by the chart input records. */
final class Checks {

    private Checks() {
    }

    /** Copies {@code a}, failing when it is null or not {@code n} long. */
    static double[] copyOfLength(double[] a, int n, String name) {
        if (a == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (a.length != n) {
            throw new IllegalArgumentException(name + " has " + a.length + " values, expected " + n);
        }
        return a.clone();
    }

    /**
     * Checks that every value is a norm: 0 or more, +∞ (an overflow) or NaN; a finite
     * negative value or −∞ is a bug in whoever computed it.
     */
    static double[] norms(double[] a, String name) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + a[i] + " is not a norm");
            }
        }
        return a;
    }

    /** Fails when {@code s} is null or blank. */
    static String label(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return s;
    }

    /** A deep copy of a [rows][cols] array, failing when it is ragged or empty. */
    static double[][] copyRectangular(double[][] a, String name) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        int cols = -1;
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || a[i].length == 0 || (cols >= 0 && a[i].length != cols)) {
                throw new IllegalArgumentException(name + " is not rectangular at row " + i);
            }
            cols = a[i].length;
            c[i] = a[i].clone();
        }
        return c;
    }

    /** A deep copy of a 3-D array. */
    static double[][][] deepCopy(double[][][] a) {
        double[][][] c = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            c[i] = new double[a[i].length][];
            for (int j = 0; j < a[i].length; j++) {
                c[i][j] = a[i][j].clone();
            }
        }
        return c;
    }
}
