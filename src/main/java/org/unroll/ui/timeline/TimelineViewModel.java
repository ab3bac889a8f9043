package org.unroll.ui.timeline;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.BooleanProperty;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.Cursor;
import org.unroll.engine.Phase;
import org.unroll.engine.Walkthrough;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridWalk;
import org.unroll.figures.GridTimelineFigure;
import org.unroll.figures.GridTimelineLayout;
import org.unroll.figures.TimelineFigure;
import org.unroll.task.GridScenario;
import org.unroll.figures.TimelineLayout;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/**
 * What the timeline shows: the frame to paint (walk, cursor, scale, scroll, highlighted parameter)
 * for a viewport size. The scale is the window zoom (× presenter factor) times the timeline's own
 * step width; the scroll follows the cursor so the current step stays in view. Toolkit-free.
 *
 * <p>When the session shows a grid (a stacked, bidirectional or batched network) the frame is
 * null and {@link #gridFrameProperty()} holds the grid's picture instead: every step at least
 * {@link GridTimelineFigure#READABLE_COLUMN} wide (times the zoom and step width), scrolled the
 * same way, for the sequence of the batch chosen in {@link #sequenceNames()}.
 */
public final class TimelineViewModel {
    public static final double MIN_STEP_ZOOM = 0.004;
    public static final double MAX_STEP_ZOOM = 2.0;

    private final Session session;
    private final DoubleProperty baseScale = new SimpleDoubleProperty(this, "baseScale", 1.0);
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter", false);
    private final ReadOnlyDoubleWrapper stepZoom = new ReadOnlyDoubleWrapper(this, "stepZoom", 1.0);
    private final ReadOnlyDoubleWrapper scrollX = new ReadOnlyDoubleWrapper(this, "scrollX", 0);
    private final ReadOnlyDoubleWrapper maxScroll = new ReadOnlyDoubleWrapper(this, "maxScroll", 0);
    /** A grid's vertical scroll: its rows keep a readable height and scroll when they do not fit. */
    private final ReadOnlyDoubleWrapper scrollY = new ReadOnlyDoubleWrapper(this, "scrollY", 0);
    private final ReadOnlyDoubleWrapper maxScrollY = new ReadOnlyDoubleWrapper(this, "maxScrollY", 0);
    private final ReadOnlyObjectWrapper<String> highlight = new ReadOnlyObjectWrapper<>(this, "highlight");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final ReadOnlyObjectWrapper<TimelineFigure.Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyObjectWrapper<GridTimelineFigure.Frame> gridFrame = new ReadOnlyObjectWrapper<>(this, "gridFrame");
    private final ObservableList<String> sequenceNames = FXCollections.observableArrayList();
    /** A batch's sequences all at once, stacked, instead of the one chosen (optional view). */
    private final BooleanProperty stacked = new SimpleBooleanProperty(this, "stacked", false);
    private final ReadOnlyObjectWrapper<java.util.List<GridTimelineFigure.Frame>> stackedFrames =
            new ReadOnlyObjectWrapper<>(this, "stackedFrames");
    private double width;
    private double height;

