package org.unroll.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class I18nTest {

    @AfterEach
    void backToEnglish() {
        I18n.setLocale(I18n.ENGLISH);
    }

    @Test
    void langPropertyWins() {
        assertEquals(I18n.ENGLISH, I18n.resolve("en", Locale.SIMPLIFIED_CHINESE));
        assertEquals(I18n.SIMPLIFIED_CHINESE, I18n.resolve("zh_CN", Locale.US));
        assertEquals(I18n.TRADITIONAL_CHINESE, I18n.resolve("zh_TW", Locale.US));
        assertEquals(I18n.TRADITIONAL_CHINESE, I18n.resolve("zh-Hant", Locale.US));
        assertEquals(I18n.SIMPLIFIED_CHINESE, I18n.resolve(" zh ", Locale.US));
        assertEquals(I18n.ENGLISH, I18n.resolve("fr", Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void defaultLocaleWhenNoProperty() {
        assertEquals(I18n.ENGLISH, I18n.resolve(null, Locale.GERMANY));
        assertEquals(I18n.TRADITIONAL_CHINESE, I18n.resolve("", Locale.forLanguageTag("zh-HK")));
        assertEquals(I18n.SIMPLIFIED_CHINESE, I18n.resolve(null, Locale.forLanguageTag("zh-SG")));
        assertEquals(I18n.TRADITIONAL_CHINESE, I18n.resolve(null, Locale.forLanguageTag("zh-Hant-CN")));
    }

    @Test
    void getFormatsArgumentsInTheChosenLanguage() {
        I18n.setLocale(I18n.ENGLISH);
        assertEquals("Step 3 of 12", I18n.get("toolbar.position", 3, 12));
        assertEquals("This step's parameter gradients", I18n.get("stage.paramGradients"));
        I18n.setLocale(I18n.SIMPLIFIED_CHINESE);
        assertEquals("第 3 步，共 12 步", I18n.get("toolbar.position", 3, 12));
        assertEquals("打开模型…", I18n.get("menu.openModel"));
        I18n.setLocale(Locale.forLanguageTag("zh-TW"));
        assertEquals("開啟模型…", I18n.get("menu.openModel"));
    }

    @Test
    void englishDoesNotFallBackToTheJvmDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            I18n.setLocale(Locale.ENGLISH);
            assertEquals("Play", I18n.get("toolbar.play"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void missingKeyIsVisibleNotFatal() {
        assertEquals("!no.such.key!", I18n.get("no.such.key"));
    }
}
