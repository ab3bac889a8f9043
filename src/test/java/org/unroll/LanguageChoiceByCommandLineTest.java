package org.unroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.i18n.Language;
import org.unroll.i18n.Texts;
import org.unroll.testing.Fixtures;

/**
 * {@code --lang} before a subcommand and the environment variable {@code UNROLL_LANG} choose the
 * language of what a subcommand writes: the charts' titles and axis labels come out in Chinese (as
 * SVG text). The variable is read by a JVM of its own, started as bin/unroll starts it.
 */
class LanguageChoiceByCommandLineTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        Texts.use(Language.EN);
    }

    private static List<String> render(String chart, String fixture, Path out) {
        return List.of("render", chart, Fixtures.model(fixture).toString(), Fixtures.seq(fixture).toString(),
                "-o", out.toString());
    }

    /** Runs org.unroll.Main in a fresh JVM with {@code UNROLL_LANG} set as given (null: removed). */
    private static int java(String unrollLang, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.unroll.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(Texts.LANG_VARIABLE);
        if (unrollLang != null) {
            pb.environment().put(Texts.LANG_VARIABLE, unrollLang);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM did not end");
        assertTrue(p.exitValue() == 0 || !output.isBlank(), output);
        return p.exitValue();
    }

    @Test
    void unrollLangZhCnGivesAChineseVanishingChart() throws Exception {
        Path svg = dir.resolve("vanishing.svg");
        assertEquals(0, java("zh_CN", render("vanishing", "jeep_rnn", svg)));
        String text = Files.readString(svg);
        assertTrue(text.contains("‖∂h_T/∂h_k‖ 随 k 的变化"), "Chinese title");
        assertTrue(text.contains("k（梯度回传到的时间步）"), "Chinese x axis");
        assertTrue(text.contains("‖∂h_T/∂h_k‖（对数刻度）"), "Chinese y axis");
        assertFalse(text.contains("reaches back"), "no English axis left");
    }

    @Test
    void langZhTwBeforeTheSubcommandGivesATraditionalChineseGateChart() throws Exception {
        Path svg = dir.resolve("gates.svg");
        List<String> args = new ArrayList<>(List.of("--lang", "zh_TW"));
        args.addAll(render("gates", "jeep_lstm", svg));
        // --lang wins over the variable
        assertEquals(0, java("en", args));
        String text = Files.readString(svg);
        assertTrue(text.contains("LSTM 閘的激活值"), "Traditional Chinese title with 閘 for gate");
        assertTrue(text.contains("時間步 t"), "Traditional Chinese x axis");
        assertTrue(text.contains("f 遺忘閘"), "the gate rows' axis labels");
        assertFalse(text.contains("門"), "gate is 閘 in zh_TW, never 門");
    }

    @Test
    void langInTheSameJvmTranslatesStepNormsAndTheTimeline() throws Exception {
        Path norms = dir.resolve("norms.svg");
        List<String> args = new ArrayList<>(List.of("--lang=zh_CN"));
        args.addAll(render("step-norms", "jeep_rnn", norms));
        assertEquals(0, run(args).code);
        String text = Files.readString(norms);
        assertTrue(text.contains("每一步的梯度范数"), "title");
        assertTrue(text.contains("时间步 t"), "x axis");

        Path timeline = dir.resolve("timeline.svg");
        args = new ArrayList<>(List.of("--lang", "zh_TW"));
        args.addAll(render("timeline", "jeep_rnn", timeline));
        assertEquals(0, run(args).code);
        String t = Files.readString(timeline);
        assertTrue(t.contains("損失") && t.contains("輸入") && t.contains("輸出"), "timeline captions");
    }

    @Test
    void anUnknownOrMissingLanguageIsOneLineAndExitTwo() throws Exception {
        Result r = run("--lang", "fr", "--version");
        assertEquals(2, r.code);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(r.err.contains("en, zh_CN or zh_TW") && r.err.contains("'fr'"), r.err);
        r = run("--lang");
        assertEquals(2, r.code);
        assertEquals(1, r.err.lines().count(), r.err);
        assertEquals(2, java("klingon", List.of("--version")));
    }

    @Test
    void theChoiceOrderIsOptionPropertyVariableRememberedSystem() {
        java.util.Locale us = java.util.Locale.US;
        assertEquals(Language.ZH_TW, Texts.choose("zh-TW", "zh_CN", "en", Language.EN, us));
        assertEquals(Language.ZH_CN, Texts.choose(null, "zh_CN", "en", Language.ZH_TW, us));
        assertEquals(Language.EN, Texts.choose(null, null, "en", Language.ZH_TW, java.util.Locale.CHINA));
        assertEquals(Language.ZH_TW, Texts.choose(null, " ", "", Language.ZH_TW, java.util.Locale.CHINA));
        assertEquals(Language.ZH_CN, Texts.choose(null, null, null, null, java.util.Locale.CHINA));
        assertEquals(Language.EN, Texts.choose(null, null, null, null, java.util.Locale.GERMANY));
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Result run(List<String> args) {
        return run(args.toArray(new String[0]));
    }
}
