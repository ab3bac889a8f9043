package org.unroll.slides;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.unroll.charts.EngineCharts;
import org.unroll.charts.Figure;
import org.unroll.charts.GateActivations;
import org.unroll.charts.GateHeatmapChart;
import org.unroll.charts.StepContributionChart;
import org.unroll.charts.StepNormChart;
import org.unroll.charts.VanishingChart;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.Cursor;
import org.unroll.engine.Phase;
import org.unroll.engine.Walkthrough;
import org.unroll.figures.TimelineFigure;
import org.unroll.figures.TimelineLayout;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonPlayer;
import org.unroll.lesson.Localized;
import org.unroll.lesson.Question;
import org.unroll.lesson.Step;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/**
 * A lesson as slides for a teacher: a 16:9 PDF page per step with its narration in large
 * type on the left, and on the right the step's formula, the unrolled timeline at the step's
 * point and the chart the step is about, both as vector graphics. A step with a question gets
 * a page before it that asks (the pictures still at the previous step's point), and its own
 * page starts with the answer and the explanation. The exercises get a last page. Text is
 * real PDF text in embedded font subsets, so it can be searched and copied.
 */
public final class SlideDeck {
    /** 16:9 in PDF points (13.33 × 7.5 in). */
    static final float W = 960;
    static final float H = 540;
    private static final float MARGIN = 32;
    private static final float SPLIT = 440;
    private static final Color INK = new Color(0x1A1A1A);
    private static final Color MUTED = new Color(0x5A6470);
    private static final Color ACCENT = new Color(0x0B5CAD);

    private final Lesson lesson;
    private final Lang lang;

    public SlideDeck(Lesson lesson, Lang lang) {
        this.lesson = lesson;
        this.lang = lang;
    }

    /** Pages the deck has: a page per step, one more before each question, one for the exercises. */
    public int pageCount() {
        int n = lesson.size();
        for (Step s : lesson.steps()) {
            if (s.question() != null) {
                n++;
            }
        }
        return n + (lesson.exercises().isEmpty() ? 0 : 1);
    }

