package org.unroll.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.unroll.engine.CellType;
import org.unroll.engine.GradientFlow;

/**
 * The side-by-side claim, measured: the adding problem at T = 60 (H = 32, B = 32, Adam 3e-3,
 * clip 1, the panel's defaults), RNN, LSTM and GRU trained at once on the two cores. Prints,
 * with the load average, the wall time at which each cell's recent training loss (the mean of
 * its last 20 drawn points) first fell below 0.01, and every cell's recent loss at 30 s, 60 s
 * and the end; then checks that the gradient flow of the trained and the untrained models exists
 * for every cell. Opt-in: {@code mvn test -Dtest=SideBySideMeasurement -Dunroll.measure=true}.
 */
@EnabledIfSystemProperty(named = "unroll.measure", matches = "true")
class SideBySideMeasurement {

    @Test
    void addingAtT60() throws Exception {
        TrainForm f = TrainForm.defaultsFor(TaskKind.ADDING);
        assertEquals(60, f.length());
        Map<CellType, Double> below = new EnumMap<>(CellType.class);
        Map<CellType, Long> belowAfter = new EnumMap<>(CellType.class);
        Map<CellType, Double> at30 = new EnumMap<>(CellType.class);
        Map<CellType, Double> at60 = new EnumMap<>(CellType.class);
        double load0 = load();
        try (SideBySide side = new SideBySide(UpdateBatcher.DEFAULT_PERIOD_NANOS)) {
            long t0 = System.nanoTime();
            side.start(f);
            long end = t0 + TimeUnit.MINUTES.toNanos(10);
            while (!side.done() && System.nanoTime() < end) {
                side.flush();
                double s = (System.nanoTime() - t0) / 1e9;
                for (CellType c : SideBySide.CELLS) {
                    double recent = recent(side.loss(c));
                    if (recent < 0.01 && !below.containsKey(c)) {
                        below.put(c, s);
                        belowAfter.put(c, side.loss(c).added());
                    }
                    if (s >= 30 && !at30.containsKey(c)) {
                        at30.put(c, recent);
                    }
                    if (s >= 60 && !at60.containsKey(c)) {
                        at60.put(c, recent);
                    }
                }
                Thread.onSpinWait();
            }
            side.flush();
            double total = (System.nanoTime() - t0) / 1e9;
            double load1 = load();
            for (CellType c : SideBySide.CELLS) {
                System.out.printf(Locale.ROOT, "unroll.measure side by side, adding T = 60, %s: below 0.01 at %s;"
                                + " recent loss at 30 s %.4f, at 60 s %.4f, at the end %.4f after %d updates%n", c,
                        below.containsKey(c) ? String.format(Locale.ROOT, "%.1f s (update %d)", below.get(c),
                                belowAfter.get(c)) : "never",
                        at30.getOrDefault(c, Double.NaN), at60.getOrDefault(c, Double.NaN), recent(side.loss(c)),
                        side.loss(c).added());
            }
            System.out.printf(Locale.ROOT, "unroll.measure side by side: all three done in %.1f s; load average %.1f"
                    + " before, %.1f after; %d cores%n", total, load0, load1, Runtime.getRuntime().availableProcessors());
            List<SideBySide.Flows> flows = side.flows().get(120, TimeUnit.SECONDS);
            assertEquals(3, flows.size());
            for (SideBySide.Flows fl : flows) {
                for (GradientFlow g : List.of(fl.untrained(), fl.trained())) {
                    assertEquals(60, g.dhNorms().length, fl.cell() + " ‖dL/dh_t‖ per step");
                    assertTrue(g.jacobianNorms().length >= 59, fl.cell() + " ‖∂h_T/∂h_k‖");
                    for (double d : g.dhNorms()) {
                        assertTrue(Double.isFinite(d));
                    }
                }
                System.out.printf(Locale.ROOT, "unroll.measure side by side, %s gradient flow on a test sequence:"
                                + " ‖∂h_T/∂h_1‖ untrained %.3g, trained %.3g; ‖dL/dh_1‖ untrained %.3g, trained %.3g%n",
                        fl.cell(), fl.untrained().jacobianNorms()[0], fl.trained().jacobianNorms()[0],
                        fl.untrained().dhNorms()[0], fl.trained().dhNorms()[0]);
            }
        }
    }

    private static double recent(DownsampledSeries s) {
        double[] y = s.ys();
        if (y.length == 0) {
            return Double.NaN;
        }
        int n = Math.min(20, y.length);
        double sum = 0;
        for (int i = y.length - n; i < y.length; i++) {
            sum += y[i];
        }
        return sum / n;
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
