package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZoomModelTest {

    private final ZoomModel model = new ZoomModel();

    @Test
    void startsAtOneWithoutPresenterMode() {
        assertEquals(1.0, model.getZoom());
        assertFalse(model.isPresenter());
        assertEquals(15, model.getFontSize());
    }

    @Test
    void zoomInAndOutWalkTheSteps() {
        model.zoomIn();
        assertEquals(1.1, model.getZoom());
        model.zoomIn();
        assertEquals(1.25, model.getZoom());
        model.zoomOut();
        model.zoomOut();
        model.zoomOut();
        assertEquals(0.9, model.getZoom());
    }

    @Test
    void clampsAtBothEnds() {
        for (int i = 0; i < 50; i++) {
            model.zoomIn();
        }
        assertEquals(ZoomModel.MAX, model.getZoom());
        assertFalse(model.canZoomInProperty().get());
        for (int i = 0; i < 50; i++) {
            model.zoomOut();
        }
        assertEquals(ZoomModel.MIN, model.getZoom());
        assertFalse(model.canZoomOutProperty().get());
        assertTrue(model.canZoomInProperty().get());
    }

    @Test
    void arbitraryZoomIsClampedAndStepsResumeFromIt() {
        model.setZoom(7);
        assertEquals(3.0, model.getZoom());
        model.setZoom(0.1);
        assertEquals(0.5, model.getZoom());
        model.setZoom(1.3);
        model.zoomIn();
        assertEquals(1.5, model.getZoom());
        model.setZoom(1.3);
        model.zoomOut();
        assertEquals(1.25, model.getZoom());
        model.setZoom(Double.NaN);
        assertEquals(1.25, model.getZoom());
    }

    @Test
    void resetReturnsToOne() {
        model.zoomIn();
        model.resetZoom();
        assertEquals(1.0, model.getZoom());
    }

    @Test
    void fontSizeFollowsZoomAndPresenterMode() {
        model.setPresenter(true);
        assertEquals(22, model.getFontSize());
        model.setZoom(1.5);
        assertEquals(33, model.getFontSize(), 1e-9);
        model.togglePresenter();
        assertEquals(22.5, model.getFontSize(), 1e-9);
    }

    @Test
    void propertiesNotifyListeners() {
        double[] seen = {0};
        model.fontSizeProperty().addListener((obs, old, now) -> seen[0] = now.doubleValue());
        model.zoomIn();
        assertEquals(16.5, seen[0], 1e-9);
    }
}
