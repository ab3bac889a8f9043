package org.unroll.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unroll.charts.MessageFigure;
import org.unroll.charts.StepContributionChart;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.CellType;
import org.unroll.engine.Cursor;
import org.unroll.engine.Walkthrough;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/** The charts' view model in plain JUnit: a session on direct executors, no toolkit. */
class ChartsViewModelTest {
    private final Session session = new Session(Runnable::run, Runnable::run);
    private final ChartsViewModel charts = new ChartsViewModel(session, Runnable::run, Runnable::run);

    @BeforeAll
    static void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    private static int items(XYDataset d) {
        int n = 0;
        for (int s = 0; s < d.getSeriesCount(); s++) {
            n += d.getItemCount(s);
        }
        return n;
    }

    private XYDataset stepNormData() {
        return charts.stepNormChart().chart().getXYPlot().getDataset();
    }

    @Test
    void atTheStartNoChartShowsWhatHasNotBeenComputed() {
        session.apply(Setup.JEEP.withCell(CellType.LSTM));
        assertEquals(Cursor.START, session.getCursor());
        assertEquals(0, items(stepNormData()), "no backward value at the start");
        assertEquals(0, charts.gateChart().shownColumns(), "no gate before its forward step");
        for (ChartsViewModel.Kind k : ChartsViewModel.Kind.values()) {
            assertNotNull(charts.placeholderProperty(k).get(), k + " says why it is empty at the start");
        }
        assertTrue(charts.figure(ChartsViewModel.Kind.STEP_NORMS) instanceof MessageFigure, "an export says the same");
    }

    @Test
    void eachChartShowsOnlyWhatExistsAtTheCursor() {
        session.apply(Setup.JEEP.withCell(CellType.LSTM));
        Walkthrough w = session.getWalkthrough();
        int units = w.model().hiddenSize();

        session.moveTo(Cursor.forward(1));
        assertEquals(2, charts.gateChart().shownColumns(), "the gates of forward steps 1 and 2");
        assertNull(charts.placeholderProperty(ChartsViewModel.Kind.GATES).get());
        assertNotNull(charts.placeholderProperty(ChartsViewModel.Kind.VANISHING).get(), "the forward pass has not ended");

        session.moveTo(Cursor.loss());
        assertEquals(3, charts.gateChart().shownColumns());
        assertEquals(w.tape().gates.get(2, units + 1), charts.gateChart().map().value(1, 2, 1), "f at step 3, unit 2");
        assertNull(charts.placeholderProperty(ChartsViewModel.Kind.VANISHING).get());
        assertEquals(0, items(stepNormData()));

        // backward step 2 (engine step 1): ‖dL/dh‖ of time steps 3 and 2 exist, not of 1
        session.moveTo(Cursor.backward(1, BackwardStage.ADD_FUTURE));
        XYDataset d = stepNormData();
        assertEquals(2, d.getItemCount(0));
        assertEquals(2.0, d.getXValue(0, 0));
        assertEquals(w.flow().dhNorms()[1], d.getYValue(0, 0), 0);
        assertEquals(w.flow().dhNorms()[2], d.getYValue(0, 1), 0);
        assertEquals(2, charts.stepNormChart().currentStep());
        assertNull(charts.placeholderProperty(ChartsViewModel.Kind.STEP_NORMS).get());
        assertNotNull(charts.placeholderProperty(ChartsViewModel.Kind.CONTRIBUTIONS).get(), "step 1 has not added its share");

        session.moveTo(Cursor.update());
        assertEquals(3, stepNormData().getItemCount(0));
        assertNull(charts.placeholderProperty(ChartsViewModel.Kind.CONTRIBUTIONS).get());
        assertEquals(-1, charts.stepNormChart().currentStep());
        assertEquals(w, session.getWalkthrough(), "moving the cursor recomputes nothing");
    }

    @Test
    void whileInactiveTheCursorIsOnlyNotedAndTheChartsCatchUp() {
        session.apply(Setup.JEEP);
        charts.setActive(false);
        session.moveTo(Cursor.update());
        assertEquals(0, items(stepNormData()), "nothing redrawn while off screen");
        charts.setActive(true);
        assertEquals(3, items(stepNormData()));
    }

