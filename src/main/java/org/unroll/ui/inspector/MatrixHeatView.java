package org.unroll.ui.inspector;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;
import org.unroll.ui.I18n;
import org.unroll.ui.Numbers;

/**
 * A titled matrix or vector drawn as heat-coloured cells ({@link HeatScale}), with the exact value of the
 * cell under the mouse, or else of the selected (clicked) cell, in a label below. Non-finite values are
 * hatched. Cell size follows the CSS font size (zoom, presenter mode); large matrices get small cells and scroll.
 */
public class MatrixHeatView extends Region {

    public static final String STYLE_CLASS = "matrix-heat-view";

    /** Significant digits of the numbers written inside cells. */
    private static final int CELL_DIGITS = 3;
    private static final Color NON_FINITE_MARK = Color.web("#111111");
    private static final Color HOVER = Color.web("#111111");
    private static final Color SELECTION_OUTER = Color.web("#000000");
    private static final Color SELECTION_INNER = Color.web("#ffffff");
    private static final Color LABEL_TEXT = Color.web("#333333");
    /** On the value line while it shows the hint rather than a value. */
    private static final PseudoClass HINT = PseudoClass.getPseudoClass("hint");
    private static final Color CELL_EDGE = Color.web("#c8c8c8");
    /** The view is never narrower than this (in em), so the value line has room. */
    private static final double MIN_WIDTH_EM = 20;

    private final ObjectProperty<MatrixData> data = new SimpleObjectProperty<>(this, "data");
    private final DoubleProperty scaleMax = new SimpleDoubleProperty(this, "scaleMax", 0);
    private final DoubleProperty widthBudgetEm = new SimpleDoubleProperty(this, "widthBudgetEm", 48);
    private final ReadOnlyObjectWrapper<Cell> hovered = new ReadOnlyObjectWrapper<>(this, "hoveredCell");
    private final ObjectProperty<Cell> selected = new SimpleObjectProperty<>(this, "selectedCell");
    private final ReadOnlyStringWrapper valueText = new ReadOnlyStringWrapper(this, "valueText", "");

    private final Label title = new Label();
    private final Label scaleLabel = new Label();
    private final Canvas legend = new Canvas();
    private final Canvas canvas = new Canvas();
    private final ScrollPane scroller = new ScrollPane(canvas);
    private final Label value = new Label();
    private final VBox content = new VBox();
    private final HBox header = new HBox();

    private HeatLayout layout;
    private HeatScale scale = new HeatScale(1);
    private final HeatCells cells = new HeatCells();
    private final LabelMetrics metrics = new LabelMetrics();
    /** The scale and em the legend was last drawn for (it is redrawn only when they change). */
    private double legendMax = Double.NaN;
    private double legendEm = Double.NaN;

    public MatrixHeatView() {
        createView();
        initListeners();
        redraw();
    }

