package org.unroll.ui;

import java.net.URL;

/** The Unroll stylesheet and its mode classes. */
public final class Theme {

    /** Style class on the scene root for presenter mode: larger type, high contrast, thicker strokes. */
    public static final String PRESENTER = "presenter";

    private Theme() {
    }

    /** URL of {@code unroll.css}, for {@code scene.getStylesheets().add(...)}. */
    public static String stylesheet() {
        URL url = Theme.class.getResource("unroll.css");
        if (url == null) {
            throw new IllegalStateException("unroll.css is missing from the classpath");
        }
        return url.toExternalForm();
    }
}
