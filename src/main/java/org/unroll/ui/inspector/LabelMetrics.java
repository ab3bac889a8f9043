package org.unroll.ui.inspector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Fonts and text sizes a heat map needs, remembered between redraws: measuring 256 row labels with a
 * {@link Text} probe on every step costs more than drawing the matrix.
 */
final class LabelMetrics {

    private final Text probe = new Text();
    private Font labelFont;
    private Font valueFont;
    private record Key(List<String> labels, Font font) {
    }

    /** Widths of label lists already measured (a view shows a few lists: its row and column labels). */
    private final Map<Key, Double> widths = new HashMap<>();
    private Font heightFont;
    private double height;

    /** The font of row and column labels: 0.8 em. */
    Font labelFont(String family, double em) {
        if (labelFont == null || labelFont.getSize() != 0.8 * em || !labelFont.getFamily().equals(family)) {
            labelFont = Font.font(family, 0.8 * em);
        }
        return labelFont;
    }

    /** The font of the values written inside cells: 0.85 em. */
    Font valueFont(String family, double em) {
        if (valueFont == null || valueFont.getSize() != 0.85 * em || !valueFont.getFamily().equals(family)) {
            valueFont = Font.font(family, 0.85 * em);
        }
        return valueFont;
    }

    /** The widest of {@code labels} in {@code font}. */
    double maxWidth(List<String> labels, Font font) {
        Key key = new Key(labels, font);
        Double known = widths.get(key);
        if (known != null) {
            return known;
        }
        probe.setFont(font);
        double max = 0;
        for (String label : labels) {
            probe.setText(label);
            max = Math.max(max, probe.getLayoutBounds().getWidth());
        }
        if (widths.size() >= 16) {
            widths.clear();
        }
        widths.put(key, max);
        return max;
    }

    /** The height of a line of text in {@code font}. */
    double textHeight(Font font) {
        if (!font.equals(heightFont)) {
            probe.setFont(font);
            probe.setText("Ag");
            height = probe.getLayoutBounds().getHeight();
            heightFont = font;
        }
        return height;
    }
}
