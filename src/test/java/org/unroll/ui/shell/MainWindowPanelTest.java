package org.unroll.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.io.ModelFile;
import org.unroll.io.SequenceFile;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.modelpanel.CellChoice;
import org.unroll.ui.session.Session;

/** The model panel in the real window shows what is on screen and keeps it (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowPanelTest {
    private final ExecutorService compute = Executors.newSingleThreadExecutor();
    private Session session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.ENGLISH);
        session = new Session(compute, Platform::runLater);
        window = BareWindow.show(stage, session);
        window.showModelPanel(true);
        session.apply(Setup.JEEP);
    }

    @AfterEach
    void stop() {
        compute.shutdownNow();
    }

    private void waitUntil(BooleanSupplier on) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> on.getAsBoolean() && !session.busyProperty().get()).get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void fileOpenOfAnLstmShowsItAndTheLearningRateKeepsIt(FxRobot robot, @TempDir Path dir) throws Exception {
        waitUntil(() -> session.getWalkthrough() != null);
        Scenario built = Scenario.build(Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(6).withText("hello"));
        Path m = dir.resolve("hello.model.json");
        Path s = dir.resolve("hello.seq.json");
        ModelFile.write(built.model(), m);
        SequenceFile.write(built.sequence(), s);
        robot.interact(() -> {
            try {
                new ModelFiles(session).open(m, s);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        waitUntil(() -> session.getWalkthrough().model().cell() == CellType.LSTM);
        assertEquals(CellChoice.LSTM, window.modelPanel().viewModel().cellProperty().get());
        assertEquals(6, window.modelPanel().viewModel().hiddenSizeProperty().get());
        assertEquals("hello", window.modelPanel().textField().getText());
        Walkthrough opened = session.getWalkthrough();
        robot.interact(() -> window.modelPanel().learningRateField().setText("0.5"));
        waitUntil(() -> session.getWalkthrough() != opened);
        assertNull(session.getSetup(), "still the opened model, no setup drawn from the seed");
        assertSame(opened.model(), session.getWalkthrough().model(), "the same weights");
        assertEquals(0.5, session.getWalkthrough().learningRate(), 0);
        assertEquals(CellChoice.LSTM, window.modelPanel().viewModel().cellProperty().get());
        assertTrue(window.statusLabel().getText().contains("LSTM"), window.statusLabel().getText());
    }

    @Test
    void aStackedBidirectionalFileShowsItsLayers(FxRobot robot) throws Exception {
        waitUntil(() -> session.getWalkthrough() != null);
        Path m = org.unroll.testing.Fixtures.dir().resolve("deep").resolve("words_bigru_masked.model.json");
        Path s = org.unroll.testing.Fixtures.dir().resolve("deep").resolve("words_bigru_masked.seq.json");
        org.unroll.engine.StackedModel want = org.unroll.io.GradInputs.load(m, s).model().model();
        robot.interact(() -> {
            try {
                new ModelFiles(session).open(m, s);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        waitUntil(() -> session.getGridWalk() != null);
        assertEquals(CellChoice.of(want.cell(), want.activation()), window.modelPanel().viewModel().cellProperty().get());
        assertEquals(want.layers(), window.modelPanel().viewModel().layersProperty().get());
        assertEquals(want.hiddenSize(), window.modelPanel().viewModel().hiddenSizeProperty().get());
        assertTrue(window.modelPanel().viewModel().bidirectionalProperty().get());
        assertTrue(window.modelPanel().textField().getText().contains(" | "), window.modelPanel().textField().getText());
    }

    @Test
    void aLessonsHAndSigmaAreShown(FxRobot robot) throws Exception {
        waitUntil(() -> session.getWalkthrough() != null);
        robot.interact(() -> session.apply(Setup.JEEP.withHiddenSize(8).withSpectralNorm(5)));
        waitUntil(() -> session.getSetup().hiddenSize() == 8);
        assertEquals(8, (int) window.modelPanel().hiddenSpinner().getValue());
        List<String> texts = new ArrayList<>();
        robot.lookup(".model-panel .label").queryAll().forEach(n -> texts.add(((Label) n).getText()));
        assertTrue(texts.contains("σ = 5"), texts.toString());
        assertEquals(5.0, window.modelPanel().viewModel().spectralNormProperty().get(), 0);
        robot.interact(() -> window.modelPanel().learningRateField().setText("0.2"));
        waitUntil(() -> session.getSetup().learningRate() == 0.2);
        assertEquals(5.0, session.getSetup().spectralNorm(), 0, "σ = 5 kept, not cut to the slider's end");
        assertEquals(8, session.getSetup().hiddenSize());
    }

    @Test
    void typingANewTextKeepsBackwardStepSixAndComputesOnce(FxRobot robot) throws Exception {
        robot.interact(() -> session.apply(Setup.JEEP.withText("abcdefghijk")));
        waitUntil(() -> session.getWalkthrough() != null && session.getWalkthrough().steps() == 10);
        Cursor six = Cursor.backward(5, BackwardStage.ADD_FUTURE);
        robot.interact(() -> session.moveTo(six));
        List<Setup> shown = new ArrayList<>();
        robot.interact(() -> session.setupProperty().addListener((o, a, v) -> shown.add(v)));
        // the text retyped key by key in one go: the field sees every intermediate text
        robot.interact(() -> {
            String target = "the quick fox";
            window.modelPanel().textField().setText("");
            for (int i = 1; i <= target.length(); i++) {
                window.modelPanel().textField().setText(target.substring(0, i));
            }
        });
        waitUntil(() -> session.getSetup().text().equals("the quick fox"));
        assertEquals(1, shown.size(), "one computation for the word: " + shown);
        assertEquals(six, session.getCursor(), "the same phase, stage and step");
        assertTrue(fx(() -> window.titleLabel().getText()).startsWith("Backward · step 6"), window.titleLabel().getText());
    }

    @Test
    void theToolbarsSaveMenuHoldsTheSavesAndExports(FxRobot robot) throws Exception {
        waitUntil(() -> session.getWalkthrough() != null);
        List<String> items = fx(() -> window.exportMenu().getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).filter(t -> t != null).toList());
        assertEquals(List.of(I18n.get("shell.menu.saveModel"), I18n.get("shell.menu.saveSequence"),
                I18n.get("shell.menu.exportTimelinePng"), I18n.get("shell.menu.exportTimelineSvg")), items);
        javafx.scene.control.MenuItem slides = new javafx.scene.control.MenuItem("Export lesson as slides…");
        robot.interact(() -> window.addFileExport(slides));
        assertEquals("Export lesson as slides…", fx(() -> window.exportMenu().getItems()
                .get(window.exportMenu().getItems().size() - 1).getText()), "a pane's export is on the toolbar too");
    }
}