    @Test
    void axesFollowTheDataOnEveryUpdate() {
        session.apply(Setup.JEEP, Cursor.update());
        XYPlot plot = charts.stepNormChart().chart().getXYPlot();
        assertEquals(3.5, plot.getDomainAxis().getUpperBound(), 1e-9);
        assertCovers(plot.getRangeAxis(), session.getWalkthrough().flow().dhNorms());

        // a longer text: more steps, other norms; the axes are those of the new data
        session.apply(Setup.JEEP.withText("hello world, hello"), Cursor.update());
        Walkthrough longer = session.getWalkthrough();
        assertEquals(longer.steps() + 0.5, plot.getDomainAxis().getUpperBound(), 1e-9);
        assertEquals(longer.steps(), stepNormData().getItemCount(0));
        assertCovers(plot.getRangeAxis(), longer.flow().dhNorms());

        // and back to a short one: the range shrinks to it, it does not keep the long walk's
        session.apply(Setup.JEEP.withText("ab"), Cursor.update());
        double[] shortNorms = session.getWalkthrough().flow().dhNorms();
        assertCovers(plot.getRangeAxis(), shortNorms);
        double spread = java.util.Arrays.stream(shortNorms).max().orElseThrow()
                - java.util.Arrays.stream(shortNorms).min().orElseThrow();
        assertTrue(plot.getRangeAxis().getRange().getLength() <= 4 * Math.max(spread, 1e-3) + 0.05,
                "the range fits the new data: " + plot.getRangeAxis().getRange());

        // the same on a log axis, and for the vanishing chart
        charts.logScaleProperty().set(true);
        assertCovers(charts.stepNormChart().chart().getXYPlot().getRangeAxis(), shortNorms);
        session.apply(Setup.JEEP.withText("hello world, hello"), Cursor.update());
        assertCovers(charts.stepNormChart().chart().getXYPlot().getRangeAxis(), session.getWalkthrough().flow().dhNorms());
        assertCovers(charts.vanishingChart().chart().getXYPlot().getRangeAxis(),
                session.getWalkthrough().flow().jacobianNorms());
    }

    private static void assertCovers(ValueAxis axis, double[] values) {
        Range r = axis.getRange();
        for (double v : values) {
            assertTrue(r.contains(v), v + " within the axis " + r);
        }
    }

    @Test
    void theEntryIsTheLargestForANewParameterAndStaysWhileItExists() {
        session.apply(Setup.JEEP.withCell(CellType.LSTM), Cursor.update());
        Walkthrough w = session.getWalkthrough();
        assertEquals("weight_hh", charts.parameterProperty().get());
        assertEquals(w.gradients().weightHh.numRows, charts.rowsProperty().get());
        charts.chooseEntry("weight_hh", 5, 2);
        assertEquals("weight_hh[5,2]", charts.entryLabel());
        var total = charts.contributionChart().entryDataset().getSeries(2);
        assertEquals(w.gradients().weightHh.get(5, 2), total.getYValue(0), 0);

        // a new walk of the same shape keeps the entry
        session.apply(Setup.JEEP.withCell(CellType.LSTM).withSpectralNorm(2.0), Cursor.update());
        assertEquals("weight_hh[5,2]", charts.entryLabel());
        // out of range clamps
        charts.chooseEntry("weight_hh", 99, -3);
        assertEquals(charts.rowsProperty().get() - 1, charts.rowProperty().get());
        assertEquals(0, charts.colProperty().get());
        // another parameter starts at its largest entry
        charts.parameterProperty().set("bias_out");
        assertEquals(1, charts.rowsProperty().get());
        int[] largest = org.unroll.charts.EngineCharts.largestEntry(session.getWalkthrough().gradients(), "bias_out");
        assertEquals(largest[1], charts.colProperty().get());
        assertEquals("bias_out", charts.contributionChart().normParameter());

        charts.modeProperty().set(StepContributionChart.Mode.NORMS);
        assertEquals(StepContributionChart.Mode.NORMS, charts.contributionChart().mode());
    }

