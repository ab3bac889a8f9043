package org.unroll.ui.training;

import java.util.Arrays;

/**
 * A curve over updates that stays at most {@code capacity} points long however long the run:
 * each point is the mean of a bucket of consecutive updates; when the buckets fill up, neighbours
 * are merged pairwise and the bucket width doubles. A run of 100,000 updates with capacity 1,000
 * is drawn from fewer than 1,000 means of 128 updates each, plus the partly filled bucket at
 * the end, so the newest update always shows. NaN and infinite values are skipped.
 * Not thread-safe: the UI thread feeds it.
 */
public final class DownsampledSeries {
    private final int capacity;
    /** Closed buckets: the mean x (update number) and the mean y of {@code width} updates each. */
    private double[] xs;
    private double[] ys;
    private int size;
    private int width = 1;
    /** The bucket being filled. */
    private double openX;
    private double openY;
    private int openCount;
    private long added;

    public DownsampledSeries(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("the capacity must be even and at least 2, got " + capacity);
        }
        this.capacity = capacity;
        this.xs = new double[capacity];
        this.ys = new double[capacity];
    }

    /** Adds the value of update x. */
    public void add(double x, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        added++;
        openX += x;
        openY += y;
        openCount++;
        if (openCount == width) {
            xs[size] = openX / openCount;
            ys[size] = openY / openCount;
            size++;
            openX = 0;
            openY = 0;
            openCount = 0;
            if (size == capacity) {
                halve();
            }
        }
    }

    /** Merges neighbouring buckets: half as many, each twice as wide. */
    private void halve() {
        for (int i = 0; i < size / 2; i++) {
            xs[i] = (xs[2 * i] + xs[2 * i + 1]) / 2;
            ys[i] = (ys[2 * i] + ys[2 * i + 1]) / 2;
        }
        size /= 2;
        width *= 2;
    }

    /** Points to draw: the closed buckets and the open one. */
    public int pointCount() {
        return size + (openCount > 0 ? 1 : 0);
    }

    /** The x of every point (update numbers, means of the bucket). */
    public double[] xs() {
        double[] out = Arrays.copyOf(xs, pointCount());
        if (openCount > 0) {
            out[size] = openX / openCount;
        }
        return out;
    }

    /** The y of every point (means of the bucket). */
    public double[] ys() {
        double[] out = Arrays.copyOf(ys, pointCount());
        if (openCount > 0) {
            out[size] = openY / openCount;
        }
        return out;
    }

    /** How many updates each closed point stands for. */
    public int bucketWidth() {
        return width;
    }

    /** Finite values added so far. */
    public long added() {
        return added;
    }

    public void clear() {
        size = 0;
        width = 1;
        openX = 0;
        openY = 0;
        openCount = 0;
        added = 0;
    }
}
