package org.unroll.ui.formula;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

/**
 * Formula images for {@link FormulaView}s: every JLaTeXMath call ({@link FormulaRenderer}) happens on
 * one daemon thread, which also converts the result to a JavaFX image; the images of recent renderings
 * are kept (the symbolic formulas repeat from step to step), so showing one again costs a map lookup.
 * One per window: the window makes it, hands it to its formula views and {@link #close closes} it
 * with the window (nothing here is static, so two windows or two tests never share renderings).
 */
public final class FormulaImages implements AutoCloseable {

    /** What to render: LaTeX, size in device pixels, colour 0xAARRGGBB. */
    record Key(String latex, float pixelSize, int argb) {
    }

    /** A rendering: an image, or why the LaTeX could not be rendered. */
    record Result(Image image, String error) {
        boolean ok() {
            return image != null;
        }
    }

    private final FormulaRenderer renderer;
    private final Map<Key, Result> cache;
    /** A background request waits this long before rendering, so a key held down renders only where it stops. */
    static final long SETTLE_MS = 50;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unroll-formula");
        t.setDaemon(true);
        return t;
    });

    /**
     * The images of one window: up to 256 renderings kept. JLaTeXMath loads its fonts and tables on
     * the formula thread right away, while the window is still being built and shown.
     */
    public FormulaImages() {
        this(new FormulaRenderer(16), 256);
        thread.execute(() -> renderer.render("h_t = \\tanh(W_{hh} h_{t-1})", 16, 0xFF000000));
    }

    FormulaImages(FormulaRenderer renderer, int capacity) {
        this.renderer = renderer;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Result> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Ends the formula thread; views still asking afterwards get a failed rendering, not a hang. */
    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** A rendering already made, or null. */
    synchronized Result cached(Key key) {
        return cache.get(key);
    }

    /** Renders now on the formula thread and waits for it (for views not yet on screen). */
    Result renderNow(Key key) {
        Result known = cached(key);
        if (known != null) {
            return known;
        }
        try {
            return thread.submit(() -> render(key)).get();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return new Result(null, "closed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted");
        } catch (ExecutionException e) {
            return new Result(null, String.valueOf(e.getCause()));
        }
    }

    /**
     * Renders on the formula thread after {@link #SETTLE_MS} and hands the result to {@code done} on the
     * JavaFX thread, unless {@code wanted} says by then that a newer request replaced this one (fast key
     * repeats only render the latest point).
     */
    void renderLater(Key key, BooleanSupplier wanted, Consumer<Result> done) {
        if (thread.isShutdown()) {
            return;
        }
        thread.schedule(() -> {
            if (!wanted.getAsBoolean()) {
                return;
            }
            Result r = render(key);
            Platform.runLater(() -> done.accept(r));
        }, SETTLE_MS, TimeUnit.MILLISECONDS);
    }

    /** On the formula thread. */
    private Result render(Key key) {
        Result known = cached(key);
        if (known != null) {
            return known;
        }
        RenderedFormula r = renderer.render(key.latex(), key.pixelSize(), key.argb());
        Result out = r.ok() ? new Result(SwingFXUtils.toFXImage(r.image(), null), null) : new Result(null, r.error());
        synchronized (this) {
            cache.put(key, out);
        }
        return out;
    }
}
