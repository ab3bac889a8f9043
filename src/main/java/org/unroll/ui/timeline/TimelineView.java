package org.unroll.ui.timeline;

import java.awt.geom.Rectangle2D;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import org.jfree.fx.FXGraphics2D;
import org.unroll.figures.TimelineFigure;
import org.unroll.ui.I18n;

/**
 * The unrolled timeline on a canvas, painted by {@link TimelineFigure} through FXGraphics2D: the
 * same painter as the PNG/SVG export. Hovering a shared parameter highlights every use; the wheel
 * scrolls, Ctrl+wheel changes the step width; a scroll bar and −/+/fit buttons underneath.
 */
public final class TimelineView extends BorderPane {
    private final TimelineViewModel vm;
    private final Pane canvasHolder = new Pane();
    private final Canvas canvas = new Canvas();
    private final FXGraphics2D g2 = new FXGraphics2D(canvas.getGraphicsContext2D());
    private final ScrollBar scroll = new ScrollBar();
    private final Label hover = new Label();
    private final Button narrower = new Button("−");
    private final Button wider = new Button("+");
    private final Button fit = new Button("↔");
    private long paints;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("timeline-view");
        canvasHolder.getChildren().add(canvas);
        canvasHolder.setMinSize(0, 0);
        canvas.setManaged(false);
        hover.getStyleClass().add("timeline-hover");
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        canvasHolder.getChildren().add(hover);
        setCenter(canvasHolder);
        scroll.setOrientation(Orientation.HORIZONTAL);
        scroll.setFocusTraversable(false);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        for (Button b : new Button[] {narrower, wider, fit}) {
            b.setFocusTraversable(false);
            b.getStyleClass().add("timeline-zoom-button");
        }
        narrower.setTooltip(new Tooltip(I18n.get("timeline.zoomOut")));
        wider.setTooltip(new Tooltip(I18n.get("timeline.zoomIn")));
        fit.setTooltip(new Tooltip(I18n.get("timeline.fit")));
        HBox bottom = new HBox(scroll, narrower, wider, fit);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.getStyleClass().add("timeline-bottom");
        setBottom(bottom);
    }

    private void initListeners() {
        canvasHolder.widthProperty().addListener((o, a, b) -> resize());
        canvasHolder.heightProperty().addListener((o, a, b) -> resize());
        vm.frameProperty().addListener((o, a, b) -> paint());
        vm.maxScrollProperty().addListener((o, a, b) -> syncScrollBar());
        vm.scrollXProperty().addListener((o, a, b) -> syncScrollBar());
        scroll.valueProperty().addListener((o, a, b) -> {
            if (Math.abs(b.doubleValue() - vm.scrollXProperty().get()) > 0.5) {
                vm.scrollTo(b.doubleValue());
            }
        });
        canvas.setOnMouseMoved(e -> vm.hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> vm.setHighlight(null));
        canvasHolder.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown()) {
                vm.zoomSteps(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
            } else {
                double d = Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY()) ? e.getDeltaX() : e.getDeltaY();
                vm.scrollBy(-d * 2);
            }
            e.consume();
        });
        narrower.setOnAction(e -> vm.zoomSteps(1 / 1.25));
        wider.setOnAction(e -> vm.zoomSteps(1.25));
        fit.setOnAction(e -> vm.fitAll());
        hover.textProperty().bind(vm.hoverTextProperty());
        hover.visibleProperty().bind(vm.hoverTextProperty().isNotEmpty());
    }

    private void resize() {
        double w = Math.floor(canvasHolder.getWidth());
        double h = Math.floor(canvasHolder.getHeight());
        canvas.setWidth(w);
        canvas.setHeight(h);
        hover.relocate(8, 4);
        hover.resize(Math.max(0, w - 16), hover.prefHeight(-1));
        vm.setViewport(w, h);
        paint();
    }

    private void syncScrollBar() {
        double max = vm.maxScrollProperty().get();
        scroll.setMax(Math.max(0, max));
        scroll.setVisibleAmount(Math.max(1, vm.viewportWidth() * Math.max(1, max) / (max + vm.viewportWidth())));
        scroll.setValue(vm.scrollXProperty().get());
        scroll.setUnitIncrement(40);
        scroll.setBlockIncrement(Math.max(40, vm.viewportWidth() * 0.8));
        scroll.setDisable(max <= 0);
    }

    /** Repaints now; cheap, only the visible steps are drawn. */
    public void paint() {
        TimelineFigure.Frame f = vm.getFrame();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        if (f == null) {
            canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
            return;
        }
        TimelineFigure.paint(g2, new Rectangle2D.Double(0, 0, w, h), f);
        paints++;
    }

    /** How many times the canvas was painted (for tests and measurements). */
    public long paintCount() {
        return paints;
    }

    public Canvas canvas() {
        return canvas;
    }

    public TimelineViewModel viewModel() {
        return vm;
    }
}
