package org.unroll.charts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

/**
 * Gate activations reduced to what a plot can show: the input of {@link GateHeatmapChart}. A walk
 * of T steps gets at most {@link #MAX_COLUMNS} columns (the width in pixels of the charts' plot):
 * while T fits, one column per time step; beyond it, column c holds the mean of the consecutive
 * steps ⌊c·T/C⌋ + 1 … ⌊(c + 1)·T/C⌋ for every unit. Each gate's band is also painted once, here, as
 * an image of C × H pixels in its colour scale, so that drawing the chart costs one scaled image per
 * gate whatever T is. Built off the JavaFX thread (by the walk's owner of derived values, see
 * {@link EngineCharts#gateMap}); immutable afterwards, so any thread may read it.
 */
public final class GateMap {

    /** The most columns a band gets: the plot's width in pixels at the charts' usual size. */
    public static final int MAX_COLUMNS = 560;
    /** About the height in pixels of one gate's band: a small H gets rows this tall together. */
    static final int BAND_PIXELS = 96;

    /** How a gate's value at (step t = 1 … T, unit u = 0 … H−1) is read. */
    @FunctionalInterface
    public interface Values {
        double at(int gate, int t, int unit);
    }

    private final String cellLabel;
    private final List<String> gateNames;
    private final Set<String> tanhGates;
    private final int steps;
    private final int units;
    private final int columns;
    /** means[gate][column][unit]. */
    private final double[][][] means;
    private final BufferedImage[] images;
    /** Pixels per column and per unit in the images (more than one while T or H is small, see {@link #image}). */
    private final int columnPixels;
    private final int unitPixels;

    private GateMap(String cellLabel, List<String> gateNames, Set<String> tanhGates, int steps, int units,
                    int maxColumns, Values v) {
        if (steps < 1 || units < 1 || maxColumns < 1) {
            throw new IllegalArgumentException("a gate map needs T ≥ 1, H ≥ 1 and a column: T = " + steps
                    + ", H = " + units + ", columns = " + maxColumns);
        }
        this.cellLabel = cellLabel;
        this.gateNames = List.copyOf(gateNames);
        this.tanhGates = Set.copyOf(tanhGates);
        this.steps = steps;
        this.units = units;
        this.columns = Math.min(steps, maxColumns);
        int gates = this.gateNames.size();
        means = new double[gates][columns][units];
        images = new BufferedImage[gates];
        columnPixels = Math.max(1, MAX_COLUMNS / columns);
        unitPixels = Math.max(1, BAND_PIXELS / units);
        for (int g = 0; g < gates; g++) {
            ColorRamp ramp = GateHeatmapChart.scale(this.tanhGates.contains(this.gateNames.get(g)));
            BufferedImage img = new BufferedImage(columns * columnPixels, units * unitPixels, BufferedImage.TYPE_INT_RGB);
            for (int c = 0; c < columns; c++) {
                int first = firstStep(c);
                int last = lastStep(c);
                for (int u = 0; u < units; u++) {
                    // the mean of the column's steps (one step while T fits the plot)
                    double sum = 0;
                    for (int t = first; t <= last; t++) {
                        sum += v.at(g, t, u);
                    }
                    double mean = sum / (last - first + 1);
                    means[g][c][u] = mean;
                    // unit 1 at the bottom of the band: image row 0 is the top, unit H
                    int rgb = ((Color) ramp.getPaint(mean)).getRGB();
                    int y0 = (units - 1 - u) * unitPixels;
                    for (int dy = 0; dy < unitPixels; dy++) {
                        for (int dx = 0; dx < columnPixels; dx++) {
                            img.setRGB(c * columnPixels + dx, y0 + dy, rgb);
                        }
                    }
                }
            }
            images[g] = img;
        }
    }

    /** The map of {@code a}, with at most {@link #MAX_COLUMNS} columns. */
    public static GateMap of(GateActivations a) {
        return of(a, MAX_COLUMNS);
    }

    /** The map of {@code a}, with at most {@code maxColumns} columns. */
    public static GateMap of(GateActivations a, int maxColumns) {
        return new GateMap(a.cellLabel(), a.gateNames(), a.tanhGates(), a.steps(), a.units(), maxColumns, a::value);
    }

    /**
     * A map read straight from a source of values (the tape), without a copy of every value first.
     *
     * @param cellLabel  what the title calls the cell
     * @param gateNames  the gates in drawing order
     * @param tanhGates  which of them are tanh gates
     * @param steps      T
     * @param units      H
     * @param maxColumns the most columns
     * @param values     gate g at step t (1-based), unit u (0-based)
     * @return the map
     */
    public static GateMap of(String cellLabel, List<String> gateNames, Set<String> tanhGates, int steps, int units,
                             int maxColumns, Values values) {
        return new GateMap(cellLabel, gateNames, tanhGates, steps, units, maxColumns, values);
    }

    public String cellLabel() {
        return cellLabel;
    }

    public List<String> gateNames() {
        return gateNames;
    }

    public Set<String> tanhGates() {
        return tanhGates;
    }

    /** @return whether gate {@code g} is a tanh gate (range −1..1) */
    public boolean isTanh(int g) {
        return tanhGates.contains(gateNames.get(g));
    }

    /** @return T */
    public int steps() {
        return steps;
    }

    /** @return H */
    public int units() {
        return units;
    }

    /** @return C, the columns of every band (T while T ≤ the maximum) */
    public int columns() {
        return columns;
    }

    /** @return the first time step (1-based) of column c */
    public int firstStep(int c) {
        return (int) ((long) c * steps / columns) + 1;
    }

    /** @return the last time step (1-based) of column c */
    public int lastStep(int c) {
        return (int) ((long) (c + 1) * steps / columns);
    }

    /** @return the column that holds time step t (1-based) */
    public int columnOf(int t) {
        int c = (int) ((long) (t - 1) * columns / steps);
        // the integer division can land one column short or long: settle it on the column's steps
        while (c > 0 && firstStep(c) > t) {
            c--;
        }
        while (c < columns - 1 && lastStep(c) < t) {
            c++;
        }
        return c;
    }

    /** How many columns hold only steps 1 … {@code lastShown} (what has been computed at a cursor). */
    public int columnsThrough(int lastShown) {
        if (lastShown <= 0) {
            return 0;
        }
        if (lastShown >= steps) {
            return columns;
        }
        int c = columnOf(lastShown);
        return lastStep(c) <= lastShown ? c + 1 : c;
    }

    /** @return the mean of gate g over column c's steps, for unit u (0-based) */
    public double value(int g, int c, int u) {
        return means[g][c][u];
    }

    /**
     * The band of gate g painted in its colour scale, unit H in the top row: each column
     * {@link #columnPixels()} pixels wide and each unit {@link #unitPixels()} tall, so that a few
     * steps or units are already about the size they are drawn at and a smoothing scaler (JavaFX's)
     * blurs only their edges. Shared: do not draw on it.
     */
    public BufferedImage image(int g) {
        return images[g];
    }

    /** @return the image's pixels per column */
    public int columnPixels() {
        return columnPixels;
    }

    /** @return the image's pixels per unit */
    public int unitPixels() {
        return unitPixels;
    }

    /** @return the columns 0 … {@code shownColumns} − 1 of gate g's image (a view of it, no copy) */
    public BufferedImage imageThrough(int g, int shownColumns) {
        return images[g].getSubimage(0, 0, shownColumns * columnPixels, images[g].getHeight());
    }

    @Override
    public String toString() {
        return "GateMap[" + cellLabel + ", gates=" + gateNames + ", T=" + steps + ", H=" + units + ", columns=" + columns + "]";
    }
}
