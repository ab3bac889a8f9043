package org.unroll.ui.grid;

import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.unroll.engine.GridWalk;
import org.unroll.engine.StackedFlow;
import org.unroll.figures.GridFlowCharts;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * The charts of a grid in the main window's charts tab: ‖dL/dh_t‖ per layer and direction in time,
 * and the gradient reaching each layer in depth, for the sequence of the batch shown. The walk
 * computed them (its {@link StackedFlow}); this view only draws them, when the session shows a grid.
 */
public final class GridChartsView extends VBox {
    private final Session session;
    private final ChartViewer time = new ChartViewer(null);
    private final ChartViewer depth = new ChartViewer(null);
    private GridWalk drawn;
    private int drawnSequence = -1;

    public GridChartsView(Session session) {
        this.session = session;
        getStyleClass().add("grid-charts");
        setSpacing(4);
        VBox.setVgrow(time, Priority.ALWAYS);
        VBox.setVgrow(depth, Priority.ALWAYS);
        time.setPrefHeight(260);
        depth.setPrefHeight(180);
        getChildren().setAll(time, depth);
        session.gridWalkProperty().addListener((o, a, b) -> refresh());
        session.gridSequenceProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Whether there is a grid to show. */
    public boolean showing() {
        return session.getGridWalk() != null;
    }

    private void refresh() {
        GridWalk w = session.getGridWalk();
        int b = session.gridSequenceProperty().get();
        if (w == null || (w == drawn && b == drawnSequence)) {
            return;
        }
        drawn = w;
        drawnSequence = b;
        StackedFlow flow = w.flow(Math.min(b, w.sequences() - 1));
        time.setChart(GridFlowCharts.inTime(flow, I18n.get("grid.chartTitle"), "t", GridCurves::name));
        depth.setChart(GridFlowCharts.inDepth(flow, I18n.get("grid.chart.depthTitle"), I18n.get("grid.chart.layer"),
                I18n.get("grid.chart.reaching")));
    }
}
