package org.unroll.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.engine.Cursor;
import org.unroll.engine.BackwardStage;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonParser;

/** Writes decks and reads them back with PDFBox: pages, their size, and the text on each. */
class SlideDeckTest {
    static final Path LESSON = Path.of("lessons/13-one-two-three.lesson");

    static List<String> pages(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> out = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                out.add(s.getText(doc).replaceAll("\\s+", " "));
            }
            for (PDPage p : doc.getPages()) {
                assertEquals(16.0 / 9, p.getMediaBox().getWidth() / p.getMediaBox().getHeight(), 1e-3, "16:9");
            }
            return out;
        }
    }

    @Test
    void aPagePerStepOneBeforeEachQuestionAndOneOfExercises(@TempDir Path dir) throws Exception {
        Lesson l = LessonParser.parse(LESSON);
        long questions = l.steps().stream().filter(s -> s.question() != null).count();
        SlideDeck deck = new SlideDeck(l, Lang.EN);
        assertEquals(l.size() + questions + 1, deck.pageCount());
        Path pdf = dir.resolve("deck.pdf");
        List<Integer> progress = new ArrayList<>();
        deck.write(pdf, progress::add);
        List<String> pages = pages(pdf);
        assertEquals(deck.pageCount(), pages.size());
        assertEquals(deck.pageCount(), progress.size());
        assertEquals(deck.pageCount(), (int) progress.get(progress.size() - 1));
        // page 1: step 1's narration with live values, the formula
        assertTrue(pages.get(0).contains("The 1-2-3 example by hand"), pages.get(0));
        assertTrue(pages.get(0).contains("w_xh = 0.5"), pages.get(0));
        assertTrue(pages.get(0).contains("h_t = tanh(W_xh x_t + W_hh h_(t−1) + b)"), pages.get(0));
        // page 2 asks step 2's question without the answer; page 3 answers it
        assertTrue(pages.get(1).contains("Question: Before stepping"), pages.get(1));
        assertFalse(pages.get(1).contains("Answer:"), pages.get(1));
        assertTrue(pages.get(2).contains("Answer: 0.4621."), pages.get(2));
        assertTrue(pages.get(2).contains("h_1 = tanh(0.5·1) = 0.4621".replace("(0.5·1)", "(0.5·1 + 0.5·0)")), pages.get(2));
        // a choice question lists its options
        assertTrue(pages.stream().anyMatch(p -> p.contains("2. w_hh·δ_3")), String.join("\n", pages));
        assertTrue(pages.get(pages.size() - 1).contains("Exercises"), pages.get(pages.size() - 1));
        assertTrue(pages.get(pages.size() - 1).contains("1. Redo the example"), pages.get(pages.size() - 1));
    }

    @Test
    void chineseSlidesCarryRealChineseText(@TempDir Path dir) throws Exception {
        Lesson l = LessonParser.parse(Path.of("lessons/02-weight-sharing.lesson"));
        Path pdf = dir.resolve("deck-tw.pdf");
        new SlideDeck(l, Lang.ZH_TW).write(pdf, p -> { });
        List<String> pages = pages(pdf);
        assertEquals(l.size() + 1, pages.size(), "a page per step and one of exercises");
        assertTrue(pages.get(l.size()).contains("練習"), pages.get(l.size()));
        String first = pages.get(0).replace(" ", "");
        assertTrue(first.contains("所有時間步共用一套權重"), first);
        assertTrue(first.contains("「我愛你」"), "the Traditional deck reads its own script: " + first);
        assertTrue(first.contains("第1步，共" + l.size() + "步"), first);
    }

    @Test
    void writingReplacesTheFileWholeAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("deck.pdf");
        Files.writeString(pdf, "old");
        new SlideDeck(LessonParser.parse(LESSON), Lang.ZH_CN).write(pdf, p -> { });
        assertTrue(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(pdf), files.toList());
        }
    }

    @Test
    void eachPointOfTheWalkHasItsFormulaAndChart() throws Exception {
        Lesson l = LessonParser.parse(LESSON);
        var w = new org.unroll.lesson.LessonPlayer(l).walk();
        var cell = w.model().cell();
        var act = w.model().activation();
        var loss = w.sequence().loss();
        assertEquals("L = Σ_t (y_t − target_t)²", StepFormula.of(cell, act, loss, Cursor.loss()));
        assertEquals("dh_next = W_hhᵀ δ_2", StepFormula.of(cell, act, loss, Cursor.backward(1, BackwardStage.PASS_BACK)));
        assertTrue(StepFormula.of(cell, act, loss, Cursor.forward(1)).startsWith("h_2 = tanh(W_xh x_2 + W_hh h_1 + b)"));
        assertFalse(SlideDeck.chart(w, Cursor.forward(0)).isPresent(), "an RNN going forward: the timeline says it");
        assertTrue(SlideDeck.chart(w, Cursor.backward(2, BackwardStage.PARAMETER_GRADIENTS)).isPresent());
        assertTrue(SlideDeck.chart(w, Cursor.update()).isPresent());
    }

    /**
     * The charts on a Chinese deck speak the deck's language whatever the process's is, and their
     * words are real PDF text: lesson 06 ends on the norms of dL/dh_t going back.
     */
    @Test
    void chartsOnAChineseDeckHaveChineseTitlesAsText(@TempDir Path dir) throws Exception {
        org.unroll.i18n.Language was = org.unroll.i18n.Texts.language();
        org.unroll.i18n.Texts.use(org.unroll.i18n.Language.EN);
        try {
            Lesson l = LessonParser.parse(Path.of("lessons/06-vanishing-exploding.lesson"));
            String[][] cases = {{"zh_CN", "每一步的梯度范数", "时间步"}, {"zh_TW", "每一步的梯度範數", "時間步"},
                {"en", "Gradient norm per step", "time step t"}};
            for (String[] c : cases) {
                Path pdf = dir.resolve("deck-" + c[0] + ".pdf");
                new SlideDeck(l, Lang.ofCode(c[0])).write(pdf, p -> { });
                String last = pages(pdf).get(l.size() - 1);
                assertTrue(last.contains(c[1]), c[0] + ": the chart's title as text: " + last);
                assertTrue(last.contains(c[2]), c[0] + ": the chart's axis as text: " + last);
                if (!c[0].equals("en")) {
                    assertFalse(last.contains("Gradient norm per step"), c[0] + ": no English title: " + last);
                }
            }
            assertEquals(org.unroll.i18n.Language.EN, org.unroll.i18n.Texts.language(), "the process keeps its language");
        } finally {
            org.unroll.i18n.Texts.use(was);
        }
    }

    /** A Chinese comma or full stop after a number ends that number's line, never starts the next one. */
    @Test
    void noLineStartsWithAClosingMark() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            TextBlock t = new TextBlock(SlideFonts.load(doc), false);
            String text = "梯度就是各项贡献之和：∂L/∂w_hh = 0.02189 + 0.06674 + 0 = 0.08863，∂L/∂w_xh = 0.5212，损失从 0.08783 降到 0.02558。";
            for (float w = 120; w <= 480; w += 7) {
                List<String> lines = t.lines(text, w, 24);
                assertEquals(text.replace(" ", ""), String.join("", lines).replace(" ", ""), "nothing lost at width " + w);
                for (String line : lines) {
                    assertFalse("，。、；：".indexOf(line.charAt(0)) >= 0, "width " + w + ": " + lines);
                }
            }
        }
    }

    @Test
    void aChineseAnswerReadsAsChinese(@TempDir Path dir) throws Exception {
        Lesson l = LessonParser.parse(LESSON);
        Path pdf = dir.resolve("deck-zh.pdf");
        new SlideDeck(l, Lang.ZH_CN).write(pdf, p -> { });
        List<String> pages = pages(pdf);
        String answer = pages.get(2).replace(" ", "");
        assertTrue(answer.contains("答案：0.4621。"), "no English stop or space after the colon: " + answer);
        assertTrue(pages.get(1).replace(" ", "").contains("问题：先别往下走"), pages.get(1));
    }
}
