package org.unroll.lesson;

import java.util.Locale;

/** The languages every lesson is written in, named as {@code unroll.lang} names them. */
public enum Lang {
    EN("en"),
    ZH_CN("zh_CN"),
    ZH_TW("zh_TW");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    /** en, zh_CN or zh_TW. */
    public String code() {
        return code;
    }

    /** The language of a code (also accepts zh-CN, zh_tw …), or null. */
    public static Lang ofCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().replace('-', '_').toLowerCase(Locale.ROOT);
        for (Lang l : values()) {
            if (l.code.toLowerCase(Locale.ROOT).equals(c)) {
                return l;
            }
        }
        return null;
    }

    /** The language in use ({@link org.unroll.i18n.Texts#language()}: --lang, UNROLL_LANG, unroll.lang, …). */
    public static Lang fromSystem() {
        Lang l = ofCode(org.unroll.i18n.Texts.language().code());
        return l == null ? EN : l;
    }
}
