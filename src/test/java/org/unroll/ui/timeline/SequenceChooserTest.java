package org.unroll.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/** The chooser under a batch's grid: each sequence, then every sequence stacked. */
@ExtendWith(ApplicationExtension.class)
class SequenceChooserTest {
    private Session session;
    private TimelineViewModel vm;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        session = new Session(Runnable::run, Runnable::run);
        vm = new TimelineViewModel(session);
        stage.setScene(new Scene(new TimelineView(vm), 800, 400));
        stage.show();
    }

    @Test
    void theChooserPicksASequenceOrStacksThemAll(FxRobot robot) {
        robot.interact(() -> session.apply(Setup.JEEP.withLayers(2).withBatch(List.of("unrolling", "time", "rnn"))));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> chooser = robot.lookup(".timeline-sequence").queryAs(ComboBox.class);
        assertEquals(List.of("unrolling", "time", "rnn", "all, stacked"), chooser.getItems());
        assertEquals("unrolling", chooser.getValue());
        robot.interact(() -> chooser.getSelectionModel().select(3));
        assertTrue(vm.stackedProperty().get());
        assertEquals(3, vm.stackedFramesProperty().get().size());
        robot.interact(() -> chooser.getSelectionModel().select(1));
        assertFalse(vm.stackedProperty().get());
        assertEquals(1, session.gridSequenceProperty().get());
        assertEquals("time", chooser.getValue());
        // stacking from the model keeps the sequence walked and the point
        robot.interact(() -> session.moveToIndex(50));
        robot.interact(() -> vm.stackedProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, session.gridSequenceProperty().get());
        assertEquals(50, session.positionProperty().get());
        assertEquals("all, stacked", chooser.getValue());
    }
}