    public TimelineViewModel(Session session) {
        this.session = session;
        session.walkthroughProperty().addListener((o, a, b) -> {
            follow();
            update();
        });
        session.cursorProperty().addListener((o, a, b) -> {
            follow();
            update();
        });
        session.gridWalkProperty().addListener((o, a, b) -> {
            GridScenario g = session.getGridScenario();
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int i = 0; b != null && g != null && i < g.sequences(); i++) {
                names.add(g.name(i));
            }
            if (!names.equals(sequenceNames)) {
                sequenceNames.setAll(names);
            }
            follow();
            update();
        });
        // in a grid the cursor is the position in the grid's order, for the sequence shown
        session.positionProperty().addListener((o, a, b) -> {
            if (session.getGridWalk() != null) {
                follow();
                update();
            }
        });
        session.gridSequenceProperty().addListener((o, a, b) -> {
            follow();
            update();
        });
        baseScale.addListener((o, a, b) -> {
            follow();
            update();
        });
        presenter.addListener((o, a, b) -> update());
        stacked.addListener((o, a, b) -> {
            follow();
            update();
        });
        update();
    }

    /** Whether a batch of several sequences shows all of them stacked (each at the point of the one walked). */
    public BooleanProperty stackedProperty() {
        return stacked;
    }

    /** Every sequence's frame while the stacked view is on (a grid of several sequences), else null. */
    public ReadOnlyObjectProperty<java.util.List<GridTimelineFigure.Frame>> stackedFramesProperty() {
        return stackedFrames.getReadOnlyProperty();
    }

    private boolean stackedShown() {
        GridWalk g = session.getGridWalk();
        return stacked.get() && g != null && g.sequences() > 1;
    }

    /** The height of one sequence's band in the stacked view. */
    private double bandHeight(GridWalk g) {
        GridTimelineFigure.Frame f = new GridTimelineFigure.Frame(g, 0, 0, null, GridTimelineFigure.TRANSLATED,
                gridColumn(), 0, false, gridRow(), 0);
        return org.unroll.figures.GridStackFigure.bandHeight(f, width, height);
    }

    /** The window's zoom (times the presenter factor): bind it to the shell's zoom model. */
    public DoubleProperty baseScaleProperty() {
        return baseScale;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /**
     * The effective scale: window zoom × step width. The figure's height must fit (presenter mode
     * on a 720-pixel projector), and a sequence that misses the width by at most a quarter is
     * shrunk to fit it, so a short word is seen whole without scrolling.
     */
    public double scale() {
        double s = baseScale.get() * stepZoom.get();
        if (height > 0) {
            s = Math.max(0.05, Math.min(s, height / TimelineLayout.HEIGHT));
        }
        Walkthrough w = session.getWalkthrough();
        if (w != null && width > 0) {
            double fit = width / TimelineLayout.contentWidth(w.steps(), 1.0);
            if (fit < s && fit >= SHRINK_TO_FIT * s) {
                s = fit;
            }
        }
        return s;
    }

    /** How far a short sequence may shrink to fit the width rather than scroll. */
    static final double SHRINK_TO_FIT = 0.75;

    /** The view reports its size. */
    public void setViewport(double w, double h) {
        if (w != width || h != height) {
            width = w;
            height = h;
            follow();
            update();
        }
    }

    public void scrollTo(double x) {
        scrollX.set(clampScroll(x));
        update();
    }

    public void scrollBy(double dx) {
        scrollTo(scrollX.get() + dx);
    }

    public void zoomSteps(double factor) {
        setStepZoom(stepZoom.get() * factor);
    }

    /** Step width so that every step fits the viewport (at most 1). */
    public void fitAll() {
        GridWalk g = session.getGridWalk();
        if (g != null && width > 0) {
            double fit = (width - gridLayout(g, 0).gutter() - 2 * GridTimelineLayout.MARGIN) / g.steps();
            setStepZoom(Math.min(1.0, fit / (GridTimelineFigure.READABLE_COLUMN * baseScale.get())));
            return;
        }
        Walkthrough w = session.getWalkthrough();
        if (w == null || width <= 0) {
            return;
        }
        double full = TimelineLayout.contentWidth(w.steps(), baseScale.get());
        setStepZoom(Math.min(1.0, width / full));
    }

    public void setStepZoom(double z) {
        stepZoom.set(Math.max(MIN_STEP_ZOOM, Math.min(MAX_STEP_ZOOM, z)));
        follow();
        update();
    }

    /** The pointer moved to (x, y) in the viewport: highlight the parameter under it, if any. */
    public void hover(double x, double y) {
        TimelineLayout l = layout();
        String param = null;
        if (l != null) {
            TimelineLayout.Hit hit = l.hitTest(x, y);
            param = hit.kind() == TimelineLayout.Kind.PARAM ? hit.param() : null;
        }
        setHighlight(param);
    }

    public void setHighlight(String param) {
        if (param == null ? highlight.get() == null : param.equals(highlight.get())) {
            return;
        }
        highlight.set(param);
        hoverText.set(param == null ? "" : sharedText(param));
        update();
    }

    private String sharedText(String param) {
        Walkthrough w = session.getWalkthrough();
        if (w == null) {
            return "";
        }
        DMatrixRMaj m = switch (param) {
            case TimelineLayout.W_XH -> w.model().params().weightIh;
            case TimelineLayout.W_HH -> w.model().params().weightHh;
            case TimelineLayout.W_OUT -> w.model().params().weightOut;
            default -> w.model().params().biasIh;
        };
        int rows = param.equals(TimelineLayout.BIAS) ? m.getNumElements() : m.numRows;
        int cols = param.equals(TimelineLayout.BIAS) ? 1 : m.numCols;
        return I18n.get("timeline.shared", param, Integer.toString(rows), Integer.toString(cols), Integer.toString(w.steps()));
    }

    /** The layout of the current frame in the current viewport, or null before the first walk. */
    public TimelineLayout layout() {
        TimelineFigure.Frame f = frame.get();
        if (f == null) {
            return null;
        }
        // the pointer moves far more often than the frame changes: lay out once per frame and size
        if (f != layoutFrame || width != layoutWidth || height != layoutHeight) {
            layout = TimelineFigure.layout(f, width, height);
            layoutFrame = f;
            layoutWidth = width;
            layoutHeight = height;
        }
        return layout;
    }

    private TimelineLayout layout;
    private TimelineFigure.Frame layoutFrame;
    private double layoutWidth;
    private double layoutHeight;

    /** The grid's layout at a scroll offset in the current viewport. */
    private GridTimelineLayout gridLayout(GridWalk g, double scroll) {
        return new GridTimelineLayout(g.model().layers(), g.model().directions(), g.steps(), width, height,
                gridColumn(), scroll, false, gridRow(), scrollY.get());
    }

    /** The lowest row of the grid: readable at the window's zoom (the grid scrolls up and down below it). */
    private double gridRow() {
        return GridTimelineFigure.READABLE_ROW * baseScale.get();
    }

    /** How far a grid scrolls up and down: 0 when its rows fit (and for a single-layer walk). */
    public ReadOnlyDoubleProperty maxScrollYProperty() {
        return maxScrollY.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty scrollYProperty() {
        return scrollY.getReadOnlyProperty();
    }

    /** Scrolls a grid up or down (clamped); the cursor's row is brought back into view when it moves. */
    public void scrollYTo(double y) {
        GridWalk g = session.getGridWalk();
        if (g == null || width <= 0 || height <= 0) {
            return;
        }
        double before = scrollY.get();
        scrollY.set(y);
        scrollY.set(stackedShown() ? Math.max(0, Math.min(y, g.sequences() * bandHeight(g) - height))
                : gridLayout(g, scrollX.get()).scrollY());
        if (scrollY.get() != before) {
            update();
        }
    }

    public void scrollYBy(double dy) {
        scrollYTo(scrollY.get() + dy);
    }

    /** The narrowest step of the grid: readable at the window's zoom, times the timeline's own step width. */
    private double gridColumn() {
        return GridTimelineFigure.READABLE_COLUMN * baseScale.get() * stepZoom.get();
    }

    private void follow() {
        GridWalk g = session.getGridWalk();
        if (g != null) {
            if (width <= 0 || height <= 0) {
                return;
            }
            GridTimelineLayout l = gridLayout(g, scrollX.get());
            maxScroll.set(l.maxScroll());
            maxScrollY.set(l.maxScrollY());
            GridCursor c = session.gridCursorProperty().get();
            scrollX.set(c.onCell() ? l.scrollToShow(c.time(), l.scrollX()) : l.scrollX());
            if (stackedShown()) {
                // the band of the sequence walked, its cursor's row in view
                double band = bandHeight(g);
                int b = session.gridSequenceProperty().get();
                double max = Math.max(0, g.sequences() * band - height);
                maxScrollY.set(max);
                GridTimelineLayout in = new GridTimelineLayout(g.model().layers(), g.model().directions(), g.steps(), width,
                        band - org.unroll.figures.GridStackFigure.GAP, gridColumn(), 0, false, gridRow(), 0);
                double top = org.unroll.figures.GridStackFigure.bandTop(b, band, 0);
                double rowTop = top + (c.onCell() ? in.rowTop(c.lane()) - in.rowHeight() * GridTimelineLayout.JOIN_GAP : -org.unroll.figures.GridStackFigure.GAP);
                double rowBottom = top + (c.onCell() ? in.rowTop(c.lane()) + in.rowHeight() : band);
                double y = scrollY.get();
                if (rowTop < y) {
                    y = rowTop;
                } else if (rowBottom + GridTimelineLayout.BUTTON_ROOM > y + height) {
                    y = rowBottom + GridTimelineLayout.BUTTON_ROOM - height;
                }
                scrollY.set(Math.max(0, Math.min(y, max)));
                return;
            }
            // the cursor's row in view; the losses on top at the loss
            scrollY.set(c.onCell() ? l.scrollYToShow(c.lane(), l.scrollY())
                    : c.phase() == Phase.LOSS ? 0 : l.scrollY());
            return;
        }
        Walkthrough w = session.getWalkthrough();
        if (w == null) {
            return;
        }
        maxScroll.set(TimelineLayout.maxScroll(w.steps(), scale(), width));
        Cursor c = session.getCursor();
        int t = c.phase() == Phase.START ? 0 : w.at(c).step();
        if (t >= 0 && width > 0) {
            scrollX.set(TimelineLayout.scrollToShow(t, w.steps(), scale(), width, scrollX.get()));
        } else {
            scrollX.set(clampScroll(scrollX.get()));
        }
    }

    private double clampScroll(double x) {
        GridWalk g = session.getGridWalk();
        if (g != null) {
            return width <= 0 ? 0 : gridLayout(g, x).scrollX();
        }
        Walkthrough w = session.getWalkthrough();
        if (w == null) {
            return 0;
        }
        return Math.max(0, Math.min(x, TimelineLayout.maxScroll(w.steps(), scale(), width)));
    }

    private void update() {
        GridWalk g = session.getGridWalk();
        GridScenario gs = session.getGridScenario();
        if (g != null && gs != null) {
            frame.set(null);
            int b = session.gridSequenceProperty().get();
            boolean stack = stackedShown();
            if (width > 0 && height > 0) {
                GridTimelineLayout l = gridLayout(g, scrollX.get());
                maxScroll.set(l.maxScroll());
                if (!stack) {
                    maxScrollY.set(l.maxScrollY());
                    scrollY.set(l.scrollY());
                }
            }
            gridFrame.set(new GridTimelineFigure.Frame(g, b, session.positionProperty().get(), gs.tokens(b),
                    GridTimelineFigure.TRANSLATED, gridColumn(), scrollX.get(), false, gridRow(), stack ? 0 : scrollY.get()));
            if (stack) {
                java.util.List<java.util.List<String>> tokens = new java.util.ArrayList<>();
                for (int i = 0; i < gs.sequences(); i++) {
                    tokens.add(gs.tokens(i));
                }
                stackedFrames.set(org.unroll.figures.GridStackFigure.frames(gridFrame.get(), tokens));
            } else {
                stackedFrames.set(null);
            }
            return;
        }
        gridFrame.set(null);
        stackedFrames.set(null);
        maxScrollY.set(0);
        scrollY.set(0);
        Walkthrough w = session.getWalkthrough();
        if (w == null) {
            frame.set(null);
            return;
        }
        maxScroll.set(TimelineLayout.maxScroll(w.steps(), scale(), width));
        frame.set(new TimelineFigure.Frame(w, session.getScenario(), session.getCursor(), scale(), scrollX.get(),
                highlight.get(), presenter.get(), I18n::get));
    }

    /** The grid's picture when the session shows a grid, else null. */
    public ReadOnlyObjectProperty<GridTimelineFigure.Frame> gridFrameProperty() {
        return gridFrame.getReadOnlyProperty();
    }

    public GridTimelineFigure.Frame getGridFrame() {
        return gridFrame.get();
    }

    /** The names of the batch's sequences (the chooser's items); empty unless a grid is shown. */
    public ObservableList<String> sequenceNames() {
        return FXCollections.unmodifiableObservableList(sequenceNames);
    }

    /** Shows sequence b of the batch (0-based) at the same point of the grid. */
    public void chooseSequence(int b) {
        session.chooseSequence(b);
    }

    public ReadOnlyObjectProperty<TimelineFigure.Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public TimelineFigure.Frame getFrame() {
        return frame.get();
    }

    public ReadOnlyDoubleProperty scrollXProperty() {
        return scrollX.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty maxScrollProperty() {
        return maxScroll.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty stepZoomProperty() {
        return stepZoom.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    public double viewportWidth() {
        return width;
    }

    public double viewportHeight() {
        return height;
    }
}
