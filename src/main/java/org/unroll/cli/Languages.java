package org.unroll.cli;

import org.unroll.lesson.Lang;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The language of a lesson command's output: its own {@code --lang}, else the program's (a
 * leading {@code --lang}, {@code unroll.lang}, {@code UNROLL_LANG}, the system's; see Main).
 */
final class Languages {
    private Languages() {
    }

    static Lang choose(String option, CommandSpec spec) {
        if (option == null) {
            return Lang.fromSystem();
        }
        Lang l = Lang.ofCode(option);
        if (l == null) {
            throw new ParameterException(spec.commandLine(), "unknown language \"" + option + "\" (expected en, zh_CN or zh_TW)");
        }
        return l;
    }
}
