package org.unroll.i18n;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The language of everything Unroll writes for a person to read, and the texts of the toolkit-free
 * parts (charts, figures, the command line, engine messages) in it. The window's own texts live in
 * the ui bundle, which follows the same language. Every text is a {@link MessageFormat} pattern, so a
 * literal apostrophe is written {@code ''} in the bundles.
 *
 * <p>The language is one value for the whole process, set once at start ({@link #use}) and again
 * when the user picks another in the window's language menu.
 */
public final class Texts {
    /** The system property naming the language (en, zh_CN, zh_TW). */
    public static final String LANG_PROPERTY = "unroll.lang";
    /** The environment variable naming the language, read when the property is not set. */
    public static final String LANG_VARIABLE = "UNROLL_LANG";
    static final String BUNDLE = "org.unroll.i18n.texts";

    private static volatile Language language = fromEnvironment();
    /** A language one piece of work on one thread writes in (a slide deck in its own language), else null. */
    private static final ThreadLocal<Language> THIS_THREAD = new ThreadLocal<>();

    private Texts() {
    }

    /** The language in use: the one {@link #in} gives this thread, else the process's. */
    public static Language language() {
        Language l = THIS_THREAD.get();
        return l != null ? l : language;
    }

    /**
     * Runs {@code work} with texts in {@code l} on this thread only (the rest of the process keeps its
     * language): what a slide deck in another language than the window's draws its charts with.
     */
    public static <T> T in(Language l, java.util.function.Supplier<T> work) {
        Language was = THIS_THREAD.get();
        THIS_THREAD.set(l);
        try {
            return work.get();
        } finally {
            if (was == null) {
                THIS_THREAD.remove();
            } else {
                THIS_THREAD.set(was);
            }
        }
    }

    /** From now on, texts are in {@code l}. */
    public static void use(Language l) {
        language = l == null ? Language.EN : l;
    }

    /** The text for {@code key} in the language in use, with {@code args} filled in; {@code !key!} if missing. */
    public static String get(String key, Object... args) {
        Language l = language();
        String pattern = pattern(BUNDLE, l, key);
        if (pattern == null) {
            System.err.println("unroll: missing text for key " + key + " in " + l.code());
            return "!" + key + "!";
        }
        return format(pattern, l, args);
    }

    /** Whether the toolkit-free bundle has {@code key}. */
    public static boolean has(String key) {
        return pattern(BUNDLE, language(), key) != null;
    }

    /** {@code pattern} with {@code args} filled in, numbers and dates as {@code l} writes them. */
    public static String format(String pattern, Language l, Object... args) {
        return new MessageFormat(pattern, l.locale()).format(args);
    }

    /** The pattern for {@code key} in bundle {@code base} for {@code l}, or null. */
    public static String pattern(String base, Language l, String key) {
        try {
            return bundle(base, l).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** A bundle without falling back to the JVM's default locale (an English user on a Chinese system reads English). */
    public static ResourceBundle bundle(String base, Language l) {
        return ResourceBundle.getBundle(base, l.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * The language asked for at start, strongest first: {@code requested} (from {@code --lang}), the system
     * property {@value #LANG_PROPERTY}, the environment variable {@value #LANG_VARIABLE}, {@code remembered}
     * (the window's last choice), the JVM's default locale.
     *
     * @throws IllegalArgumentException naming the source when a given code is not a language Unroll speaks
     */
    public static Language choose(String requested, String property, String variable, Language remembered,
            java.util.Locale system) {
        Language l = named(requested, "--lang");
        if (l == null) {
            l = named(property, "-D" + LANG_PROPERTY);
        }
        if (l == null) {
            l = named(variable, LANG_VARIABLE);
        }
        if (l == null) {
            l = remembered;
        }
        return l != null ? l : Language.of(system);
    }

    /** The property, else the variable, else the default locale; a bad code there counts as none. */
    static Language fromEnvironment() {
        try {
            return choose(null, System.getProperty(LANG_PROPERTY), System.getenv(LANG_VARIABLE), null,
                    java.util.Locale.getDefault());
        } catch (IllegalArgumentException e) {
            return Language.of(java.util.Locale.getDefault());
        }
    }

    private static Language named(String code, String source) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Language l = Language.parse(code);
        if (l == null) {
            throw new IllegalArgumentException(source + " must be " + Language.choices() + ", was '" + code.trim() + "'");
        }
        return l;
    }
}
