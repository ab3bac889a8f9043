package org.unroll.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.i18n.Language;
import org.unroll.i18n.Texts;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonLibrary;
import org.unroll.ui.lesson.LessonPane;

/**
 * The app's own start: the window shows on the first lesson, having read only that lesson before its
 * first frame, and the chooser lists every lesson once that frame is drawn, the student left where they are.
 */
@ExtendWith(ApplicationExtension.class)
class AppStartTest {
    private Stage stage;
    private UnrollApp app;

    @Start
    void start(Stage s) {
        Texts.use(Language.EN);
        stage = s;
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            // the app ends the toolkit with its last window; the tests after this one still need it
            Platform.setImplicitExit(false);
            app.stop();
            stage.hide();
        }).get(10, TimeUnit.SECONDS);
    }

    private LessonPane lessonPane() {
        return (LessonPane) stage.getScene().getRoot().lookup(".lesson-pane");
    }

    @Test
    void theWindowShowsTheFirstLessonWithItsWalkThenListsEveryLesson() throws Exception {
        List<String> every = LessonLibrary.load(p -> { }).stream().map(Lesson::id).toList();
        app = new UnrollApp();
        WaitForAsyncUtils.asyncFx(() -> app.start(stage)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.isShowing() && lessonPane() != null
                && lessonPane().model().lessons().size() == every.size());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(every, lessonPane().model().lessons().stream().map(Lesson::id).toList());
        assertEquals(every.size(), lessonPane().model().lessonCountProperty().get());
        assertEquals(every.get(0), lessonPane().model().lessonProperty().get().id());
        assertEquals(0, lessonPane().model().stepIndexProperty().get(), "still at the first step");
        assertTrue(lessonPane().model().narrationProperty().get().contains("jeep"),
                lessonPane().model().narrationProperty().get());
    }
}
