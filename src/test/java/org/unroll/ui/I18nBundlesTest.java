package org.unroll.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The three bundles must have the same keys, no empty values and valid MessageFormat patterns. */
class I18nBundlesTest {

    private static final String[] BUNDLES = {"messages.properties", "messages_zh_CN.properties", "messages_zh_TW.properties"};

    @Test
    void allBundlesHaveExactlyTheSameKeys() throws IOException {
        Set<String> english = load(BUNDLES[0]).stringPropertyNames();
        for (String bundle : BUNDLES) {
            Set<String> keys = load(bundle).stringPropertyNames();
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(english);
            assertTrue(missing.isEmpty(), bundle + " misses " + missing);
            assertTrue(extra.isEmpty(), bundle + " has extra " + extra);
        }
        assertTrue(english.size() > 40, "starter set present");
    }

    @Test
    void noEmptyValuesAndEveryValueIsAValidPattern() throws IOException {
        for (String bundle : BUNDLES) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                assertFalse(value.isBlank(), bundle + ": " + key + " is empty");
                new MessageFormat(value);
                assertFalse(value.replace("''", "").contains("'"),
                        bundle + ": " + key + " has a single apostrophe, which MessageFormat would swallow: write ''");
            }
        }
    }

    @Test
    void placeholdersMatchAcrossLanguages() throws IOException {
        Properties english = load(BUNDLES[0]);
        for (String bundle : BUNDLES) {
            Properties p = load(bundle);
            for (String key : english.stringPropertyNames()) {
                assertEquals(placeholders(english.getProperty(key)), placeholders(p.getProperty(key)), bundle + ": " + key);
            }
        }
    }

    @Test
    void chineseBundlesAreReallyTranslatedAndDistinct() throws IOException {
        Properties simplified = load(BUNDLES[1]);
        Properties traditional = load(BUNDLES[2]);
        assertEquals("前进一步", simplified.getProperty("toolbar.stepForward"));
        assertEquals("前進一步", traditional.getProperty("toolbar.stepForward"));
        assertEquals("W_hh 的谱范数", simplified.getProperty("model.spectralNorm"));
        assertEquals("W_hh 的譜範數", traditional.getProperty("model.spectralNorm"));
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> indices = new TreeSet<>();
        for (int i = 0; i < 10; i++) {
            if (pattern.contains("{" + i + "}")) {
                indices.add(i);
            }
        }
        return indices;
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/org/unroll/ui/" + name)) {
            assertTrue(in != null, name + " missing");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
