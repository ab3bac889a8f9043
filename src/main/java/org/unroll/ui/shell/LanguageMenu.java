package org.unroll.ui.shell;

import java.io.IOException;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.unroll.i18n.Language;
import org.unroll.i18n.LanguageChoice;
import org.unroll.i18n.Texts;
import org.unroll.ui.I18n;

/**
 * The Language menu: English, 简体中文, 繁體中文, each named in itself. Picking one switches the
 * process's language, remembers it for the next start and asks the window to rebuild its views
 * in it (views already built keep their text).
 */
final class LanguageMenu {
    private LanguageMenu() {
    }

    /**
     * @param choice     where the choice is remembered
     * @param rebuild    called on the JavaFX thread after the language changed
     * @param onProblem  told, in one line, when the choice could not be remembered
     */
    static Menu create(LanguageChoice choice, Runnable rebuild, Consumer<String> onProblem) {
        Menu menu = new Menu(I18n.get("menu.language"));
        ToggleGroup group = new ToggleGroup();
        for (Language l : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(l.nativeName());
            item.setToggleGroup(group);
            item.setUserData(l);
            item.setSelected(l == Texts.language());
            item.setOnAction(e -> {
                if (l == Texts.language()) {
                    return;
                }
                Texts.use(l);
                try {
                    choice.save(l);
                } catch (IOException | RuntimeException ex) {
                    onProblem.accept(I18n.get("shell.languageNotSaved", choice.file(), String.valueOf(ex.getMessage())));
                }
                rebuild.run();
            });
            menu.getItems().add(item);
        }
        return menu;
    }
}
