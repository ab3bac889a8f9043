package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.i18n.Language;
import org.unroll.i18n.LanguageChoice;
import org.unroll.i18n.Texts;
import org.unroll.task.Setup;
import org.unroll.ui.UnrollApp;
import org.unroll.ui.session.Session;

/** View › Language switches the running window's language and remembers the choice. */
@ExtendWith(ApplicationExtension.class)
class LanguageMenuTest {
    @TempDir
    static Path config;
    private final ExecutorService compute = Executors.newSingleThreadExecutor();
    private Stage stage;
    private Session session;

    @Start
    void start(Stage s) {
        System.setProperty(LanguageChoice.DIR_PROPERTY, config.toString());
        Texts.use(Language.EN);
        stage = s;
        session = new Session(compute, Platform::runLater);
        UnrollApp.open(stage, session);
        session.apply(Setup.JEEP);
    }

    @AfterEach
    void stop() {
        compute.shutdownNow();
        Texts.use(Language.EN);
        System.clearProperty(LanguageChoice.DIR_PROPERTY);
    }

    private static List<Menu> menus(Parent root) {
        return ((MenuBar) root.lookup(".menu-bar")).getMenus();
    }

    @Test
    void pickingTraditionalChineseRebuildsTheWindowInItAndRemembersIt() throws Exception {
        Parent before = stage.getScene().getRoot();
        Menu language = menus(before).get(menus(before).size() - 1);
        assertEquals("Language", language.getText());
        assertEquals(List.of("English", "简体中文", "繁體中文"), language.getItems().stream().map(MenuItem::getText).toList());
        WaitForAsyncUtils.asyncFx(() -> language.getItems().get(2).fire()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(Language.ZH_TW, Texts.language());
        Parent after = stage.getScene().getRoot();
        assertNotSame(before, after, "the window's views are built again");
        assertEquals("檔案", menus(after).get(0).getText());
        assertEquals("語言", menus(after).get(menus(after).size() - 1).getText());
        assertEquals("zh_TW", Files.readString(config.resolve("language")).trim());
        assertEquals(Language.ZH_TW, LanguageChoice.ofUser().load());
        assertTrue(session.getSetup() != null, "the session, and with it the place, is kept");
    }
}
