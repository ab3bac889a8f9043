package org.unroll.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.lesson.Lang;
import org.unroll.lesson.Lesson;
import org.unroll.lesson.LessonParser;
import org.unroll.task.Setup;
import org.unroll.ui.session.Session;

class LessonViewModelTest {
    static final String TEXT = """
            lesson vm
            title.en: Title
            title.zh_CN: 标题
            title.zh_TW: 標題

            step
            at forward 2
            en: h2 {h[2]}
            zh_CN: 损失 {loss}
            zh_TW: 損失 {loss}

            step
            at backward 1 stage 4
            en: back
            zh_CN: 回
            zh_TW: 回

            step
            cell lstm
            at loss
            en: lstm {loss}
            zh_CN: 长
            zh_TW: 長
            """;

    static Lesson lesson() throws Exception {
        return LessonParser.parse("vm.lesson", TEXT);
    }

    @Test
    void aStepThatNamesAChartTellsTheWindowEachTimeItIsShown() throws Exception {
        Session session = new Session(Runnable::run, Runnable::run);
        LessonViewModel vm = new LessonViewModel(session);
        List<org.unroll.lesson.Shown> told = new java.util.ArrayList<>();
        vm.setOnShown(told::add);
        vm.setLessons(List.of(LessonParser.parse("show.lesson", TEXT.replace("at backward 1 stage 4\n",
                "at backward 1 stage 4\nshow vanishing\n"))));
        assertNull(vm.shownProperty().get(), "the first step names nothing");
        assertTrue(told.isEmpty());
        vm.next();
        assertEquals(org.unroll.lesson.Shown.VANISHING, vm.shownProperty().get());
        vm.next();
        assertEquals(org.unroll.lesson.Shown.VANISHING, vm.shownProperty().get(), "the next step keeps it");
        vm.previous();
        assertEquals(List.of(org.unroll.lesson.Shown.VANISHING, org.unroll.lesson.Shown.VANISHING,
                org.unroll.lesson.Shown.VANISHING), told, "told at every step that names it, the same chart again too");
        vm.previous();
        assertNull(vm.shownProperty().get());
    }

    @Test
    void stepsDriveTheSessionsSetupAndCursor() throws Exception {
        Session session = new Session(Runnable::run, Runnable::run);
        LessonViewModel vm = new LessonViewModel(session);
        vm.languageProperty().set(Lang.EN);
        vm.setLessons(List.of(lesson()));
        assertEquals("Title", vm.titleProperty().get());
        assertEquals(3, vm.stepCountProperty().get());
        assertEquals(0, vm.stepIndexProperty().get());
        assertEquals("Step 1 of 3", vm.stepLabelProperty().get());
        assertEquals(Setup.JEEP, session.getSetup());
        assertEquals(Cursor.forward(1), session.getCursor());
        assertTrue(vm.narrationProperty().get().startsWith("h2 ["), vm.narrationProperty().get());
        assertFalse(vm.canPreviousProperty().get());
        assertTrue(vm.canNextProperty().get());

        vm.next();
        assertEquals(Cursor.backward(0, BackwardStage.PASS_BACK), session.getCursor());
        assertEquals("back", vm.narrationProperty().get());

        vm.next();
        assertEquals(CellType.LSTM, session.getSetup().cell());
        assertEquals(Cursor.loss(), session.getCursor());
        assertTrue(vm.narrationProperty().get().matches("lstm [0-9.]+"), vm.narrationProperty().get());
        assertFalse(vm.canNextProperty().get());

        vm.previous();
        assertEquals(Setup.JEEP, session.getSetup());
        assertEquals(Cursor.backward(0, BackwardStage.PASS_BACK), session.getCursor());
    }

    @Test
    void languageChangesTitleNarrationAndLabel() throws Exception {
        Session session = new Session(Runnable::run, Runnable::run);
        LessonViewModel vm = new LessonViewModel(session);
        vm.setLessons(List.of(lesson()));
        vm.languageProperty().set(Lang.ZH_TW);
        assertEquals("標題", vm.titleProperty().get());
        assertEquals("第 1 步，共 3 步", vm.stepLabelProperty().get());
        assertTrue(vm.narrationProperty().get().matches("損失 [0-9.]+"), vm.narrationProperty().get());
        vm.languageProperty().set(Lang.ZH_CN);
        assertTrue(vm.narrationProperty().get().startsWith("损失 "));
    }

