package org.unroll.cli;

import org.unroll.lesson.Lang;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The language of a command's output: {@code --lang}, else {@code UNROLL_LANG}, else English. */
final class Languages {
    private Languages() {
    }

    static Lang choose(String option, CommandSpec spec) {
        String asked = option != null ? option : System.getenv("UNROLL_LANG");
        if (asked == null || asked.isBlank()) {
            return Lang.EN;
        }
        Lang l = Lang.ofCode(asked);
        if (l == null) {
            throw new ParameterException(spec.commandLine(), "unknown language \"" + asked + "\" (expected en, zh_CN or zh_TW)");
        }
        return l;
    }
}