    public MatrixHeatView(MatrixData data) {
        this();
        this.data.set(data);
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        title.getStyleClass().add("matrix-title");
        scaleLabel.getStyleClass().add("matrix-scale");
        // a long title above a narrow matrix wraps rather than ending in "…"; the scale stays whole
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        scaleLabel.setMinWidth(Region.USE_PREF_SIZE);
        value.getStyleClass().add("matrix-value");
        value.setWrapText(true);
        value.setMinWidth(0);
        value.setPrefWidth(1);
        value.setMaxWidth(Double.MAX_VALUE);
        canvas.getStyleClass().add("matrix-canvas");
        scroller.getStyleClass().add("matrix-scroller");
        scroller.setFitToWidth(false);
        scroller.setFitToHeight(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header.getChildren().addAll(title, spacer, legend, scaleLabel);
        header.getStyleClass().add("matrix-header");
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        content.getStyleClass().add("matrix-content");
        content.getChildren().addAll(header, scroller, value);
        getChildren().add(content);
    }

    private void initListeners() {
        data.addListener((obs, old, now) -> {
            dropCellsOutside(now);
            redraw();
        });
        scaleMax.addListener((obs, old, now) -> redraw());
        widthBudgetEm.addListener((obs, old, now) -> redraw());
        title.fontProperty().addListener((obs, old, now) -> redraw());
        hovered.addListener((obs, old, now) -> redrawCells());
        selected.addListener((obs, old, now) -> redrawCells());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hovered.set(cellAt(e.getX(), e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> hovered.set(cellAt(e.getX(), e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hovered.set(null));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                Cell cell = cellAt(e.getX(), e.getY());
                selected.set(cell == null || cell.equals(selected.get()) ? null : cell);
            }
        });
        value.textProperty().bind(valueText);
    }

    private Cell cellAt(double x, double y) {
        return layout == null ? null : layout.cellAt(x, y).orElse(null);
    }

    private void dropCellsOutside(MatrixData now) {
        if (hovered.get() != null && !contains(now, hovered.get())) {
            hovered.set(null);
        }
        if (selected.get() != null && !contains(now, selected.get())) {
            selected.set(null);
        }
    }

    private static boolean contains(MatrixData m, Cell c) {
        return m != null && c.row() < m.rows() && c.col() < m.cols();
    }

    private double em() {
        return title.getFont().getSize();
    }

    /** Recomputes the layout and scale, then draws everything. */
    private void redraw() {
        MatrixData m = data.get();
        if (m == null) {
            layout = null;
            title.setText("");
            scaleLabel.setText("");
            canvas.setWidth(0);
            canvas.setHeight(0);
            updateValueText();
            return;
        }
        double em = em();
        scale = scaleMax.get() > 0 && Double.isFinite(scaleMax.get())
                ? new HeatScale(scaleMax.get()) : HeatScale.fitting(m.values());
        Font labelFont = metrics.labelFont(title.getFont().getFamily(), em);
        double rowLabelWidth = m.rowLabels().isEmpty() ? 0 : metrics.maxWidth(m.rowLabels(), labelFont) + 0.5 * em;
        double colLabelHeight = m.columnLabels().isEmpty() ? 0 : metrics.textHeight(labelFont) + 0.3 * em;
        layout = HeatLayout.fit(m.rows(), m.cols(), em, rowLabelWidth, colLabelHeight, widthBudgetEm.get() * em);
        canvas.setWidth(Math.ceil(layout.width()) + 2);
        canvas.setHeight(Math.ceil(layout.height()) + 2);
        // The budget is for the cells; label margins and the 2px stroke allowance come on top.
        double maxWidth = widthBudgetEm.get() * em + layout.left() + 2;
        double maxHeight = 0.6 * widthBudgetEm.get() * em + layout.top() + 2;
        // Scroll bars only when the cells exceed the budget: AS_NEEDED alone still reserves a bar's height.
        scroller.setHbarPolicy(canvas.getWidth() > maxWidth ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setVbarPolicy(canvas.getHeight() > maxHeight ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setPrefViewportWidth(Math.min(canvas.getWidth(), maxWidth));
        scroller.setPrefViewportHeight(Math.min(canvas.getHeight(), maxHeight));
        title.setText(I18n.get("inspector.title", m.title(), m.rows(), m.cols()));
        scaleLabel.setText("±" + Numbers.significant(scale.maxAbs(), CELL_DIGITS));
        if (scale.maxAbs() != legendMax || em != legendEm) {
            legendMax = scale.maxAbs();
            legendEm = em;
            drawLegend(em);
        }
        drawLabels(m, labelFont);
        redrawCells();
    }

    private void drawLabels(MatrixData m, Font font) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(font);
        g.setFill(LABEL_TEXT);
        if (!m.columnLabels().isEmpty()) {
            int stride = HeatLayout.labelStride(metrics.maxWidth(m.columnLabels(), font) + 0.3 * font.getSize(), layout.cellWidth());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            for (int c = 0; c < m.cols(); c += stride) {
                g.fillText(m.columnLabels().get(c), layout.cellX(c) + layout.cellWidth() / 2, layout.top() - 0.15 * font.getSize());
            }
        }
        if (!m.rowLabels().isEmpty()) {
            int stride = HeatLayout.labelStride(metrics.textHeight(font), layout.cellHeight());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            for (int r = 0; r < m.rows(); r += stride) {
                g.fillText(m.rowLabels().get(r), layout.left() - 0.3 * font.getSize(), layout.cellY(r) + layout.cellHeight() / 2);
            }
        }
    }

    /** Draws the cells, hover and selection marks (labels are left alone). */
    private void redrawCells() {
        updateValueText();
        MatrixData m = data.get();
        if (m == null || layout == null) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double em = em();
        double gap = layout.cellWidth() >= 0.8 * em ? Math.max(1, 0.06 * em) : 0;
        g.clearRect(layout.left(), layout.top(), layout.width() - layout.left() + 2, layout.height() - layout.top() + 2);
        if (layout.showsValues()) {
            drawValueCells(g, m, em, gap);
        } else {
            cells.paint(g, m, layout, scale, gap, CELL_EDGE);
            hatchNonFinite(g, m, em, gap);
        }
        double stroke = Math.max(1.5, 0.14 * em);
        if (selected.get() != null && contains(m, selected.get())) {
            outline(g, selected.get(), SELECTION_OUTER, 2 * stroke, 0);
            outline(g, selected.get(), SELECTION_INNER, stroke / 2, 1.25 * stroke);
        }
        if (hovered.get() != null && contains(m, hovered.get())) {
            outline(g, hovered.get(), HOVER, stroke, 0);
        }
    }

    /** Hatches the NaN and infinite cells of a colour-only heat map. */
    private void hatchNonFinite(GraphicsContext g, MatrixData m, double em, double gap) {
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                if (!Double.isFinite(m.at(r, c))) {
                    hatch(g, layout.cellX(c) + gap / 2, layout.cellY(r) + gap / 2,
                            layout.cellWidth() - gap, layout.cellHeight() - gap, em);
                }
            }
        }
    }