    /**
     * Writes the deck to {@code file}, whole or not at all (a temporary file renamed over it).
     *
     * @param progress told the number of each page as it is done
     */
    public void write(Path file, IntConsumer progress) throws IOException {
        // built first, so that a failure while building leaves no trace; written by the one safe writer
        try (PDDocument doc = new PDDocument()) {
            // the charts take their titles, axes and legends from the deck's language, not the window's
            org.unroll.i18n.Language words = org.unroll.i18n.Language.parse(lang.code());
            try {
                org.unroll.i18n.Texts.in(words, () -> {
                    try {
                        build(doc, progress);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return null;
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            org.unroll.io.SafeFiles.write(file, doc::save);
        }
    }

    private void build(PDDocument doc, IntConsumer progress) throws IOException {
        SlideFonts fonts = SlideFonts.load(doc);
        if (fonts.cjk == null && lang != Lang.EN) {
            throw new IOException("no TrueType font with Chinese characters found for the slides (install"
                    + " fonts-droid-fallback, or name a folder of .ttf files in UNROLL_FONTS)");
        }
        LessonPlayer player = new LessonPlayer(lesson);
        Map<Setup, Walkthrough> walks = new HashMap<>();
        int page = 0;
        int total = pageCount();
        for (int k = 0; k < lesson.size(); k++) {
            player.goTo(k);
            Step step = player.step();
            Setup setup = step.setup(lang);
            String head0 = player.title(lang) + "   ·   " + Labels.step(lang, k + 1, lesson.size());
            if (setup.isGrid()) {
                // a stacked, bidirectional or batched step: its narration quotes the network's numbers (no one-layer walk to draw)
                Question q = step.question();
                if (q != null) {
                    List<String> ask = new ArrayList<>();
                    ask.add(Labels.question(lang) + Labels.gap(lang) + org.unroll.lesson.Placeholders.fill(q.ask().get(lang), null));
                    List<String> options = q.options(lang);
                    for (int i = 0; i < options.size(); i++) {
                        ask.add((i + 1) + ". " + options.get(i));
                    }
                    textPage(doc, fonts, head0, ask);
                    progress.accept(++page);
                }
                List<String> texts = new ArrayList<>();
                if (q != null) {
                    texts.add(Labels.answer(lang) + Labels.gap(lang) + q.rightAnswer(lang, null) + Labels.stop(lang)
                            + org.unroll.lesson.Placeholders.fill(q.explain().get(lang), null));
                }
                texts.add(org.unroll.lesson.Placeholders.fill(step.narration().get(lang), null));
                textPage(doc, fonts, head0, texts);
                progress.accept(++page);
                continue;
            }
            Walkthrough w = walks.computeIfAbsent(setup, s -> player.walk(lang));
            Scenario sc = Scenario.build(setup);
            String head = player.title(lang) + "   ·   " + Labels.step(lang, k + 1, lesson.size());
            Question q = step.question();
            if (q != null) {
                Cursor before = k > 0 && lesson.step(k - 1).setup(lang).equals(setup) ? lesson.step(k - 1).cursor()
                        : Cursor.START;
                List<String> texts = new ArrayList<>();
                texts.add(Labels.question(lang) + Labels.gap(lang) + player.fill(q.ask().get(lang), w));
                List<String> options = q.options(lang);
                for (int i = 0; i < options.size(); i++) {
                    texts.add((i + 1) + ". " + player.fill(options.get(i), w));
                }
                page(doc, fonts, head, texts, w, sc, before);
                progress.accept(++page);
            }
            List<String> texts = new ArrayList<>();
            if (q != null) {
                texts.add(Labels.answer(lang) + Labels.gap(lang) + q.rightAnswer(lang, w) + Labels.stop(lang) + player.fill(q.explain().get(lang), w));
            }
            texts.add(player.narration(lang, w));
            page(doc, fonts, head, texts, w, sc, step.cursor());
            progress.accept(++page);
        }
        if (!lesson.exercises().isEmpty()) {
            List<String> texts = new ArrayList<>();
            int i = 1;
            for (Localized e : lesson.exercises()) {
                texts.add(i++ + ". " + e.get(lang));
            }
            textPage(doc, fonts, lesson.title().get(lang) + "   ·   " + Labels.exercises(lang), texts);
            progress.accept(++page);
        }
        if (page != total) {
            throw new IllegalStateException("wrote " + page + " pages, expected " + total);
        }
    }

    private void page(PDDocument doc, SlideFonts fonts, String head, List<String> texts, Walkthrough w,
                      Scenario sc, Cursor at) throws IOException {
        PDPage page = new PDPage(new PDRectangle(W, H));
        doc.addPage(page);
        float rightX = MARGIN + SPLIT + 24;
        float rightW = W - rightX - MARGIN;
        String formula = StepFormula.of(w.model().cell(), w.model().activation(), w.sequence().loss(), at, lang);
        Optional<Figure> chart = chart(w, at);
        float timelineH = chart.isPresent() ? 175 : 330;
        float top = H - MARGIN - 34;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            header(cs, fonts, head);
            TextBlock body = new TextBlock(fonts, false);
            float size = body.fit(texts, SPLIT, top - MARGIN, 24, 11);
            color(cs, INK);
            body.draw(cs, texts, MARGIN, top, SPLIT, size);

            TextBlock bold = new TextBlock(fonts, true);
            List<String> f = List.of(formula);
            float fs = bold.fit(f, rightW, 64, 20, 10);
            color(cs, ACCENT);
            float y = bold.draw(cs, f, rightX, top, rightW, fs);

            float timelineTop = y - 4;
            Figure timeline = timeline(w, sc, at, rightW, timelineH);
            drawFigure(doc, fonts, cs, timeline, rightX, timelineTop - timelineH, rightW, timelineH, 1);
            if (chart.isPresent()) {
                float chartH = timelineTop - timelineH - 8 - MARGIN;
                // drawn at twice the size and scaled down: the chart's type keeps its proportions
                drawFigure(doc, fonts, cs, chart.get(), rightX, MARGIN, rightW, chartH, 2);
            }
        }
    }

    private void textPage(PDDocument doc, SlideFonts fonts, String head, List<String> texts) throws IOException {
        PDPage page = new PDPage(new PDRectangle(W, H));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            header(cs, fonts, head);
            TextBlock body = new TextBlock(fonts, false);
            float top = H - MARGIN - 34;
            float width = W - 2 * MARGIN;
            float size = body.fit(texts, width, top - MARGIN, 26, 11);
            color(cs, INK);
            body.draw(cs, texts, MARGIN, top, width, size);
        }
    }

    private static void header(PDPageContentStream cs, SlideFonts fonts, String head) throws IOException {
        TextBlock t = new TextBlock(fonts, true);
        color(cs, MUTED);
        t.drawLine(cs, head, MARGIN, H - MARGIN - 12, 14);
        cs.setStrokingColor(MUTED);
        cs.setLineWidth(0.6f);
        cs.moveTo(MARGIN, H - MARGIN - 22);
        cs.lineTo(W - MARGIN, H - MARGIN - 22);
        cs.stroke();
    }

    private static void color(PDPageContentStream cs, Color c) throws IOException {
        cs.setNonStrokingColor(c);
    }

    /**
     * A figure drawn as vector graphics into the rectangle (x, y, w, h), y from the bottom, laid
     * out for an area {@code zoom} times larger and scaled down to fit.
     */
    private static void drawFigure(PDDocument doc, SlideFonts fonts, PDPageContentStream cs, Figure f, float x, float y,
                                   float w, float h, double zoom) throws IOException {
        if (h < 20) {
            return;
        }
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
        // the figure's words as text in the deck's fonts (searchable), not as outlines
        g.setFontTextDrawer(new ChartText(fonts));
        try {
            g.scale(1 / zoom, 1 / zoom);
            f.draw(g, new Rectangle2D.Double(0, 0, w * zoom, h * zoom));
        } finally {
            g.dispose();
        }
        PDFormXObject form = g.getXFormObject();
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(x, y));
        cs.drawForm(form);
        cs.restoreGraphicsState();
    }

    /** Columns a slide's timeline shows at most: a long sequence is shown around the cursor, not shrunk to a strip. */
    static final int MAX_COLUMNS = 7;

    private Figure timeline(Walkthrough w, Scenario sc, Cursor at, float width, float height) {
        int steps = w.steps();
        int shown = Math.min(steps, MAX_COLUMNS);
        double fit = Math.min(width / TimelineLayout.contentWidth(shown, 1), height / TimelineLayout.HEIGHT);
        double zoom = Math.max(0.05, Math.min(fit, 2));
        double scroll = 0;
        if (steps > shown) {
            // the step the cursor is at, in view as the window's timeline scrolls to it
            int t = at.phase() == org.unroll.engine.Phase.START ? 0 : Math.max(0, w.at(at.fit(steps)).step());
            scroll = TimelineLayout.scrollToShow(t, steps, zoom, width, 0);
        }
        TimelineFigure.Frame frame = new TimelineFigure.Frame(w, sc, at, zoom, scroll, null, false, Labels.timeline(lang));
        return (g, area) -> TimelineFigure.paint(g, area, frame);
    }

    /**
     * The chart a point of the walk is about: the gates while going forward through a gated
     * cell, the norms of dL/dh_t while going back, the step contributions at stage 3, the
     * vanishing chart at the update; none where the timeline says it all.
     */
    static Optional<Figure> chart(Walkthrough w, Cursor at) {
        Phase p = at.phase();
        if ((p == Phase.START || p == Phase.FORWARD) && w.model().cell().gates() > 1) {
            Optional<GateActivations> a = EngineCharts.gates(w);
            if (a.isPresent()) {
                GateHeatmapChart c = new GateHeatmapChart();
                c.update(a.get());
                return Optional.of(Figure.of(c.chart()));
            }
        }
        if (p == Phase.BACKWARD && at.stage() == BackwardStage.PARAMETER_GRADIENTS) {
            int[] rc = EngineCharts.largestEntry(w.gradients(), "weight_hh");
            StepContributionChart c = new StepContributionChart();
            c.update(EngineCharts.contributions(w, "weight_hh", rc[0], rc[1]));
            return Optional.of(Figure.of(c.chart()));
        }
        if (p == Phase.BACKWARD) {
            StepNormChart c = new StepNormChart();
            c.update(EngineCharts.flow(w));
            c.setCurrentStep(at.step());
            return Optional.of(Figure.of(c.chart()));
        }
        if (p == Phase.UPDATE) {
            VanishingChart c = new VanishingChart();
            c.update(EngineCharts.flow(w));
            return Optional.of(Figure.of(c.chart()));
        }
        return Optional.empty();
    }

    /** The deck's few words of its own. */
    static final class Labels {
        private Labels() {
        }

        static String step(Lang l, int k, int n) {
            return switch (l) {
                case EN -> "step " + k + " of " + n;
                case ZH_CN, ZH_TW -> "第 " + k + " 步，共 " + n + " 步";
            };
        }

        static String question(Lang l) {
            return pick(l, "Question:", "问题：", "問題：");
        }

        static String answer(Lang l) {
            return pick(l, "Answer:", "答案：", "答案：");
        }

        /** What follows a label such as "Question:": a space in English, nothing after a full-width colon. */
        static String gap(Lang l) {
            return l == Lang.EN ? " " : "";
        }

        /** The end of a sentence before the next one: ". " in English, "。" in Chinese. */
        static String stop(Lang l) {
            return l == Lang.EN ? ". " : "。";
        }

        static String exercises(Lang l) {
            return pick(l, "Exercises", "练习", "練習");
        }

        static Function<String, String> timeline(Lang l) {
            if (l == Lang.EN) {
                return TimelineFigure.ENGLISH;
            }
            boolean tw = l == Lang.ZH_TW;
            Map<String, String> m = Map.of("timeline.loss", tw ? "損失" : "损失", "timeline.output", tw ? "輸出" : "输出",
                    "timeline.input", tw ? "輸入" : "输入", "timeline.state", tw ? "狀態" : "状态",
                    "timeline.target", tw ? "目標" : "目标");
            return key -> m.getOrDefault(key, TimelineFigure.ENGLISH.apply(key));
        }

        private static String pick(Lang l, String en, String cn, String tw) {
            return switch (l) {
                case EN -> en;
                case ZH_CN -> cn;
                case ZH_TW -> tw;
            };
        }
    }
}