    @Test
    void exportsTheChartOrItsReasonAtTheGivenSize(@TempDir Path dir) throws Exception {
        session.apply(Setup.JEEP, Cursor.update());
        assertEquals(java.util.List.of(1280, 720), java.util.List.of(ChartsViewModel.exportSize(0, 0)[0],
                ChartsViewModel.exportSize(0, 0)[1]), "not laid out: the default size");
        assertEquals(700, ChartsViewModel.exportSize(700.4, 480)[0]);
        Path png = dir.resolve("norms.png");
        charts.export(ChartsViewModel.Kind.STEP_NORMS, png, false, 700, 480, 2);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1400, img.getWidth());
        assertEquals(960, img.getHeight());
        Path svg = dir.resolve("gates.svg");
        charts.export(ChartsViewModel.Kind.GATES, svg, true, 700, 480, 1);
        String text = Files.readString(svg);
        assertTrue(text.contains("gate") || text.contains("Gate"), "the RNN's gate page exports its reason");
        assertTrue(charts.figure(ChartsViewModel.Kind.GATES) instanceof MessageFigure);
        assertFalse(charts.figure(ChartsViewModel.Kind.STEP_NORMS) instanceof MessageFigure);
    }

    @Test
    void aNewModelClearsTheCheckAndItsChart() throws Exception {
        session.apply(Setup.JEEP.withCell(CellType.GRU), Cursor.update());
        var result = charts.gradCheck().run().get();
        assertTrue(result.allPass());
        assertNull(charts.placeholderProperty(ChartsViewModel.Kind.GRADCHECK).get());
        assertEquals(result, charts.gradCheckChart().shown());
        var before = charts.gradCheckChart();
        session.apply(Setup.JEEP, Cursor.update());
        assertNull(charts.gradCheckChart().shown());
        assertFalse(before == charts.gradCheckChart(), "a fresh chart for the new model");
        assertNotNull(charts.placeholderProperty(ChartsViewModel.Kind.GRADCHECK).get());
    }

    /**
     * The freeze of an LSTM with T = 1000 and H = 128: the view model built the gate table, every step's
     * contribution norms and the entry's contributions on the UI thread, and handed the heat map 512,000
     * blocks. Now nothing of that is computed on the UI thread (the session's diagnostics compute it, here
     * a queue run by the test), and what the charts get is bounded by the plot's width, not by T·H.
     */
    @Test
    void aLongLstmWalkDrawsTablesComputedOffTheUiThreadAndBoundedByThePlotsWidth() {
        java.util.ArrayDeque<Runnable> diagnostics = new java.util.ArrayDeque<>();
        Session s = new Session(Runnable::run, diagnostics::add, Runnable::run);
        ChartsViewModel c = new ChartsViewModel(s, Runnable::run, Runnable::run);
        StringBuilder text = new StringBuilder();
        java.util.Random rng = new java.util.Random(8);
        for (int i = 0; i <= 1000; i++) {
            text.append((char) ('a' + rng.nextInt(4)));
        }
        s.apply(Setup.JEEP.withCell(CellType.LSTM).withHiddenSize(128).withText(text.toString()), Cursor.update());
        Walkthrough w = s.getWalkthrough();
        assertEquals(1000, w.steps());
        // shown before its tables exist: each chart says it is being computed, and none was computed here
        assertEquals(I18n.get("charts.none.computing"), c.placeholderProperty(ChartsViewModel.Kind.GATES).get());
        assertEquals(I18n.get("charts.none.computing"), c.placeholderProperty(ChartsViewModel.Kind.CONTRIBUTIONS).get());
        assertFalse(w.derived().contributionNormsReady(), "no contribution computed on the UI thread");
        assertNull(org.unroll.charts.EngineCharts.readyGateMap(w), "no gate table built on the UI thread");
        assertEquals(0, c.gateChart().shownColumns());

        diagnostics.poll().run(); // the tables first, then the flow
        assertSame(w, s.tablesProperty().get());
        assertNull(c.placeholderProperty(ChartsViewModel.Kind.GATES).get());
        assertNull(c.placeholderProperty(ChartsViewModel.Kind.CONTRIBUTIONS).get());
        XYPlot gates = c.gateChart().plot();
        int cells = 0;
        for (int i = 0; i < gates.getDatasetCount(); i++) {
            cells += gates.getDataset(i) == null ? 0 : items(gates.getDataset(i));
        }
        assertEquals(0, cells, "no block per cell handed to the heat map");
        assertEquals(4, gates.getAnnotations().size(), "one image per gate");
        assertEquals(org.unroll.charts.GateMap.MAX_COLUMNS, c.gateChart().shownColumns(), "binned to the plot's width");
        org.unroll.charts.GateMap m = c.gateChart().map();
        assertEquals(2, m.firstStep(1));
        assertEquals(3, m.lastStep(1));
        assertEquals((w.tape().gates.get(1, 0) + w.tape().gates.get(2, 0)) / 2, m.value(0, 1, 0), 1e-15,
                "column 2 is the mean of steps 2 and 3");

        // another entry: asked for on the diagnostics thread, drawn when it is there
        c.chooseEntry("weight_ih", 3, 1);
        assertFalse(w.derived().entryContributionsReady("weight_ih", 3, 1), "not computed on the UI thread");
        assertEquals(I18n.get("charts.none.computing"), c.placeholderProperty(ChartsViewModel.Kind.CONTRIBUTIONS).get());
        diagnostics.poll().run();
        assertNull(c.placeholderProperty(ChartsViewModel.Kind.CONTRIBUTIONS).get());
        assertEquals(w.gradients().weightIh.get(3, 1), c.contributionChart().entryDataset().getSeries(2).getYValue(0), 0);
        assertEquals("W_xh[4,2]", c.entryTextProperty().get());
    }
}
