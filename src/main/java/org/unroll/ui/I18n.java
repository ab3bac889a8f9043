package org.unroll.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts in English, 简体中文 and 繁體中文.
 * The language comes from the system property {@value #LANG_PROPERTY} ({@code en}, {@code zh_CN} or
 * {@code zh_TW}) or else from the default locale. Every text is a {@link MessageFormat} pattern, so a
 * literal apostrophe is written {@code ''} in the bundles.
 */
public final class I18n {

    public static final String LANG_PROPERTY = "unroll.lang";
    static final String BUNDLE = "org.unroll.ui.messages";

    /** The three supported languages. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale TRADITIONAL_CHINESE = Locale.TRADITIONAL_CHINESE;

    private static volatile Locale locale = resolve(System.getProperty(LANG_PROPERTY), Locale.getDefault());
    private static volatile ResourceBundle bundle = load(locale);

    private I18n() {
    }

    /** The language in use. */
    public static Locale locale() {
        return locale;
    }

    /** Switches language; views built afterwards use it (views already on screen keep their text). */
    public static void setLocale(Locale requested) {
        Locale supported = resolve(null, requested);
        bundle = load(supported);
        locale = supported;
    }

    /** The text for {@code key} with {@code args} filled in; {@code !key!} if the key is missing. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            System.err.println("Unroll: missing text for key " + key + " in " + locale);
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /**
     * The supported locale for a {@value #LANG_PROPERTY} value ({@code en}, {@code zh_CN}, {@code zh-TW},
     * {@code zh_Hant}, ...) or, when it is null or blank, for the given default locale. Unknown → English.
     */
    static Locale resolve(String lang, Locale fallback) {
        if (lang != null && !lang.isBlank()) {
            return resolve(Locale.forLanguageTag(lang.trim().replace('_', '-')));
        }
        return resolve(fallback);
    }

    private static Locale resolve(Locale requested) {
        if (!requested.getLanguage().equals("zh")) {
            return ENGLISH;
        }
        String script = requested.getScript();
        String country = requested.getCountry();
        if (script.equals("Hant") || (script.isEmpty() && (country.equals("TW") || country.equals("HK") || country.equals("MO")))) {
            return TRADITIONAL_CHINESE;
        }
        return SIMPLIFIED_CHINESE;
    }

    /** Loads a bundle without falling back to the JVM default locale (an English user on a Chinese system gets English). */
    static ResourceBundle load(Locale supported) {
        return ResourceBundle.getBundle(BUNDLE, supported,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
