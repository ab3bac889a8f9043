package org.unroll.ui.shell;

import java.util.Locale;
import org.unroll.engine.Walkthrough;
import org.unroll.ui.I18n;

/** The status line: the model, its sizes, σ_max(W_hh) and the loss of the walk. */
public final class StatusText {
    private StatusText() {
    }

    /** As {@link #of(Walkthrough, String)}, followed by why the diagnostics failed when they did (one line). */
    public static String of(Walkthrough w, String source, String diagnosticsFailure) {
        String text = of(w, source);
        return w == null || diagnosticsFailure == null ? text : text + " · " + diagnosticsFailure;
    }

    public static String of(Walkthrough w, String source) {
        if (w == null) {
            return I18n.get("shell.busy");
        }
        double loss = w.loss();
        String text = I18n.get("shell.status", w.model().label(), Integer.toString(w.model().hiddenSize()), Integer.toString(w.steps()),
                String.format(Locale.ROOT, "%.3g", w.derived().sigmaMax()), String.format(Locale.ROOT, "%.4g", loss));
        return source == null ? text : text + " · " + source;
    }

    public static String zoom(double zoom) {
        return I18n.get("shell.status.zoom", Math.round(zoom * 100));
    }
}
