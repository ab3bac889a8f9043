package org.unroll.i18n;

import java.util.Locale;

/** The three languages Unroll speaks, named as {@code --lang} and {@code UNROLL_LANG} name them. */
public enum Language {
    EN("en", Locale.ENGLISH, "English"),
    ZH_CN("zh_CN", Locale.SIMPLIFIED_CHINESE, "简体中文"),
    ZH_TW("zh_TW", Locale.TRADITIONAL_CHINESE, "繁體中文");

    private final String code;
    private final Locale locale;
    private final String nativeName;

    Language(String code, Locale locale, String nativeName) {
        this.code = code;
        this.locale = locale;
        this.nativeName = nativeName;
    }

    /** en, zh_CN or zh_TW. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, as a language menu lists it. */
    public String nativeName() {
        return nativeName;
    }

    /**
     * The language a user's code names: {@code en}, {@code zh_CN}, {@code zh-TW}, {@code zh_Hant}, {@code zh}
     * (Simplified), {@code en_US} …; null when blank or not one of the three.
     */
    public static Language parse(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Locale l = Locale.forLanguageTag(code.trim().replace('_', '-'));
        return switch (l.getLanguage()) {
            case "en" -> EN;
            case "zh" -> of(l);
            default -> null;
        };
    }

    /** The supported language nearest to a locale: Chinese by script or region, English otherwise. */
    public static Language of(Locale requested) {
        if (requested == null || !requested.getLanguage().equals("zh")) {
            return EN;
        }
        String script = requested.getScript();
        String country = requested.getCountry();
        boolean traditional = script.equals("Hant")
                || (script.isEmpty() && (country.equals("TW") || country.equals("HK") || country.equals("MO")));
        return traditional ? ZH_TW : ZH_CN;
    }

    /** "en, zh_CN or zh_TW", for messages about a bad code. */
    public static String choices() {
        return EN.code + ", " + ZH_CN.code + " or " + ZH_TW.code;
    }
}
