package org.unroll.ui.formula;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.unroll.ui.I18n;

/**
 * A LaTeX formula shown as mathematics. Its size follows the CSS font size (so zoom and presenter mode
 * apply) times {@link #relativeSizeProperty()}, unless {@link #fontSizeProperty()} is set; it is rendered
 * at the window's output scale and re-rendered whenever the size changes, so it stays crisp.
 * LaTeX that cannot be parsed shows as raw red text (style class {@code formula-error}).
 * Rendering happens on one background thread ({@link FormulaImages}); a view waits for it, except a
 * view made with {@link #inBackground()} in a showing window: it keeps showing its previous image (or
 * nothing, the first time) until the new one lands ({@link #renderingProperty()}), and only the latest
 * request is rendered.
 */
public class FormulaView extends Region {

    /** Style classes of the view and of its raw-text fallback. */
    public static final String STYLE_CLASS = "formula-view";
    public static final String ERROR_STYLE_CLASS = "formula-error";

    private final StringProperty latex = new SimpleStringProperty(this, "latex", "");
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 0);
    private final DoubleProperty relativeSize = new SimpleDoubleProperty(this, "relativeSize", 1.25);
    private final ObjectProperty<Color> color = new SimpleObjectProperty<>(this, "color", Color.web("#1a1a1a"));
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>(this, "image");

    private final FormulaImages images;
    private final ReadOnlyBooleanWrapper rendering = new ReadOnlyBooleanWrapper(this, "rendering", false);
    /** Whether a view on screen renders in the background (set by {@link #inBackground()}). */
    private boolean background;
    /** The latest render request; a background result for an older one is dropped. */
    private volatile int requested;
    /** While {@link #show} sets several properties, they render once at the end. */
    private boolean batching;
    private String lastLoggedFailure;
    private final ImageView imageView = new ImageView();
    /** Shows the raw LaTeX on failure; its CSS font also gives the base size of the formula. */
    private final Label fallback = new Label();
    private final StackPane content = new StackPane(imageView, fallback);
    private final ObservableValue<Number> outputScale = sceneProperty()
            .flatMap(Scene::windowProperty)
            .flatMap(Window::renderScaleXProperty)
            .orElse(1.0);

    /** A view that renders through its window's {@code images}. */
    public FormulaView(FormulaImages images) {
        this("", images);
    }

    public FormulaView(String latex, FormulaImages images) {
        this.images = images;
        createView();
        initListeners();
        this.latex.set(latex);
        render();
    }

    private void createView() {
        getStyleClass().add(STYLE_CLASS);
        fallback.getStyleClass().add(ERROR_STYLE_CLASS);
        fallback.setWrapText(true);
        fallback.setTooltip(new Tooltip(I18n.get("formula.error")));
        imageView.setSmooth(true);
        imageView.setPreserveRatio(true);
        content.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(content);
        showFailure(false);
    }

    private void initListeners() {
        latex.addListener((obs, old, now) -> render());
        fontSize.addListener((obs, old, now) -> render());
        relativeSize.addListener((obs, old, now) -> render());
        color.addListener((obs, old, now) -> render());
        fallback.fontProperty().addListener((obs, old, now) -> render());
        outputScale.addListener((obs, old, now) -> render());
        latex.addListener((obs, old, now) -> setAccessibleText(now));
    }

    /** A view that, once it shows an image in a window, renders new formulas in the background. */
    static FormulaView inBackground(FormulaImages images) {
        FormulaView v = new FormulaView(images);
        v.background = true;
        return v;
    }

    /** Sets the LaTeX and the relative size together, rendering once. */
    void show(String tex, double relative) {
        batching = true;
        try {
            relativeSize.set(relative);
            latex.set(tex);
        } finally {
            batching = false;
        }
        render();
    }

    private void render() {
        if (batching) {
            return;
        }
        String tex = latex.get() == null ? "" : latex.get();
        double scale = outputScale.getValue().doubleValue();
        FormulaImages.Key key = new FormulaImages.Key(tex, (float) (effectiveFontSize() * scale), argb(color.get()));
        if (!(key.pixelSize() > 0)) {
            throw new IllegalArgumentException("pixelSize must be positive, was " + key.pixelSize());
        }
        int request = ++requested;
        FormulaImages.Result known = images.cached(key);
        // a view on screen never waits for JLaTeXMath, not even for its first image (the first frame
        // of the app would wait for its fonts to load); a view off screen (a snapshot) renders now
        if (known != null || !background || !inShowingWindow()) {
            rendering.set(false);
            apply(tex, scale, known != null ? known : images.renderNow(key));
            return;
        }
        rendering.set(true);
        images.renderLater(key, () -> requested == request, result -> {
            if (requested == request) {
                rendering.set(false);
                apply(tex, scale, result);
            }
        });
    }

    private boolean inShowingWindow() {
        Scene scene = getScene();
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }

    private void apply(String tex, double scale, FormulaImages.Result result) {
        if (result.ok()) {
            Image fx = result.image();
            imageView.setImage(fx);
            imageView.setFitWidth(fx.getWidth() / scale);
            imageView.setFitHeight(fx.getHeight() / scale);
            image.set(fx);
            fallback.setText("");
        } else {
            imageView.setImage(null);
            image.set(null);
            fallback.setText(tex);
            if (!tex.equals(lastLoggedFailure)) {
                lastLoggedFailure = tex;
                System.err.println("Unroll: cannot render formula (" + result.error() + "): " + tex);
            }
        }
        showFailure(!result.ok());
        failed.set(!result.ok());
        requestLayout();
    }

    /** The font size the formula is drawn at, in px before output scaling. */
    public double effectiveFontSize() {
        if (fontSize.get() > 0) {
            return fontSize.get();
        }
        return fallback.getFont().getSize() * Math.max(0.1, relativeSize.get());
    }

    private void showFailure(boolean show) {
        fallback.setVisible(show);
        fallback.setManaged(show);
        imageView.setVisible(!show);
        imageView.setManaged(!show);
    }

    private static int argb(Color c) {
        Color color = c == null ? Color.BLACK : c;
        return (int) Math.round(color.getOpacity() * 255) << 24
                | (int) Math.round(color.getRed() * 255) << 16
                | (int) Math.round(color.getGreen() * 255) << 8
                | (int) Math.round(color.getBlue() * 255);
    }

    @Override
    protected void layoutChildren() {
        layoutInArea(content, snappedLeftInset(), snappedTopInset(),
                getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset(),
                0, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.CENTER);
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + content.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + content.prefHeight(width) + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    /** The LaTeX source, e.g. {@code h_t = \tanh(W_{hh} h_{t-1} + b)}. */
    public StringProperty latexProperty() {
        return latex;
    }

    public String getLatex() {
        return latex.get();
    }

    public void setLatex(String value) {
        latex.set(value);
    }

    /** Explicit font size in px; 0 (the default) follows the CSS font size times {@link #relativeSizeProperty()}. */
    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** Formula size relative to the CSS font size when {@link #fontSizeProperty()} is 0; default 1.25. */
    public DoubleProperty relativeSizeProperty() {
        return relativeSize;
    }

    /** Foreground colour of the formula. */
    public ObjectProperty<Color> colorProperty() {
        return color;
    }

    /** True while the LaTeX cannot be parsed and the raw text is shown instead. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public boolean isFailed() {
        return failed.get();
    }

    /** True while a newer formula renders in the background and the previous image is still shown. */
    public ReadOnlyBooleanProperty renderingProperty() {
        return rendering.getReadOnlyProperty();
    }

    /** The rendered image in device pixels (null while failed). */
    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }
}