    @Test
    void withABackgroundSessionTheCursorLandsAfterTheWalkArrives() throws Exception {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        Session session = new Session(background::add, Runnable::run);
        LessonViewModel vm = new LessonViewModel(session);
        vm.languageProperty().set(Lang.EN);
        vm.setLessons(List.of(lesson()));
        assertEquals("h2 …", vm.narrationProperty().get());
        while (!background.isEmpty()) {
            background.poll().run();
        }
        assertEquals(Cursor.forward(1), session.getCursor());
        assertTrue(vm.narrationProperty().get().startsWith("h2 ["));
    }

    @Test
    void theWholeListArrivesAfterTheFirstLessonWithoutMovingTheStudent(@TempDir Path dir) throws Exception {
        Session session = new Session(Runnable::run, Runnable::run);
        LessonViewModel vm = new LessonViewModel(session);
        Lesson first = lesson();
        vm.setLessons(List.of(first));
        vm.expectLessons(2);
        assertEquals(2, vm.lessonCountProperty().get(), "the chooser counts the lessons still to come");
        vm.next();
        assertEquals(1, vm.stepIndexProperty().get());
        Path mine = dir.resolve("mine.lesson");
        Files.writeString(mine, TEXT.replace("lesson vm", "lesson mine"));
        assertNull(vm.open(mine));
        vm.choose(first);
        vm.next();
        // the same files read again: equal lessons, not the same objects
        Lesson firstAgain = lesson();
        Lesson second = LessonParser.parse("second.lesson", TEXT.replace("lesson vm", "lesson second"));
        vm.completeLessons(List.of(firstAgain, second));
        assertEquals(List.of("vm", "second", "mine"), vm.lessons().stream().map(Lesson::id).toList());
        assertEquals(3, vm.lessonCountProperty().get());
        assertTrue(vm.lessons().get(0) == first, "the open lesson keeps its place in the list");
        assertTrue(vm.lessonProperty().get() == first);
        assertEquals(1, vm.stepIndexProperty().get(), "the student stays at the step they were on");
    }

    @Test
    void openingAFileAddsItOrReportsOneLine(@TempDir Path dir) throws Exception {
        Session session = new Session(Runnable::run, Runnable::run);
        LessonViewModel vm = new LessonViewModel(session);
        Path good = dir.resolve("vm.lesson");
        Files.writeString(good, TEXT);
        assertNull(vm.open(good));
        assertEquals(1, vm.lessons().size());
        assertEquals("vm", vm.lessonProperty().get().id());
        Path bad = dir.resolve("bad.lesson");
        Files.writeString(bad, TEXT.replace("cell lstm", "celll lstm"));
        String error = vm.open(bad);
        assertTrue(error.startsWith(bad + ":19: unknown directive \"celll\""), error);
        assertFalse(error.contains("\n"));
        assertEquals(1, vm.lessons().size());
    }

    @Test
    void aModelChangedByHandIsSaidAndTheLessonCanBeRestored() throws Exception {
        Session session = new Session(Runnable::run, Runnable::run);
        LessonViewModel vm = new LessonViewModel(session);
        vm.languageProperty().set(Lang.EN);
        vm.setLessons(List.of(lesson()));
        assertFalse(vm.driftedProperty().get());
        assertTrue(vm.narrationProperty().get().startsWith("h2 ["), vm.narrationProperty().get());

        session.apply(Setup.JEEP.withHiddenSize(7));
        assertTrue(vm.driftedProperty().get());
        assertTrue(vm.narrationProperty().get().contains("no longer"), vm.narrationProperty().get());

        vm.replay();
        assertFalse(vm.driftedProperty().get());
        assertEquals(Setup.JEEP, session.getSetup());
        assertEquals(Cursor.forward(1), session.getCursor());
    }

    @Test
    void aSetupAppliedAfterTheLessonsWinsAndIsSaid() throws Exception {
        ArrayDeque<Runnable> compute = new ArrayDeque<>();
        Session session = new Session(compute::add, Runnable::run);
        LessonViewModel vm = new LessonViewModel(session);
        vm.languageProperty().set(Lang.EN);
        vm.setLessons(List.of(lesson()));
        session.apply(Setup.JEEP.withCell(CellType.GRU));
        while (!compute.isEmpty()) {
            compute.poll().run();
        }
        assertEquals(CellType.GRU, session.getWalkthrough().model().cell());
        assertTrue(vm.driftedProperty().get());
    }
}
