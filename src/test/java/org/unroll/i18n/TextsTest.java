package org.unroll.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextsTest {
    private static final String[] SUFFIXES = {"", "_zh_CN", "_zh_TW"};

    @AfterEach
    void backToEnglish() {
        Texts.use(Language.EN);
    }

    @Test
    void codesNameTheThreeLanguages() {
        assertEquals(Language.EN, Language.parse("en"));
        assertEquals(Language.EN, Language.parse("en_US"));
        assertEquals(Language.ZH_CN, Language.parse("zh_CN"));
        assertEquals(Language.ZH_CN, Language.parse(" zh "));
        assertEquals(Language.ZH_TW, Language.parse("zh-TW"));
        assertEquals(Language.ZH_TW, Language.parse("zh_Hant"));
        assertEquals(Language.ZH_TW, Language.parse("zh_HK"));
        assertNull(Language.parse("fr"));
        assertNull(Language.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Texts.choose("fr", null, null, null, Locale.US));
        assertThrows(IllegalArgumentException.class, () -> Texts.choose(null, null, "de", null, Locale.US));
    }

    @Test
    void textsFollowTheLanguageInUse() {
        Texts.use(Language.EN);
        assertEquals("time step t", Texts.get("chart.axis.timeStep"));
        Texts.use(Language.ZH_CN);
        assertEquals("时间步 t", Texts.get("chart.axis.timeStep"));
        Texts.use(Language.ZH_TW);
        assertEquals("時間步 t", Texts.get("chart.axis.timeStep"));
        assertEquals("LSTM 梯度檢驗：12 個元素中有 3 個未通過",
                Texts.get("chart.gradcheck.someFail", "LSTM", "3", "12"));
        assertEquals("!no.such.key!", Texts.get("no.such.key"));
    }

    @Test
    void theBundlesHaveTheSameKeysAndPlaceholdersAndValidPatterns() throws IOException {
        Properties english = load("/org/unroll/i18n/texts.properties");
        for (String suffix : SUFFIXES) {
            Properties p = load("/org/unroll/i18n/texts" + suffix + ".properties");
            assertEquals(english.stringPropertyNames(), p.stringPropertyNames(), suffix);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                assertFalse(v.isBlank(), suffix + " " + key);
                new MessageFormat(v);
                assertFalse(v.replace("''", "").contains("'"), suffix + " " + key + ": a lone apostrophe");
                assertEquals(placeholders(english.getProperty(key)), placeholders(v), suffix + " " + key);
            }
        }
    }

    @Test
    void traditionalChineseSaysGateAsOneWordEverywhere() throws IOException {
        for (String bundle : new String[] {"/org/unroll/i18n/texts_zh_TW.properties", "/org/unroll/ui/messages_zh_TW.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                assertFalse(p.getProperty(key).contains("門"), bundle + " " + key + " says 門, not 閘: " + p.getProperty(key));
            }
        }
        assertEquals("f 遺忘閘", load("/org/unroll/i18n/texts_zh_TW.properties").getProperty("chart.gates.name.f"));
    }

    @Test
    void theChoiceIsRememberedInAFileAndAMissingOrBadFileIsNoChoice(@TempDir Path dir) throws IOException {
        LanguageChoice c = new LanguageChoice(dir.resolve("sub").resolve("language"));
        assertNull(c.load());
        c.save(Language.ZH_CN);
        assertEquals(Language.ZH_CN, c.load());
        c.save(Language.ZH_TW);
        assertEquals(Language.ZH_TW, c.load());
        try (var files = Files.list(dir.resolve("sub"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        Files.writeString(c.file(), "klingon");
        assertNull(c.load());
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < 10; i++) {
            if (pattern.contains("{" + i + "}")) {
                out.add(i);
            }
        }
        return out;
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = TextsTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
