package org.unroll.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.i18n.Language;
import org.unroll.i18n.Texts;
import org.unroll.task.Setup;
import org.unroll.ui.UnrollApp;
import org.unroll.ui.session.Session;

/** The main window's File menu offers the lesson's slides, after the timeline's exports. */
@ExtendWith(ApplicationExtension.class)
class ExportSlidesMenuTest {
    private final ExecutorService compute = Executors.newSingleThreadExecutor();
    private Stage stage;

    @Start
    void start(Stage s) {
        Texts.use(Language.EN);
        stage = s;
        Session session = new Session(compute, Platform::runLater);
        UnrollApp.open(stage, session);
        session.apply(Setup.JEEP);
    }

    @AfterEach
    void stop() {
        compute.shutdownNow();
    }

    @Test
    void theFileMenuHasExportLessonAsSlides() {
        WaitForAsyncUtils.waitForFxEvents();
        MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        List<MenuItem> file = bar.getMenus().get(0).getItems();
        List<String> names = file.stream().map(MenuItem::getText).toList();
        int slides = names.indexOf("Export lesson as slides…");
        assertTrue(slides > 0, names.toString());
        assertTrue(names.get(slides - 1) != null && names.get(slides - 1).contains("SVG"), "after the timeline's exports: " + names);
        assertFalse(file.get(slides).isDisable(), "a lesson is open, so it can be exported");
    }
}
