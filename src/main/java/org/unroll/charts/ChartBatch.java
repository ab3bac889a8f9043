package org.unroll.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;

/** Batched changes: many dataset edits, one chart redraw. */
final class ChartBatch {

    private ChartBatch() {
    }

    /**
     * Runs {@code edit} with the chart's notifications off, then turns them back on, which
     * fires exactly one change event (one redraw).
     */
    static void run(JFreeChart chart, Runnable edit) {
        boolean was = chart.isNotify();
        chart.setNotify(false);
        try {
            edit.run();
        } finally {
            if (was) {
                chart.setNotify(true);
            }
        }
    }

    /** Replaces a series' items with (x[i], y[i]), firing a single series event. */
    static void replace(XYSeries s, double[] x, double[] y) {
        s.setNotify(false);
        s.clear();
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i], false);
        }
        s.setNotify(true);
    }
}
