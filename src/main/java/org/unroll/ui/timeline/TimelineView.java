package org.unroll.ui.timeline;

import java.awt.geom.Rectangle2D;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import org.jfree.fx.FXGraphics2D;
import org.unroll.figures.GridTimelineFigure;
import org.unroll.figures.TimelineFigure;
import org.unroll.ui.I18n;

/**
 * The unrolled timeline on a canvas, painted by {@link TimelineFigure} through FXGraphics2D: the
 * same painter as the PNG/SVG export. Hovering a shared parameter highlights every use; the wheel
 * scrolls, Ctrl+wheel changes the step width; a scroll bar and −/+/fit buttons underneath.
 * A stacked, bidirectional or batched network is painted by {@link GridTimelineFigure} on the
 * same canvas, with a chooser of the batch's sequence in the top right corner.
 */
public final class TimelineView extends BorderPane {
    private final TimelineViewModel vm;
    /** The canvas's pane: it takes a new size once per layout, width and height together, and paints once. */
    private final Pane canvasHolder = new Pane() {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (Math.floor(getWidth()) != canvas.getWidth() || Math.floor(getHeight()) != canvas.getHeight()) {
                fitCanvas();
            }
        }
    };
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    /** A deep grid's rows keep a readable height: they scroll up and down when they do not fit. */
    private final ScrollBar scrollY = new ScrollBar();
    private final Label hover = new Label();
    private final Button narrower = new Button("−");
    private final Button wider = new Button("+");
    private final Button fit = new Button("↔");
    private final HBox zoomBox = new HBox();
    private final HBox bottom = new HBox(6);
    private final ComboBox<String> sequence = new ComboBox<>();
    private final javafx.collections.ObservableList<String> sequenceNames;
    private long paints;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        this.sequenceNames = vm.sequenceNames();
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("timeline-view");
        canvasHolder.getChildren().add(canvas);
        canvasHolder.setMinSize(0, 0);
        canvas.setManaged(false);
        canvas.setFocusTraversable(true);
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
        zoomBox.getChildren().setAll(narrower, wider, fit);
        zoomBox.getStyleClass().add("timeline-zoom");
        zoomBox.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sequence.getStyleClass().add("timeline-sequence");
        // the batch's sequences, then "all, stacked" (every sequence at once, one band each)
        javafx.collections.ObservableList<String> items = javafx.collections.FXCollections.observableArrayList();
        Runnable mirror = () -> {
            java.util.List<String> next = new java.util.ArrayList<>(sequenceNames);
            if (next.size() > 1) {
                next.add(I18n.get("timeline.allSequences"));
            }
            if (!next.equals(items)) {
                items.setAll(next);
            }
        };
        // the view keeps the list it listens to (each call of sequenceNames() wraps it anew)
        sequenceNames.addListener((javafx.collections.ListChangeListener<String>) c -> mirror.run());
        mirror.run();
        sequence.setItems(items);
        sequence.setTooltip(new Tooltip(I18n.get("timeline.sequence")));
        sequence.setFocusTraversable(false);
        sequence.managedProperty().bind(sequence.visibleProperty());
        sequence.setVisible(false);
        scroll.getStyleClass().add("timeline-scroll");
        scroll.managedProperty().bind(scroll.visibleProperty());
        // under the figure: which sequence of a batch is shown, the scroll bar, and the step width's
        // −/+/↔ when they do not fit in the gutter beside the first step (see placeZoomButtons)
        bottom.getChildren().setAll(sequence, scroll);
        bottom.getStyleClass().add("timeline-bottom");
        bottom.managedProperty().bind(bottom.visibleProperty());
        bottom.setVisible(false);
        zoomBox.setManaged(false);
        canvasHolder.getChildren().add(zoomBox);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setBottom(bottom);
        scrollY.setOrientation(Orientation.VERTICAL);
        scrollY.setFocusTraversable(false);
        scrollY.getStyleClass().add("timeline-scroll-vertical");
        scrollY.managedProperty().bind(scrollY.visibleProperty());
        scrollY.setVisible(false);
        setRight(scrollY);
    }

    private void initListeners() {
        vm.frameProperty().addListener((o, a, b) -> paint());
        vm.gridFrameProperty().addListener((o, a, b) -> {
            showSequenceChooser(b);
            placeZoomButtons();
            paint();
        });
        sequence.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            GridTimelineFigure.Frame f = vm.getGridFrame();
            if (f == null || b.intValue() < 0) {
                return;
            }
            if (b.intValue() >= f.walk().sequences()) {
                vm.stackedProperty().set(true);
                return;
            }
            vm.stackedProperty().set(false);
            if (b.intValue() != f.sequence()) {
                vm.chooseSequence(b.intValue());
            }
        });
        vm.stackedFramesProperty().addListener((o, a, b) -> paint());
        vm.stackedProperty().addListener((o, a, b) -> showSequenceChooser(vm.getGridFrame()));
        vm.maxScrollProperty().addListener((o, a, b) -> syncScrollBar());
        vm.scrollXProperty().addListener((o, a, b) -> syncScrollBar());
        vm.maxScrollYProperty().addListener((o, a, b) -> syncScrollBar());
        vm.scrollYProperty().addListener((o, a, b) -> syncScrollBar());
        scrollY.valueProperty().addListener((o, a, b) -> {
            if (Math.abs(b.doubleValue() - vm.scrollYProperty().get()) > 0.5) {
                vm.scrollYTo(b.doubleValue());
            }
        });
        scroll.valueProperty().addListener((o, a, b) -> {
            if (Math.abs(b.doubleValue() - vm.scrollXProperty().get()) > 0.5) {
                vm.scrollTo(b.doubleValue());
            }
        });
        canvas.setOnMouseMoved(e -> vm.hover(e.getX(), e.getY()));
        canvas.setOnMousePressed(e -> canvas.requestFocus());
        canvas.setOnMouseExited(e -> vm.setHighlight(null));
        canvasHolder.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown()) {
                vm.zoomSteps(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
            } else if (vm.maxScrollYProperty().get() > 0 && Math.abs(e.getDeltaY()) > Math.abs(e.getDeltaX())) {
                // a deep grid taller than the timeline: the wheel scrolls its rows, Shift+wheel (or sideways) the steps
                vm.scrollYBy(-e.getDeltaY());
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

    /**
     * The −/+/↔ never cover the figure: over the canvas in the bottom left corner while they fit left
     * of step 1's input and its "t = 1" (the figure not scrolled, one layer), else in the row under it beside
     * the scroll bar. (In presenter mode their larger type made them cover "t = 1" in the corner; a row
     * of their own always would cost the figure height, and with it the scale at which it shows text.)
     */
    private void placeZoomButtons() {
        double zw = zoomBox.prefWidth(-1);
        double zh = zoomBox.prefHeight(-1);
        double room = org.unroll.figures.TimelineLayout.firstInputLeft(vm.scale());
        boolean corner = vm.getGridFrame() == null && !scroll.isVisible() && vm.scrollXProperty().get() <= 0.5
                && zw + 8 <= room;
        if (corner && zoomBox.getParent() != canvasHolder) {
            bottom.getChildren().remove(zoomBox);
            zoomBox.setManaged(false);
            canvasHolder.getChildren().add(zoomBox);
        } else if (!corner && zoomBox.getParent() != bottom) {
            canvasHolder.getChildren().remove(zoomBox);
            zoomBox.setManaged(true);
            bottom.getChildren().add(0, zoomBox);
        }
        if (corner) {
            zoomBox.resizeRelocate(4, Math.max(4, canvasHolder.getHeight() - zh - 4), zw, zh);
        }
        bottom.setVisible(!corner || scroll.isVisible() || sequence.isVisible());
    }

    private void fitCanvas() {
        double w = Math.floor(canvasHolder.getWidth());
        double h = Math.floor(canvasHolder.getHeight());
        canvas.setWidth(w);
        canvas.setHeight(h);
        hover.relocate(8, 4);
        hover.resize(Math.max(0, w - 16), hover.prefHeight(-1));
        long before = paints;
        // a new viewport gives a new frame, which paints; a size that changes no frame paints here
        vm.setViewport(w, h);
        syncScrollBar();
        if (paints == before) {
            paint();
        }
    }

    private void syncScrollBar() {
        double max = vm.maxScrollProperty().get();
        scroll.setMax(Math.max(0, max));
        scroll.setVisibleAmount(Math.max(1, vm.viewportWidth() * Math.max(1, max) / (max + vm.viewportWidth())));
        scroll.setValue(vm.scrollXProperty().get());
        scroll.setUnitIncrement(40);
        scroll.setBlockIncrement(Math.max(40, vm.viewportWidth() * 0.8));
        scroll.setDisable(max <= 0);
        scroll.setVisible(max > 0);
        double maxY = vm.maxScrollYProperty().get();
        double view = Math.max(1, vm.viewportHeight());
        scrollY.setMax(Math.max(0, maxY));
        scrollY.setVisibleAmount(Math.max(1, view * Math.max(1, maxY) / (maxY + view)));
        scrollY.setValue(vm.scrollYProperty().get());
        scrollY.setUnitIncrement(30);
        scrollY.setBlockIncrement(Math.max(30, view * 0.8));
        scrollY.setVisible(maxY > 0);
        placeZoomButtons();
    }

    /** The chooser shows when a batch of more than one sequence is shown, with the one shown selected. */
    private void showSequenceChooser(GridTimelineFigure.Frame f) {
        boolean many = f != null && f.walk().sequences() > 1;
        sequence.setVisible(many);
        int pick = !many ? -1 : vm.stackedProperty().get() ? f.walk().sequences() : f.sequence();
        if (many && sequence.getSelectionModel().getSelectedIndex() != pick) {
            sequence.getSelectionModel().select(pick);
        }
    }

    /** Repaints now; cheap, only the visible steps are drawn. */
    public void paint() {
        TimelineFigure.Frame f = vm.getFrame();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        GridTimelineFigure.Frame grid = vm.getGridFrame();
        if (grid != null) {
            GraphicsContext gc = canvas.getGraphicsContext2D();
            gc.clearRect(0, 0, w, h);
            gc.save();
            try {
                java.util.List<GridTimelineFigure.Frame> all = vm.stackedFramesProperty().get();
                if (all != null) {
                    org.unroll.figures.GridStackFigure.paint(new FXGraphics2D(gc), new Rectangle2D.Double(0, 0, w, h), all,
                            vm.sequenceNames(), grid.sequence(), vm.scrollYProperty().get());
                } else {
                    GridTimelineFigure.paint(new FXGraphics2D(gc), new Rectangle2D.Double(0, 0, w, h), grid);
                }
            } finally {
                gc.restore();
            }
            paints++;
            return;
        }
        if (f == null) {
            canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
            return;
        }
        GraphicsContext gc = canvas.getGraphicsContext2D();
        // a full clear drops the canvas's queued commands; save/restore keeps no clip from the last paint
        gc.clearRect(0, 0, w, h);
        gc.save();
        try {
            TimelineFigure.paint(new FXGraphics2D(gc), new Rectangle2D.Double(0, 0, w, h), f);
        } finally {
            gc.restore();
        }
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