    /** Cells large enough to hold their value, one by one (few of them: at most 24 rows, within the width). */
    private void drawValueCells(GraphicsContext g, MatrixData m, double em, double gap) {
        g.setFont(metrics.valueFont(title.getFont().getFamily(), em));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                double v = m.at(r, c);
                double x = layout.cellX(c) + gap / 2;
                double y = layout.cellY(r) + gap / 2;
                double w = layout.cellWidth() - gap;
                double h = layout.cellHeight() - gap;
                int rgb = scale.rgb(v);
                g.setFill(rgb(rgb));
                g.fillRect(x, y, w, h);
                if (gap > 0) {
                    g.setStroke(CELL_EDGE);
                    g.setLineWidth(1);
                    g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
                }
                if (!Double.isFinite(v)) {
                    hatch(g, x, y, w, h, em);
                }
                if (Double.isFinite(v)) {
                    g.setFill(rgb(HeatScale.textRgbOn(rgb)));
                } else {
                    // Readable over the hatching: black text on a white tag.
                    g.setFill(Color.WHITE);
                    g.fillRect(x + 0.2 * w, y + h / 2 - 0.55 * em, 0.6 * w, 1.1 * em);
                    g.setFill(Color.BLACK);
                }
                g.fillText(cellText(v), x + w / 2, y + h / 2);
            }
        }
    }

    private static String cellText(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+∞" : "−∞";
        }
        return Numbers.significant(v, CELL_DIGITS).replace('-', '−');
    }

    /** Diagonal stripes and a border mark a NaN or infinite cell. */
    private static void hatch(GraphicsContext g, double x, double y, double w, double h, double em) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.closePath();
        g.clip();
        g.setStroke(NON_FINITE_MARK);
        g.setLineWidth(Math.max(1, 0.08 * em));
        double step = Math.max(3, 0.45 * em);
        for (double d = -h; d < w; d += step) {
            g.strokeLine(x + d, y + h, x + d + h, y);
        }
        g.restore();
        g.setStroke(NON_FINITE_MARK);
        g.setLineWidth(Math.max(1, 0.08 * em));
        g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    }

    private void outline(GraphicsContext g, Cell cell, Color colour, double width, double inset) {
        g.setStroke(colour);
        g.setLineWidth(width);
        double d = width / 2 + inset;
        g.strokeRect(layout.cellX(cell.col()) + d, layout.cellY(cell.row()) + d,
                layout.cellWidth() - 2 * d, layout.cellHeight() - 2 * d);
    }

    private void drawLegend(double em) {
        legend.setWidth(Math.round(5 * em));
        legend.setHeight(Math.round(0.8 * em));
        GraphicsContext g = legend.getGraphicsContext2D();
        double w = legend.getWidth();
        for (int x = 0; x < w; x++) {
            double v = (2 * (x + 0.5) / w - 1) * scale.maxAbs();
            g.setFill(rgb(scale.rgb(v)));
            g.fillRect(x, 0, 1, legend.getHeight());
        }
        g.setStroke(Color.web("#666666"));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, w - 1, legend.getHeight() - 1);
    }

    private void updateValueText() {
        MatrixData m = data.get();
        Cell shown = hovered.get() != null ? hovered.get() : selected.get();
        boolean hint = m != null && (shown == null || !contains(m, shown));
        if (m == null) {
            valueText.set("");
        } else if (hint) {
            valueText.set(I18n.get("inspector.hint"));
        } else {
            valueText.set(m.describe(shown));
        }
        value.pseudoClassStateChanged(HINT, hint);
    }

    private static Color rgb(int rgb) {
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }

    @Override
    protected void layoutChildren() {
        layoutInArea(content, snappedLeftInset(), snappedTopInset(),
                getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset(),
                0, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    /** As wide as the header or the cells need, at least {@value #MIN_WIDTH_EM} em; the value line wraps within that. */
    @Override
    protected double computePrefWidth(double height) {
        double inner = Math.max(MIN_WIDTH_EM * em(), Math.max(header.prefWidth(-1), scroller.prefWidth(-1)));
        return snappedLeftInset() + inner + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? prefWidth(-1) : width;
        return snappedTopInset() + content.prefHeight(w - snappedLeftInset() - snappedRightInset()) + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + MIN_WIDTH_EM * em() / 2 + snappedRightInset();
    }

    /** The centre of a cell in screen coordinates (for tests and for pointing at a cell), null if not shown. */
    public Point2D cellCenterOnScreen(Cell cell) {
        if (layout == null || !contains(data.get(), cell)) {
            return null;
        }
        return canvas.localToScreen(layout.cellX(cell.col()) + layout.cellWidth() / 2,
                layout.cellY(cell.row()) + layout.cellHeight() / 2);
    }

    /** The matrix shown; null shows nothing. */
    public ObjectProperty<MatrixData> dataProperty() {
        return data;
    }

    public MatrixData getData() {
        return data.get();
    }

    public void setData(MatrixData value) {
        data.set(value);
    }

    /** |value| at the ends of the colour scale; 0 (default), negative or NaN fits it to the data. */
    public DoubleProperty scaleMaxProperty() {
        return scaleMax;
    }

    /** Width, in em, the cells shrink to fit before the view scrolls; default 48. */
    public DoubleProperty widthBudgetEmProperty() {
        return widthBudgetEm;
    }

    /** The cell under the mouse, or null. */
    public ReadOnlyObjectProperty<Cell> hoveredCellProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** The clicked cell (click again to clear), or null; settable, e.g. by a lesson. */
    public ObjectProperty<Cell> selectedCellProperty() {
        return selected;
    }

    /** What the value line shows: the hovered cell, else the selected one, else a hint. */
    public ReadOnlyStringProperty valueTextProperty() {
        return valueText.getReadOnlyProperty();
    }
}
