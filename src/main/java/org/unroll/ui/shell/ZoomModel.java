package org.unroll.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Zoom factor and presenter mode of the whole window. The zoom moves through fixed steps
 * (like a browser) between {@value #MIN} and {@value #MAX}; the root font size follows from both.
 * Plain JavaFX beans, no toolkit needed; {@link ZoomSceneBinder} applies it to a scene.
 */
public final class ZoomModel {

    public static final double MIN = 0.5;
    public static final double MAX = 3.0;
    /** Root font size in px at zoom 1, normal and presenter mode. */
    public static final double BASE_FONT_PX = 15;
    public static final double PRESENTER_FONT_PX = 22;

    static final double[] STEPS = {0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};
    private static final double EPS = 1e-9;

    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1.0);
    private final ReadOnlyBooleanWrapper presenter = new ReadOnlyBooleanWrapper(this, "presenter", false);
    private final DoubleBinding fontSize = Bindings.createDoubleBinding(
            () -> (presenter.get() ? PRESENTER_FONT_PX : BASE_FONT_PX) * zoom.get(), zoom, presenter);
    private final BooleanBinding canZoomIn = zoom.lessThan(MAX - EPS);
    private final BooleanBinding canZoomOut = zoom.greaterThan(MIN + EPS);

    /** Next step up, e.g. 1.0 → 1.1; stays at {@value #MAX}. */
    public void zoomIn() {
        for (double step : STEPS) {
            if (step > zoom.get() + EPS) {
                zoom.set(step);
                return;
            }
        }
    }

    /** Next step down, e.g. 1.0 → 0.9; stays at {@value #MIN}. */
    public void zoomOut() {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < zoom.get() - EPS) {
                zoom.set(STEPS[i]);
                return;
            }
        }
    }

    /** Back to 1.0. */
    public void resetZoom() {
        zoom.set(1.0);
    }

    /** Any factor, clamped to [{@value #MIN}, {@value #MAX}]; NaN is ignored. */
    public void setZoom(double factor) {
        if (!Double.isNaN(factor)) {
            zoom.set(Math.max(MIN, Math.min(MAX, factor)));
        }
    }

    public void setPresenter(boolean on) {
        presenter.set(on);
    }

    public void togglePresenter() {
        presenter.set(!presenter.get());
    }

    public double getZoom() {
        return zoom.get();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public boolean isPresenter() {
        return presenter.get();
    }

    public ReadOnlyBooleanProperty presenterProperty() {
        return presenter.getReadOnlyProperty();
    }

    /** Root font size in px: (presenter ? 22 : 15) × zoom. */
    public DoubleBinding fontSizeProperty() {
        return fontSize;
    }

    public double getFontSize() {
        return fontSize.get();
    }

    public BooleanBinding canZoomInProperty() {
        return canZoomIn;
    }

    public BooleanBinding canZoomOutProperty() {
        return canZoomOut;
    }
}
