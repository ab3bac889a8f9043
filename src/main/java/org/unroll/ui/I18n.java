package org.unroll.ui;

import java.util.Locale;
import java.util.ResourceBundle;
import org.unroll.i18n.Language;
import org.unroll.i18n.Texts;

/**
 * The window's texts in English, 简体中文 and 繁體中文. The language is {@link Texts}'s, one for the
 * whole process (the {@code --lang} option, {@code UNROLL_LANG}, the language menu's last choice or
 * the system's); a key this bundle lacks is looked up among the toolkit-free texts (charts, engine
 * messages), so the window can show those too. Every text is a {@link java.text.MessageFormat}
 * pattern, so a literal apostrophe is written {@code ''} in the bundles.
 */
public final class I18n {

    public static final String LANG_PROPERTY = Texts.LANG_PROPERTY;
    static final String BUNDLE = "org.unroll.ui.messages";

    /** The three supported languages. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale TRADITIONAL_CHINESE = Locale.TRADITIONAL_CHINESE;

    private I18n() {
    }

    /** The language in use. */
    public static Locale locale() {
        return Texts.language().locale();
    }

    /** Switches language; views built afterwards use it (views already on screen keep their text). */
    public static void setLocale(Locale requested) {
        Texts.use(Language.of(requested));
    }

    /** The text for {@code key} with {@code args} filled in; {@code !key!} if the key is missing. */
    public static String get(String key, Object... args) {
        Language l = Texts.language();
        String pattern = Texts.pattern(BUNDLE, l, key);
        if (pattern == null) {
            return Texts.get(key, args);
        }
        return Texts.format(pattern, l, args);
    }

    /**
     * The supported locale for a {@value #LANG_PROPERTY} value ({@code en}, {@code zh_CN}, {@code zh-TW},
     * {@code zh_Hant}, ...) or, when it is null or blank, for the given default locale. Unknown → English.
     */
    static Locale resolve(String lang, Locale fallback) {
        if (lang != null && !lang.isBlank()) {
            Language l = Language.parse(lang);
            return (l == null ? Language.EN : l).locale();
        }
        return Language.of(fallback).locale();
    }

    /** Loads a bundle without falling back to the JVM default locale (an English user on a Chinese system gets English). */
    static ResourceBundle load(Locale supported) {
        return Texts.bundle(BUNDLE, Language.of(supported));
    }
}
