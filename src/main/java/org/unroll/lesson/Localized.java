package org.unroll.lesson;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One text in every language, with the line of the lesson file each came from.
 *
 * @param texts the text per language
 * @param lines the 1-based line where each language's text starts
 */
public record Localized(Map<Lang, String> texts, Map<Lang, Integer> lines) {

    public Localized {
        texts = Map.copyOf(texts);
        lines = Map.copyOf(lines);
    }

    /** The same text in every language (for tests and built-in labels). */
    public static Localized of(String en, String zhCn, String zhTw) {
        Map<Lang, String> t = new EnumMap<>(Lang.class);
        t.put(Lang.EN, Objects.requireNonNull(en));
        t.put(Lang.ZH_CN, Objects.requireNonNull(zhCn));
        t.put(Lang.ZH_TW, Objects.requireNonNull(zhTw));
        return new Localized(t, Map.of());
    }

    /** The text in {@code lang}, or English when that language is missing. */
    public String get(Lang lang) {
        String s = texts.get(lang);
        return s != null ? s : texts.getOrDefault(Lang.EN, "");
    }

    public boolean has(Lang lang) {
        return texts.containsKey(lang);
    }

    /** The line of {@code lang}'s text, or 0 when unknown. */
    public int line(Lang lang) {
        return lines.getOrDefault(lang, 0);
    }
}
